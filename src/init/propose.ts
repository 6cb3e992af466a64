/**
 * `phoenix init`'s proposal (pure): a `sync` section for an existing root, from what the
 * root's files say (the Traefik host, Portainer's address) and what this host has (the
 * dnsmasq configuration, the Proxmox VE firewall folder). Each group of keys says why; a
 * group the root does not answer carries a note instead of keys.
 */
import { chooseDnsLayout, type DnsmasqFacts } from './dnsmasq.js';
import type { KeyFileState } from './marker-key.js';

/** One key of the `sync` section, by its path below `sync`. */
export interface ProposedKey {
  path: string[];
  value: unknown;
}

/** Keys that belong together: either all are proposed, or (when any is set) none. */
export interface ProposalGroup {
  /** `gateway_ip`, `portainer.url`, `dns`, `dns.server`, `firewall`, `traefik.path`. */
  name: string;
  keys: ProposedKey[];
  /** Keys below `sync` any of which, when set, means the operator already chose: nothing is added. */
  setBy: string[][];
  /** Why these values. */
  why?: string;
  /** What the operator should know or do; shown only when the group is proposed. */
  notes: string[];
}

/** The parsed files of the root that init reads (any shape: init never rejects a root). */
export interface RootFacts {
  global: unknown;
  vms: unknown;
  lxcs: unknown;
}

/** What init found on this host. */
export interface HostFacts {
  /** The dnsmasq configuration, or undefined when none was readable. */
  dnsmasq: DnsmasqFacts | undefined;
  /** Where init looked for dnsmasq's configuration (for the note when nothing was found). */
  dnsmasqConf: string;
  /** The Proxmox VE firewall folder init looked at, and whether it exists. */
  pveDir: string;
  pveFirewall: boolean;
  /** A Traefik file path given by the operator. */
  traefikPath?: string;
  /** Where the marker key lives (or will), and what is there now. */
  markerKeyFile: string;
  markerKey: KeyFileState;
}

/** The name of the group that proposes `sync.marker_key` (run.ts writes its key file). */
export const MARKER_KEY_GROUP = 'marker_key';

/** The default Proxmox VE firewall folder (sync.firewall.pve_dir's default). */
export const DEFAULT_PVE_DIR = '/etc/pve/firewall';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The whole proposal, in the order the keys are written. */
export function proposeSync(root: RootFacts, host: HostFacts): ProposalGroup[] {
  return [
    gateway(root),
    portainer(root),
    dns(host),
    dnsServer(root, host),
    firewall(host),
    traefik(host),
    markerKey(host),
  ];
}

/** A static IPv4 address from a CIDR or a bare address; undefined for `dhcp` and the like. */
function staticIp(v: unknown): string | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/\d{1,2})?$/.exec(str(v) ?? '');
  return m?.[1];
}

interface GuestFact {
  kind: 'LXC' | 'VM';
  id: string;
  name: string;
  serviceName: string;
  ip: string | undefined;
}

function guests(root: RootFacts): GuestFact[] {
  const out: GuestFact[] = [];
  const fact = (kind: GuestFact['kind'], id: string, g: Obj): GuestFact => ({
    kind,
    id,
    name: str(g['name']) ?? '',
    serviceName: str(obj(g['traefik_service'])?.['name']) ?? '',
    // A DHCP first NIC: the original uses the second NIC's static address.
    ip: staticIp(obj(g['network_config'])?.['ip']) ?? staticIp(obj(g['secondary_network_config'])?.['ip']),
  });
  for (const [id, g] of Object.entries(obj(obj(root.lxcs)?.['lxc_configs']) ?? {}))
    if (obj(g)) out.push(fact('LXC', id, obj(g)!));
  const vms = obj(root.vms)?.['vms'];
  for (const g of Array.isArray(vms) ? vms : [])
    if (obj(g)) out.push(fact('VM', String(obj(g)!['vmid'] ?? '?'), obj(g)!));
  return out;
}

