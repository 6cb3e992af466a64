/**
 * Atomic file replacement (a half-written file never goes live): write a temp file in the same directory, fsync it,
 * keep the previous content as one backup, rename over the target, fsync the directory.
 * A crash at any point leaves the target wholly old or wholly new, never partial.
 *
 * Writing is split in two so a new file can be validated by the real tool at its temp path
 * before it goes live: `stageFile` (temp written and synced) → validate → `commit()`.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  lstat,
  open,
  readFile,
  readdir,
  rename,
  rm,
  rmdir,
  stat,
  copyFile,
  chmod,
  chown,
  mkdir,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isAlive } from '../../util/process.js';

/** Where the backup of `path` goes: `<file>.bak` unless a target needs another name. */
export type BackupPath = (path: string) => string;

/** The default backup: `<file>.bak`, exactly one, replaced by every write. */
export const defaultBackupPath: BackupPath = (path) => `${path}.bak`;

/**
 * A backup that directory readers skip: `.<file>.bak`. dnsmasq skips dotfiles in
 * `conf-dir` and `hostsdir`, so a `phoenix.conf.bak` there would otherwise be loaded too.
 */
export const hiddenBackupPath: BackupPath = (path) => join(dirname(path), `.${basename(path)}.bak`);

/** Options of a write. */
export interface WriteOptions {
  /** Where to keep the previous content; `false` keeps none. Defaults to `<file>.bak`. */
  backup?: BackupPath | false;
  /** Mode of a new file (an existing file keeps its mode and owner). Defaults to 0o644. */
  mode?: number;
  /**
   * Create missing parent folders (mode 0755) first. Off by default: a target whose folder
   * belongs to another system (the Proxmox cluster filesystem) must fail instead.
   */
  createParents?: boolean;
}

/** A new version of a file, written and synced at `tmpPath`, not yet live. */
export interface StagedFile {
  path: string;
  tmpPath: string;
  /** Make it live: backup of the previous content, rename, fsync the directory. */
  commit(): Promise<{ backupPath: string | undefined }>;
  /** Remove the temp file (after a failed validation), and the folders this write created. Never throws. */
  discard(): Promise<void>;
  /** Folders this write created (outermost first), so a failed unit can take them back. */
  createdDirs: string[];
}

const TMP_MARK = '.phoenix-tmp-';

/** Temp names are dotfiles (skipped by dnsmasq, Traefik and pve-firewall) carrying our pid. */
function tmpPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Write `content` to a temp file next to `path` and fsync it. The target is not touched. */
export async function stageFile(path: string, content: string, opts: WriteOptions = {}): Promise<StagedFile> {
  const backup = opts.backup === undefined ? defaultBackupPath : opts.backup;
  const createdDirs = opts.createParents ? await createParentDirs(dirname(path)) : [];
  await removeStaleTemps(path);
  if (backup) await removeStaleTemps(backup(path));
  const tmpPath = tmpPathFor(path);
  const existing = await stat(path).catch(() => undefined);
  const fh = await open(
    tmpPath,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
    opts.mode ?? 0o644,
  ).catch(async (err: unknown) => {
    await removeDirs(createdDirs);
    throw err;
  });
  try {
    await fh.writeFile(content, 'utf8');
    if (existing) {
      await fh.chmod(existing.mode & 0o7777);
      // Only root can give a file away; elsewhere the new file keeps the writer's owner.
      if (process.getuid?.() === 0) await fh.chown(existing.uid, existing.gid);
    }
    await fh.sync();
  } catch (err) {
    await fh.close();
    await rm(tmpPath, { force: true });
    await removeDirs(createdDirs);
    throw err;
  }
  await fh.close();
  return {
    path,
    tmpPath,
    createdDirs,
    commit: async () => {
      const backupPath = existing && backup ? backup(path) : undefined;
      if (backupPath) await copyDurably(path, backupPath);
      await rename(tmpPath, path);
      await syncDir(dirname(path));
      return { backupPath };
    },
    discard: async () => {
      await rm(tmpPath, { force: true }).catch(() => undefined);
      await removeDirs(createdDirs);
    },
  };
}

/**
 * Create `dir` and its missing ancestors with mode 0755 (whatever the umask), returning the
 * folders created, outermost first. An ancestor that is not a folder fails with ENOTDIR.
 */
