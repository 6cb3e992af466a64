/**
 * Writes a report object as `JSON.stringify(value, replacer, 2) + '\n'` would, byte for byte,
 * but in pieces of about 64 KB: the long arrays (thousands of changes at 1,000 VMs) are
 * serialised one element at a time, so the whole text (11 MB there) and the buffer made from
 * it never exist at once.
 */

/** A JSON.stringify replacer (here: one that changes strings only). */
export type Replacer = (key: string, value: unknown) => unknown;

const CHUNK = 64 * 1024;

/**
 * Write `report` (a plain object) as indented JSON plus a newline through `write`, in chunks.
 * `needed(text)`, when given, says whether text serialised without the replacer would be
 * changed by it (a redactor: does it hold a secret?); only those pieces are serialised again
 * with it. A replacer function makes `JSON.stringify` several times slower, and at 1,000 VMs
 * the report is most of a second of it.
 */
export function writeJsonChunked(
  report: object,
  replacer: Replacer,
  write: (text: string) => void,
  needed?: (text: string) => boolean,
): void {
  let parts: string[] = [];
  let size = 0;
  const put = (s: string) => {
    parts.push(s);
    size += s.length;
    if (size >= CHUNK) {
      write(parts.join(''));
      parts = [];
      size = 0;
    }
  };
  // Nested text gets the indentation of its depth; JSON strings never hold a raw newline.
  const stringify = (value: unknown): string | undefined => {
    if (!needed) return JSON.stringify(value, replacer, 2);
    const plain = JSON.stringify(value, null, 2);
    return plain !== undefined && needed(plain) ? JSON.stringify(value, replacer, 2) : plain;
  };
  const nested = (value: unknown, indent: string): string | undefined =>
    stringify(value)?.replaceAll('\n', `\n${indent}`);

  let first = true;
  for (const [key, value] of Object.entries(report)) {
    // Each value passes the replacer once, as in one JSON.stringify: a non-empty array's
    // elements one by one (the replacer must leave arrays as they are), anything else whole.
    const long = Array.isArray(value) && value.length > 0;
    const text = long ? '' : nested(value, '  ');
    if (text === undefined) continue; // left out, as JSON.stringify leaves out undefined
    put(`${first ? '{\n  ' : ',\n  '}${JSON.stringify(key)}: `);
    first = false;
    if (!long) {
      put(text);
      continue;
    }
    put('[');
    (value as unknown[]).forEach((item, i) => put(`${i ? ',' : ''}\n    ${nested(item, '    ') ?? 'null'}`));
    put('\n  ]');
  }
  put(first ? '{}\n' : '\n}\n');
  write(parts.join(''));
}
