/**
 * Change markers on the docker backend, where the marker label is all a plan has to compare
 * (pure planning, no engine): a rotated secret is exactly one update that shows no digest,
 * a marker of the previous version is recognised without a redeploy, and without a key a
 * secret-only change is not seen (the derivation warns about it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEGACY_MARKER_NOTE } from '../../src/desired/marker.js';
import type { DesiredState, StackDeployment } from '../../src/desired/types.js';
import type { EngineLive, LiveProject } from '../../src/providers/docker/live.js';
import { desiredValue, planDockerStacks } from '../../src/providers/docker/plan.js';
import { deriveConfig, loadExample } from '../helpers/example.js';
import { copyExample, editJson, removeDir, tempDir } from '../helpers/root.js';
import { OWNER, actions, deployment, desiredState, options } from './fixtures.js';
import { applyPolicy } from '../../src/plan/policy.js';

const HOST = 'unix:///var/run/docker.sock';
const KEY = '6b0d3f1e9a8c7b6a5f4e3d2c1b0a99887766554433221100ffeeddccbbaa9988';

const spec = (secret: string, markerKey?: string) => ({
  stack: 'web',
  host: HOST,
  services: { web: { image: 'nginx', environment: { TOKEN: '${TOKEN}' } } },
  variables: [{ name: 'TOKEN', value: secret, secret: true }],
  ...(markerKey ? { markerKey } : {}),
});

/** What an engine shows after `d` was deployed (its marker label on every container). */
function applied(d: StackDeployment, hashes = [d.hash]): LiveProject {
  return {
    name: d.name,
    mode: 'standalone',
    owner: OWNER,
    deployment: d.name,
    hashes,
    services: ['web'],
    notRunning: [],
    containerIds: [],
  };
}

const engine = (projects: LiveProject[]): EngineLive => ({ host: HOST, swarm: false, projects });
const planOf = (d: StackDeployment, live: LiveProject) =>
  applyPolicy(planDockerStacks(desiredState([d]), { engines: [engine([live])] }, options()), options());

describe('markers on the docker backend', () => {
  it('a rotated secret with a key: one update, shown as (secret changed), no digest of it', () => {
    const before = deployment(spec('old-token-value', KEY));
    const after = deployment(spec('new-token-value', KEY));
    const [change] = planOf(after, applied(before));
    expect(change?.action).toBe('update');
    const publicPart = after.hash.split('.').slice(0, 2).join('.');
    expect(change?.reason).toBe(`content hash ${publicPart} (secret changed)`);
    const shown = JSON.stringify(change);
    for (const keyed of [before.hash, after.hash].map((h) => h.split('.')[2]!))
      expect(shown).not.toContain(keyed);
  });

  it('a rotated secret without a key is not seen (the documented limit)', () => {
    const before = deployment(spec('old-token-value'));
    const after = deployment(spec('new-token-value'));
    expect(after.hash).toBe(before.hash);
    expect(planOf(after, applied(before))[0]?.action).toBe('noop');
  });

  it('a marker of the previous version for the same inputs: unchanged, and the plan says why', () => {
    const d = deployment(spec('token-value', KEY));
    const legacy = d.legacyMarker!();
    const [change] = planOf(d, applied(d, [legacy]));
    expect(change).toMatchObject({ action: 'noop', reason: LEGACY_MARKER_NOTE });
    // The old marker (a digest of the secret) appears nowhere in the plan.
    expect(JSON.stringify(change)).not.toContain(legacy);
  });

  it('a marker of the previous version for other inputs: an update that does not show it', () => {
    const old = deployment(spec('old-token-value'));
    const d = deployment(spec('new-token-value', KEY));
    const legacy = old.legacyMarker!();
    const [change] = planOf(d, applied(d, [legacy]));
    expect(change?.action).toBe('update');
    expect(change?.reason).toBe(`content hash earlier version → ${change?.after?.hash}`);
    expect(JSON.stringify(change)).not.toContain(legacy);
  });

  it('adding a key redeploys nothing (the keyed part cannot be compared yet)', () => {
    const before = deployment(spec('token-value'));
    const after = deployment(spec('token-value', KEY));
    expect(after.hash).not.toBe(before.hash);
    expect(planOf(after, applied(before))[0]?.action).toBe('noop');
  });
});

describe('the example on the docker backend, with a key', () => {
  const dir = tempDir('phoenix-docker-markers-');
  afterAll(() => removeDir(dir));

  const derive = (qdrantKey: string, markerKey?: string): DesiredState => {
    const root = copyExample(dir);
    writeFileSync(join(root, 'secrets', 'qdrant_api_key'), `${qdrantKey}\n`);
    editJson(join(root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      c.sync.backend = 'docker';
      if (markerKey) c.sync.marker_key = 'file:/nonexistent';
    });
    const { config } = loadExample(root, {});
    if (markerKey) config.secrets.set('file:/nonexistent', { ok: true, value: markerKey, reference: true });
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    return desired;
  };

  /** Every deployment of a derivation, as the engines show it once applied. */
  const engines = (d: DesiredState): EngineLive[] => {
    const byHost = new Map<string, LiveProject[]>();
    for (const x of d.deployments) {
      const project = { ...applied(x), owner: d.ownerId, services: desiredValue(x, false).services };
      byHost.set(x.dockerHost, [...(byHost.get(x.dockerHost) ?? []), project]);
    }
    return [...byHost].map(([host, projects]) => ({ host, swarm: false, projects }));
  };

  it('rotating one secret is exactly one update of each stack that uses it', () => {
    const before = derive('change-me-qdrant', KEY);
    const after = derive('rotated-qdrant-key', KEY);
    const plan = (d: DesiredState) =>
      applyPolicy(
        planDockerStacks(d, { engines: engines(before) }, options({ includePortainer: true })),
        options({ includePortainer: true }),
      );
    expect(Object.values(actions(plan(before)))).toEqual(Array(7).fill('noop'));
    const shown = (id: string) =>
      after.deployments
        .find((x) => x.id === id)!
        .hash.split('.')
        .slice(0, 2)
        .join('.');
    // qdrant and open-webui both read secrets/qdrant_api_key.
    expect(
      plan(after)
        .filter((c) => c.action !== 'noop')
        .map((c) => [c.id, c.action, c.reason]),
    ).toEqual(
      ['1002/qdrant-production', '1002/open-webui-production'].map((id) => [
        id,
        'update',
        `content hash ${shown(id)} (secret changed)`,
      ]),
    );
  });

  it('without a key the derivation warns that secret-only changes are not seen', () => {
    const root = copyExample(dir);
    editJson(join(root, 'etc', 'phoenix_hypervisor_config.json'), (c) => void (c.sync.backend = 'docker'));
    const { config } = loadExample(root, {});
    const { diags } = deriveConfig(config);
    const warning = diags.items.find((x) => x.code === 'unkeyed-marker');
    expect(warning?.message).toMatch(
      /^stacks 1002\/qdrant-production, 1002\/open-webui-production, 1003\/monitoring-production deploy with the docker backend and use secret variables, but sync\.marker_key is not set/,
    );
    expect(warning?.source.file).toMatch(/phoenix_vm_configs\.json$/);
    expect(warning?.source.line).toBeGreaterThan(0);
  });
});