export async function createParentDirs(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const st = await stat(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (st) break;
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  const created: string[] = [];
  try {
    for (const d of missing) {
      try {
        await mkdir(d, { mode: 0o755 });
      } catch (err) {
        // Another writer made it meanwhile: it is theirs, not ours to remove.
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw err;
      }
      created.push(d);
      await chmod(d, 0o755); // mkdir's mode is masked by the umask
    }
  } catch (err) {
    await removeDirs(created);
    throw err;
  }
  return created;
}

/** Remove folders a write created, innermost first, only while they are empty. Never throws. */
export async function removeDirs(dirs: readonly string[]): Promise<void> {
  for (const d of [...dirs].reverse()) {
    try {
      await rmdir(d);
    } catch {
      return; // not empty (someone else's file) or already gone: leave it and its parents
    }
  }
}

/** Hooks for tests that need to stop a write between its steps (crash-safety tests). */
export interface WriteHooks {
  /** Runs after the temp file is synced, before the rename. */
  beforeRename?: (tmpPath: string) => Promise<void> | void;
}

/** Replace `path` with `content` atomically, keeping one backup of the previous content. */
export async function atomicWrite(
  path: string,
  content: string,
  opts: WriteOptions = {},
  hooks: WriteHooks = {},
): Promise<void> {
  const staged = await stageFile(path, content, opts);
  try {
    await hooks.beforeRename?.(staged.tmpPath);
    await staged.commit();
  } catch (err) {
    await staged.discard();
    throw err;
  }
}

/** Delete `path`, keeping its content as the backup (unless `backup` is false). */
export async function removeFile(path: string, opts: Pick<WriteOptions, 'backup'> = {}): Promise<void> {
  const backup = opts.backup === undefined ? defaultBackupPath : opts.backup;
  const exists = await stat(path).catch(() => undefined);
  if (!exists) return;
  if (backup) await copyDurably(path, backup(path));
  await rm(path);
  await syncDir(dirname(path));
}

/** Read a file, or undefined when it does not exist. Other errors (EACCES, EISDIR) throw. */
export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Copy `from` to `to` by way of a synced temp file, so the copy too is never partial. */
async function copyDurably(from: string, to: string): Promise<void> {
  const tmp = tmpPathFor(to);
  try {
    await copyFile(from, tmp);
    const st = await stat(from);
    await chmod(tmp, st.mode & 0o7777);
    if (process.getuid?.() === 0) await chown(tmp, st.uid, st.gid);
    const fh = await open(tmp, 'r+');
    await fh.sync().finally(() => fh.close());
    await rename(tmp, to);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** fsync a directory so a rename in it survives a power loss. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } catch (err) {
    // Some filesystems (e.g. Proxmox's pmxcfs) refuse fsync on a directory; the rename stands.
    if (!['EINVAL', 'ENOTSUP', 'EISDIR', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? ''))
      throw err;
  } finally {
    await fh.close();
  }
}

/** `text` matched literally in a regular expression. */
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The exact names of temp files Phoenix writes beside `path`: its own, and those of its two
 * backup forms (`<file>.bak`, `.<file>.bak`), each `.<name>.phoenix-tmp-<pid>-<8 hex>`.
 * Group 1 is the writer's pid.
 */
function tempNamePattern(path: string): RegExp {
  const b = escapeRe(basename(path));
  const mark = escapeRe(TMP_MARK);
  return new RegExp(`^\\.(?:${b}|${b}\\.bak|\\.${b}\\.bak)${mark}(\\d+)-[0-9a-f]{8}$`);
}

/**
 * Remove the temp files a process that died mid-write (its pid is gone) left beside `path`:
 * only regular files whose name is exactly one Phoenix gives its temp files for this path or
 * its backup, never anything else. Returns the paths removed.
 */
export async function removeStaleTemps(path: string): Promise<string[]> {
  const pattern = tempNamePattern(path);
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    const pid = Number(m?.[1]);
    if (!m || !Number.isSafeInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    const full = join(dir, name);
    // lstat: a link or folder that happens to carry the name is not ours.
    const st = await lstat(full).catch(() => undefined);
    if (!st?.isFile()) continue;
    await rm(full, { force: true });
    removed.push(full);
  }
  return removed;
}
