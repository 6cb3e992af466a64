/**
 * Canaries: no saved plan ever holds a secret value, in any form it may travel in (JSON
 * escaped, percent-encoded, base64 from any offset): an `env:` stack variable, a `file:` one
 * and the Portainer password, in plans made without and with `sync.marker_key`, before and
 * after they reached Portainer, and after a rotation (Portainer then still holds the old
 * value, which nothing in the run knows as a secret any more).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedPlan } from '../../src/plan/saved.js';
import { encodedForms } from '../../src/secrets.js';
import { editJson, removeDir, replaceIn, tempDir } from '../helpers/root.js';
import { PORTAINER_PASSWORD, startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix } from '../e2e/harness.js';

const ENV_SECRET = ['canary-plan-env-5e1f9a0c', 'canary-plan-env-rotated-77b2d4'];
const FILE_SECRET = 'canary-plan-file-0d3c6b2a';
const CANARIES = [...ENV_SECRET, FILE_SECRET, PORTAINER_PASSWORD];

/** Every canary form found in a text. */
function leaks(text: string): string[] {
  return CANARIES.flatMap((c) =>
    encodedForms(c)
      .filter((f) => text.includes(f))
      .map((f) => `${c} as ${f}`),
  );
}

describe('no saved plan ever contains a secret value', () => {
  let h: Homelab;
  let dir: string;
  const withSecret = (secret: string) => ({ ...h, env: { ...h.env, N8N_KEY: secret } });

  beforeAll(async () => {
    h = await startHomelab();
    dir = tempDir('phoenix-plan-canary-');
    editJson(
      join(h.root, 'stacks', 'n8n', 'phoenix.json'),
      (m) =>
        void (m.environments.production.variables = [{ name: 'N8N_ENCRYPTION_KEY', value: 'env:N8N_KEY' }]),
    );
    replaceIn(
      h.root,
      'stacks/n8n/docker-compose.yml',
      '      N8N_PROTOCOL: https\n',
      '      N8N_PROTOCOL: https\n      N8N_ENCRYPTION_KEY: ${N8N_ENCRYPTION_KEY}\n',
    );
    writeFileSync(join(h.root, 'secrets', 'qdrant_api_key'), `${FILE_SECRET}\n`);
  });
  afterAll(async () => {
    await h?.stop();
    if (dir) removeDir(dir);
  });

  it('with and without a marker key, before and after the secrets reached Portainer and rotated', async () => {
    const plans: [string, string][] = [];
    const save = async (name: string, secret: string) => {
      const file = join(dir, `${name}.json`);
      const r = await phoenix(withSecret(secret), ['plan', '--out', file]);
      expect(r.code, explain(r)).toBe(0);
      plans.push([name, readFileSync(file, 'utf8')]);
      return JSON.parse(plans.at(-1)![1]) as SavedPlan;
    };
    const sync = async (secret: string) => {
      const r = await phoenix(withSecret(secret), ['sync', '--yes']);
      expect(r.code, explain(r)).toBe(0);
    };

    // Without a key: the stacks that name a secret variable have no fingerprints at all.
    const fresh = await save('public-fresh', ENV_SECRET[0]!);
    expect(fresh.hashes).toBe('public');
    await sync(ENV_SECRET[0]!);
    const synced = await save('public-synced', ENV_SECRET[0]!);
    const n8n = synced.changes.find((c) => c.stage === 'stacks' && c.id.includes('n8n'))!;
    expect(n8n).toBeDefined();
    expect(n8n.observed).toBeUndefined();
    expect(n8n.desired).toBeUndefined();
    // A stack without secrets keeps its fingerprints.
    const whoami = synced.changes.find((c) => c.stage === 'stacks' && c.id.includes('whoami'))!;
    expect(whoami.observed).toMatch(/^sha256:/);
    // Unkeyed plans apply like keyed ones when nothing moved.
    const applied = await phoenix(withSecret(ENV_SECRET[0]!), [
      'sync',
      '--plan',
      join(dir, 'public-synced.json'),
      '--yes',
    ]);
    expect(applied.code, explain(applied)).toBe(0);
    // Rotated: Portainer still holds the first value, which no longer is a secret of this run.
    await save('public-rotated', ENV_SECRET[1]!);

    // With a key every hash is keyed, the secret stacks' included.
    editJson(
      join(h.root, 'etc', 'phoenix_hypervisor_config.json'),
      (c) => void (c.sync.marker_key = 'env:PHOENIX_MARKER_KEY'),
    );
    h.env = { ...h.env, PHOENIX_MARKER_KEY: 'canary-test-marker-key-91d2e7' };
    const keyed = await save('keyed-rotated', ENV_SECRET[1]!);
    expect(keyed.hashes).toBe('keyed');
    expect(keyed.changes.find((c) => c.id.includes('n8n') && c.stage === 'stacks')!.observed).toMatch(
      /^hmac-sha256:/,
    );
    await sync(ENV_SECRET[1]!);
    await save('keyed-synced', ENV_SECRET[1]!);

    // The secrets did reach Portainer (so the live objects the plans fingerprint held them).
    const env = h.double.model.stacks.find((s) => s.Name === 'n8n-production')?.Env ?? [];
    expect(env).toContainEqual({ name: 'N8N_ENCRYPTION_KEY', value: ENV_SECRET[1] });
    for (const [name, text] of plans) expect(leaks(text), name).toEqual([]);
    // The scan can find a secret: a text holding one is caught in each form.
    expect(leaks(`x${JSON.stringify(FILE_SECRET)}`)).not.toEqual([]);
    expect(leaks(Buffer.from(`k=${PORTAINER_PASSWORD}`).toString('base64'))).not.toEqual([]);
    expect(leaks(encodeURIComponent(`a ${ENV_SECRET[0]}`))).not.toEqual([]);
  });
});
