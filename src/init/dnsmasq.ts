/**
 * Reading this host's dnsmasq configuration to find the DNS layout Phoenix should use (pure:
 * the files come in as text, the kinds of the paths they name as facts).
 *
 * - `addn-hosts=<file>` → layout `addn-hosts` writing that file (`<dir>/phoenix.hosts` when it
 *   names a folder, which dnsmasq reads whole);
 * - `hostsdir=<dir>` → layout `hostsdir` writing `<dir>/phoenix.hosts`;
 * - a `conf-dir` (named by `conf-dir=`, or the distribution's `/etc/dnsmasq.d` that Debian's
 *   service reads without a line saying so) while some file holds `address=` lines, as the
 *   original scripts wrote them → layout `dnsmasq-conf` with a file of its own in that folder.
 */
import { basename, join } from 'node:path';

/** One `key=value` line of a dnsmasq configuration file. */
export interface DnsmasqLine {
  file: string;
  /** 1-based. */
  line: number;
  key: string;
  value: string;
}

/** Parse a dnsmasq configuration file: `key=value` or a bare `key`; `#` starts a comment line. */
export function parseDnsmasqConf(file: string, text: string): DnsmasqLine[] {
  const out: DnsmasqLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const s = raw.trim();
    if (!s || s.startsWith('#')) return;
    const eq = s.indexOf('=');
    const key = (eq < 0 ? s : s.slice(0, eq)).trim();
    const value =
      eq < 0
        ? ''
        : s
            .slice(eq + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1');
    out.push({ file, line: i + 1, key, value });
  });
  return out;
}

/** A folder dnsmasq reads every file of, with its extension filters. */
export interface ConfDir {
  dir: string;
  /** Only files with these extensions (`*.conf` form), when any. */
  only: string[];
  /** Files with these extensions are skipped. */
  skip: string[];
  /** Where it is named; undefined for the distribution's default folder. */
  from?: { file: string; line: number };
}

/** `conf-dir=<dir>[,<ext>…]`: `*.conf` keeps only that extension, `.bak` skips one. */
export function parseConfDir(value: string, from?: { file: string; line: number }): ConfDir {
  const [dir = '', ...exts] = value.split(',').map((s) => s.trim());
  return {
    dir: dir.replace(/(.)\/+$/, '$1'),
    only: exts.filter((e) => e.startsWith('*')).map((e) => e.slice(1)),
    skip: exts.filter((e) => e && !e.startsWith('*')),
    ...(from ? { from } : {}),
  };
}

/** Does dnsmasq read the file `name` of this conf-dir? (Its own rules for dotfiles and backups.) */
export function confDirReads(d: ConfDir, name: string): boolean {
  if (name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#')))
    return false;
  if (d.only.length > 0) return d.only.some((e) => name.endsWith(e));
  return !d.skip.some((e) => name.endsWith(e));
}

/** What a path named by the configuration is on this host. */
export type PathKind = { kind: 'file'; phoenix: boolean } | { kind: 'dir' } | { kind: 'missing' };

/** The dnsmasq configuration as read from this host. */
export interface DnsmasqFacts {
  /** Every configuration line of every file dnsmasq reads (main file, conf-dirs, conf-files). */
  lines: DnsmasqLine[];
  confDirs: ConfDir[];
  /** What each path in `paths(…)` is. */
  kinds: ReadonlyMap<string, PathKind>;
}

/** The file Phoenix would own in a conf-dir: `phoenix.conf`, or the first extension it keeps. */
export function confDirTarget(d: ConfDir): string {
  const ext = d.only.length > 0 && !d.only.includes('.conf') ? d.only[0]! : '.conf';
  return join(d.dir, `phoenix${ext}`);
}

/** Every path whose kind the chooser needs (the reader stats them). */
export function pathsToProbe(lines: readonly DnsmasqLine[], confDirs: readonly ConfDir[]): string[] {
  const out = new Set<string>();
  for (const l of lines) {
    if (l.key === 'addn-hosts' && l.value) {
      out.add(l.value);
      out.add(join(l.value, 'phoenix.hosts'));
    }
    if (l.key === 'hostsdir' && l.value) out.add(join(l.value, 'phoenix.hosts'));
  }
  for (const d of confDirs) out.add(confDirTarget(d));
  return [...out];
}

/** A DNS layout the host's dnsmasq would serve. */
export interface DnsChoice {
  layout: 'addn-hosts' | 'hostsdir' | 'dnsmasq-conf';
  path: string;
  /** Why, for the operator. */
  why: string;
  /** Things the operator should know (a foreign file in the way, the original's records). */
  notes: string[];
}

const at = (l: { file: string; line: number }) => `${l.file}:${l.line}`;

/**
 * The layout that matches the host's dnsmasq, or undefined when its configuration names
 * none. A candidate whose file exists without Phoenix's header is used only when no other
 * candidate is free, with a note (sync would refuse to overwrite it without --force).
 */
export function chooseDnsLayout(facts: DnsmasqFacts): DnsChoice | undefined {
  const kind = (p: string): PathKind => facts.kinds.get(p) ?? { kind: 'missing' };
  const candidates: (Omit<DnsChoice, 'notes'> & { blocked: boolean })[] = [];
  const blocked = (p: string) => {
    const k = kind(p);
    return k.kind === 'dir' || (k.kind === 'file' && !k.phoenix);
  };
  for (const l of facts.lines) {
    if (l.key === 'addn-hosts' && l.value) {
      const isDir = kind(l.value).kind === 'dir';
      const path = isDir ? join(l.value, 'phoenix.hosts') : l.value;
      candidates.push({
        layout: 'addn-hosts',
        path,
        why: `dnsmasq reads hosts ${isDir ? 'files in' : 'from'} ${l.value} (addn-hosts= at ${at(l)})`,
        blocked: blocked(path),
      });
    }
  }
  for (const l of facts.lines) {
    if (l.key === 'hostsdir' && l.value) {
      const path = join(l.value, 'phoenix.hosts');
      candidates.push({
        layout: 'hostsdir',
        path,
        why: `dnsmasq watches ${l.value} for hosts files (hostsdir= at ${at(l)})`,
        blocked: blocked(path),
      });
    }
  }
  const addresses = facts.lines.filter((l) => l.key === 'address');
  if (addresses.length > 0) {
    for (const d of facts.confDirs) {
      const path = confDirTarget(d);
      candidates.push({
        layout: 'dnsmasq-conf',
        path,
        why: `dnsmasq reads every file in ${d.dir} (${d.from ? `conf-dir= at ${at(d.from)}` : "the distribution's default conf-dir"}) and its configuration holds address= records (${at(addresses[0]!)})`,
        blocked: blocked(path),
      });
    }
  }
  const chosen = candidates.find((c) => !c.blocked) ?? candidates[0];
  if (!chosen) return undefined;
  const notes: string[] = [];
  if (chosen.blocked) {
    notes.push(
      `${chosen.path} exists and was not written by Phoenix: phoenix sync dns will refuse to overwrite it (move it away, or take it over with --force)`,
    );
  }
  if (chosen.layout === 'dnsmasq-conf') {
    const files = [...new Set(addresses.map((a) => a.file))].filter((f) => f !== chosen.path);
    if (files.length > 0)
      notes.push(
        `${files.join(', ')} also ${files.length === 1 ? 'holds' : 'hold'} address= records: once phoenix sync dns has written ${basename(chosen.path)}, remove ${files.length === 1 ? 'that file' : 'those files'} so each name has one answer`,
      );
  }
  const { blocked: _b, ...choice } = chosen;
  return { ...choice, notes };
}
