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
  const errors = checkServices(value as Record<string, unknown>, doc, at, pos);
  if (errors.length > 0) return { compose: undefined, errors };
  return { compose: { file, text, doc, value: value as Record<string, unknown>, at }, errors: [] };
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A stack needs a non-empty `services` mapping whose entries are mappings: Portainer and
 * compose accept nothing else, and would only say so mid-deploy, after a health timeout,
 * with a broken stack left behind.
 */
function checkServices(
  value: Record<string, unknown>,
  doc: Document.Parsed,
  at: (path: readonly (string | number)[]) => Source,
  pos: (offset: number) => Source,
): { source: Source; message: string; hint?: string }[] {
  const hint = 'e.g. `services:` then `  web:` then `    image: nginx:1.27`';
  const services = value.services;
  if (services === undefined)
    return [{ source: at([]), message: 'a compose file needs a `services` mapping', hint }];
  // A key's own position: an empty value (`services:`) has none worth pointing at.
  const keyOf = (map: unknown, key: string, path: string[]): Source => {
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    return pair && isScalar(pair.key) && pair.key.range ? pos(pair.key.range[0]) : at(path);
  };
  const keyAt = keyOf(doc.contents, 'services', ['services']);
  if (!isMapping(services))
    return [
      { source: keyAt, message: '`services` must be a mapping of service names to their definitions', hint },
    ];
  const names = Object.keys(services);
  if (names.length === 0)
    return [{ source: keyAt, message: '`services` is empty: a stack needs at least one service', hint }];
  return names
    .filter((name) => !isMapping(services[name]))
    .map((name) => ({
      source: keyOf(doc.getIn(['services'], true), name, ['services', name]),
      message: `service ${name} must be a mapping (image, ports, …), not ${kindOf(services[name])}`,
      hint,
    }));
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}
