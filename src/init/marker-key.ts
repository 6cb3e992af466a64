/**
 * The marker key file `phoenix init` proposes for `sync.marker_key` (I/O): what is at its
 * path now, and writing a new random key there, readable by its owner only. An existing key
 * is never overwritten: every machine that syncs the root must keep using the same one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MIN_MARKER_KEY_LENGTH } from '../desired/marker-key.js';
import { errorMessage, UserError } from '../errors.js';
import type { Redactor } from '../secrets.js';

/** Where init puts the key unless told otherwise: beside Phoenix's other host files, outside the root. */
export const DEFAULT_MARKER_KEY_FILE = '/etc/phoenix/marker.key';

/** What is at the key file's path. */
export type KeyFileState =
  | { kind: 'missing' }
  /** A usable key; `loose` when group or others may read it. */
  | { kind: 'key'; loose: boolean }
  /** Something that is not a usable key (a folder, an unreadable or too short file). */
  | { kind: 'unusable'; why: string };

/** Look at the key file; a key found is registered with the redactor (it is never shown). */
export async function inspectKeyFile(path: string, redactor?: Redactor): Promise<KeyFileState> {
  const st = await stat(path).catch((err: NodeJS.ErrnoException) => err);
  if (st instanceof Error)
    return st.code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unusable', why: st.code ?? st.message };
  if (!st.isFile()) return { kind: 'unusable', why: 'it is not a regular file' };
  const text = await readFile(path, 'utf8').catch((err: unknown) => new Error(errorMessage(err)));
  if (text instanceof Error) return { kind: 'unusable', why: text.message };
  const key = text.replace(/\r?\n$/, '');
  redactor?.add(key);
  if (key.length < MIN_MARKER_KEY_LENGTH)
    return { kind: 'unusable', why: `it holds ${key.length} characters, under ${MIN_MARKER_KEY_LENGTH}` };
  return { kind: 'key', loose: (st.mode & 0o077) !== 0 };
}

/**
 * Write a new key (32 random bytes, hex) to `path`, mode 0600, creating its folder (0755:
 * other files Phoenix keeps there are read by services) when missing. Fails rather than
 * overwrite a file that appeared meanwhile.
 */
export async function writeKeyFile(path: string, redactor: Redactor): Promise<void> {
  const key = randomBytes(32).toString('hex');
  redactor.add(key);
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o755 });
    await writeFile(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write the marker key to ${path}: ${code ?? errorMessage(err)}`, {
      hint:
        code === 'EEXIST'
          ? 'a key appeared there meanwhile; run phoenix init again to use it'
          : 'run phoenix init as a user who may write there, or choose another place with --marker-key-file',
    });
  }
}
