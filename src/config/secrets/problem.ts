/**
 * What the secret readers report: a problem (message and hint, never a secret in either)
 * and warnings about files others can read.
 */

/** A warning about how a secret is kept (the value itself is fine). */
export interface SecretWarning {
  message: string;
  hint: string;
}

/** Why a secret reference cannot be resolved; thrown inside the readers, caught by the resolver. */
export class SecretProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** A warning when `mode` lets the group or others read the file at `path`. */
export function exposure(what: string, path: string, mode: number): SecretWarning[] {
  if ((mode & 0o044) === 0) return [];
  return [
    {
      message: `${what} ${path} is readable by group or others (mode ${(mode & 0o777).toString(8).padStart(4, '0')})`,
      hint: `chmod 600 ${path}`,
    },
  ];
}

/** A library's error text, unless it could quote key material (bech32 errors quote the key). */
export function safeReason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return /AGE-SECRET-KEY|AGE-PLUGIN/i.test(text) ? 'malformed key material' : text;
}
