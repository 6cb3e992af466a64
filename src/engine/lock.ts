/**
 * One sync per root at a time (SPEC §4 stage 2). proper-lockfile holds an mkdir lock whose
 * mtime it refreshes; a holder file beside it names the holder (pid, host, start time) so a
 * refused run can say who holds it. A lock left by a dead process on this host is taken
 * over at once; one from another host becomes stale after `staleMs` without refresh.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { LockError } from '../errors.js';

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export interface HeldLock {
  release(): Promise<void>;
}

const LOCK_DIR = '.phoenix.lock';
const HOLDER = '.phoenix.lock.holder.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(root: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(root, HOLDER), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** Take the root's lock or throw LockError (exit 5) naming the holder. */
export async function acquireLock(root: string, command: string, staleMs = 15_000): Promise<HeldLock> {
  const opts = { lockfilePath: join(root, LOCK_DIR), stale: staleMs, realpath: false, retries: 0 };
  const take = () => lockfile.lock(root, { ...opts, onCompromised: () => undefined });
  let release: () => Promise<void>;
  try {
    release = await take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED')
      throw new LockError(`cannot lock ${root}: ${(err as Error).message}`, { cause: err });
    const found = await awaitHolder(root, take);
    if ('release' in found) return hold(root, command, found.release);
    const holder = found.holder;
    if (holder && holder.host === hostname() && !alive(holder.pid)) {
      // The holder died without releasing: safe to take over, nobody refreshes it.
      rmSync(join(root, LOCK_DIR), { recursive: true, force: true });
      release = await take().catch((e: unknown) => {
        throw new LockError(`another sync took the lock of ${root} first`, { cause: e });
      });
    } else {
      const who = holder
        ? `pid ${holder.pid} on ${holder.host}, running "${holder.command}" since ${holder.started}`
        : 'an unknown process';
      throw new LockError(`another sync holds the lock of ${root}: ${who}`, {
        hint: 'wait for it to finish; a lock left by a crashed run on another host expires by itself',
      });
    }
  }
  return hold(root, command, release);
}

/**
 * The holder writes its file just after taking the lock, so a run that meets the lock in
 * that instant briefly waits for the file; the lock may also be released meanwhile (the
 * holder file goes first), in which case it is taken.
 */
async function awaitHolder(
  root: string,
  take: () => Promise<() => Promise<void>>,
): Promise<{ holder: LockHolder | undefined } | { release: () => Promise<void> }> {
  for (let i = 0; i < 20; i++) {
    const holder = readHolder(root);
    if (holder) return { holder };
    await new Promise((r) => setTimeout(r, 25));
    try {
      return { release: await take() };
    } catch {
      // Still held: look for the holder file again.
    }
  }
  return { holder: undefined };
}

/** Record this process as the holder of a lock just taken. */
function hold(root: string, command: string, release: () => Promise<void>): HeldLock {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    command,
  };
  writeFileSync(join(root, HOLDER), JSON.stringify(holder) + '\n');
  return {
    release: async () => {
      rmSync(join(root, HOLDER), { force: true });
      await release();
    },
  };
}
