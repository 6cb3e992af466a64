/**
 * JSON files with positions: the parsed value plus a way to find the line and column of
 * any JSON pointer inside it, so every diagnostic can name where the problem is.
 */
import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
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
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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

/**
 * Parse JSON text; syntax errors come back located, and no value is returned then.
 * Valid text (nearly always) is parsed by `JSON.parse`; where its values start is worked out
 * by a plain scan on the first lookup (the loader asks for most files, a diagnostic for the
 * rest). jsonc-parser runs only on invalid text, for the position of each syntax error: at
 * 1,000 VMs its visitor cost ~0.5 s of the plan's profile and most of its garbage.
 */
export function parseJson(
  file: string,
  text: string,
): { doc: Located; errors: [] } | { doc: undefined; errors: { source: Source; message: string }[] } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    return { doc: undefined, errors: syntaxErrors(file, text, err) };
  }
  let lines: LineIndex | undefined;
  let root: Loc | undefined;
  const sourceOf = (offset: number): Source => ({
    file,
    ...(lines ??= new LineIndex(text)).position(offset),
  });
  const nearest = (path: readonly (string | number)[]): Loc => {
    root ??= scanLocations(text);
    for (let n = path.length; n >= 0; n--) {
      const loc = locAt(root, path, n);
      if (loc !== undefined) return loc;
    }
    return root;
  };
  return {
    doc: {
      file,
      value,
      // Located only when read: derivation keeps a source for every guest, route and variable
      // (tens of thousands at 1,000 VMs), and only the few a diagnostic names are ever read.
      at: (path) => {
        const at = path.slice();
        return lazySource(file, () => sourceOf(offsetOf(nearest(at))));
      },
      keyAt: (path, key) => {
        const loc = nearest(path);
        const i = typeof loc === 'object' && 'keys' in loc ? keyIndex(loc, key) : -1;
        return sourceOf(i >= 0 ? (loc as ObjectLoc).keyOffsets[i]! : offsetOf(loc));
      },
    },
    errors: [],
  };
}

/**
 * A Source whose line and column are worked out on first read (then kept). It reads like any
 * Source: spreading it or serialising it reads them.
 */
function lazySource(file: string, locate: () => Source): Source {
  let found: Source | undefined;
  const get = () => (found ??= locate());
  return Object.defineProperties({ file } as Source, {
    line: { get: () => get().line, enumerable: true },
    column: { get: () => get().column, enumerable: true },
  });
}

/** Every syntax error of invalid text, located by jsonc-parser. */
function syntaxErrors(file: string, text: string, err: unknown): { source: Source; message: string }[] {
  const lines = new LineIndex(text);
  const parseErrors: ParseError[] = [];
  locate(text, parseErrors);
  if (parseErrors.length === 0) {
    // JSON.parse refused what jsonc-parser accepts: say what JSON.parse said, at the start.
    const why = text.trim() === '' ? 'empty file' : err instanceof Error ? err.message : String(err);
    return [{ source: { file, ...lines.position(0) }, message: `invalid JSON: ${why}` }];
  }
  return parseErrors.map((e) => ({
    source: { file, ...lines.position(e.offset) },
    message: `invalid JSON: ${printParseErrorCode(e.error)}`,
  }));
}

/**
 * Where each value of a JSON text starts: a scalar is just its offset; objects and arrays
 * also keep their children. Built in one pass of jsonc-parser's visitor instead of its node
 * tree, which held about 12 bytes of heap per byte of JSON for the whole run (70 MB for the
 * 5.7 MB of a 1,000-VM estate, the largest part of its memory; bench/README.md).
 */
/** Where a value starts; objects and arrays also hold their children. */
export type Loc = number | ObjectLoc | ArrayLoc;

interface ObjectLoc {
  offset: number;
  keys: string[];
  /** Offset of each key (its opening quote). */
  keyOffsets: number[];
  values: Loc[];
  /** First index of each key, built on first use in large objects (lookups stay O(1)). */
  index?: Map<string, number>;
}

interface ArrayLoc {
  offset: number;
  items: Loc[];
}

