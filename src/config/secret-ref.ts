/**
 * Secret references: `env:NAME` reads an environment variable, `file:PATH` a file (relative
 * to the root, trailing newline trimmed). Anything else is a plaintext value.
 */
import { resolve } from 'node:path';
import { readRootFile, READ_LIMITS } from './root-files.js';

export type SecretResolution =
  { ok: true; value: string; reference: boolean } | { ok: false; message: string; hint: string };

/** Is `value` an `env:` or `file:` reference? */
export function isSecretRef(value: string): boolean {
  return /^(env|file):./.test(value);
}

/** Resolve a possible secret reference. */
export function resolveSecret(value: string, root: string, env: NodeJS.ProcessEnv): SecretResolution {
  if (value.startsWith('env:')) {
    const name = value.slice(4);
    const v = env[name];
    if (v === undefined || v === '') {
      return {
        ok: false,
        message: `environment variable ${name} is not set`,
        hint: `export ${name}=… before running Phoenix`,
      };
    }
    return { ok: true, value: v, reference: true };
  }
  if (value.startsWith('file:')) {
    const path = resolve(root, value.slice(5));
    // A secret may live outside the root (/etc/phoenix/…), but it is still a bounded, regular file.
    const read = readRootFile('/', path, `secret file ${path}`, { limit: READ_LIMITS.secret });
    if (!read.ok)
      return {
        ok: false,
        message: read.problem,
        hint: read.reason === 'missing' ? 'create the file (mode 0600) or fix the path' : read.hint,
      };
    return { ok: true, value: read.text.replace(/\r?\n$/, ''), reference: true };
  }
  return { ok: true, value, reference: false };
}
