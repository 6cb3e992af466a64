/**
 * Writing the proposal into phoenix_hypervisor_config.json without touching anything else
 * (pure). jsonc-parser's `modify` finds where a property goes and whether it needs a comma;
 * its formatter is not used, because it re-indents the neighbouring property too. The
 * inserted text follows the file's own indentation and line endings instead, so every edit is
 * one insertion and every other byte of the file stays as it was.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Node } from 'jsonc-parser';
import { LineIndex } from '../config/json.js';
import { InternalError, UserError } from '../errors.js';
import type { ProposalGroup } from './propose.js';

/** A group left out because the operator already set one of its keys (with or without a proposal). */
export interface KeptGroup {
  group: ProposalGroup;
  /** The key that was found, e.g. `sync.dns.layout`. */
  by: string;
}

/** The file with the proposal inserted, and what was added or kept. */
export interface EditResult {
  text: string;
  added: ProposalGroup[];
  kept: KeptGroup[];
  /** Whether the file had a `sync` section before. */
  hadSync: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Insert the groups the file does not answer yet. `file` names the file in errors. Throws a
 * located UserError when a key that must hold an object holds something else.
 */
export function insertProposal(file: string, text: string, groups: readonly ProposalGroup[]): EditResult {
  const lines = new LineIndex(text);
  const fail = (node: Node | undefined, message: string): never => {
    const { line, column } = lines.position(node?.offset ?? 0);
    throw new UserError(`${file}:${line}:${column}: ${message}`, {
      hint: 'phoenix init adds keys to a sync object; fix this one by hand first',
    });
  };
  const tree = parseTree(text);
  if (tree?.type !== 'object') fail(tree, 'the file must hold one JSON object');
  const syncNode = findNodeAtLocation(tree!, ['sync']);
  if (syncNode && syncNode.type !== 'object') fail(syncNode, '"sync" must be an object');
  const existing = syncNode
    ? (JSON.parse(text.slice(syncNode.offset, syncNode.offset + syncNode.length)) as Obj)
    : {};
  const has = (path: readonly string[]) =>
    path.reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), existing) !== undefined;

  const added: ProposalGroup[] = [];
  const kept: KeptGroup[] = [];
  const additions: Obj = {};
  for (const group of groups) {
    const by = group.setBy.find(has);
    if (by) {
      kept.push({ group, by: ['sync', ...by].join('.') });
      continue;
    }
    if (group.keys.length === 0) continue;
    added.push(group);
    for (const key of group.keys) setPath(additions, key.path, key.value);
  }

  let out = text;
  if (Object.keys(additions).length > 0) {
    out = syncNode ? mergeInto(out, ['sync'], additions, file) : insertProperty(out, [], 'sync', additions);
  }
  return { text: out, added, kept, hadSync: syncNode !== undefined };
}

function setPath(target: Obj, path: readonly string[], value: unknown): void {
  let o = target;
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Obj;
  o[path.at(-1)!] = value;
}

/** Add each key of `additions` below `at`: new keys as one insertion each, objects merged. */
function mergeInto(text: string, at: string[], additions: Obj, file: string): string {
  let out = text;
  for (const [key, value] of Object.entries(additions)) {
    const tree = parseTree(out)!;
    const node = findNodeAtLocation(tree, [...at, key]);
    if (!node) {
      out = insertProperty(out, at, key, value);
    } else if (node.type === 'object' && isObj(value)) {
      out = mergeInto(out, [...at, key], value, file);
    } else {
      const { line, column } = new LineIndex(out).position(node.offset);
      throw new UserError(`${file}:${line}:${column}: "${[...at, key].join('.')}" must be an object`, {
        hint: 'phoenix init adds keys to it; fix it by hand first',
      });
    }
  }
  return out;
}

/** The whitespace that starts the line holding `offset`, when only whitespace precedes it there. */
function lineIndent(text: string, offset: number): string | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** The file's indentation unit: the leading whitespace of its first indented line. */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/** Insert `"key": value` into the object at `parentPath` (which must not have `key`). */
function insertProperty(text: string, parentPath: string[], key: string, value: unknown): string {
  const edits = modify(text, [...parentPath, key], value, {});
  const edit = edits[0];
  if (edits.length !== 1 || !edit || edit.length !== 0)
    throw new InternalError(`expected one insertion for ${[...parentPath, key].join('.')}`);
  const parent = findNodeAtLocation(parseTree(text)!, parentPath)!;
  const body = text.slice(parent.offset, parent.offset + parent.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const children = parent.children ?? [];
  if (!body.includes('\n')) {
    // An object written on one line gets the insertion on that line too, spaced as it is.
    const spaced = /": /.test(body.length > 2 ? body : text);
    const sp = spaced ? ' ' : '';
    const property = `${JSON.stringify(key)}:${sp}${inline(value, spaced)}`;
    const content =
      children.length > 0 ? `,${sp}${property}` : body === '{}' ? `${sp}${property}${sp}` : property;
    return applyEdits(text, [{ offset: edit.offset, length: 0, content }]);
  }

  const last = children.at(-1);
  const parentIndent = lineIndent(text, parent.offset) ?? leadingIndent(text, parent.offset);
  const indent = (last && lineIndent(text, last.offset)) ?? parentIndent + indentUnit(text);
  const rendered = JSON.stringify(value, null, indentUnit(text))
    .split('\n')
    .join(eol + indent);
  const property = `${JSON.stringify(key)}: ${rendered}`;
  let content: string;
  if (last) content = `,${eol}${indent}${property}`;
  else {
    // An empty object that already spans lines keeps its closing line; `{}` gets one.
    const inner = body.slice(1, -1);
    content = inner.includes('\n')
      ? `${eol}${indent}${property}`
      : `${eol}${indent}${property}${eol}${parentIndent}`;
  }
  return applyEdits(text, [{ offset: edit.offset, length: 0, content }]);
}

/** A value on one line: `{ "a": 1, "b": [1, 2] }` when spaced, else JSON's compact form. */
function inline(value: unknown, spaced: boolean): string {
  if (!spaced) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => inline(v, true)).join(', ')}]`;
  if (isObj(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v, true)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** The indentation of the line holding `offset`, whatever follows it. */
function leadingIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}
