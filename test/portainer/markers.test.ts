/**
 * Change markers through Portainer, end to end on examples/homelab against the test double
 * (`phoenix` run in-process): a rotated secret is exactly one PUT, with a key and without one
 * (then the Env alone shows it); stacks the previous version marked are recognised without a
 * single write; and the marker key itself never reaches any output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HASH_LABEL } from '../../src/desired/compose-render.js';
import { LEGACY_MARKER_NOTE } from '../../src/desired/marker.js';
import type { StackDeployment } from '../../src/desired/types.js';
import { HASH_VAR } from '../../src/providers/portainer/index.js';
import type { CliResult } from '../helpers/cli.js';
import { deriveConfig, loadExample } from '../helpers/example.js';
import { editJson, replaceIn } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson, type JsonRun } from '../e2e/harness.js';

const KEY = 'canary-marker-key-0f9e8d7c6b5a49382716';
const WEBUI_SECRET = ['change-me-webui', 'rotated-webui-secret-77e1'];

let h: Homelab | undefined;
afterEach(async () => {
  expect(h?.double.violations ?? []).toEqual([]);
  await h?.stop();
  h = undefined;
});

/** A homelab whose root uses a marker key from a 0600 file outside it (or none). */
async function homelab(keyed: boolean): Promise<Homelab> {
  const lab = await startHomelab({ dnsmasq: false });
  if (keyed) {
    const file = join(lab.dir, 'marker.key');
    writeFileSync(file, `${KEY}\n`, { mode: 0o600 });
    editJson(
      join(lab.root, 'etc', 'phoenix_hypervisor_config.json'),
      (c) => void (c.sync.marker_key = `file:${file}`),
    );
  }
  return lab;
}

const sync = (lab: Homelab) => phoenixJson(lab, ['sync', 'all', '--yes']);
const stack = (lab: Homelab, name: string) => lab.double.model.stacks.find((s) => s.Name === name)!;
const envOf = (lab: Homelab, name: string) =>
  Object.fromEntries(stack(lab, name).Env.map((e) => [e.name, e.value]));
const stackChanges = (r: JsonRun) =>
  r.report.changes.filter((c) => c.stage === 'stacks' && c.action !== 'noop' && !c.blocked);

/** Converge, then rotate the Open WebUI secret (only open-webui uses it) and sync again. */
async function rotate(lab: Homelab): Promise<{ first: JsonRun; rotated: JsonRun; again: JsonRun }> {
  const first = await sync(lab);
  expect(first.code, explain(first)).toBe(0);
  lab.double.resetCounters();
  writeFileSync(join(lab.root, 'secrets', 'webui_secret_key'), `${WEBUI_SECRET[1]}\n`);
  const rotated = await sync(lab);
  expect(rotated.code, explain(rotated)).toBe(0);
  const writes = lab.double.counts();
  expect(writes.writes).toBe(1);
  expect(writes.byRoute['PUT /stacks/{id}']).toBe(1);
  lab.double.resetCounters();
  const again = await sync(lab);
  expect(again.code, explain(again)).toBe(0);
  expect(lab.double.counts().writes).toBe(0);
  return { first, rotated, again };
}

describe('rotating a secret through Portainer', () => {
  it('with a key: exactly one PUT, shown as (secret changed), no digest in the plan', async () => {
    h = await homelab(true);
    const { rotated } = await rotate(h);
    const [change] = stackChanges(rotated);
    expect(stackChanges(rotated).map((c) => [c.id, c.action, c.reason])).toEqual([
      ['1002/open-webui-production', 'update', 'variables ~WEBUI_SECRET_KEY (secret changed)'],
    ]);
    // The compose file differs only in its marker, which is never compared nor shown.
    expect(change?.diff).toBeUndefined();
    const env = envOf(h, 'open-webui-production');
    expect(env['WEBUI_SECRET_KEY']).toBe(WEBUI_SECRET[1]);
    expect(env[HASH_VAR]).toMatch(/^v2\.[0-9a-f]{16}\.[0-9a-f]{16}$/);
    expect(stack(h, 'open-webui-production').file).toContain(`${HASH_LABEL}: ${env[HASH_VAR]}`);
    const keyed = env[HASH_VAR]!.split('.')[2]!;
    expect(rotated.out + rotated.err).not.toContain(keyed);
  });

  it('without a key: the marker leaves the secret out, the Env shows the change: one PUT', async () => {
    h = await homelab(false);
    const lab = h;
    const first = await sync(lab);
    expect(first.code, explain(first)).toBe(0);
    const marker = envOf(lab, 'open-webui-production')[HASH_VAR];
    expect(marker).toMatch(/^v2\.[0-9a-f]{16}$/);
    lab.double.resetCounters();
    writeFileSync(join(lab.root, 'secrets', 'webui_secret_key'), `${WEBUI_SECRET[1]}\n`);
    const rotated = await sync(lab);
    expect(rotated.code, explain(rotated)).toBe(0);
    expect(lab.double.counts().byRoute['PUT /stacks/{id}']).toBe(1);
    expect(lab.double.counts().writes).toBe(1);
    expect(stackChanges(rotated).map((c) => [c.id, c.reason])).toEqual([
      ['1002/open-webui-production', 'variables ~WEBUI_SECRET_KEY (secret changed)'],
    ]);
    // Same marker (it does not depend on the secret), new Env.
    expect(envOf(lab, 'open-webui-production')).toMatchObject({
      [HASH_VAR]: marker,
      WEBUI_SECRET_KEY: WEBUI_SECRET[1],
    });
    lab.double.resetCounters();
    expect((await sync(lab)).code).toBe(0);
    expect(lab.double.counts().writes).toBe(0);
  });
});

