/**
 * One sync per root at a time. The lock is an exclusive flock(2) on
 * `<root>/.phoenix.lock`: the kernel drops it the instant the holding process ends, however
 * it ends (SIGKILL included), so there is no stale lock to detect, no timeout and no
 * takeover, and two holders are impossible. The holder writes its name (pid, host, start,
 * command) into the same file once it holds the lock, so a refused run can say who it is.
 *
 * Order, so a kill at any instant leaves nothing that blocks the next run:
 *   acquire: open (create) → flock → check the path still names the locked file → write holder
 *   release: unlink the path (still holding) → close (drops the lock)
 * A run that locked a file a releasing holder had just unlinked sees the check fail and
 * starts over. Node opens every file close-on-exec, so a command Phoenix starts (a reload,
 * `docker`) never inherits the lock.
 */
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LockError } from '../errors.js';
import { isAlive } from '../util/process.js';

/** Who holds a lock: written into the lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

/** A lock this process holds. */
export interface HeldLock {
  release(): Promise<void>;
}

/** The lock file's name inside the root. */
export const LOCK_FILE = '.phoenix.lock';
/** Tries when the file changes under us (a holder releasing at that instant). */
const ATTEMPTS = 50;
/** How long a refused run waits for a holder that has just locked to write its name. */
const NAME_WAIT_MS = 500;

type Flock = (fd: number, flags: 'exnb' | 'un') => void;

/** fs-ext is a native addon: loaded only when a sync really needs the lock. */
async function loadFlock(): Promise<Flock> {
  try {
    const mod = await import('fs-ext');
    return mod.default.flockSync;
  } catch (err) {
    throw new LockError(`cannot load the lock's native module (fs-ext): ${(err as Error).message}`, {
      cause: err,
      hint: 'reinstall Phoenix (npm ci) on this machine so the module is built for it',
    });
  }
}

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException).code;
}

/** Parse a holder record, or undefined while it is absent or half-written. */
export function parseHolder(text: string): LockHolder | undefined {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string') return h as LockHolder;
  } catch {
    // Empty or half-written: the holder is writing it right now.
  }
  return undefined;
}

function readAll(fd: number): string {
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, 0);
  return buf.subarray(0, n).toString('utf8');
}

/** Same file (device and inode) as the open descriptor? */
function samePath(fd: number, path: string): boolean {
  try {
    const a = fstatSync(fd);
    const b = lstatSync(path);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** A one-line account of a holder for the refusal. */
export function describeHolder(h: LockHolder | undefined): string {
  return h
    ? `pid ${h.pid} on ${h.host}, running "${h.command}" since ${h.started}`
    : 'a process that has not written its name yet';
}

/** Take the root's lock or throw LockError (exit 5) naming the holder. Never waits for a holder. */
export async function acquireLock(root: string, command: string): Promise<HeldLock> {
  const flock = await loadFlock();
  const path = join(root, LOCK_FILE);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await clearLegacyLock(root, path);
    let fd: number;
    try {
      // O_NOFOLLOW: a link planted at the lock's path is refused, never followed.
      fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW, 0o644);
    } catch (err) {
      if (code(err) === 'EISDIR') continue; // an earlier version's lock appeared meanwhile
      if (code(err) === 'ELOOP')
        throw new LockError(
          `cannot lock ${root}: ${path} is a symbolic link, which Phoenix does not follow`,
          {
            cause: err,
            hint: `remove ${path}; Phoenix makes its lock file itself`,
          },
        );
      throw new LockError(`cannot lock ${root}: ${(err as Error).message}`, { cause: err });
    }
    try {
      flock(fd, 'exnb');
    } catch (err) {
      if (code(err) !== 'EAGAIN' && code(err) !== 'EWOULDBLOCK') {
        closeSync(fd);
        throw new LockError(`cannot lock ${root}: ${(err as Error).message}`, { cause: err });
      }
      const holder = await holderOf(fd);
      closeSync(fd);
      throw new LockError(`another sync holds the lock of ${root}: ${describeHolder(holder)}`, {
        hint: 'wait for it to finish; the lock is freed the moment that process ends, however it ends',
      });
    }
    if (!samePath(fd, path)) {
      // We locked a file its holder unlinked while releasing: that lock guards nothing.
      closeSync(fd);
      continue;
    }
    return hold(fd, path, command);
  }
  throw new LockError(`cannot lock ${root}: its lock file kept changing (${ATTEMPTS} tries)`);
}

