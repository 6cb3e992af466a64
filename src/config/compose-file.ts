/**
 * Compose files: parsed with the `yaml` library so comments, formatting and positions are
 * kept for label injection and located errors. Aliases are bounded (alias bombs).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Source } from './source.js';

/** Most aliases a compose file may expand: far above real use, far below a bomb. */
export const MAX_ALIASES = 200;

export interface ComposeFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  /** The plain JS value (aliases expanded). */
  value: Record<string, unknown>;
  /** Position of the node at `path`, or its closest existing ancestor. */
  at(path: readonly (string | number)[]): Source;
}

export type ComposeParse =
  | { compose: ComposeFile; errors: [] }
  | { compose: undefined; errors: { source: Source; message: string; hint?: string }[] };

/** Parse a compose file; syntax errors and alias bombs come back located. */
export function parseCompose(file: string, text: string): ComposeParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    keepSourceTokens: false,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const pos = (offset: number): Source => {
    const p = lines.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    return {
      compose: undefined,
      errors: doc.errors.map((e) => ({
        source: pos(e.pos[0]),
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return {
      compose: undefined,
      errors: [
        {
          source: pos(0),
          message: `YAML aliases expand too far (${(err as Error).message})`,
          hint: `at most ${MAX_ALIASES} alias expansions are allowed`,
        },
      ],
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      compose: undefined,
      errors: [{ source: pos(0), message: 'a compose file must be a mapping with a `services` key' }],
    };
  }
  const at = (path: readonly (string | number)[]): Source => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && (isMap(node) || isSeq(node) || isScalar(node)) && node.range) return pos(node.range[0]);
    }
    return pos(0);
  };
  return { compose: { file, text, doc, value: value as Record<string, unknown>, at }, errors: [] };
}