const offsetOf = (loc: Loc): number => (typeof loc === 'number' ? loc : loc.offset);

/** The index of `key` in an object (the first, for a duplicated key), or -1. */
function keyIndex(obj: ObjectLoc, key: string): number {
  if (obj.keys.length <= 8) return obj.keys.indexOf(key);
  if (!obj.index) {
    obj.index = new Map();
    obj.keys.forEach((k, i) => {
      if (!obj.index!.has(k)) obj.index!.set(k, i);
    });
  }
  return obj.index.get(key) ?? -1;
}

/** The value at the first `n` segments of `path`, or undefined when it does not exist. */
function locAt(root: Loc, path: readonly (string | number)[], n: number): Loc | undefined {
  let loc: Loc | undefined = root;
  for (let i = 0; i < n && loc !== undefined; i++) {
    const segment = path[i]!;
    if (typeof loc === 'number') return undefined;
    // A numeric segment in an object is a key that looks like a number (`lxc_configs."101"`).
    if (typeof segment === 'string' || 'keys' in loc) {
      const k: number = 'keys' in loc ? keyIndex(loc, String(segment)) : -1;
      loc = k >= 0 ? (loc as ObjectLoc).values[k] : undefined;
    } else {
      loc = 'items' in loc && segment >= 0 ? loc.items[segment] : undefined;
    }
  }
  return loc;
}

/**
 * The locations of text that `JSON.parse` accepted, in one pass over its characters: the
 * same offsets jsonc-parser's visitor reports (an object's or array's opening bracket, a key's
 * or string's opening quote, a literal's first character), without its tokens and closures.
 */
export function scanLocations(text: string): Loc {
  const open: (ObjectLoc | ArrayLoc)[] = [];
  let root: Loc | undefined;
  let parent: ObjectLoc | ArrayLoc | undefined;
  const add = (loc: Loc) => {
    if (!parent) root ??= loc;
    else if ('keys' in parent) parent.values.push(loc);
    else parent.items.push(loc);
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const loc: ObjectLoc | ArrayLoc =
        c === 0x7b ? { offset: i, keys: [], keyOffsets: [], values: [] } : { offset: i, items: [] };
      open.push(loc);
      parent = loc;
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      const done = open.pop()!;
      parent = open.at(-1);
      add(done);
      i++;
    } else if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (;;) {
        const d = text.charCodeAt(end);
        if (d === 0x22) break;
        if (d === 0x5c /* \ */) {
          escaped = true;
          end++;
        }
        end++;
      }
      // A string followed by a colon is a key.
      let k = end + 1;
      while (isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 0x3a /* : */ && parent && 'keys' in parent) {
        parent.keys.push(escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end));
        parent.keyOffsets.push(i);
        i = k + 1;
      } else {
        add(i);
        i = end + 1;
      }
    } else if (c === 0x2c /* , */ || isSpace(c)) {
      i++;
    } else {
      // A number, true, false or null: runs to the next delimiter.
      add(i);
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (i >= n || d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
        i++;
      }
    }
  }
  return root!;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Build the locations of `text`, collecting syntax errors as jsonc-parser's parseTree does. */
export function locate(text: string, errors: ParseError[]): Loc | undefined {
  let root: Loc | undefined;
  const open: (ObjectLoc | ArrayLoc)[] = [];
  const add = (loc: Loc) => {
    const parent = open.at(-1);
    if (!parent) root ??= loc;
    else if ('keys' in parent) parent.values.push(loc);
    else parent.items.push(loc);
  };
  const close = () => {
    const done = open.pop();
    if (done) add(done);
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => void open.push({ offset, keys: [], keyOffsets: [], values: [] }),
      onObjectProperty: (key, offset) => {
        const obj = open.at(-1) as ObjectLoc;
        obj.keys.push(key);
        obj.keyOffsets.push(offset);
      },
      onObjectEnd: close,
      onArrayBegin: (offset) => void open.push({ offset, items: [] }),
      onArrayEnd: close,
      onLiteralValue: (_value, offset) => add(offset),
      onError: (error, offset, length) => void errors.push({ error, offset, length }),
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  return root;
}
