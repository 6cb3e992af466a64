/**
 * Secret references. Anything else is a plaintext value.
 * - `env:NAME`: an environment variable.
 * - `file:PATH`: a file (relative to the root; trailing newline trimmed).
 * - `age:PATH`: a file encrypted with age, decrypted with the identity file named by
 *   `PHOENIX_AGE_KEY_FILE` (else `SOPS_AGE_KEY_FILE`); trailing newline trimmed.
 * - `sops:PATH#KEY`: the value at KEY of a SOPS-encrypted dotenv, JSON or YAML file
 *   (age recipients); KEY is a top-level key, else a dotted path (`db.password`).
 * env: and file: resolve synchronously while loading; age: and sops: need decryption, which
 * is asynchronous, so the loader records them as pending and `resolveSecretAsync` (called by
 * the estate right after loading) resolves them.
 */
import { resolve } from 'node:path';
import { readRootBytes, readRootFile, READ_LIMITS } from './root-files.js';
// The decryption modules (age's crypto is ~260 KB of code) load only when a root uses them.
import type { AgeIdentities } from './secrets/age.js';
import { exposure, SecretProblem, type SecretWarning } from './secrets/problem.js';
import type { SopsValues } from './secrets/sops.js';

export type { SecretWarning } from './secrets/problem.js';

/** A resolved reference (or plaintext), or why it cannot be resolved; warnings either way. */
export type SecretResolution = (
  { ok: true; value: string; reference: boolean } | { ok: false; message: string; hint: string }
) & { warnings?: SecretWarning[] };

/** Is `value` a secret reference (`env:`, `file:`, `age:` or `sops:`)? */
export function isSecretRef(value: string): boolean {
  return /^(env|file|age|sops):./.test(value);
}

/** Is `value` a reference that needs decryption (`age:` or `sops:`)? */
export function isEncryptedRef(value: string): boolean {
  return /^(age|sops):./.test(value);
}

/** Resolve a possible secret reference; age: and sops: are left pending (an error if never resolved). */
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
    const warnings = exposure('secret file', path, read.mode);
    return {
      ok: true,
      value: read.text.replace(/\r?\n$/, ''),
      reference: true,
      ...(warnings.length ? { warnings } : {}),
    };
  }
  if (isEncryptedRef(value))
    return {
      ok: false,
      message: `${value.slice(0, value.indexOf(':'))}: reference not decrypted`,
      hint: 'encrypted references are resolved by resolveSecretAsync after loading',
    };
  return { ok: true, value, reference: false };
}

/** Decryption state shared by the references of one run: the identities and each file, once. */
export class SecretSession {
  private identities: Promise<AgeIdentities> | undefined;
  private readonly files = new Map<
    string,
    Promise<{ plain: Uint8Array | SopsValues; warnings: SecretWarning[] }>
  >();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The identity file's keys, read once. */
  ids(): Promise<AgeIdentities> {
    return (this.identities ??= import('./secrets/age.js').then((age) => age.loadIdentities(this.env)));
  }

  /** Read and decrypt one file once, whatever number of references name it. */
  file<T extends Uint8Array | SopsValues>(
    path: string,
    what: string,
    open: (bytes: Buffer, ids: AgeIdentities) => Promise<T>,
  ): Promise<{ plain: T; warnings: SecretWarning[] }> {
    const key = `${what}\0${path}`;
    let p = this.files.get(key);
    if (!p) {
      p = (async () => {
        const read = readRootBytes('/', path, `${what} ${path}`, { limit: READ_LIMITS.secret });
        if (!read.ok)
          throw new SecretProblem(
            read.problem,
            read.reason === 'missing' ? 'create the file or fix the path' : read.hint,
          );
        const ids = await this.ids();
        const plain = await open(read.bytes, ids);
        // An encrypted file is meant to be shared (often committed): only the identity is private.
        return { plain, warnings: ids.warnings };
      })();
      this.files.set(key, p);
    }
    return p as Promise<{ plain: T; warnings: SecretWarning[] }>;
  }
}

/** Resolve any reference, decrypting age: and sops: ones. */
export async function resolveSecretAsync(
  value: string,
  root: string,
  env: NodeJS.ProcessEnv,
  session = new SecretSession(env),
): Promise<SecretResolution> {
  if (!isEncryptedRef(value)) return resolveSecret(value, root, env);
  try {
    if (value.startsWith('age:')) {
      const path = resolve(root, value.slice(4));
      const shown = `age file ${path}`;
      const { ageDecrypt } = await import('./secrets/age.js');
      const { plain, warnings } = await session.file(path, 'age file', (bytes, ids) =>
        ageDecrypt(bytes, ids, shown),
      );
      const text = Buffer.from(plain)
        .toString('utf8')
        .replace(/\r?\n$/, '');
      return { ok: true, value: text, reference: true, ...(warnings.length ? { warnings } : {}) };
    }
    const spec = value.slice(5);
    const hash = spec.lastIndexOf('#');
    if (hash <= 0 || hash === spec.length - 1)
      return {
        ok: false,
        message: `"${value}" names no key`,
        hint: 'write sops:PATH#KEY, e.g. sops:secrets.enc.yaml#db_password',
      };
    const path = resolve(root, spec.slice(0, hash));
    const shown = `sops file ${path}`;
    const { decryptSops, sopsValue } = await import('./secrets/sops.js');
    const { plain, warnings } = await session.file(path, 'sops file', (bytes, ids) =>
      decryptSops(path, bytes.toString('utf8'), ids, shown),
    );
    return {
      ok: true,
      value: sopsValue(plain, spec.slice(hash + 1), shown),
      reference: true,
      ...(warnings.length ? { warnings } : {}),
    };
  } catch (err) {
    if (err instanceof SecretProblem) return { ok: false, message: err.message, hint: err.hint };
    throw err;
  }
}
