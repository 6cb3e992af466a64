/**
 * Temp roots for tests: copy the bundled example, edit one file in place, and snapshot a
 * tree to prove nothing was written. Edits keep the rest of a file byte-for-byte, so the
 * lines and columns of the example stay valid in expectations.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests never depend on the process's cwd). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bundled example root. */
export const EXAMPLE = join(REPO, 'examples', 'homelab');

/** A fresh empty directory under the system temp dir. */
export function tempDir(prefix = 'phoenix-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Remove a directory made by `tempDir` or `copyExample`. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copy examples/homelab into a new directory under `parent` (default: the temp dir); returns the copy. */
export function copyExample(parent: string = tmpdir()): string {
  const root = mkdtempSync(join(parent, 'homelab-'));
  cpSync(EXAMPLE, root, { recursive: true });
  return root;
}

/** Read a JSON file, let `fn` change it (mutate, or return a new value), write it back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test edits reach into arbitrary config shapes
export function editJson<T = any>(path: string, fn: (value: T) => T | void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as T;
  const next = fn(value);
  writeFileSync(path, JSON.stringify(next === undefined ? value : next, null, 2) + '\n');
}

/**
 * Replace the one occurrence of `from` in `root/file` with `to`. Throws when `from` occurs
 * zero or several times, so a table entry can never edit something other than it means.
 */
export function replaceIn(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${file}: expected exactly one ${JSON.stringify(from)}, found ${count}`);
  writeFileSync(
    path,
    text.replace(from, () => to),
  );
}

/** Write `text` to `root/file`. */
export function writeIn(root: string, file: string, text: string): void {
  writeFileSync(join(root, file), text);
}

/** Every file and directory under `dir`: relative path → mtime and content hash. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      const rel = relative(dir, path);
      if (st.isDirectory()) {
        out.set(`${rel}/`, `${st.mtimeMs}`);
        walk(path);
      } else {
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
        out.set(rel, `${st.mtimeMs} ${st.size} ${hash}`);
      }
    }
  };
  walk(dir);
  return out;
}
