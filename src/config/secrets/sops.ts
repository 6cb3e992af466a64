/**
 * SOPS files encrypted for age, decrypted in-process. No decrypt-only SOPS library for
 * JavaScript is well kept, so the format is implemented here on node:crypto; age itself is
 * the age-encryption package (./age.ts).
 *
 * The format (SOPS 3.x), as this module reads it:
 * - The document (dotenv, JSON or YAML; ./sops-parse.ts) keeps its keys; each value is
 *   encrypted apart as `ENC[AES256_GCM,data:<b64>,iv:<b64>,tag:<b64>,type:<t>]`, t one of
 *   str, int, float, bool, bytes, comment. The cipher is AES-256-GCM with the file's data key,
 *   a 32-byte nonce and a 16-byte tag; its additional data is the value's key path joined
 *   with ":" plus a final ":" (`db:password:`; list items share their list's path), so a
 *   value cannot be moved to another key. An empty value is stored as "" unencrypted.
 * - `sops.age[].enc` holds the 32-byte data key as an armored age file, once per recipient.
 * - `sops.mac` authenticates the whole document: SHA-512 over every value in document order
 *   (decrypted; numbers in their shortest decimal form, booleans as True/False, nulls and
 *   comments skipped; with `mac_only_encrypted`, a fixed 32-byte prefix and the encrypted
 *   values only), as upper-case hex, encrypted like a value with `sops.lastmodified` as
 *   additional data. A file whose MAC does not match was altered and is refused.
 * Which values are encrypted is read from the values themselves (an `ENC[…]` string), not
 * from the file's suffix or regex rules: a rule can only leave a value in plaintext, and
 * plaintext values are covered by the MAC like the others.
 */
import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { ageDecrypt, type AgeIdentities } from './age.js';
import { SecretProblem } from './problem.js';
import { parseSops, sopsFormat, type SopsNode } from './sops-parse.js';

/** A decrypted SOPS document: ordered maps and lists of values as text. */
export type SopsValues =
  | { kind: 'map'; entries: [string, SopsValues][] }
  | { kind: 'list'; items: SopsValues[] }
  | { kind: 'value'; text: string }
  | { kind: 'null' };

const ENC =
  /^ENC\[AES256_GCM,data:([A-Za-z0-9+/=]*),iv:([A-Za-z0-9+/=]+),tag:([A-Za-z0-9+/=]+),type:(\w+)\]$/;

/** SOPS starts the hash with these bytes when only encrypted values are covered. */
const MAC_ONLY_ENCRYPTED_INIT = Buffer.from(
  '8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69',
  'hex',
);

/** Decrypt a SOPS file (path and text) and check its MAC; `shown` names it in messages. */
export async function decryptSops(
  path: string,
  text: string,
  ids: AgeIdentities,
  shown: string,
): Promise<SopsValues> {
  const { tree, meta } = parseSops(text, sopsFormat(path, text), shown);
  if (meta.age.length === 0)
    throw new SecretProblem(
      `${shown} has no age recipient${meta.others.length ? ` (only ${meta.others.join(', ')})` : ''}`,
      'add an age recipient: sops updatekeys, with age in .sops.yaml',
    );
  const key = await dataKey(meta.age, ids, shown);
  const hash = createHash('sha512');
  if (meta.macOnlyEncrypted) hash.update(MAC_ONLY_ENCRYPTED_INIT);
  const values = walk(tree, [], key, shown, (bytes, encrypted) => {
    if (encrypted || !meta.macOnlyEncrypted) hash.update(bytes);
  });
  if (!meta.mac || !meta.lastmodified)
    throw new SecretProblem(
      `${shown} has no MAC`,
      'encrypt it again with sops: Phoenix reads only authenticated files',
    );
  const stored = open(meta.mac, key, meta.lastmodified, 'sops.mac', shown).plain;
  const computed = Buffer.from(hash.digest('hex').toUpperCase());
  if (stored.length !== computed.length || !timingSafeEqual(stored, computed))
    throw new SecretProblem(
      `${shown} fails its MAC check: it was changed without sops`,
      'restore it from version control or edit it with sops',
    );
  return values;
}

/** The value at `key` (a top-level key, else a dotted path through maps), as text. */
export function sopsValue(values: SopsValues, key: string, shown: string): string {
  let node: SopsValues | undefined = child(values, key);
  if (!node) {
    node = values;
    for (const part of key.split('.')) node = node && child(node, part);
  }
  if (!node)
    throw new SecretProblem(`${shown} has no key "${key}"`, `keys at its top level: ${keysOf(values)}`);
  if (node.kind === 'value') return node.text;
  throw new SecretProblem(
    `"${key}" in ${shown} is ${node.kind === 'null' ? 'empty (null)' : `a ${node.kind}`}, not a single value`,
    'point the reference at a string, number or boolean',
  );
}

const child = (node: SopsValues, key: string) =>
  node.kind === 'map' ? node.entries.find(([k]) => k === key)?.[1] : undefined;

