/**
 * Address and port specs in PVE vocabulary (pure): parsing into numeric intervals, and the
 * canonical text nft prints for them, so a rendered table compares equal to `nft list`.
 */
import { isIP } from 'node:net';

/** 4 or 6. */
export type Family = 4 | 6;

/** A closed interval of addresses or ports. */
export interface Interval {
  lo: bigint;
  hi: bigint;
}

/** One element of an address list: an address, a prefix or a range. */
export interface AddressElement extends Interval {
  family: Family;
  kind: 'address' | 'prefix' | 'range';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Parse one address (no prefix) to its number, or undefined. */
export function parseAddress(s: string): { family: Family; value: bigint } | undefined {
  if (IPV4.test(s)) {
    const value = s.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
    return { family: 4, value };
  }
  if (isIP(s) !== 6 || s.includes('%')) return undefined;
  return { family: 6, value: parseIpv6(s) };
}

function parseIpv6(s: string): bigint {
  let text = s;
  // An embedded dotted quad (::ffff:1.2.3.4) becomes two hex groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = parseAddress(dotted[1])?.value ?? 0n;
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** The address as inet_ntop prints it (IPv6: lower case, longest zero run of 2+ groups as `::`). */
export function formatAddress(family: Family, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.len < 2) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

const bits = (family: Family): bigint => (family === 4 ? 32n : 128n);

/** Parse one element of an address list: `ip`, `ip/prefix` or `ip-ip` (same family, ascending). */
export function parseAddressElement(s: string): AddressElement | undefined {
  const slash = s.split('/');
  if (slash.length === 2) {
    const [ip = '', prefix = ''] = slash;
    const a = parseAddress(ip);
    if (!a || !/^\d{1,3}$/.test(prefix) || BigInt(prefix) > bits(a.family)) return undefined;
    const host = bits(a.family) - BigInt(prefix);
    const lo = (a.value >> host) << host;
    return { family: a.family, kind: 'prefix', lo, hi: lo + (1n << host) - 1n };
  }
  if (slash.length !== 1) return undefined;
  const dash = s.split('-');
  if (dash.length === 2) {
    const a = parseAddress(dash[0] ?? '');
    const b = parseAddress(dash[1] ?? '');
    if (!a || !b || a.family !== b.family || a.value > b.value) return undefined;
    return { family: a.family, kind: 'range', lo: a.value, hi: b.value };
  }
  const a = parseAddress(s);
  return a && { family: a.family, kind: 'address', lo: a.value, hi: a.value };
}

/** If [lo, hi] is exactly one prefix, its length. */
function prefixLength(family: Family, { lo, hi }: Interval): number | undefined {
  const size = hi - lo + 1n;
  if ((size & (size - 1n)) !== 0n || lo % size !== 0n) return undefined;
  let host = 0n;
  while (1n << host < size) host++;
  return Number(bits(family) - host);
}

/** Sort and merge overlapping or touching intervals (what nft does to an interval set). */
export function mergeIntervals(items: readonly Interval[]): Interval[] {
  const sorted = [...items].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const out: Interval[] = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && it.lo <= last.hi + 1n) last.hi = it.hi > last.hi ? it.hi : last.hi;
    else out.push({ ...it });
  }
  return out;
}

/** Sort and drop duplicates (what nft does to a set without intervals). */
function uniqueSorted(items: readonly Interval[]): Interval[] {
  const sorted = [...items].sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  return sorted.filter((it, i) => i === 0 || it.lo !== sorted[i - 1]?.lo);
}

/**
 * Elements as nft lists them: a set holding any range or prefix is an interval set (merged,
 * each printed as address, prefix or range); otherwise sorted and unique. One element →
 * no braces (nft prints a lone element given without braces the same way).
 */
function canonicalSet(items: readonly Interval[], print: (it: Interval) => string): string {
  const hasIntervals = items.some((it) => it.hi !== it.lo);
  const merged = hasIntervals ? mergeIntervals(items) : uniqueSorted(items);
  const texts = merged.map(print);
  return texts.length === 1 ? (texts[0] ?? '') : `{ ${texts.join(', ')} }`;
}

/** The nft text of an address list whose elements all have `family`. */
export function nftAddressSet(family: Family, elements: readonly Interval[]): string {
  return canonicalSet(elements, (it) => {
    if (it.lo === it.hi) return formatAddress(family, it.lo);
    const len = prefixLength(family, it);
    if (len !== undefined) return `${formatAddress(family, it.lo)}/${len}`;
    return `${formatAddress(family, it.lo)}-${formatAddress(family, it.hi)}`;
  });
}

/** The nft text of a list of port intervals. */
export function nftPortSet(ports: readonly Interval[]): string {
  return canonicalSet(ports, (it) => (it.lo === it.hi ? String(it.lo) : `${it.lo}-${it.hi}`));
}
