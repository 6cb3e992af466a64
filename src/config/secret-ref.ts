/**
 * Secret references: `env:NAME` reads an environment variable, `file:PATH` a file (relative
 * to the root, trailing newline trimmed). Anything else is a plaintext value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
    try {
      return { ok: true, value: readFileSync(path, 'utf8').replace(/\r?\n$/, ''), reference: true };
    } catch (err) {
      return {
        ok: false,
        message: `cannot read secret file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        hint: 'create the file (mode 0600) or fix the path',
      };
    }
  }
  return { ok: true, value, reference: false };
}