function gateway(root: RootFacts): ProposalGroup {
  const says = (s: string) => /traefik/i.test(s);
  // The guest named for Traefik first, then one whose traefik_service is; LXCs before VMs.
  const rank = (g: GuestFact) => (says(g.name) ? 0 : 2) + (g.kind === 'LXC' ? 0 : 1);
  const found = guests(root)
    .filter((g) => says(g.name) || says(g.serviceName))
    .sort((a, b) => rank(a) - rank(b));
  const label = (g: GuestFact) => `${g.kind} ${g.id} "${g.name}"`;
  const usable = found.filter((g) => g.ip);
  const chosen = usable[0];
  const notes: string[] = [];
  for (const g of found.filter((x) => !x.ip))
    notes.push(`${label(g)} looks like the Traefik host but has no static address`);
  if (!chosen) {
    notes.push(
      'no guest whose name or traefik_service says traefik has a static address: set sync.gateway_ip (where routed names resolve) by hand',
    );
    return { name: 'gateway_ip', keys: [], setBy: [['gateway_ip']], notes };
  }
  if (usable.length > 1)
    notes.push(
      `also named for Traefik: ${usable.slice(1).map(label).join(', ')}; change gateway_ip if another is the one`,
    );
  return {
    name: 'gateway_ip',
    keys: [{ path: ['gateway_ip'], value: chosen.ip }],
    setBy: [['gateway_ip']],
    why: `${label(chosen)} is the Traefik host (its ${says(chosen.name) ? 'name' : 'traefik_service'} says so)`,
    notes,
  };
}

function portainer(root: RootFacts): ProposalGroup {
  const g = obj(root.global);
  const net = obj(g?.['network']);
  const ip = str(net?.['portainer_server_ip']);
  const port = net?.['portainer_server_port'];
  const host = str(obj(g?.['portainer_api'])?.['portainer_hostname']);
  const group = (url: string, why: string): ProposalGroup => ({
    name: 'portainer.url',
    keys: [{ path: ['portainer', 'url'], value: url }],
    setBy: [['portainer', 'url']],
    why,
    notes: [],
  });
  if (ip && (typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))))
    return group(`https://${ip}:${port}`, 'network.portainer_server_ip and portainer_server_port');
  if (ip) return group(`http://${ip}:9000`, "network.portainer_server_ip with Portainer's HTTP port");
  if (host)
    return group(`https://${host}:9443`, "portainer_api.portainer_hostname with Portainer's HTTPS port");
  return {
    name: 'portainer.url',
    keys: [],
    setBy: [['portainer', 'url']],
    notes: [
      'neither network.portainer_server_ip nor portainer_api.portainer_hostname is set: set sync.portainer.url by hand if stacks deploy through Portainer',
    ],
  };
}

const DNS_SET_BY = [
  ['dns', 'layout'],
  ['dns', 'path'],
];
const FIREWALL_SET_BY = [
  ['firewall', 'backend'],
  ['firewall', 'pve_dir'],
  ['firewall', 'nft_file'],
];

