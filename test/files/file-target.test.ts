import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplyError } from '../../src/errors.js';
import { RecordingReporter } from '../../src/output/events.js';
import {
  applyFiles,
  EMPTY_TAKEN_OVER,
  hiddenBackupPath,
  observeFiles,
  planFiles,
  withHeader,
  type DesiredFile,
  type FileTarget,
} from '../../src/providers/files/index.js';
import { applyPolicy } from '../../src/plan/policy.js';
import { syncOptions } from '../helpers/desired.js';

const owner = { ownerId: 'phoenix-test', root: '/srv/root' };
const opts = { stage: 'dns' as const, kind: 'test-file' };
/** The flags of a run, as the engine's policies read them. */
const flags = { prune: false, force: false, pruneAll: false };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phoenix-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One sync of `files` through observe → plan → apply, counting validations and reloads. */
async function sync(files: DesiredFile[], target: FileTarget = {}, extra: Partial<typeof flags> = {}) {
  const counts = { validate: 0, reload: 0 };
  const live = await observeFiles(
    [
      ...files.map((f) => f.path),
      ...(await readdir(dir)).map((n) => join(dir, n)).filter((p) => p.endsWith('.conf')),
    ],
    { ownerId: owner.ownerId, kind: 'test-file' },
  );
  const changes = applyPolicy(planFiles(files, live, opts), syncOptions({ ...flags, ...extra }));
  const reporter = new RecordingReporter();
  const results = await applyFiles({ reporter, signal: new AbortController().signal }, changes, {
    ...target,
    validate: async (f, s) => {
      counts.validate++;
      await target.validate?.(f, s);
    },
    reload: async (s) => {
      counts.reload++;
      await target.reload?.(s);
    },
  });
  return { changes, results, counts, reporter };
}

const file = (name: string, body: string): DesiredFile => ({
  path: join(dir, name),
  content: withHeader(body, owner),
});

