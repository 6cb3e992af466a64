/**
 * Saved plans end to end, on the homelab (the Portainer double, a real dnsmasq, temp-dir
 * targets): `plan --out` then `sync --plan` applies exactly the planned changes and nothing
 * else; anything that moved in between (the live state, a stack file, a hand edit in
 * Portainer, the root or its owner id) makes it refuse, naming what moved, with nothing
 * applied.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portainerStackName } from '../../src/providers/portainer/stack-model.js';
import type { SavedPlan } from '../../src/plan/saved.js';
import { editJson, replaceIn, tempDir, removeDir } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { changedFiles, explain, phoenix } from '../e2e/harness.js';
import { parseDiagnostics, runCli } from '../helpers/cli.js';

/** The marker key of this estate (a CI job would hold it as a secret). */
const MARKER_KEY = 'saved-plan-test-marker-key-4c1e0a';

/** Every write the double received: `create|update|delete <stack or environment name>`. */
function recordWrites(h: Homelab): string[] {
  const writes: string[] = [];
  h.double.inject({
    kind: 'delay',
    times: Number.POSITIVE_INFINITY,
    // Never fires: it only looks at every call on its way in.
    match: (c) => {
      if (c.method === 'GET' || c.route === 'POST /auth') return false;
      const action = c.method === 'DELETE' ? 'delete' : c.method === 'PUT' ? 'update' : 'create';
      const name = c.stackName ?? String((c.body as { Name?: unknown } | undefined)?.Name ?? c.route);
      writes.push(`${action} ${name}`);
      return false;
    },
  });
  return writes;
}

/** What a saved plan says will be written to Portainer, in the same form. */
function plannedWrites(plan: SavedPlan): string[] {
  return plan.changes
    .filter((c) => (c.stage === 'stacks' || c.stage === 'endpoints') && c.action !== 'noop' && !c.blocked)
    .map((c) => `${c.action} ${c.stage === 'stacks' ? portainerStackName(c.id.split('/').pop()!) : c.id}`)
    .sort();
}

const readPlan = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SavedPlan;

