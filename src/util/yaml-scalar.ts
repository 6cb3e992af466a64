/**
 * What the yaml library writes for a string scalar, where that depends on the text alone:
 * shared by the renderers that write YAML without building a document for it (compose
 * templates, the Traefik file) and must stay byte for byte what the library writes.
 */
import type { Schema } from 'yaml';

/** Characters the library double-quotes whatever else holds (copied from its stringifier). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it tests for
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Where a plain scalar may not start, contain or end (the library's own test). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * How the yaml library writes `text`, a string scalar of no set style, as a value, a list
 * item or a key (up to 1,024 characters: a longer key is written explicitly) in a block
 * collection at any indentation, with an unlimited line width and its default options;
 * undefined where that is not certain (the caller lets the library write it).
 * Its own tests, in its order: a control character forces double quotes; a document marker
 * at the start depends on the indentation; a text with no indicator that no schema tag but
 * the string's reads as another type is written as it is; any other one-line text is
 * quoted, with double quotes when it has neither quote, and then, without a backslash, it
 * is JSON's quoting of it, the text between two `"`.
 */
export function scalarText(text: string, schema: Schema): string | undefined {
  if (text === '' || text.includes('\n') || CONTROL.test(text) || /^(%|---|\.\.\.)/.test(text))
    return undefined;
  const other = (tag: { default?: unknown; tag: string; test?: RegExp }) =>
    Boolean(tag.default) && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(text) === true;
  if (!NOT_PLAIN.test(text) && !schema.tags.some(other) && !(schema.compat ?? []).some(other)) return text;
  return /["'\\]/.test(text) ? undefined : `"${text}"`;
}
