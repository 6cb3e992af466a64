/**
 * Reading a SOPS file into an ordered tree plus its metadata. Order matters: the MAC is
 * computed over the values in document order, so maps keep their keys as written (a plain
 * object would move integer-like keys first).
 *
 * Dotenv files carry the metadata as `sops_…` lines, flattened: `sops_age__list_0__map_enc`
 * is `sops.age[0].enc`; every value has `\n` escaped as the two characters `\` `n`.
 */
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { SecretProblem } from './problem.js';

/** A document as SOPS sees it: ordered maps, lists and scalar leaves. */
export type SopsNode =
  | { kind: 'map'; entries: [string, SopsNode][] }
  | { kind: 'list'; items: SopsNode[] }
  | { kind: 'leaf'; value: string | number | bigint | boolean | null };

/** The parts of the `sops` metadata that decryption needs. */
export interface SopsMeta {
  /** The data key, once per age recipient. */
  age: { recipient: string; enc: string }[];
  lastmodified: string | undefined;
  mac: string | undefined;
  macOnlyEncrypted: boolean;
  /** Recipients other than age (PGP, cloud KMS, Vault), named in the "cannot open" message. */
  others: string[];
}

/** The three document formats SOPS encrypts value by value. */
export type SopsFormat = 'dotenv' | 'json' | 'yaml';

/** The format of a SOPS file: by extension as SOPS does, else by its first character. */
export function sopsFormat(path: string, text: string): SopsFormat {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  if (/\.env$/i.test(path)) return 'dotenv';
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  return /^sops_mac=/m.test(text) ? 'dotenv' : 'yaml';
}

/** Parse a SOPS file; `shown` names it in messages. */
export function parseSops(
  text: string,
  format: SopsFormat,
  shown: string,
): { tree: SopsNode; meta: SopsMeta } {
  const { tree, sops } = format === 'dotenv' ? fromDotenv(text, shown) : fromDocument(text, format, shown);
  if (sops === undefined || sops === null || typeof sops !== 'object')
    throw new SecretProblem(
      `${shown} is not encrypted with SOPS (it has no sops metadata)`,
      'encrypt it with sops --encrypt --age <recipient>',
    );
  return { tree, meta: readMeta(sops as Record<string, unknown>, shown) };
}

function readMeta(sops: Record<string, unknown>, shown: string): SopsMeta {
  let age = sops['age'];
  const groups = sops['key_groups'];
  if (Array.isArray(groups) && groups.length > 0) {
    if (groups.length > 1)
      throw new SecretProblem(
        `${shown} splits its data key over key groups (Shamir)`,
        'key groups are not supported: encrypt it for age recipients only',
      );
    age = (groups[0] as Record<string, unknown> | null)?.['age'];
  }
  const entries = (Array.isArray(age) ? age : []).flatMap((a: unknown) => {
    const r = a as Record<string, unknown> | null;
    return typeof r?.['enc'] === 'string'
      ? [{ recipient: String(r['recipient'] ?? '?'), enc: r['enc'] }]
      : [];
  });
  const others = ['pgp', 'kms', 'gcp_kms', 'azure_kv', 'hc_vault'].filter(
    (k) => Array.isArray(sops[k]) && (sops[k] as unknown[]).length > 0,
  );
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    age: entries,
    lastmodified: str(sops['lastmodified']),
    mac: str(sops['mac']),
    macOnlyEncrypted: sops['mac_only_encrypted'] === true || sops['mac_only_encrypted'] === 'true',
    others,
  };
}

