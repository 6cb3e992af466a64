/**
 * The bundled example, loaded and derived by the real loader, deployed by the docker
 * backend on a real engine (test images substituted, see example-root.ts): every stack runs
 * with the merged Traefik and ownership labels and its manifest files, a second sync runs no
 * compose command, and an edited stack environment is the only one recreated.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesiredState } from '../../src/desired/types.js';
import { loadEstate } from '../../src/engine/estate.js';
import { silentReporter } from '../../src/output/events.js';
import { DockerStacksProvider } from '../../src/providers/docker/index.js';
import { Redactor } from '../../src/secrets.js';
import { removeDir } from '../helpers/root.js';
import { startDockerRig, type DockerRig } from '../rig/docker.js';
import { dockerExampleRoot, type ExampleRoot } from './example-root.js';
import { actions, countingRunner, deployCommands, sync } from './fixtures.js';

let rig: DockerRig;
let example: ExampleRoot;
let provider: DockerStacksProvider;
const counter = countingRunner();

const load = async (): Promise<DesiredState> =>
  (await loadEstate(example.root, process.env, silentReporter, new Redactor())).desired;

async function project(
  name: string,
): Promise<{ id: string; service: string; labels: Record<string, string>; health?: string }[]> {
  const ids = (
    await rig.docker(['ps', '-q', '--no-trunc', '--filter', `label=com.docker.compose.project=${name}`])
  ).stdout
    .split('\n')
    .filter(Boolean);
  if (ids.length === 0) return [];
  const list = JSON.parse((await rig.docker(['inspect', ...ids])).stdout) as {
    Id: string;
    Config: { Labels: Record<string, string> };
    State: { Health?: { Status: string } };
  }[];
  return list
    .map((c) => ({
      id: c.Id,
      service: c.Config.Labels['com.docker.compose.service'] ?? '',
      labels: c.Config.Labels,
      ...(c.State.Health ? { health: c.State.Health.Status } : {}),
    }))
    .sort((a, b) => a.service.localeCompare(b.service));
}

async function allIds(desired: DesiredState): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const d of desired.deployments) out[d.name] = (await project(d.name)).map((c) => c.id);
  return out;
}

beforeAll(async () => {
  rig = await startDockerRig();
  example = await dockerExampleRoot(rig);
  const swarm = (await rig.docker(['info', '--format', '{{.Swarm.LocalNodeState}}'])).stdout.trim();
  provider = new DockerStacksProvider({
    runner: counter.runner,
    pollIntervalMs: 250,
    mode: swarm === 'active' ? 'standalone' : 'auto',
  });
  for (const d of (await load()).deployments) rig.trackProject(d.name);
});

afterAll(async () => {
  await rig?.cleanup();
  if (example) removeDir(example.root);
});

describe('docker backend on the bundled example', () => {
  it('deploys every stack of the example with its labels and files', async () => {
    const desired = await load();
    const names = desired.deployments.map((d) => d.name).sort();
    const s = example.stacks;
    expect(names).toEqual(
      [
        `${s.monitoring}-production`,
        `${s.n8n}-production`,
        `${s['open-webui']}-production`,
        `${s.portainer}-production`,
        `${s.qdrant}-production`,
        `${s.whoami}-production`,
        `${s.whoami}-staging`,
      ].sort(),
    );
    const r = await sync(provider, desired);
    expect(Object.values(actions(r.changes))).toEqual(names.map(() => 'create'));
    expect(r.failed.map((f) => f.error?.message)).toEqual([]);

    const whoami = desired.deployments.find((d) => d.name === `${s.whoami}-production`)!;
    const [container] = await project(whoami.name);
    expect(container?.labels).toMatchObject({
      'traefik.http.routers.whoami.rule': 'Host(`whoami.lab.internal`)',
      'traefik.http.services.whoami.loadbalancer.server.port': '80',
      'io.phoenix.owner': rig.runId,
      'io.phoenix.deployment': whoami.name,
      'io.phoenix.hash': whoami.hash,
    });
    const res = await fetch(`http://127.0.0.1:${example.ports.get('whoami/whoami:production')}/`);
    expect(await res.text()).toBe('phoenix test image v1\n');

    const monitoring = await project(`${s.monitoring}-production`);
    expect(monitoring.map((c) => c.service)).toEqual(['grafana', 'prometheus']);
    expect(monitoring[0]?.labels['traefik.http.routers.grafana.rule']).toBe('Host(`grafana.lab.internal`)');
    const prometheus = monitoring.find((c) => c.service === 'prometheus')!;
    const delivered = await rig.docker(['exec', prometheus.id, 'cat', '/etc/prometheus/prometheus.yml']);
    const source = readFileSync(join(example.root, 'stacks', s.monitoring!, 'prometheus.yml'), 'utf8');
    expect(delivered.stdout).toBe(source);
    expect((await project(`${s.n8n}-production`))[0]?.health).toBe('healthy');
  });

  it('a second sync runs no compose command and recreates nothing', async () => {
    const desired = await load();
    const before = await allIds(desired);
    counter.reset();
    const r = await sync(provider, desired);
    expect(new Set(Object.values(actions(r.changes)))).toEqual(new Set(['noop']));
    expect(deployCommands(counter.calls)).toEqual([]);
    expect(await allIds(desired)).toEqual(before);
  });

  it('an edited stack environment is the only one recreated', async () => {
    const manifest = join(example.root, 'stacks', example.stacks.whoami!, 'phoenix.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"whoami-staging"', '"whoami-staging-2"'));
    const desired = await load();
    const staging = desired.deployments.find((d) => d.name === `${example.stacks.whoami}-staging`)!;
    const before = await allIds(desired);
    counter.reset();
    const r = await sync(provider, desired);
    const changed = Object.entries(actions(r.changes)).filter(([, a]) => a !== 'noop');
    expect(changed).toEqual([[staging.id, 'update']]);
    expect(r.failed).toEqual([]);
    const after = await allIds(desired);
    for (const [name, ids] of Object.entries(before)) {
      if (name === staging.name) expect(after[name]).not.toEqual(ids);
      else expect(after[name]).toEqual(ids);
    }
  });
});