describe('file target', () => {
  it('creates, then does nothing at all on a second run (no write, no validate, no reload)', async () => {
    const f = file('a.conf', 'x=1\n');
    const first = await sync([f]);
    expect(first.changes.map((c) => c.action)).toEqual(['create']);
    expect(first.changes[0]?.diff).toContain('+x=1');
    expect(first.results.map((r) => r.status)).toEqual(['ok']);
    expect(first.counts).toEqual({ validate: 1, reload: 1 });
    expect(await readFile(f.path, 'utf8')).toBe(f.content);
    const mtime = (await stat(f.path)).mtimeMs;

    const second = await sync([f]);
    expect(second.changes.map((c) => c.action)).toEqual(['noop']);
    expect(second.results).toEqual([]);
    expect(second.counts).toEqual({ validate: 0, reload: 0 });
    expect(second.reporter.events).toEqual([]);
    expect((await stat(f.path)).mtimeMs).toBe(mtime);
  });

  it('keeps exactly one .bak of the previous content', async () => {
    await sync([file('a.conf', 'v1\n')]);
    expect(await readdir(dir)).toEqual(['a.conf']);
    await sync([file('a.conf', 'v2\n')]);
    await sync([file('a.conf', 'v3\n')]);
    expect((await readdir(dir)).sort()).toEqual(['a.conf', 'a.conf.bak']);
    expect(await readFile(join(dir, 'a.conf.bak'), 'utf8')).toBe(file('a.conf', 'v2\n').content);
  });

  it('can keep the backup as a dotfile that directory readers skip', async () => {
    await sync([file('a.conf', 'v1\n')], { backup: hiddenBackupPath });
    await sync([file('a.conf', 'v2\n')], { backup: hiddenBackupPath });
    expect((await readdir(dir)).sort()).toEqual(['.a.conf.bak', 'a.conf']);
  });

  it('refuses to overwrite a file without the header, unless --force', async () => {
    const path = join(dir, 'a.conf');
    await writeFile(path, 'hand written\n');
    const refused = await sync([file('a.conf', 'x=1\n')]);
    expect(refused.changes[0]?.blocked).toMatch(/not made by Phoenix/);
    expect(refused.results[0]?.status).toBe('failed');
    expect(refused.results[0]?.error).toBeInstanceOf(ApplyError);
    expect((refused.results[0]?.error as ApplyError).hint).toMatch(/--force/);
    expect(refused.counts).toEqual({ validate: 0, reload: 0 });
    expect(await readFile(path, 'utf8')).toBe('hand written\n');

    const forced = await sync([file('a.conf', 'x=1\n')], {}, { force: true });
    expect(forced.results[0]?.status).toBe('ok');
    expect(await readFile(path, 'utf8')).toBe(file('a.conf', 'x=1\n').content);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('hand written\n');
  });

  it('takes over an empty file at its path, saying so in the plan, and writes it once', async () => {
    const path = join(dir, 'a.conf');
    await writeFile(path, '');
    const first = await sync([file('a.conf', 'x=1\n')]);
    expect(first.changes).toEqual([expect.objectContaining({ action: 'update', reason: EMPTY_TAKEN_OVER })]);
    expect(first.changes[0]?.blocked).toBeUndefined();
    expect(first.results[0]?.status).toBe('ok');
    expect(await readFile(path, 'utf8')).toBe(file('a.conf', 'x=1\n').content);
    const second = await sync([file('a.conf', 'x=1\n')]);
    expect(second.changes.map((c) => c.action)).toEqual(['noop']);
  });

  it('validates the new content at a temp path next to the target before it goes live', async () => {
    await sync([file('a.conf', 'good\n')]);
    const seen: string[] = [];
    const r = await sync([file('a.conf', 'bad\n')], {
      validate: async ({ tmpPath, path }) => {
        seen.push(tmpPath, await readFile(tmpPath, 'utf8'), await readFile(path, 'utf8'));
        throw new ApplyError('validator says no');
      },
    });
    expect(seen[0]?.startsWith(join(dir, '.a.conf.phoenix-tmp-'))).toBe(true);
    expect(seen[1]).toContain('bad');
    expect(seen[2]).toContain('good'); // the live file was still the old one
    expect(r.results[0]).toMatchObject({
      status: 'failed',
      error: { message: 'validator says no', exitCode: 4 },
    });
    expect(r.counts.reload).toBe(0);
    expect(await readFile(join(dir, 'a.conf'), 'utf8')).toContain('good');
    expect(await readdir(dir)).toEqual(['a.conf']); // temp removed, no backup made
  });

  it('applies as one unit: one invalid file keeps every file of the target unchanged', async () => {
    await sync([file('a.conf', 'a1\n'), file('b.conf', 'b1\n')]);
    const r = await sync([file('a.conf', 'a2\n'), file('b.conf', 'b2\n')], {
      validate: async ({ content }) => {
        if (content.includes('b2')) throw new ApplyError('b is broken');
      },
    });
    expect(r.results.map((x) => [x.status, x.error?.message])).toEqual([
      ['failed', 'not applied: ' + join(dir, 'b.conf') + ' failed (b is broken)'],
      ['failed', 'b is broken'],
    ]);
    expect(await readFile(join(dir, 'a.conf'), 'utf8')).toContain('a1');
    expect(await readFile(join(dir, 'b.conf'), 'utf8')).toContain('b1');
  });

  it('restores the previous content when the reload fails, and reloads again', async () => {
    await sync([file('a.conf', 'old\n')]);
    const r = await sync([file('a.conf', 'new\n'), file('new.conf', 'fresh\n')], {
      reload: async () => {
        throw new ApplyError('systemctl restart dnsmasq exited with 1: failed');
      },
    });
    expect(r.results.map((x) => x.status)).toEqual(['failed', 'failed']);
    expect(r.results[0]?.error?.message).toMatch(
      /exited with 1: failed; restored the previous .*a\.conf, .*new\.conf/,
    );
    expect(r.results[0]?.error?.message).toMatch(/reloading the restored files failed too/);
    expect(r.counts.reload).toBe(2);
    expect(await readFile(join(dir, 'a.conf'), 'utf8')).toBe(file('a.conf', 'old\n').content);
    expect((await readdir(dir)).includes('new.conf')).toBe(false); // did not exist before: removed
    expect(
      r.reporter.events
        .filter((e) => e.type === 'change-end')
        .map((e) => e.type === 'change-end' && e.status),
    ).toEqual(['failed', 'failed']);
  });

  it('refuses a stale plan: the file changed between plan and apply', async () => {
    const f = file('a.conf', 'v1\n');
    await sync([f]);
    const live = await observeFiles([f.path], { ownerId: owner.ownerId, kind: 'test-file' });
    const changes = applyPolicy(planFiles([file('a.conf', 'v2\n')], live, opts), syncOptions());
    await writeFile(f.path, withHeader('edited meanwhile\n', owner));
    const results = await applyFiles(
      { reporter: new RecordingReporter(), signal: new AbortController().signal },
      changes,
      {},
    );
    expect(results[0]?.error?.message).toMatch(/changed since it was planned/);
    expect(await readFile(f.path, 'utf8')).toContain('edited meanwhile');
  });

  it('deletes an owned file only with --prune, keeping a backup; never an unowned one', async () => {
    await sync([file('a.conf', 'a\n'), file('b.conf', 'b\n')]);
    await writeFile(join(dir, 'foreign.conf'), 'not ours\n');
    const held = await sync([file('a.conf', 'a\n')]);
    expect(held.changes.find((c) => c.action === 'delete')?.blocked).toMatch(/--prune/);
    expect(held.changes.some((c) => c.id.endsWith('foreign.conf'))).toBe(false);
    expect(held.counts.reload).toBe(0);

    const pruned = await sync([file('a.conf', 'a\n')], {}, { prune: true });
    expect(pruned.results.map((x) => [x.change.action, x.status])).toEqual([['delete', 'ok']]);
    expect(pruned.counts).toEqual({ validate: 0, reload: 1 });
    expect((await readdir(dir)).sort()).toEqual(['a.conf', 'b.conf.bak', 'foreign.conf']);
  });

  it('refuses a prune that would delete every file unless --prune-all', async () => {
    await sync([file('a.conf', 'a\n')]);
    const held = await sync([], {}, { prune: true });
    expect(held.changes[0]?.blocked).toMatch(/--prune-all/);
    expect(held.results).toEqual([]);
    const all = await sync([], {}, { prune: true, pruneAll: true });
    expect(all.results.map((x) => x.status)).toEqual(['ok']);
  });

  it('keeps the mode of an existing file', async () => {
    const f = file('a.conf', 'v1\n');
    await sync([f], { mode: 0o600 });
    expect((await stat(f.path)).mode & 0o777).toBe(0o600);
    await sync([file('a.conf', 'v2\n')]);
    expect((await stat(f.path)).mode & 0o777).toBe(0o600);
  });
});
