/**
 * The docker backend against a real engine, standalone (compose) stacks: deploy, a second
 * sync that recreates nothing, a change that recreates only its stack, foreign projects
 * left alone even with --prune, prune with the refuse-on-empty guard, and a published port
 * that answers over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerStacksProvider } from '../../src/providers/docker/index.js';
import { execOk } from '../../src/util/exec.js';
import { TEST_RUN_LABEL, freePort, startDockerRig, type DockerRig } from '../rig/docker.js';
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
let webPort: number;
const counter = countingRunner();
const SECRET = 's3cret-token-value';
let provider: DockerStacksProvider;

const webSpec = (image: string): StackSpec => ({
  stack: `${rig.runId}-web`,
  host: rig.host,
  services: {
    web: {
      image,
      ports: ['127.0.0.1:${WEB_PORT}:8080'],
      environment: { TOKEN: '${SECRET_TOKEN}' },
      labels: ['com.example.team=web'],
    },
  },
  traefik: {
    web: [
      'traefik.enable=true',
      `traefik.http.routers.${rig.runId}-web.rule=Host(\`web.test.lan\`)`,
      `traefik.http.services.${rig.runId}-web.loadbalancer.server.port=8080`,
    ],
  },
  variables: [
    { name: 'WEB_PORT', value: String(webPort), secret: false },
    { name: 'SECRET_TOKEN', value: SECRET, secret: true },
  ],
  files: [
    {
      source: 'greeting.txt',
      destination: '/www/greeting.txt',
      services: ['web'],
      content: 'hello from a manifest file\n',
    },
  ],
  extraLabels: rig.labels,
});

const apiSpec = (): StackSpec => ({
  stack: `${rig.runId}-api`,
  host: rig.host,
  services: {
    api: {
      image: rig.images.v1,
      labels: { 'com.example.team': 'api' },
      healthcheck: {
        test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/'],
        interval: '1s',
        retries: 30,
      },
    },
    worker: { image: rig.images.v1, command: ['sleep', '3600'] },
  },
  traefik: {
    api: ['traefik.enable=true', `traefik.http.routers.${rig.runId}-api.rule=Host(\`api.test.lan\`)`],
  },
  extraLabels: rig.labels,
});

async function containers(
  project: string,
): Promise<{ id: string; service: string; labels: Record<string, string>; state: string }[]> {
  const ids = (
    await rig.docker(['ps', '-aq', '--no-trunc', '--filter', `label=com.docker.compose.project=${project}`])
  ).stdout
    .split('\n')
    .filter(Boolean);
  if (ids.length === 0) return [];
  const inspected = JSON.parse((await rig.docker(['inspect', ...ids])).stdout) as {
    Id: string;
    Config: { Labels: Record<string, string> };
    State: { Status: string };
  }[];
  return inspected
    .map((c) => ({
      id: c.Id,
      service: c.Config.Labels['com.docker.compose.service'] ?? '',
      labels: c.Config.Labels,
      state: c.State.Status,
    }))
    .sort((a, b) => a.service.localeCompare(b.service));
}

const idsOf = async (project: string) => (await containers(project)).map((c) => c.id);

async function get(path: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${webPort}${path}`);
  return `${res.status} ${await res.text()}`;
}

beforeAll(async () => {
  rig = await startDockerRig();
  webPort = await freePort();
  for (const s of ['web', 'api', 'foreign', 'other', 'broken'])
    rig.trackProject(`${rig.runId}-${s}-production`);
  const swarm = (await rig.docker(['info', '--format', '{{.Swarm.LocalNodeState}}'])).stdout.trim();
  // On an engine that is already a swarm manager, auto mode would deploy swarm stacks.
  provider = new DockerStacksProvider({
    runner: counter.runner,
    pollIntervalMs: 250,
    mode: swarm === 'active' ? 'standalone' : 'auto',
  });
});

afterAll(async () => {
  await rig?.cleanup();
});

describe('docker backend, standalone stacks on a real engine', () => {
  it('deploys the stacks with the merged Traefik and ownership labels, and the port answers', async () => {
    const web = deployment(webSpec(rig.images.v1));
    const api = deployment(apiSpec());
    const r = await sync(provider, desiredState([web, api]));
    expect(actions(r.changes)).toEqual({ [web.id]: 'create', [api.id]: 'create' });
    expect(r.failed.map((f) => f.error?.message)).toEqual([]);

    const [webC] = await containers(web.name);
    expect(webC?.state).toBe('running');
    expect(webC?.labels).toMatchObject({
      'traefik.enable': 'true',
      [`traefik.http.routers.${rig.runId}-web.rule`]: 'Host(`web.test.lan`)',
      'com.example.team': 'web',
      'io.phoenix.owner': 'phoenix-test.lan',
      'io.phoenix.deployment': web.name,
      'io.phoenix.hash': web.hash,
      [TEST_RUN_LABEL]: rig.runId,
    });
    const apiCs = await containers(api.name);
    expect(apiCs.map((c) => [c.service, c.state])).toEqual([
      ['api', 'running'],
      ['worker', 'running'],
    ]);
    expect(apiCs[0]?.labels).toMatchObject({ 'com.example.team': 'api', 'io.phoenix.hash': api.hash });

    expect(await get('/')).toBe('200 phoenix test image v1\n');
    expect(await get('/greeting.txt')).toBe('200 hello from a manifest file\n');
    // Secrets travel in the environment only.
    expect(counter.calls.flat().join(' ')).not.toContain(SECRET);
  });

  it('a second sync recreates nothing and runs no compose command', async () => {
    const web = deployment(webSpec(rig.images.v1));
    const api = deployment(apiSpec());
    const before = [...(await idsOf(web.name)), ...(await idsOf(api.name))];
    counter.reset();
    const r = await sync(provider, desiredState([web, api]));
    expect(actions(r.changes)).toEqual({ [web.id]: 'noop', [api.id]: 'noop' });
    expect(r.results).toEqual([]);
    expect(deployCommands(counter.calls)).toEqual([]);
    expect([...(await idsOf(web.name)), ...(await idsOf(api.name))]).toEqual(before);
  });

  it('a changed stack is recreated alone; a failing stack does not stop the others', async () => {
    const web = deployment(webSpec(rig.images.v2));
    const api = deployment(apiSpec());
    const broken = deployment({
      stack: `${rig.runId}-broken`,
      host: rig.host,
      services: { job: { image: rig.images.v1, command: ['false'] } },
      extraLabels: rig.labels,
    });
    const webBefore = await idsOf(web.name);
    const apiBefore = await idsOf(api.name);
    counter.reset();
    const r = await sync(provider, desiredState([broken, web, api]));
    expect(actions(r.changes)).toEqual({ [web.id]: 'update', [api.id]: 'noop', [broken.id]: 'create' });
    expect(r.changes.find((c) => c.id === web.id)?.reason).toContain('content hash');
    expect(r.results.map((x) => [x.change.id, x.status])).toEqual([
      [broken.id, 'failed'],
      [web.id, 'ok'],
    ]);
    expect(r.failed[0]?.error?.message).toMatch(/exited with code 1/);
    expect(deployCommands(counter.calls).every((a) => !a.includes(api.name))).toBe(true);
    expect(await idsOf(api.name)).toEqual(apiBefore);
    expect(await idsOf(web.name)).not.toEqual(webBefore);
    expect(await get('/')).toBe('200 phoenix test image v2\n');
    expect(await get('/greeting.txt')).toBe('200 hello from a manifest file\n');
  });

  it('never touches a foreign compose project, even with --prune', async () => {
    const foreignName = `${rig.runId}-foreign-production`;
    const otherName = `${rig.runId}-other-production`;
    const compose = (labels: Record<string, string>) =>
      JSON.stringify({ services: { app: { image: rig.images.v1, labels: { ...rig.labels, ...labels } } } });
    const env = { ...process.env, DOCKER_HOST: rig.host };
    await execOk(['docker-compose', '-p', foreignName, '-f', '-', 'up', '-d'], {
      timeoutMs: 120_000,
      env,
      input: compose({}),
    });
    await execOk(['docker-compose', '-p', otherName, '-f', '-', 'up', '-d'], {
      timeoutMs: 120_000,
      env,
      input: compose({
        'io.phoenix.owner': 'someone-else',
        'io.phoenix.deployment': `1001/${otherName}`,
        'io.phoenix.hash': 'x',
      }),
    });
    const foreignBefore = await idsOf(foreignName);
    const otherBefore = await idsOf(otherName);
    expect(foreignBefore).toHaveLength(1);

    const web = deployment(webSpec(rig.images.v2));
    const api = deployment(apiSpec());
    const clash = deployment({
      stack: `${rig.runId}-foreign`,
      host: rig.host,
      services: { app: { image: rig.images.v2 } },
    });
    const brokenId = `1001/${rig.runId}-broken-production`;
    counter.reset();
    const r = await sync(provider, desiredState([web, api, clash]), options({ prune: true, pruneAll: true }));
    // The broken stack of the previous test is Phoenix's and left the config: pruned.
    expect(actions(r.changes)).toEqual({
      [web.id]: 'noop',
      [api.id]: 'noop',
      [clash.id]: 'blocked:update',
      [brokenId]: 'delete',
    });
    expect(r.results.map((x) => [x.change.id, x.status])).toEqual([[brokenId, 'ok']]);
    expect(r.changes.find((c) => c.id === clash.id)?.blocked).toMatch(/not made by Phoenix/);
    expect(deployCommands(counter.calls)).toEqual([]);
    expect(await idsOf(foreignName)).toEqual(foreignBefore);
    expect(await idsOf(otherName)).toEqual(otherBefore);
  });

  it('prunes owned stacks that left the config only with --prune, and never everything without --prune-all', async () => {
    const web = deployment(webSpec(rig.images.v2));
    const api = deployment(apiSpec());
    const webIds = await idsOf(web.name);

    const held = await sync(provider, desiredState([web]));
    expect(actions(held.changes)).toMatchObject({ [web.id]: 'noop', [api.id]: 'blocked:delete' });
    expect(await idsOf(api.name)).toHaveLength(2);

    const pruned = await sync(provider, desiredState([web]), options({ prune: true }));
    expect(pruned.results.map((x) => [x.change.id, x.change.action, x.status])).toEqual([
      [api.id, 'delete', 'ok'],
    ]);
    expect(await idsOf(api.name)).toEqual([]);
    const networks = await rig.docker([
      'network',
      'ls',
      '-q',
      '--filter',
      `label=com.docker.compose.project=${api.name}`,
    ]);
    expect(networks.stdout.trim()).toBe('');
    expect(await idsOf(web.name)).toEqual(webIds);

    // Nothing desired: the engine is known from sync.docker.hosts only.
    const empty = () => desiredState([], { docker: { hosts: { '1001': rig.host } } });
    const guarded = await sync(provider, empty(), options({ prune: true }));
    expect(guarded.changes.find((c) => c.id === web.id)?.blocked).toMatch(
      /engine unix:.*refusing to delete everything Phoenix made there.*--prune-all/,
    );
    expect(guarded.results).toEqual([]);
    expect(await idsOf(web.name)).toEqual(webIds);

    const all = await sync(provider, empty(), options({ prune: true, pruneAll: true }));
    expect(all.results.map((x) => [x.change.id, x.status])).toEqual([[web.id, 'ok']]);
    expect(await idsOf(web.name)).toEqual([]);
    expect(await idsOf(`${rig.runId}-foreign-production`)).toHaveLength(1);
  });
});