describe('saved plans: plan --out, then sync --plan', () => {
  let h: Homelab;
  let dir: string;
  let writes: string[];

  beforeAll(async () => {
    h = await startHomelab();
    h.env = { ...h.env, PHOENIX_MARKER_KEY: MARKER_KEY };
    editJson(join(h.root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      c.sync.marker_key = 'env:PHOENIX_MARKER_KEY';
      c.sync.portainer.retries = 0;
    });
    dir = tempDir('phoenix-saved-plan-');
    writes = recordWrites(h);
  });
  afterAll(async () => {
    await h?.stop();
    if (dir) removeDir(dir);
  });

  it('applies exactly the planned changes, then refuses the same plan again', async () => {
    const file = join(dir, 'first.json');
    const made = await phoenix(h, ['plan', '--out', file]);
    expect(made.code, explain(made)).toBe(0);
    expect(writes).toEqual([]);
    const plan = readPlan(file);
    expect(plan.format).toBe('phoenix-plan/1');
    expect(plan.hashes).toBe('keyed');
    expect(plan.owner).toBe('homelab');
    expect(plan.inputs.map((i) => i.file)).toContain('stacks/whoami/docker-compose.yml');
    expect(plan.inputs.map((i) => i.file)).toContain('etc/phoenix_hypervisor_config.json');
    const expected = plannedWrites(plan);
    expect(expected.length).toBeGreaterThan(0);

    const before = h.snapshot();
    const applied = await phoenix(h, ['sync', '--plan', file, '--yes']);
    expect(applied.code, explain(applied)).toBe(0);
    // The double's log of writes is the plan's, one for one, and nothing else.
    expect([...writes].sort()).toEqual(expected);
    expect(h.double.violations).toEqual([]);
    // The file targets written are those the plan changes.
    const fileChanges = plan.changes.filter(
      (c) => c.kind.endsWith('-file') && c.action !== 'noop' && !c.blocked,
    );
    expect(changedFiles(before, h.snapshot()).filter((f) => fileChanges.some((c) => c.id === f))).toEqual(
      fileChanges.map((c) => c.id).sort(),
    );

    // The same file again: everything it planned is done, so the live state moved.
    writes.length = 0;
    const after = h.snapshot();
    const again = await phoenix(h, ['sync', '--plan', file, '--yes']);
    expect(again.code, explain(again)).toBe(1);
    expect(again.err).toMatch(/no longer matches .*nothing was changed/);
    expect(again.err).toMatch(/stacks stack \S+ \(.+\): the live object changed since the plan/);
    expect(writes).toEqual([]);
    expect(changedFiles(after, h.snapshot())).toEqual([]);
  });

  it('refuses when a stack file was edited in between, naming the file', async () => {
    const file = join(dir, 'edited.json');
    expect((await phoenix(h, ['plan', '--out', file])).code).toBe(0);
    replaceIn(h.root, 'stacks/whoami/docker-compose.yml', 'image: ', 'image:  ');
    writes.length = 0;
    const before = h.snapshot();
    const r = await phoenix(h, ['sync', '--plan', file, '--yes']);
    expect(r.code, explain(r)).toBe(1);
    expect(r.err).toContain('input file stacks/whoami/docker-compose.yml: changed');
    expect(writes).toEqual([]);
    expect(changedFiles(before, h.snapshot())).toEqual([]);
    // Planned again, the edit applies like any other.
    const converge = await phoenix(h, ['sync', '--yes']);
    expect(converge.code, explain(converge)).toBe(0);
  });

  it('refuses when a secret changed in between, naming its reference (the plan is keyed)', async () => {
    const file = join(dir, 'secret.json');
    expect((await phoenix(h, ['plan', '--out', file])).code).toBe(0);
    const secretFile = join(h.root, 'secrets', 'qdrant_api_key');
    const old = readFileSync(secretFile, 'utf8');
    writeFileSync(secretFile, 'a-rotated-qdrant-key-0b9e\n');
    writes.length = 0;
    const r = await phoenix(h, ['sync', '--plan', file, '--yes']);
    expect(r.code, explain(r)).toBe(1);
    expect(r.err).toMatch(/- secret file:\S*qdrant_api_key: its value changed/);
    expect(writes).toEqual([]);
    writeFileSync(secretFile, old);
  });

  it('refuses after a hand edit in Portainer, naming the stack', async () => {
    const file = join(dir, 'hand-edit.json');
    expect((await phoenix(h, ['plan', '--out', file])).code).toBe(0);
    const stack = h.double.model.stacks.find((s) => s.Name.startsWith('whoami'))!;
    stack.Env = [...(stack.Env ?? []), { name: 'EDITED_BY_HAND', value: '1' }];
    writes.length = 0;
    const r = await phoenix(h, ['sync', '--plan', file, '--yes']);
    expect(r.code, explain(r)).toBe(1);
    expect(r.err).toMatch(
      new RegExp(`stacks stack \\S*${stack.Name} \\(.+\\): the live object changed since the plan`),
    );
    expect(writes).toEqual([]);
  });

  it('refuses a plan of another root, and of another owner id', async () => {
    const file = join(dir, 'bound.json');
    expect((await phoenix(h, ['plan', '--out', file])).code).toBe(0);
    const other = join(dir, 'other-root');
    cpSync(h.root, other, { recursive: true });
    writes.length = 0;
    const elsewhere = await phoenix({ ...h, root: other }, ['sync', '--plan', file, '--yes']);
    expect(elsewhere.code, explain(elsewhere)).toBe(1);
    expect(elsewhere.err).toContain(`it was made for the root ${h.root}`);

    editJson(
      join(other, 'etc', 'phoenix_hypervisor_config.json'),
      (c) => void (c.sync.owner_id = 'someone-else'),
    );
    const planOther = join(dir, 'other.json');
    expect((await phoenix({ ...h, root: other }, ['plan', '--out', planOther])).code).toBe(0);
    // Same root path, another owner id.
    editJson(join(other, 'etc', 'phoenix_hypervisor_config.json'), (c) => void (c.sync.owner_id = 'homelab'));
    const owner = await phoenix({ ...h, root: other }, ['sync', '--plan', planOther, '--yes']);
    expect(owner.code, explain(owner)).toBe(1);
    expect(owner.err).toContain("made for owner id someone-else, this root's owner id is homelab");
    expect(writes).toEqual([]);
  });

  it('refuses flags the plan already fixed, and targets it does not cover', async () => {
    const file = join(dir, 'flags.json');
    expect((await phoenix(h, ['plan', '--out', file])).code).toBe(0);
    const pruned = await phoenix(h, ['sync', '--plan', file, '--prune', '--vm', '1002', '--yes']);
    expect(pruned.code).toBe(1);
    expect(pruned.err).toContain('--prune, --vm cannot be combined with --plan');
    const dns = await phoenix(h, ['sync', 'dns', '--plan', file, '--yes']);
    expect(dns.code).toBe(1);
    expect(dns.err).toContain('a saved plan is applied whole');
    const offline = await phoenix(h, ['plan', '--offline', '--out', file]);
    expect(offline.code).toBe(1);
    expect(offline.err).toContain('--out cannot be combined with --offline');
    const unwritable = await phoenix(h, ['plan', '--out', join(dir, 'no-such-dir', 'p.json')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/cannot write the plan to \S+no-such-dir\/p\.json: ENOENT/);
    const missing = await phoenix(h, ['sync', '--plan', join(dir, 'missing.json'), '--yes']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read the plan \S*missing\.json: ENOENT/);
    // --dry-run checks the plan still holds and applies nothing.
    const check = await phoenix(h, ['sync', '--plan', file, '--dry-run']);
    expect(check.code, explain(check)).toBe(0);
    expect(writes).toEqual([]);
  });

  describe('a plan file that is not a usable plan is a located error, and nothing is contacted', () => {
    const valid = () => readFileSync(join(dir, 'first.json'), 'utf8');
    // Each case: the broken text, the message, and where it must point (the first `at`, plus `shift`).
    const cases: [string, () => string, RegExp, string, number][] = [
      ['not JSON', () => valid().replace('"format"', '"format" :: '), /invalid JSON/, '::', 1],
      [
        'another format version',
        () => valid().replace('"phoenix-plan/1"', '"phoenix-plan/9"'),
        /plan format "phoenix-plan\/9" is not one this Phoenix applies \(phoenix-plan\/1\)/,
        '"phoenix-plan/9"',
        0,
      ],
      [
        'a change with an unknown action',
        () => valid().replace(/"action": "create"/, '"action": "explode"'),
        /\/changes\/\d+\/action: /,
        '"explode"',
        0,
      ],
      [
        'an unknown key',
        () => valid().replace('"hashes"', '"hashez": "keyed",\n  "hashes"'),
        /hashez/,
        '"hashez"',
        0,
      ],
    ];
    it.each(cases)('%s', async (_name, text, message, at, shift) => {
      const body = text();
      writeFileSync(join(dir, 'bad.json'), body);
      // Where the problem is, as an editor counts: 1-based line and column.
      const lines = body.slice(0, body.indexOf(at) + shift).split('\n');
      h.double.resetCounters();
      const before = h.snapshot();
      const r = await runCli(['sync', '--plan', 'bad.json', '--yes', '--root', h.root], {
        env: h.env,
        cwd: dir,
      });
      expect(r.code, explain(r)).toBe(1);
      const found = parseDiagnostics(r.err).filter((x) => x.file === 'bad.json');
      expect(
        found.map((d) => [d.severity, d.line, d.column]),
        r.err,
      ).toContainEqual(['error', lines.length, lines.at(-1)!.length + 1]);
      expect(
        found.some((d) => message.test(d.message)),
        r.err,
      ).toBe(true);
      expect(r.err).toContain('bad.json is not a usable plan; nothing was changed');
      expect(h.double.calls).toEqual([]);
      expect(changedFiles(before, h.snapshot())).toEqual([]);
    });
  });
});
