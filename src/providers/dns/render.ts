/**
 * Pure rendering and parsing of Phoenix's dnsmasq files.
 *
 * `dnsmasq-conf` uses `address=/name/ip` lines, the original layout. Why not `host-record=`
 * (exact names, PTR)? Because dnsmasq 2.90 `--test` accepts `host-record=a.lab,10.0.0.300`
 * (a malformed address silently becomes a second *name*), while it rejects a malformed
 * `address=` — and `--test` is the gate before the file goes live. The price: `address=`
 * also answers every subdomain, and has no PTR. `local=/<domain>/` keeps other record types
 * of the domain (AAAA…) from being forwarded upstream. Operators who want exact names and no
 * restart use the hosts layouts.
 */
import { isIP } from 'node:net';

/** One A record as rendered: a lower-case name and its address. */
export interface DnsEntry {
  name: string;
  ip: string;
}

/** Sorted by name, duplicates removed: a stable order makes minimal diffs. */
export function normaliseRecords(records: readonly DnsEntry[]): DnsEntry[] {
  const seen = new Map<string, DnsEntry>();
  for (const r of records) {
    const e = { name: r.name.toLowerCase(), ip: r.ip };
    seen.set(`${e.name} ${e.ip}`, e);
  }
  return [...seen.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.ip < b.ip ? -1 : 1,
  );
}

/** What the `dnsmasq-conf` layout writes besides the records. */
export interface ConfExtras {
  /** `domain_name`: answered here, never forwarded (`local=/domain/`). Empty → none. */
  domain: string;
  /** `dns_server.upstream_servers` as `server=` lines (`ip` or `ip#port`). */
  upstreams: readonly string[];
}

/** Body (no header) of the `dnsmasq-conf` layout. Validation is `dnsmasq --test`'s job. */
export function renderDnsmasqConf(records: readonly DnsEntry[], extras: ConfExtras): string {
  const lines: string[] = [];
  if (extras.domain) lines.push(`local=/${extras.domain.toLowerCase()}/`);
  for (const u of extras.upstreams) lines.push(`server=${u}`);
  for (const r of normaliseRecords(records)) lines.push(`address=/${r.name}/${r.ip}`);
  return lines.map((l) => `${l}\n`).join('');
}

/** Body (no header) of the hosts layouts (`addn-hosts`, `hostsdir`): `ip name`, one per line. */
export function renderHosts(records: readonly DnsEntry[]): string {
  return normaliseRecords(records)
    .map((r) => `${r.ip} ${r.name}\n`)
    .join('');
}

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*$`, 'i');

/** A problem in a hosts file, 1-based line. */
export interface HostsProblem {
  line: number;
  message: string;
}

/**
 * Parse a hosts-format file: every line that is not blank or a `#` comment must be
 * `ip name [name…]` with a valid IPv4/IPv6 address and valid host names.
 */
export function parseHosts(content: string): { entries: DnsEntry[]; problems: HostsProblem[] } {
  const entries: DnsEntry[] = [];
  const problems: HostsProblem[] = [];
  content.split('\n').forEach((raw, i) => {
    const text = raw.replace(/#.*$/, '').trim();
    if (!text) return;
    const [ip = '', ...names] = text.split(/\s+/);
    const line = i + 1;
    if (!isIP(ip)) problems.push({ line, message: `"${ip}" is not an IP address` });
    if (names.length === 0) problems.push({ line, message: `no host name after ${ip}` });
    for (const name of names) {
      // A top-level label is never all digits (RFC 3696): `10.0.0.1` in a name column is a mistake.
      if (!HOSTNAME.test(name) || /(^|\.)\d+$/.test(name))
        problems.push({ line, message: `"${name}" is not a valid host name` });
      else entries.push({ name: name.toLowerCase(), ip });
    }
  });
  return { entries, problems };
}

/** Records a dnsmasq-conf body declares (for explaining a change; not a validator). */
export function parseConfRecords(content: string): DnsEntry[] {
  const entries: DnsEntry[] = [];
  for (const m of content.matchAll(/^address=\/([^/\n]+)\/([^\n]*)$/gm)) {
    entries.push({ name: m[1] ?? '', ip: m[2] ?? '' });
  }
  return entries;
}

/** A short reason for a change: `+2 ~1 -1 records: a.lab → 10.0.0.5, …`. */
export function explainRecords(desired: readonly DnsEntry[], live: readonly DnsEntry[]): string | undefined {
  const want = new Map(desired.map((r) => [r.name, r.ip]));
  const have = new Map(live.map((r) => [r.name, r.ip]));
  const added = [...want].filter(([n]) => !have.has(n));
  const changed = [...want].filter(([n, ip]) => have.has(n) && have.get(n) !== ip);
  const removed = [...have].filter(([n]) => !want.has(n));
  if (added.length + changed.length + removed.length === 0) return undefined;
  const parts = [
    ...added.map(([n, ip]) => `+${n} → ${ip}`),
    ...changed.map(([n, ip]) => `~${n} → ${ip}`),
    ...removed.map(([n]) => `-${n}`),
  ];
  const shown = parts.slice(0, 5).join(', ') + (parts.length > 5 ? `, … (${parts.length} in all)` : '');
  return `records: ${shown}`;
}
