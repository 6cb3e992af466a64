/** Small roots in the original format and host facts, for the proposal tests. */
import { parseConfDir, parseDnsmasqConf, type PathKind } from '../../src/init/dnsmasq.js';
import { type HostFacts, type ProposalGroup, type RootFacts } from '../../src/init/propose.js';

/** A root as the original scripts write it: global settings, VMs, LXCs. */
export function root(parts: { global?: object; vms?: object[]; lxcs?: Record<string, object> }): RootFacts {
  return {
    global: { domain_name: 'internal.example.net', ...parts.global },
    vms: { vm_defaults: { cores: 2 }, vms: parts.vms ?? [] },
    lxcs: parts.lxcs ? { lxc_configs: parts.lxcs } : undefined,
  };
}

/** A Proxmox VE node without dnsmasq. */
export const noHost: HostFacts = {
  dnsmasq: undefined,
  dnsmasqConf: '/etc/dnsmasq.conf',
  pveDir: '/etc/pve/firewall',
  pveFirewall: true,
  markerKeyFile: '/etc/phoenix/marker.key',
  markerKey: { kind: 'missing' },
};

/** Host facts with dnsmasq files given as text (path → content) and path kinds. */
export function dnsHost(
  files: Record<string, string>,
  opts: { confDirs?: string[]; kinds?: Record<string, PathKind> } = {},
): HostFacts {
  const lines = Object.entries(files).flatMap(([f, t]) => parseDnsmasqConf(f, t));
  const confDirs = [
    ...(opts.confDirs ?? []).map((d) => parseConfDir(d)),
    ...lines.filter((l) => l.key === 'conf-dir').map((l) => parseConfDir(l.value, l)),
  ];
  return { ...noHost, dnsmasq: { lines, confDirs, kinds: new Map(Object.entries(opts.kinds ?? {})) } };
}

/** The group named `name`. */
export const group = (groups: ProposalGroup[], name: string) => groups.find((g) => g.name === name)!;
/** A group's keys as `path → value`. */
export const values = (g: ProposalGroup) =>
  Object.fromEntries(g.keys.map((k) => [k.path.join('.'), k.value]));
