/**
 * Fixtures for age: and sops: references. age files and keys come from Debian's real `age`
 * and `age-keygen`. Debian does not package sops, so SOPS files are written here by the
 * documented format (each value AES-256-GCM with its key path as additional data, the MAC
 * over the values in order), with the data key encrypted by the real `age`; files written
 * by a real sops are checked in under test/fixtures/sops-vectors/.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync } from 'node:fs';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { goFloat } from '../../src/config/secrets/sops.js';

/** Where the real-sops test vectors live, and their identity. */
export const VECTORS = join(import.meta.dirname, '..', 'fixtures', 'sops-vectors');

/** A new age identity made by age-keygen (mode 0600), and its recipient. */
export function ageKeygen(dir: string, name = 'keys.txt'): { keyFile: string; recipient: string } {
  const keyFile = join(dir, name);
  execFileSync('age-keygen', ['-o', keyFile], { stdio: 'pipe' });
  chmodSync(keyFile, 0o600);
  const recipient = /public key: (age1\w+)/.exec(readFileSync(keyFile, 'utf8'))![1]!;
  return { keyFile, recipient };
}

/** Encrypt with the real age binary (armored when asked). */
export function ageEncrypt(plain: string | Buffer, recipient: string, armor = false): Buffer {
  return execFileSync('age', [...(armor ? ['-a'] : []), '-r', recipient], { input: plain });
}

/** A SOPS document: maps keep the order given (integer-like keys included). */
export type SopsIn = string | number | boolean | null | SopsIn[] | { map: [string, SopsIn][] };

/** Build a map. */
export const m = (...entries: [string, SopsIn][]): SopsIn => ({ map: entries });

/** How the fixture is encrypted. */
export interface SopsOptions {
  macOnlyEncrypted?: boolean;
  unencryptedSuffix?: string;
}

const INIT = Buffer.from('8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69', 'hex');

/** Write `doc` (a map) as a SOPS file for `recipient` in the given format. */
export function sopsFile(
  format: 'yaml' | 'json' | 'dotenv',
  doc: SopsIn,
  recipient: string,
  opts: SopsOptions = {},
): string {
  const key = randomBytes(32);
  const suffix = opts.unencryptedSuffix ?? '_unencrypted';
  const hash = createHash('sha512');
  if (opts.macOnlyEncrypted) hash.update(INIT);
  const walk = (v: SopsIn, path: string[]): SopsIn => {
    if (v === null) return null;
    if (Array.isArray(v)) return v.map((x) => walk(x, path));
    if (typeof v === 'object') return { map: v.map.map(([k, x]) => [k, walk(x, [...path, k])]) };
    const encrypted = !path.some((p) => p.endsWith(suffix));
    if (encrypted || !opts.macOnlyEncrypted) hash.update(toBytes(v));
    return encrypted ? encValue(v, key, `${path.join(':')}:`) : v;
  };
  const tree = walk(doc, []);
  const lastmodified = '2026-01-02T03:04:05Z';
  const mac = encValue(hash.digest('hex').toUpperCase(), key, lastmodified);
  const enc = ageEncrypt(key, recipient, true).toString('utf8');
  const meta: [string, SopsIn][] = [
    ['age', [m(['recipient', recipient], ['enc', enc])]],
    ['lastmodified', lastmodified],
    ['mac', mac],
    ...(opts.macOnlyEncrypted ? ([['mac_only_encrypted', true]] as [string, SopsIn][]) : []),
    ['unencrypted_suffix', suffix],
    ['version', '3.9.4'],
  ];
  const entries = (tree as { map: [string, SopsIn][] }).map;
  if (format === 'dotenv') {
    const line = (k: string, v: SopsIn) => `${k}=${String(v).replaceAll('\n', '\\n')}\n`;
    return (
      '# made by the test fixtures\n' +
      entries.map(([k, v]) => line(k, v)).join('') +
      line('sops_age__list_0__map_enc', enc) +
      line('sops_age__list_0__map_recipient', recipient) +
      meta
        .slice(1)
        .map(([k, v]) => line(`sops_${k}`, typeof v === 'boolean' ? String(v) : v))
        .join('')
    );
  }
  const full = { map: [...entries, ['sops', { map: meta }]] as [string, SopsIn][] };
  return format === 'json' ? `${json(full, '')}\n` : yaml(full, '');
}

function toBytes(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return typeof v === 'number' ? goFloat(v) : v;
}

function encValue(v: string | number | boolean, key: Buffer, aad: string): string {
  if (v === '') return '';
  const type =
    typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int' : 'float';
  const iv = randomBytes(32);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([c.update(toBytes(v), 'utf8'), c.final()]);
  const b = (x: Buffer) => x.toString('base64');
  return `ENC[AES256_GCM,data:${b(data)},iv:${b(iv)},tag:${b(c.getAuthTag())},type:${type}]`;
}

function json(v: SopsIn, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + json(x, inner)).join(',\n')}\n${indent}]`;
  if (v !== null && typeof v === 'object')
    return `{\n${v.map.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${json(x, inner)}`).join(',\n')}\n${indent}}`;
  return JSON.stringify(v);
}

function yaml(v: SopsIn, indent: string): string {
  if (Array.isArray(v))
    return v.map((x) => `${indent}- ${isLeaf(x) ? scalar(x) : `\n${yaml(x, `${indent}  `)}`}`).join('');
  const entries = (v as { map: [string, SopsIn][] }).map;
  return entries
    .map(([k, x]) => {
      const head = `${indent}${JSON.stringify(k)}:`;
      return isLeaf(x) ? `${head} ${scalar(x)}` : `${head}\n${yaml(x, `${indent}  `)}`;
    })
    .join('');
}

const isLeaf = (v: SopsIn) => v === null || typeof v !== 'object';
const scalar = (v: SopsIn) => `${JSON.stringify(v)}\n`;
