/**
 * Parent folders of the files Phoenix owns (DNS, nftables, Traefik) are made on a fresh host,
 * mode 0755 whatever the umask; a target that does not ask for it (the PVE firewall, whose
 * folder is the cluster filesystem) fails instead. A unit that fails takes its folders back.
 */
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplyError } from '../../src/errors.js';
import { RecordingReporter } from '../../src/output/events.js';
import {
  applyFiles,
  atomicWrite,
  observeFiles,
  planFiles,
  withHeader,
  type DesiredFile,
  type FileTarget,
} from '../../src/providers/files/index.js';
import { applyPolicy } from '../../src/plan/policy.js';
import { syncOptions } from '../helpers/desired.js';

const owner = { ownerId: 'phoenix-test', root: '/srv/root' };
let dir: string;
let umask: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phoenix-parents-'));
  umask = process.umask(0o077); // a strict umask: the folders must still come out 0755
});
afterEach(async () => {
  process.umask(umask);
  await rm(dir, { recursive: true, force: true });
});

async function apply(files: DesiredFile[], target: FileTarget) {
  const live = await observeFiles(
    files.map((f) => f.path),
    { ownerId: owner.ownerId, kind: 'test-file' },
  );
  const changes = applyPolicy(planFiles(files, live, { stage: 'dns', kind: 'test-file' }), syncOptions());
  return applyFiles(
    { reporter: new RecordingReporter(), signal: new AbortController().signal },
    changes,
    target,
  );
}

const file = (path: string, body = 'a\n'): DesiredFile => ({ path, content: withHeader(body, owner) });
const mode = async (p: string) => (await stat(p)).mode & 0o777;

describe('parent folders', () => {
  it('are created 0755 (every missing level) when the target asks, and the file written', async () => {
    const path = join(dir, 'etc', 'phoenix', 'dns', 'phoenix.hosts');
    const results = await apply([file(path)], { createParents: true });
    expect(results.map((r) => r.status)).toEqual(['ok']);
    for (const d of ['etc', 'etc/phoenix', 'etc/phoenix/dns']) expect(await mode(join(dir, d))).toBe(0o755);
    expect(await readdir(join(dir, 'etc', 'phoenix', 'dns'))).toEqual(['phoenix.hosts']);
  });

  it('an existing folder keeps its mode', async () => {
    const results = await apply([file(join(dir, 'a.conf'))], { createParents: true });
    expect(results.map((r) => r.status)).toEqual(['ok']);
    expect(await mode(dir)).toBe(0o700); // mkdtemp's mode, untouched
  });

  it('are not created when the target does not ask: the write fails and nothing is made', async () => {
    const path = join(dir, 'pve', 'firewall', 'cluster.fw');
    const results = await apply([file(path)], {});
    expect(results[0]?.status).toBe('failed');
    expect(results[0]?.error).toBeInstanceOf(ApplyError);
    expect(results[0]?.error?.message).toMatch(/ENOENT/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('are removed again when validation refuses the file', async () => {
    const path = join(dir, 'traefik', 'dynamic', 'phoenix.yml');
    const results = await apply([file(path)], {
      createParents: true,
      validate: () => Promise.reject(new Error('refused by the test')),
    });
    expect(results[0]?.error?.message).toBe('refused by the test');
    expect(await readdir(dir)).toEqual([]);
  });

  it('are removed again when the reload fails (the new file is taken back first)', async () => {
    const path = join(dir, 'nft', 'phoenix.nft');
    const results = await apply([file(path)], {
      createParents: true,
      reload: () => Promise.reject(new Error('reload refused')),
    });
    expect(results[0]?.error?.message).toMatch(/^reload refused; restored the previous /);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a folder that is not empty after a failure (someone else wrote there) stays', async () => {
    const path = join(dir, 'shared', 'phoenix.conf');
    const results = await apply([file(path)], {
      createParents: true,
      validate: () =>
        writeFile(join(dir, 'shared', 'theirs.conf'), 'x\n').then(() => Promise.reject(new Error('no'))),
    });
    expect(results[0]?.status).toBe('failed');
    expect(await readdir(join(dir, 'shared'))).toEqual(['theirs.conf']);
  });

  it('an ancestor that is a file fails with ENOTDIR and creates nothing', async () => {
    await writeFile(join(dir, 'blocker'), 'x\n');
    await expect(
      atomicWrite(join(dir, 'blocker', 'sub', 'f.conf'), 'x\n', { createParents: true }),
    ).rejects.toThrow(/ENOTDIR/);
    expect(await readdir(dir)).toEqual(['blocker']);
  });
});
