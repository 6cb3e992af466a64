/**
 * JSON files with positions: the parsed value plus a way to find the line and column of
 * any JSON pointer inside it, so every diagnostic can name where the problem is.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Source } from './source.js';

/** A parsed document that can locate paths. */
export interface Located {
  file: string;
  value: unknown;
  /** Position of the value at `path` (or of its closest existing ancestor). */
  at(path: readonly (string | number)[]): Source;
  /** Position of the key `key` of the object at `path` (falls back to the object). */
  keyAt(path: readonly (string | number)[], key: string): Source;
}

/** Line starts of a text, for offset → line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Parse JSON text; syntax errors come back located, and no value is returned then. */
export function parseJson(
  file: string,
  text: string,
): { doc: Located; errors: [] } | { doc: undefined; errors: { source: Source; message: string }[] } {
  const lines = new LineIndex(text);
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: true });
  if (parseErrors.length > 0 || !root) {
    const errs = parseErrors.length
      ? parseErrors
      : [{ error: 1, offset: 0, length: 0 } as ParseError];
    return {
      doc: undefined,
      errors: errs.map((e) => ({
        source: { file, ...lines.position(e.offset) },
        message: `invalid JSON: ${parseErrors.length ? printParseErrorCode(e.error) : 'empty file'}`,
      })),
    };
  }
  const sourceOf = (node: Node): Source => ({ file, ...lines.position(node.offset) });
  const nearest = (path: readonly (string | number)[]): Node => {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
      if (node) return node;
    }
    return root;
  };
  return {
    doc: {
      file,
      value: JSON.parse(text) as unknown,
      at: (path) => sourceOf(nearest(path)),
      keyAt: (path, key) => {
        const obj = nearest(path);
        const prop = obj.type === 'object' ? obj.children?.find((p) => p.children?.[0]?.value === key) : undefined;
        return sourceOf(prop?.children?.[0] ?? obj);
      },
    },
    errors: [],
  };
}
