/**
 * The docker backend against a real single-node swarm: `docker stack deploy` with a manifest
 * file delivered as a content-addressed config, a second sync that runs no stack command, an
 * update that replaces the config (old version removed) without touching the other stack,
 * and prune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerStacksProvider } from '../../src/providers/docker/index.js';
import { freePort, startDockerRig, type DockerRig } from '../rig/docker.js';
import {
  actions,
  countingRunner,
  deployCommands,
  deployment,
  desiredState,
  options,
  sync,
  type StackSpec,
} from './fixtures.js';

let rig: DockerRig;
let port: number;
let provider: DockerStacksProvider;
const counter = countingRunner();

const siteSpec = (greeting: string): StackSpec => ({
  stack: `${rig.runId}-site`,
  host: rig.host,
  services: {
    web: {
      image: rig.images.v1,
      // Host-mode publishing: the routing mesh needs IPVS, which this kernel lacks.
      ports: [{ target: 8080, published: '${SITE_PORT}', protocol: 'tcp', mode: 'host' }],
      deploy: { labels: { 'traefik.enable': 'true' } },
    },
  },
  traefik: { web: [`traefik.http.routers.${rig.runId}-site.rule=Host(\`site.test.lan\`)`] },
  variables: [{ name: 'SITE_PORT', value: String(port), secret: false }],
  files: [{ source: 'conf/greeting.txt', destination: '/www/greeting.txt', services: [], content: greeting }],
  extraLabels: rig.labels,
});

const jobsSpec = (): StackSpec => ({
  stack: `${rig.runId}-jobs`,
  host: rig.host,
  services: { worker: { image: rig.images.v1, command: ['sleep', '3600'] } },
  extraLabels: rig.labels,
});

const lines = async (args: string[]) => (await rig.docker(args)).stdout.split('\n').filter(Boolean).sort();
const configsOf = (stack: string) =>
  lines(['config', 'ls', '--filter', `label=com.docker.stack.namespace=${stack}`, '--format', '{{.Name}}']);
const servicesOf = (stack: string) =>
  lines(['service', 'ls', '--filter', `label=com.docker.stack.namespace=${stack}`, '--format', '{{.Name}}']);
const versionOf = async (service: string) =>
  (await rig.docker(['service', 'inspect', service, '--format', '{{.Version.Index}}'])).stdout.trim();

async function get(path: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return `${res.status} ${await res.text()}`;
}

beforeAll(async () => {
  rig = await startDockerRig();
  port = await freePort();
  for (const s of ['site', 'jobs']) rig.trackProject(`${rig.runId}-${s}-production`);
  await rig.ensureSwarm();
  provider = new DockerStacksProvider({ runner: counter.runner, pollIntervalMs: 250, resolveImage: 'never' });
});

afterAll(async () => {
  await rig?.cleanup();
});

describe('docker backend, swarm stacks on a real single-node swarm', () => {
  it('deploys stacks with the file as a content-addressed config, and the port answers', async () => {
    const site = deployment(siteSpec('hello v1\n'));
    const jobs = deployment(jobsSpec());
    const r = await sync(provider, desiredState([site, jobs]));
    expect(actions(r.changes)).toEqual({ [site.id]: 'create', [jobs.id]: 'create' });
    expect(r.changes.every((c) => (c.after as { mode: string }).mode === 'swarm')).toBe(true);
    expect(r.failed.map((f) => f.error?.message)).toEqual([]);

    expect(await servicesOf(site.name)).toEqual([`${site.name}_web`]);
    expect(await configsOf(site.name)).toEqual([`${site.name}-conf_greeting.txt-${site.files[0]?.hash}`]);
    const labels = JSON.parse(
      (
        await rig.docker([
          'service',
          'inspect',
          `${site.name}_web`,
          '--format',
          '{{json .Spec.TaskTemplate.ContainerSpec.Labels}}',
        ])
      ).stdout,
    );
    expect(labels).toMatchObject({
      [`traefik.http.routers.${rig.runId}-site.rule`]: 'Host(`site.test.lan`)',
      'io.phoenix.owner': 'phoenix-test.lan',
      'io.phoenix.hash': site.hash,
    });
    expect(await get('/')).toBe('200 phoenix test image v1\n');
    expect(await get('/greeting.txt')).toBe('200 hello v1\n');
  });

  it('a second sync runs no stack command', async () => {
    counter.reset();
    const r = await sync(
      provider,
      desiredState([deployment(siteSpec('hello v1\n')), deployment(jobsSpec())]),
    );
    expect(Object.values(actions(r.changes))).toEqual(['noop', 'noop']);
    expect(deployCommands(counter.calls)).toEqual([]);
  });

  it('an update replaces the config, removes the old version and leaves the other stack alone', async () => {
    const old = deployment(siteSpec('hello v1\n'));
    const site = deployment(siteSpec('hello v2\n'));
    const jobs = deployment(jobsSpec());
    const jobsVersion = await versionOf(`${jobs.name}_worker`);
    counter.reset();
    const r = await sync(provider, desiredState([site, jobs]));
    expect(actions(r.changes)).toEqual({ [site.id]: 'update', [jobs.id]: 'noop' });
    expect(r.failed.map((f) => f.error?.message)).toEqual([]);
    expect(deployCommands(counter.calls).map((a) => a.at(-1))).toEqual([site.name]);
    expect(await configsOf(site.name)).toEqual([`${site.name}-conf_greeting.txt-${site.files[0]?.hash}`]);
    expect(site.files[0]?.hash).not.toBe(old.files[0]?.hash);
    expect(await get('/greeting.txt')).toBe('200 hello v2\n');
    expect(await versionOf(`${jobs.name}_worker`)).toBe(jobsVersion);
  });

  it('prunes a stack that left the config, with its configs', async () => {
    const site = deployment(siteSpec('hello v2\n'));
    const jobs = deployment(jobsSpec());
    const r = await sync(provider, desiredState([jobs]), options({ prune: true }));
    expect(actions(r.changes)).toEqual({ [site.id]: 'delete', [jobs.id]: 'noop' });
    expect(r.failed.map((f) => f.error?.message)).toEqual([]);
    expect(await servicesOf(site.name)).toEqual([]);
    expect(await configsOf(site.name)).toEqual([]);
    expect(await servicesOf(jobs.name)).toEqual([`${jobs.name}_worker`]);
  });
});
