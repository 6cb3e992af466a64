/**
 * Secret redaction. Every secret value Phoenix resolves (Portainer password or API key,
 * stack variables marked secret, plaintext secrets found in config) is registered here;
 * every renderer passes its text through `redact` before it reaches a terminal or file.
 */

export const REDACTED = '«redacted»';

/** Holds the secret values of one run. */
export class Redactor {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Remember a secret value; short values (< 4 chars) are too common to redact safely. */
  add(value: string | undefined): void {
    if (value === undefined || value.length < 4 || this.values.has(value)) return;
    this.values.add(value);
    this.pattern = undefined;
  }

  /** Replace every known secret in `text`. */
  redact(text: string): string {
    if (this.values.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.values]
        .sort((a, b) => b.length - a.length)
        .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }

  /** Redact every string inside a JSON-like value (for JSON reports). */
  redactDeep<T>(value: T): T {
    if (this.values.size === 0) return value;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.redact(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v !== null && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      }
      return v;
    };
    return walk(value) as T;
  }
}
