/**
 * What `phoenix init` looks at on this host (I/O): dnsmasq's configuration — the main file,
 * the files of every conf-dir it names (and of the distribution's default folder), the
 * conf-files they name — and whether the Proxmox VE firewall folder exists. Every path can
 * be given, so init can be pointed at another layout (and tested in a temp dir).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHeader } from '../providers/files/index.js';
import {
  confDirReads,
  parseConfDir,
  parseDnsmasqConf,
  pathsToProbe,
  type ConfDir,
  type DnsmasqFacts,
  type DnsmasqLine,
  type PathKind,
} from './dnsmasq.js';
import { DEFAULT_MARKER_KEY_FILE, inspectKeyFile } from './marker-key.js';
import { DEFAULT_PVE_DIR, type HostFacts } from './propose.js';
import type { Redactor } from '../secrets.js';

/** Where init looks on this host. */
export interface HostPaths {
  /** dnsmasq's main configuration file. */
  dnsmasqConf: string;
  /** The folder the distribution's dnsmasq service reads as a conf-dir without saying so. */
  dnsmasqDir: string;
  /** The Proxmox VE firewall folder (the cluster filesystem). */
  pveDir: string;
  /** Where Phoenix should write Traefik's file, when the operator says. */
  traefikPath?: string;
  /** The marker key file `sync.marker_key` is to name (written when missing). */
  markerKeyFile: string;
}

/** The paths of a Debian/Proxmox host. */
export const DEFAULT_HOST_PATHS: HostPaths = {
  dnsmasqConf: '/etc/dnsmasq.conf',
  dnsmasqDir: '/etc/dnsmasq.d',
  pveDir: DEFAULT_PVE_DIR,
  markerKeyFile: DEFAULT_MARKER_KEY_FILE,
};

const isDir = async (p: string) => (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
const readText = (p: string) => readFile(p, 'utf8').catch(() => undefined);

/** Everything init needs to know about this host; a marker key found is registered with `redactor`. */
export async function readHost(paths: HostPaths, redactor?: Redactor): Promise<HostFacts> {
  return {
    dnsmasq: await readDnsmasq(paths),
    dnsmasqConf: paths.dnsmasqConf,
    pveDir: paths.pveDir,
    pveFirewall: await isDir(paths.pveDir),
    ...(paths.traefikPath ? { traefikPath: paths.traefikPath } : {}),
    markerKeyFile: paths.markerKeyFile,
    markerKey: await inspectKeyFile(paths.markerKeyFile, redactor),
  };
}

/** Read dnsmasq's configuration as dnsmasq would; undefined when there is none to read. */
async function readDnsmasq(paths: HostPaths): Promise<DnsmasqFacts | undefined> {
  const lines: DnsmasqLine[] = [];
  const confDirs: ConfDir[] = [];
  const files = [paths.dnsmasqConf];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  let readAny = false;
  if (await isDir(paths.dnsmasqDir)) confDirs.push(parseConfDir(paths.dnsmasqDir));
  // Files and folders name more files and folders; each is read once (cycles end).
  for (
    let round = 0;
    round < 10 && (files.length > 0 || confDirs.some((d) => !seenDirs.has(d.dir)));
    round++
  ) {
    for (const d of confDirs.filter((x) => !seenDirs.has(x.dir))) {
      seenDirs.add(d.dir);
      const names = await readdir(d.dir).catch(() => [] as string[]);
      for (const n of names.sort()) if (confDirReads(d, n)) files.push(join(d.dir, n));
    }
    for (const f of files.splice(0)) {
      if (seenFiles.has(f)) continue;
      seenFiles.add(f);
      const text = await readText(f);
      if (text === undefined) continue;
      readAny = true;
      for (const l of parseDnsmasqConf(f, text)) {
        lines.push(l);
        if (l.key === 'conf-file' && l.value) files.push(l.value);
        if (l.key === 'conf-dir' && l.value) {
          const d = parseConfDir(l.value, { file: l.file, line: l.line });
          if (!confDirs.some((x) => x.dir === d.dir)) confDirs.push(d);
        }
      }
    }
  }
  if (!readAny) return undefined;
  const kinds = new Map<string, PathKind>();
  for (const p of pathsToProbe(lines, confDirs)) kinds.set(p, await kindOf(p));
  return { lines, confDirs, kinds };
}

/** A file (and whether Phoenix wrote it: its header, whatever the owner), a folder, or nothing. */
async function kindOf(path: string): Promise<PathKind> {
  const st = await stat(path).catch(() => undefined);
  if (!st) return { kind: 'missing' };
  if (st.isDirectory()) return { kind: 'dir' };
  const text = (await readText(path)) ?? '';
  return { kind: 'file', phoenix: parseHeader(text) !== undefined };
}