describe('markers of the previous version', () => {
  it('are recognised without a PUT, never shown, and replaced at the next real change', async () => {
    h = await homelab(true);
    const lab = h;
    const first = await sync(lab);
    expect(first.code, explain(first)).toBe(0);
    // Leave every stack as the previous version would have: the old marker in file and Env.
    const { config } = loadExample(lab.root, lab.env);
    const deployments = deriveConfig(config).desired.deployments;
    const legacy = new Map<string, string>();
    for (const s of lab.double.model.stacks) {
      const d = deployments.find((x: StackDeployment) => x.name === s.Name)!;
      const old = d.legacyMarker!();
      legacy.set(s.Name, old);
      expect(s.file).toContain(d.hash);
      s.file = s.file.split(d.hash).join(old);
      s.Env = s.Env.map((e) => (e.name === HASH_VAR ? { ...e, value: old } : e));
    }
    expect(legacy.size).toBe(6);

    lab.double.resetCounters();
    const runs: CliResult[] = [];
    const migrated = await sync(lab);
    runs.push(migrated, await phoenix(lab, ['plan', '--verbose']));
    expect(migrated.code, explain(migrated)).toBe(0);
    expect(lab.double.counts().writes).toBe(0);
    const notes = migrated.report.changes.filter(
      (c) => c.stage === 'stacks' && c.reason === LEGACY_MARKER_NOTE,
    );
    expect(notes.map((c) => c.action)).toEqual(Array(6).fill('noop'));
    expect(runs[1]!.out.replace(/\s+/g, ' ')).toContain(LEGACY_MARKER_NOTE);
    for (const r of runs) for (const old of legacy.values()) expect(r.out + r.err).not.toContain(old);

    // A real change of one stack rewrites its marker; the others keep theirs (no storm).
    replaceIn(lab.root, 'stacks/n8n/docker-compose.yml', '"5678:5678"', '"5679:5678"');
    lab.double.resetCounters();
    const changed = await sync(lab);
    expect(changed.code, explain(changed)).toBe(0);
    expect(lab.double.counts().byRoute['PUT /stacks/{id}']).toBe(1);
    expect(envOf(lab, 'n8n-production')[HASH_VAR]).toMatch(/^v2\./);
    expect(stack(lab, 'n8n-production').file).not.toContain(legacy.get('n8n-production'));
    for (const name of [...legacy.keys()].filter((n) => n !== 'n8n-production'))
      expect(envOf(lab, name)[HASH_VAR], name).toBe(legacy.get(name));
  });
});

describe('the marker key', () => {
  it('never appears in any output, nor in anything sent to Portainer', async () => {
    h = await homelab(true);
    const lab = h;
    const runs: CliResult[] = [];
    for (const argv of [
      ['validate'],
      ['plan', '--verbose'],
      ['sync', 'all', '--yes', '--verbose'],
      ['sync', 'all', '--yes', '--json'],
      ['sync', 'all', '--yes', '--json=stream'],
    ]) {
      const r = await phoenix(lab, argv);
      expect(r.code, explain(r)).toBe(0);
      runs.push(r);
    }
    // An env: reference whose value also shows up in an error message stays hidden too.
    editJson(
      join(lab.root, 'etc', 'phoenix_hypervisor_config.json'),
      (c) => void (c.sync.marker_key = 'env:PHOENIX_MARKER_KEY'),
    );
    runs.push(await phoenix({ ...lab, env: { ...lab.env, PHOENIX_MARKER_KEY: KEY } }, ['plan', '--verbose']));
    for (const [i, r] of runs.entries()) expect(r.out + r.err, `run ${i + 1}`).not.toContain(KEY);
    for (const s of lab.double.model.stacks) expect(JSON.stringify(s)).not.toContain(KEY);
  });

  it('written in plain text is refused where it is, without repeating it', async () => {
    h = await homelab(false);
    const lab = h;
    editJson(join(lab.root, 'etc', 'phoenix_hypervisor_config.json'), (c) => void (c.sync.marker_key = KEY));
    lab.double.resetCounters();
    const r = await phoenix(lab, ['sync', 'all', '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /etc\/phoenix_hypervisor_config\.json:\d+:\d+: error: sync\.marker_key must be a reference \("env:NAME" or "file:PATH"\), not the key itself/,
    );
    expect(r.out + r.err).not.toContain(KEY);
    expect(lab.double.counts().writes).toBe(0);
    expect(lab.double.model.stacks).toEqual([]);
  });
});