const keysOf = (node: SopsValues) =>
  node.kind === 'map' && node.entries.length ? node.entries.map(([k]) => k).join(', ') : '(none)';

/** The data key: the first `sops.age[].enc` the identities open. */
async function dataKey(entries: { recipient: string; enc: string }[], ids: AgeIdentities, shown: string) {
  for (const { enc } of entries) {
    let key: Uint8Array;
    try {
      key = await ageDecrypt(Buffer.from(enc, 'utf8'), ids, `the data key of ${shown}`);
    } catch (err) {
      if (err instanceof SecretProblem && /was not encrypted for/.test(err.message)) continue;
      throw err;
    }
    if (key.length !== 32)
      throw new SecretProblem(`the data key of ${shown} is not 32 bytes`, 'encrypt the file again with sops');
    return Buffer.from(key);
  }
  throw new SecretProblem(
    `${shown} was not encrypted for the identity in ${ids.shown} (${ids.recipients.join(', ')}); it is for ${entries.map((e) => e.recipient).join(', ')}`,
    `add ${ids.recipients[0]} to its recipients (sops updatekeys), or point PHOENIX_AGE_KEY_FILE at the right identity`,
  );
}

/** Decrypt every value, feeding the MAC in document order. */
function walk(
  node: SopsNode,
  path: string[],
  key: Buffer,
  shown: string,
  mac: (bytes: Buffer, encrypted: boolean) => void,
): SopsValues {
  if (node.kind === 'map')
    return {
      kind: 'map',
      entries: node.entries.map(([k, v]) => [k, walk(v, [...path, k], key, shown, mac)]),
    };
  if (node.kind === 'list')
    return { kind: 'list', items: node.items.map((v) => walk(v, path, key, shown, mac)) };
  const v = node.value;
  if (v === null) return { kind: 'null' };
  if (typeof v === 'string' && ENC.test(v)) {
    const { type, plain } = open(v, key, `${path.join(':')}:`, path.join('.'), shown);
    if (type === 'comment') return { kind: 'null' };
    const text = typed(type, plain.toString('utf8'), path.join('.'), shown);
    mac(Buffer.from(text.mac, 'utf8'), true);
    return { kind: 'value', text: text.value };
  }
  const text = goText(v);
  mac(Buffer.from(text, 'utf8'), false);
  return { kind: 'value', text: typeof v === 'boolean' ? String(v) : text };
}

/** Open one `ENC[…]` value; `where` names it in messages (never its content). */
function open(
  enc: string,
  key: Buffer,
  aad: string,
  where: string,
  shown: string,
): { type: string; plain: Buffer } {
  const m = ENC.exec(enc);
  const [data, iv, tag] = [m?.[1], m?.[2], m?.[3]].map((b) => Buffer.from(b ?? '', 'base64'));
  if (!m || tag!.length !== 16 || iv!.length === 0)
    throw new SecretProblem(
      `${where} in ${shown} is not a SOPS encrypted value`,
      'encrypt the file again with sops',
    );
  try {
    const d = createDecipheriv('aes-256-gcm', key, iv!, { authTagLength: 16 });
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(tag!);
    return { type: m[4]!, plain: Buffer.concat([d.update(data!), d.final()]) };
  } catch {
    throw new SecretProblem(
      `${where} in ${shown} cannot be decrypted: it was moved or changed without sops`,
      'restore the file from version control or edit it with sops',
    );
  }
}

/** A decrypted value as text (for the reference) and as SOPS hashes it (for the MAC). */
function typed(type: string, text: string, where: string, shown: string): { value: string; mac: string } {
  const bad = () =>
    new SecretProblem(`${where} in ${shown} is not a valid ${type}`, 'encrypt the file again with sops');
  switch (type) {
    case 'str':
    case 'bytes':
      return { value: text, mac: text };
    case 'int':
    case 'int64':
      if (!/^[+-]?\d+$/.test(text)) throw bad();
      return { value: text, mac: BigInt(text).toString() };
    case 'float': {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw bad();
      return { value: text, mac: goFloat(n) };
    }
    case 'bool': {
      // Go's strconv.ParseBool accepts these; SOPS writes True and False.
      if (/^(1|t|T|TRUE|true|True)$/.test(text)) return { value: 'true', mac: 'True' };
      if (/^(0|f|F|FALSE|false|False)$/.test(text)) return { value: 'false', mac: 'False' };
      throw bad();
    }
    default:
      throw new SecretProblem(
        `${where} in ${shown} has an unknown type "${type}"`,
        'encrypt the file again with sops',
      );
  }
}

/** A plaintext scalar as SOPS hashes it (Go's formatting). */
function goText(v: string | number | bigint | boolean): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return goFloat(v);
  return String(v);
}

/** Go's strconv.FormatFloat(x, 'f', -1, 64): the shortest round-trip digits, no exponent. */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (Object.is(x, -0)) return '-0';
  const s = String(x);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s.startsWith('-') ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
