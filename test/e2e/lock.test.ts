/**
 * The lock's own error paths, in-process: a link planted at the lock's path is refused
 * (never followed, nothing written through it), a lock folder of the earlier version that
 * is not empty is refused, a second taker in the same process is refused while the first
 * holds it, and release removes the file so the root is left as it was.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE } from '../../src/engine/lock.js';
import { ExitCode, LockError } from '../../src/errors.js';
import { removeDir, tempDir } from '../helpers/root.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
const root = () => {
  const d = tempDir('phoenix-lock-unit-');
  dirs.push(d);
  return d;
};

describe('acquireLock', () => {
  it('holds, names itself in the file, refuses a second taker naming it, and leaves nothing on release', async () => {
    const r = root();
    const lock = await acquireLock(r, 'sync all');
    expect(JSON.parse(readFileSync(join(r, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      host: hostname(),
      command: 'sync all',
    });
    const err = (await acquireLock(r, 'sync dns').catch((e: unknown) => e)) as LockError;
    expect(err).toBeInstanceOf(LockError);
    expect(err.exitCode).toBe(ExitCode.lockHeld);
    expect(err.message).toMatch(
      new RegExp(
        `holds the lock of .*: pid ${process.pid} on ${hostname()}, running "sync all" since \\d{4}-`,
      ),
    );
    await lock.release();
    await lock.release(); // twice is harmless
    expect(existsSync(join(r, LOCK_FILE))).toBe(false);
    const again = await acquireLock(r, 'sync dns');
    await again.release();
  });

  it('refuses a symbolic link at the lock path and writes nothing through it', async () => {
    const r = root();
    const target = join(r, 'elsewhere.txt');
    writeFileSync(target, 'keep me\n');
    symlinkSync(target, join(r, LOCK_FILE));
    const err = (await acquireLock(r, 'sync all').catch((e: unknown) => e)) as LockError;
    expect(err).toBeInstanceOf(LockError);
    expect(err.message).toContain(`${join(r, LOCK_FILE)} is a symbolic link, which Phoenix does not follow`);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
  });

  it('waits at most about a second for a holder-less lock folder of the earlier version, even one dated in the future', async () => {
    const r = root();
    mkdirSync(join(r, LOCK_FILE));
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(join(r, LOCK_FILE), future, future);
    const started = Date.now();
    const lock = await acquireLock(r, 'sync all');
    expect(Date.now() - started).toBeLessThan(2000);
    await lock.release();
    expect(existsSync(join(r, LOCK_FILE))).toBe(false);
  }, 10_000);

  it('refuses a lock folder of the earlier version that holds files, without touching them', async () => {
    const r = root();
    mkdirSync(join(r, LOCK_FILE));
    writeFileSync(join(r, LOCK_FILE, 'note'), 'x');
    const err = (await acquireLock(r, 'sync all').catch((e: unknown) => e)) as LockError;
    expect(err).toBeInstanceOf(LockError);
    expect(err.message).toMatch(/is a folder Phoenix cannot remove/);
    expect(readFileSync(join(r, LOCK_FILE, 'note'), 'utf8')).toBe('x');
  }, 10_000);
});