/** Dotenv as SOPS reads it: `KEY=VALUE` lines, `#` comments, `sops_` lines for the metadata. */
function fromDotenv(text: string, shown: string): { tree: SopsNode; sops: unknown } {
  const entries: [string, SopsNode][] = [];
  const flat: Record<string, string> = {};
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0)
      throw new SecretProblem(
        `line ${i + 1} of ${shown} is not KEY=VALUE`,
        'fix the dotenv file or encrypt it again',
      );
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1).replaceAll('\\n', '\n');
    if (key.startsWith('sops_')) flat[key.slice(5)] = value;
    else entries.push([key, { kind: 'leaf', value }]);
  }
  return { tree: { kind: 'map', entries }, sops: Object.keys(flat).length ? unflatten(flat) : undefined };
}

/** `age__list_0__map_enc` → `{ age: [{ enc }] }`. */
function unflatten(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const tokens = path
      .split(/(?=__map_|__list_)/)
      .map((t) => (t.startsWith('__list_') ? Number(t.slice(7)) : t.startsWith('__map_') ? t.slice(6) : t));
    let node: Record<string | number, unknown> = out;
    for (const [i, token] of tokens.entries()) {
      const next = tokens[i + 1];
      if (next === undefined) node[token] = value;
      else node = (node[token] ??= typeof next === 'number' ? [] : {}) as Record<string | number, unknown>;
    }
  }
  return out;
}

/** JSON or YAML: one document whose top level is a map with a `sops` entry. */
function fromDocument(
  text: string,
  format: 'json' | 'yaml',
  shown: string,
): { tree: SopsNode; sops: unknown } {
  let tree: SopsNode;
  if (format === 'json') {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (!root || errors.length > 0)
      throw new SecretProblem(`${shown} is not valid JSON`, 'fix the file or encrypt it again');
    tree = fromJson(root);
  } else {
    const docs = parseAllDocuments(text, { intAsBigInt: true });
    if (!Array.isArray(docs) || docs.length !== 1 || docs[0]!.errors.length > 0)
      throw new SecretProblem(
        `${shown} is not a single valid YAML document`,
        'fix the file or encrypt it again (multi-document files are not supported)',
      );
    const doc = docs[0]!;
    tree = fromYaml(doc.contents as YamlNode | null, doc);
  }
  if (tree.kind !== 'map')
    throw new SecretProblem(`${shown} is not a map of keys`, 'SOPS files are maps at the top level');
  const sops = toPlain(tree.entries.find(([k]) => k === 'sops')?.[1]);
  // The metadata is not part of the data (nor of the MAC).
  return { tree: { kind: 'map', entries: tree.entries.filter(([k]) => k !== 'sops') }, sops };
}

function fromJson(node: JsonNode): SopsNode {
  if (node.type === 'object')
    return {
      kind: 'map',
      entries: (node.children ?? []).map((p) => [String(p.children![0]!.value), fromJson(p.children![1]!)]),
    };
  if (node.type === 'array') return { kind: 'list', items: (node.children ?? []).map(fromJson) };
  return { kind: 'leaf', value: node.value as string | number | boolean | null };
}

function fromYaml(node: YamlNode | null, doc: Document.Parsed): SopsNode {
  if (node === null) return { kind: 'leaf', value: null };
  if (isAlias(node)) return fromYaml(node.resolve(doc) ?? null, doc);
  if (isMap(node))
    return {
      kind: 'map',
      entries: node.items.map((p) => [
        String(isScalar(p.key) ? p.key.value : p.key),
        fromYaml((p.value as YamlNode | null) ?? null, doc),
      ]),
    };
  if (isSeq(node)) return { kind: 'list', items: node.items.map((n) => fromYaml(n as YamlNode | null, doc)) };
  const v = isScalar(node) ? node.value : null;
  return {
    kind: 'leaf',
    value: v instanceof Date ? v.toISOString() : (v as string | number | bigint | boolean | null),
  };
}

/** A tree as plain data (for the metadata). */
function toPlain(node: SopsNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'map') return Object.fromEntries(node.entries.map(([k, v]) => [k, toPlain(v)]));
  if (node.kind === 'list') return node.items.map(toPlain);
  return typeof node.value === 'bigint' ? String(node.value) : node.value;
}
