/**
 * Canaries (a secret is never printed): a stack variable given as `env:`, one given
 * as `file:`, and the Portainer password must not appear in any output of a full sync — plain
 * text, `--json`, `--json=stream` — including runs that fail with an injected 500 whose
 * message echoes the request, and runs that rotate a secret (its old value comes back from
 * Portainer as the live state).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/secrets.js';
import type { CliResult } from '../helpers/cli.js';
import { editJson, replaceIn } from '../helpers/root.js';
import { PORTAINER_PASSWORD, startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix } from './harness.js';

const ENV_SECRET = ['canary-env-9d1e4f0b7c', 'canary-env-rotated-31aa07', 'canary-env-third-c0ffee'];
const FILE_SECRET = 'canary-file-5b8a2c61e3';
const CANARIES = [...ENV_SECRET, FILE_SECRET, PORTAINER_PASSWORD];

/** Every run's output, checked at the end of each test. */
function leaks(runs: CliResult[]): string[] {
  const found: string[] = [];
  for (const [i, r] of runs.entries())
    for (const c of CANARIES) if (r.out.includes(c) || r.err.includes(c)) found.push(`run ${i + 1}: ${c}`);
  return found;
}

describe('secrets never reach any output', () => {
  let h: Homelab;
  const modes: string[][] = [[], ['--json'], ['--json=stream']];
  const run = (argv: string[], secret: string) => phoenix({ ...h, env: { ...h.env, N8N_KEY: secret } }, argv);

  beforeAll(async () => {
    h = await startHomelab();
    // n8n gets an `env:` secret; qdrant and open-webui read the `file:` secret.
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
    // Failing runs fail at once rather than after retries.
    editJson(
      join(h.root, 'etc', 'phoenix_hypervisor_config.json'),
      (c) => void (c.sync.portainer.retries = 0),
    );
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('in successful runs of every renderer, secrets rotated between them', async () => {
    const runs: CliResult[] = [];
    for (const [i, mode] of modes.entries()) {
      const r = await run(['sync', 'all', '--yes', '--verbose', ...mode], ENV_SECRET[i]!);
      expect(r.code, explain(r)).toBe(0);
      runs.push(r);
    }
    runs.push(await run(['plan', '--verbose'], ENV_SECRET[0]!));
    expect(leaks(runs)).toEqual([]);

    // The secrets did reach Portainer, and the rotations were planned as updates.
    const env = (name: string) => h.double.model.stacks.find((s) => s.Name === name)?.Env ?? [];
    expect(env('n8n-production')).toContainEqual({ name: 'N8N_ENCRYPTION_KEY', value: ENV_SECRET[2] });
    expect(env('qdrant-production')).toContainEqual({ name: 'QDRANT_API_KEY', value: FILE_SECRET });
    expect(runs[1]!.out).toMatch(/"id": "1003\/n8n-production",\s+"action": "update"/);
    expect(runs[3]!.out).toMatch(/~ n8n-production on services \(vm 1003\)/);
  });

  it('in failing runs whose error messages echo the request', async () => {
    // What Portainer would echo of a request of this run: the values Phoenix sent.
    const echo = (secret: string) =>
      `invalid request: Env=[{"name":"N8N_ENCRYPTION_KEY","value":"${secret}"},{"name":"QDRANT_API_KEY","value":"${FILE_SECRET}"}] auth=admin:${PORTAINER_PASSWORD}`;
    const runs: CliResult[] = [];
    for (const [i, mode] of modes.entries()) {
      // A rotation (Portainer still has the last value, ENV_SECRET[2]) makes n8n's update pending.
      const secret = ENV_SECRET[i % 2]!;
      h.double.inject({
        kind: 'status',
        status: 500,
        message: echo(secret),
        times: Infinity,
        match: (c) => c.stackName === 'n8n-production' && c.method !== 'GET',
      });
      const r = await run(['sync', 'all', '--yes', ...mode], secret);
      h.double.clearFaults();
      expect(r.code, explain(r)).toBe(4);
      expect(r.out + r.err).toContain(REDACTED);
      runs.push(r);
    }
    for (const mode of modes) {
      h.double.inject({
        kind: 'status',
        status: 500,
        message: echo(ENV_SECRET[0]!),
        times: Infinity,
        match: (c) => c.route === 'POST /auth',
      });
      const r = await run(['sync', 'all', '--yes', ...mode], ENV_SECRET[0]!);
      h.double.clearFaults();
      expect(r.code, explain(r)).not.toBe(0);
      expect(r.out + r.err).toContain(REDACTED);
      runs.push(r);
    }
    expect(leaks(runs)).toEqual([]);
    expect(h.double.violations).toEqual([]);
  });
});