function dns(host: HostFacts): ProposalGroup {
  const choice = host.dnsmasq ? chooseDnsLayout(host.dnsmasq) : undefined;
  if (!choice) {
    return {
      name: 'dns',
      keys: [],
      setBy: DNS_SET_BY,
      notes: [
        `${host.dnsmasq ? `dnsmasq's configuration (${host.dnsmasqConf} and its conf-dirs) names no addn-hosts=, hostsdir= or address= records` : `no dnsmasq configuration readable at ${host.dnsmasqConf}`}: sync.dns keeps its defaults (layout addn-hosts, /etc/phoenix/dnsmasq.hosts); add addn-hosts=/etc/phoenix/dnsmasq.hosts to dnsmasq's configuration, or set sync.dns by hand`,
      ],
    };
  }
  return {
    name: 'dns',
    keys: [
      { path: ['dns', 'layout'], value: choice.layout },
      { path: ['dns', 'path'], value: choice.path },
    ],
    setBy: DNS_SET_BY,
    why: choice.why,
    notes: choice.notes,
  };
}

/**
 * Where the DNS server answers, for its readiness check: the address of this host's
 * `network.interfaces` (what the original's DNS setup listened on), else dnsmasq's first
 * `listen-address=`; dnsmasq's `port=` when it is not 53.
 */
function dnsServer(root: RootFacts, host: HostFacts): ProposalGroup {
  const setBy = [['dns', 'server']];
  const ifaces = obj(obj(root.global)?.['network'])?.['interfaces'];
  const iface = Array.isArray(ifaces) ? ifaces.map(obj).find((i) => staticIp(i?.['address'])) : obj(ifaces);
  const fromIface = staticIp(iface?.['address']);
  const lines = host.dnsmasq?.lines ?? [];
  const listen = lines.find((l) => l.key === 'listen-address' && staticIp(l.value.split(',')[0]));
  const ip = fromIface ?? (listen ? staticIp(listen.value.split(',')[0]) : undefined);
  if (!ip) return { name: 'dns.server', keys: [], setBy, notes: [] };
  const port = lines.find((l) => l.key === 'port' && /^\d+$/.test(l.value) && l.value !== '53');
  return {
    name: 'dns.server',
    keys: [{ path: ['dns', 'server'], value: port ? `${ip}:${port.value}` : ip }],
    setBy,
    why: `${fromIface ? 'network.interfaces.address' : `dnsmasq's listen-address= at ${listen!.file}:${listen!.line}`}${port ? ` and port= at ${port.file}:${port.line}` : ''}: the DNS readiness check asks it`,
    notes: [],
  };
}

function firewall(host: HostFacts): ProposalGroup {
  if (!host.pveFirewall) {
    return {
      name: 'firewall',
      keys: [{ path: ['firewall', 'backend'], value: 'nftables' }],
      setBy: FIREWALL_SET_BY,
      why: `${host.pveDir} does not exist: this is not a Proxmox VE node, so Phoenix owns one nftables table`,
      notes: [],
    };
  }
  return {
    name: 'firewall',
    keys: [
      { path: ['firewall', 'backend'], value: 'pve' },
      ...(host.pveDir !== DEFAULT_PVE_DIR ? [{ path: ['firewall', 'pve_dir'], value: host.pveDir }] : []),
    ],
    setBy: FIREWALL_SET_BY,
    why: `${host.pveDir} exists: the Proxmox VE firewall`,
    notes: [],
  };
}

function traefik(host: HostFacts): ProposalGroup {
  const setBy = [['traefik', 'path']];
  if (!host.traefikPath) return { name: 'traefik.path', keys: [], setBy, notes: [] };
  return {
    name: 'traefik.path',
    keys: [{ path: ['traefik', 'path'], value: host.traefikPath }],
    setBy,
    why: 'given with --traefik-path',
    notes: [],
  };
}

/**
 * `sync.marker_key`: a reference to a key file outside the root, a new key when there is
 * none yet (run.ts writes it with the config), the one already there otherwise.
 */
function markerKey(host: HostFacts): ProposalGroup {
  const path = host.markerKeyFile;
  const state = host.markerKey;
  const setBy = [['marker_key']];
  if (state.kind === 'unusable')
    return {
      name: MARKER_KEY_GROUP,
      keys: [],
      setBy,
      notes: [
        `${path} cannot be the marker key (${state.why}): pass --marker-key-file, or set sync.marker_key by hand`,
      ],
    };
  const same = `every machine that syncs this root must use the same key: copy ${path} to each (mode 0600), or point sync.marker_key at the same secret`;
  return {
    name: MARKER_KEY_GROUP,
    keys: [{ path: ['marker_key'], value: `file:${path}` }],
    setBy,
    why:
      state.kind === 'missing'
        ? `keys the change markers of stacks with secrets; a new random key is written to ${path} (mode 0600) along with this file`
        : `keys the change markers of stacks with secrets, with the key already in ${path}`,
    notes: [
      ...(state.kind === 'key' && state.loose
        ? [`${path} is readable by group or others: chmod 600 ${path}`]
        : []),
      same,
    ],
  };
}
