/**
 * Secret redaction. Every secret value Phoenix resolves (Portainer password or API key,
 * stack variables marked secret, plaintext secrets found in config) is registered here;
 * every renderer passes its text through `redact` before it reaches a terminal or file.
 *
 * A secret also travels encoded: echoed inside a JSON body (escaped, and Go's encoder
 * escapes `<`, `>`, `&` too), in a URL or form (percent-encoded, either hex case), or in
 * base64 (an auth header, a config blob) where it may start at any byte offset. Each of
 * those forms is redacted as well.
 */

export const REDACTED = '«redacted»';

/** Holds the secret values of one run. */
export class Redactor {
  private readonly values = new Set<string>();
  /** Every value and its encoded forms. */
  private readonly forms = new Set<string>();
  private pattern: RegExp | undefined;
  private jsonPattern: RegExp | undefined;

  /** Remember a secret value; short values (< 4 chars) are too common to redact safely. */
  add(value: string | undefined): void {
    if (value === undefined || value.length < 4 || this.values.has(value)) return;
    this.values.add(value);
    for (const form of encodedForms(value)) this.forms.add(form);
    this.pattern = undefined;
    this.jsonPattern = undefined;
  }

  /** Replace every known secret in `text`. */
  redact(text: string): string {
    if (this.values.size === 0) return text;
    this.pattern ??= alternation([...this.forms]);
    return text.replace(this.pattern, REDACTED);
  }

  /**
   * Does JSON text hold a string value with a known secret in it, in any of its forms? (Each
   * form as JSON escapes it: escaping is per character, so a string holding a form holds its
   * escaped text once serialised.) False means redacting the strings would change nothing.
   */
  foundInJson(text: string): boolean {
    if (this.values.size === 0) return false;
    this.jsonPattern ??= alternation([...this.forms].map(jsonEscaped));
    this.jsonPattern.lastIndex = 0;
    return this.jsonPattern.test(text);
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

/** Shortest base64 run redacted: shorter ones match too much unrelated base64. */
const MIN_BASE64 = 6;

/** A global pattern matching any of `texts`, longest first. */
function alternation(texts: string[]): RegExp {
  return new RegExp(
    texts
      .sort((a, b) => b.length - a.length)
      .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
}

/** JSON string escaping without the quotes. */
function jsonEscaped(v: string): string {
  return JSON.stringify(v).slice(1, -1);
}

/**
 * The base64 characters that depend only on the secret's bytes, for each of the three
 * offsets it can start at inside a longer encoded run (the characters it shares with its
 * neighbours are left out).
 */
function base64Cores(v: string): string[] {
  const bytes = Buffer.from(v, 'utf8');
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const core = b64.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    if (core.length >= MIN_BASE64) out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

/** A secret as it may appear in text: itself and every encoded form it may travel in. */
export function encodedForms(v: string): string[] {
  const json = jsonEscaped(v);
  const goJson = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  const uri = encodeURIComponent(v);
  const form = new URLSearchParams({ v }).toString().slice(2);
  const forms = [v, json, jsonEscaped(json), goJson, uri, form, ...base64Cores(v)];
  for (const f of [uri, form]) forms.push(f.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  return [...new Set(forms)];
}
