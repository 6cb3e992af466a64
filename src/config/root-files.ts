/**
 * The root is a jail: every file Phoenix reads from it is resolved to its real path, must
 * stay inside the root's real path, must be a regular file, and is read up to a size cap.
 * A symlink to /etc/shadow, a FIFO (which would block for good), /dev/zero (which never
 * ends) or a file outside the root never reaches a plan or a target.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';

/** Size caps in bytes of files read before `sync.limits` is known (stack files follow `sync.limits`). */
export const READ_LIMITS = {
  /** etc/*.json: a 1,000-VM estate is about 6 MB. */
  config: 64 * 1024 * 1024,
  /** A `file:` secret. */
  secret: 64 * 1024,
} as const;

/** Why a root file or folder cannot be used. */
export interface RootRefusal {
  ok: false;
  reason: 'missing' | 'outside' | 'not-regular' | 'unreadable' | 'too-large';
  problem: string;
  hint: string;
}

/** The result of reading one root file: its text (and permission bits), or why it cannot be used. */
export type RootRead = { ok: true; text: string; real: string; mode: number } | RootRefusal;

/** The same, as bytes (an age file need not be text). */
export type RootBytes = { ok: true; bytes: Buffer; real: string; mode: number } | RootRefusal;

/** A folder inside the root, resolved to its real path, or why it cannot be used. */
export type RootDir = { ok: true; real: string } | RootRefusal;

const refuse = (reason: RootRefusal['reason'], problem: string, hint: string): RootRefusal => ({
  ok: false,
  reason,
  problem,
  hint,
});

/** Told of a file read from inside a root: its real path and bytes. */
export type RootReadWatcher = (real: string, bytes: Buffer) => void;

const watchers = new Set<RootReadWatcher>();

/**
 * Be told of every file read from now on inside a root (saved plans hash what a load read),
 * until the returned function is called. Secret files are read with the filesystem root as
 * their jail and are never told of.
 */
export function watchRootReads(watcher: RootReadWatcher): () => void {
  watchers.add(watcher);
  return () => void watchers.delete(watcher);
}

/** The root's own real path (the jail). */
export function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

const inside = (real: string, jail: string) =>
  real === jail || real.startsWith(jail.endsWith(sep) ? jail : jail + sep);

/** Resolve a folder of the root, refusing one that links out of it. */
export function rootDir(jail: string, path: string, shown: string): RootDir {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? refuse('missing', `${shown} does not exist`, 'check the path')
      : refuse('unreadable', `cannot open ${shown}: ${code}`, 'check its permissions');
  }
  if (!inside(real, jail))
    return refuse(
      'outside',
      `${shown} resolves outside the root (to ${real})`,
      'Phoenix reads nothing outside its root: copy the folder into the root instead of linking it',
    );
  if (!statSync(real).isDirectory())
    return refuse('not-regular', `${shown} is not a folder`, 'make it a folder');
  return { ok: true, real };
}

/**
 * Read a file of the root as UTF-8. `single` refuses a file with more than one hard link
 * (its other name may be outside the root, and nothing can tell where).
 */
export function readRootFile(
  jail: string,
  path: string,
  shown: string,
  opts: { limit: number; single?: boolean },
): RootRead {
  const read = readRootBytes(jail, path, shown, opts);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8'), real: read.real, mode: read.mode } : read;
}

/** Read a file of the root as bytes, with the same checks as `readRootFile`. */
export function readRootBytes(
  jail: string,
  path: string,
  shown: string,
  opts: { limit: number; single?: boolean },
): RootBytes {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse('missing', `${shown} does not exist`, 'create it or fix the path');
    return refuse('unreadable', `cannot read ${shown}: ${code ?? String(err)}`, 'check its permissions');
  }
  if (!inside(real, jail))
    return refuse(
      'outside',
      `${shown} resolves outside the root (to ${real})`,
      'Phoenix reads nothing outside its root: copy the file into the root instead of linking it',
    );
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return refuse('unreadable', `cannot read ${shown}: ${code ?? String(err)}`, 'check its permissions');
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return refuse(
        'not-regular',
        `${shown} is not a regular file`,
        'devices, FIFOs and sockets are never read: use a plain file',
      );
    if (opts.single && st.nlink > 1)
      return refuse(
        'not-regular',
        `${shown} has ${st.nlink} hard links`,
        'a shipped file must have one name, inside the root: copy it instead of hard-linking it',
      );
    if (st.size > opts.limit)
      return refuse(
        'too-large',
        `${shown} is ${st.size} bytes, over the limit of ${opts.limit}`,
        'split or shrink the file; Phoenix bounds what it reads and ships',
      );
    // Read at most size + 1 bytes: a file that grows while being read is still bounded.
    const buf = Buffer.alloc(st.size + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > st.size)
      return refuse('unreadable', `${shown} changed while being read`, 'run again once it is written');
    const bytes = buf.subarray(0, n);
    if (jail !== '/') for (const w of watchers) w(real, bytes);
    return { ok: true, bytes, real, mode: st.mode & 0o7777 };
  } finally {
    closeSync(fd);
  }
}