/**
 * The name the holder wrote, waiting briefly when it has locked but not written yet. Until
 * it does, the file may still name a killed predecessor: a record naming a dead process on
 * this host is never reported as the holder.
 */
async function holderOf(fd: number): Promise<LockHolder | undefined> {
  const until = Date.now() + NAME_WAIT_MS;
  for (;;) {
    const holder = parseHolder(readAll(fd));
    if (holder && (holder.host !== hostname() || isAlive(holder.pid))) return holder;
    if (Date.now() >= until) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Write this process's name into the locked file and hand out its release. */
function hold(fd: number, path: string, command: string): HeldLock {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    command,
  };
  // Emptied first: a reader sees nothing or the whole record, never a previous holder's tail.
  ftruncateSync(fd, 0);
  writeSync(fd, JSON.stringify(holder) + '\n', 0);
  let released = false;
  return {
    release: () => {
      if (released) return Promise.resolve();
      released = true;
      try {
        // Only our own file: never one someone put at the path after deleting ours.
        if (samePath(fd, path)) unlinkSync(path);
      } finally {
        closeSync(fd);
      }
      return Promise.resolve();
    },
  };
}

/** The previous version's lock: an mkdir folder at the same path, its holder in a file beside it. */
const LEGACY_HOLDER = '.phoenix.lock.holder.json';
/** It refreshed the folder's mtime every 7.5 s: older than this, its holder is gone. */
const LEGACY_STALE_MS = 15_000;
/** It wrote its holder file right after making the folder: a folder this old without one is stale. */
const LEGACY_NAMELESS_MS = 1_000;

/**
 * Remove a lock folder an earlier Phoenix left, unless a live process of that version holds
 * it (then refuse, naming it). `rmdir` removes only an empty folder, never the lock file a
 * concurrent run may have put at the path meanwhile.
 */
async function clearLegacyLock(root: string, path: string): Promise<void> {
  // Bounded by the clock too: a folder dated in the future must not make us wait for it.
  const giveUp = Date.now() + LEGACY_NAMELESS_MS;
  for (;;) {
    let age: number;
    try {
      const st = lstatSync(path);
      if (!st.isDirectory()) return;
      age = Date.now() - st.mtimeMs;
    } catch {
      return;
    }
    let holder: LockHolder | undefined;
    try {
      holder = parseHolder(readFileSync(join(root, LEGACY_HOLDER), 'utf8'));
    } catch {
      holder = undefined;
    }
    if (!holder && age < LEGACY_NAMELESS_MS && Date.now() < giveUp) {
      await new Promise((r) => setTimeout(r, Math.max(10, Math.min(100, LEGACY_NAMELESS_MS - age))));
      continue;
    }
    if (holder && age < LEGACY_STALE_MS && (holder.host !== hostname() || isAlive(holder.pid)))
      throw new LockError(
        `another sync (an earlier Phoenix version) holds the lock of ${root}: ${describeHolder(holder)}`,
        { hint: 'wait for it to finish' },
      );
    try {
      rmdirSync(path);
    } catch (err) {
      if (code(err) !== 'ENOENT' && code(err) !== 'ENOTDIR')
        throw new LockError(
          `cannot lock ${root}: ${path} is a folder Phoenix cannot remove: ${(err as Error).message}`,
          {
            cause: err,
          },
        );
    }
    rmSync(join(root, LEGACY_HOLDER), { force: true });
    return;
  }
}
