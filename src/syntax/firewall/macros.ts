/**
 * Proxmox VE firewall vocabulary as data: macros, protocol names, service names, ICMP types.
 * Facts taken from pve-firewall's src/PVE/Firewall.pm (the `$pve_fw_macros` table, AGPL-3.0,
 * https://git.proxmox.com/?p=pve-firewall.git) and Debian netbase's /etc/protocols, restated
 * here as data so validation stays pure and matches what a PVE host accepts.
 */

/** One line of a macro: protocol plus optional destination/source port (or ICMP type). */
export interface MacroEntry {
  proto: string;
  dport?: string;
  sport?: string;
}

const m = (proto: string, dport?: string, sport?: string): MacroEntry => ({
  proto,
  ...(dport !== undefined ? { dport } : {}),
  ...(sport !== undefined ? { sport } : {}),
});
const tcp = (dport: string) => m('tcp', dport);
const udp = (dport: string) => m('udp', dport);
const both = (port: string) => [udp(port), tcp(port)];
const ping = m('icmp', 'echo-request');

/** Every PVE macro, by its preferred name (PVE matches names case-insensitively). */
export const PVE_MACROS: Readonly<Record<string, readonly MacroEntry[]>> = {
  Amanda: both('10080'),
  Auth: [tcp('113')],
  BGP: [tcp('179')],
  BitTorrent: [tcp('6881:6889'), udp('6881')],
  BitTorrent32: [tcp('6881:6999'), udp('6881')],
  Ceph: [tcp('6789'), tcp('6800:7300')],
  CVS: [tcp('2401')],
  Citrix: [tcp('1494'), udp('1604'), tcp('2598')],
  DAAP: [tcp('3689'), udp('3689')],
  DCC: [tcp('6277')],
  DHCPfwd: [m('udp', '67:68', '67:68')],
  DHCPv6: [m('udp', '546:547', '546:547')],
  DNS: both('53'),
  Distcc: [tcp('3632')],
  FTP: [tcp('21')],
  Finger: [tcp('79')],
  GNUnet: [tcp('2086'), udp('2086'), tcp('1080'), udp('1080')],
  GRE: [m('47')],
  Git: [tcp('9418')],
  HKP: [tcp('11371')],
  HTTP: [tcp('80')],
  HTTPS: [tcp('443')],
  ICPV2: [udp('3130')],
  ICQ: [tcp('5190')],
  IMAP: [tcp('143')],
  IMAPS: [tcp('993')],
  IPIP: [m('94')],
  IPsec: [m('udp', '500', '500'), m('50')],
  IPsecah: [m('udp', '500', '500'), m('51')],
  IPsecnat: [udp('500'), udp('4500'), m('50')],
  IRC: [tcp('6667')],
  Jetdirect: [tcp('9100')],
  L2TP: [udp('1701')],
  LDAP: [tcp('389')],
  LDAPS: [tcp('636')],
  MDNS: [udp('5353')],
  MSNP: [tcp('1863')],
  MSSQL: [tcp('1433')],
  Mail: [tcp('25'), tcp('465'), tcp('587')],
  Munin: [tcp('4949')],
  MySQL: [tcp('3306')],
  NNTP: [tcp('119')],
  NNTPS: [tcp('563')],
  NTP: [udp('123')],
  NeighborDiscovery: [
    m('icmpv6', 'router-solicitation'),
    m('icmpv6', 'router-advertisement'),
    m('icmpv6', 'neighbor-solicitation'),
    m('icmpv6', 'neighbor-advertisement'),
  ],
  OSPF: [m('89')],
  OpenVPN: [udp('1194')],
  PCA: [udp('5632'), tcp('5631')],
  POP3: [tcp('110')],
  POP3S: [tcp('995')],
  PPtP: [m('47'), tcp('1723')],
  Ping: [ping],
  PostgreSQL: [tcp('5432')],
  Printer: [tcp('515')],
  RDP: [tcp('3389')],
  RIP: [udp('520')],
  RNDC: [tcp('953')],
  Razor: [tcp('2703')],
  Rdate: [tcp('37')],
  Rsync: [tcp('873')],
  SANE: [tcp('6566')],
  SMB: [udp('135,445'), udp('137:139'), m('udp', '1024:65535', '137'), tcp('135,139,445')],
  SMBswat: [tcp('901')],
  SMTP: [tcp('25')],
  SMTPS: [tcp('465')],
  SNMP: [udp('161:162'), tcp('161')],
  SPAMD: [tcp('783')],
  SSH: [tcp('22')],
  SVN: [tcp('3690')],
  SixXS: [tcp('3874'), udp('3740'), m('41'), udp('5072,8374')],
  Squid: [tcp('3128')],
  Submission: [tcp('587')],
  Syslog: both('514'),
  TFTP: [udp('69')],
  Telnet: [tcp('23')],
  Telnets: [tcp('992')],
  Time: [tcp('37')],
  Trcrt: [udp('33434:33524'), ping],
  VNC: [tcp('5900:5999')],
  VNCL: [tcp('5500')],
  Web: [tcp('80'), tcp('443')],
  Webcache: [tcp('8080')],
  Webmin: [tcp('10000')],
  Whois: [tcp('43')],
};

/** IPv6 variants PVE uses for rules that match IPv6 traffic. */
export const PVE_IPV6_MACROS: Readonly<Record<string, readonly MacroEntry[]>> = {
  Ping: [m('icmpv6', 'echo-request')],
  Trcrt: [udp('33434:33524'), m('icmpv6', 'echo-request')],
};

/** Macros PVE applies only to one IP version. */
export const MACRO_ONLY_FAMILY: Readonly<Record<string, 6>> = { NeighborDiscovery: 6, DHCPv6: 6 };

const byLowerName = new Map(Object.keys(PVE_MACROS).map((k) => [k.toLowerCase(), k]));

/** The preferred spelling of a macro name, or undefined when PVE does not know it. */
export function macroName(name: string): string | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** Protocol names of Debian netbase's /etc/protocols (what PVE resolves `-p` against), by number. */
// prettier-ignore
export const PROTOCOLS: Readonly<Record<string, number>> = {
  ip: 0, hopopt: 0, icmp: 1, igmp: 2, ggp: 3, ipencap: 4, st: 5, tcp: 6, egp: 8, igp: 9, pup: 12,
  udp: 17, hmp: 20, 'xns-idp': 22, rdp: 27, 'iso-tp4': 29, dccp: 33, xtp: 36, ddp: 37,
  'idpr-cmtp': 38, ipv6: 41, 'ipv6-route': 43, 'ipv6-frag': 44, idrp: 45, rsvp: 46, gre: 47,
  esp: 50, ah: 51, skip: 57, 'ipv6-icmp': 58, 'ipv6-nonxt': 59, 'ipv6-opts': 60, rspf: 73,
  vmtp: 81, eigrp: 88, ospf: 89, 'ax.25': 93, ipip: 94, etherip: 97, encap: 98, pim: 103,
  ipcomp: 108, vrrp: 112, l2tp: 115, isis: 124, sctp: 132, fc: 133, 'mobility-header': 135,
  udplite: 136, 'mpls-in-ip': 137, manet: 138, hip: 139, shim6: 140, wesp: 141, rohc: 142,
  ethernet: 143,
  // PVE adds this one itself.
  icmpv6: 58,
};

/** Protocols whose rules may carry ports (PVE's `$PROTOCOLS_WITH_PORTS`). */
export const PORT_PROTOCOLS: ReadonlySet<number> = new Set([6, 17, 33, 132, 136]);

/** Common /etc/services names PVE accepts as ports; other names are refused (write the number). */
// prettier-ignore
export const SERVICES: Readonly<Record<string, number>> = {
  ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, tftp: 69, http: 80, pop3: 110, ntp: 123,
  imap2: 143, snmp: 161, ldap: 389, https: 443, submissions: 465, syslog: 514, submission: 587,
  ldaps: 636, rsync: 873, imaps: 993, pop3s: 995, openvpn: 1194, 'ms-sql-s': 1433, mysql: 3306,
  'postgresql': 5432, 'http-alt': 8080,
};

/** ICMP type names PVE accepts (iptables vocabulary), mapped to nft's name where nft has one. */
// prettier-ignore
export const ICMP_TYPES: Readonly<Record<string, string | null>> = {
  any: null, 'echo-reply': 'echo-reply', 'destination-unreachable': 'destination-unreachable',
  'network-unreachable': null, 'host-unreachable': null, 'protocol-unreachable': null,
  'port-unreachable': null, 'fragmentation-needed': null, 'source-route-failed': null,
  'network-unknown': null, 'host-unknown': null, 'network-prohibited': null, 'host-prohibited': null,
  'TOS-network-unreachable': null, 'TOS-host-unreachable': null, 'communication-prohibited': null,
  'host-precedence-violation': null, 'precedence-cutoff': null, 'source-quench': 'source-quench',
  redirect: 'redirect', 'network-redirect': null, 'host-redirect': null, 'TOS-network-redirect': null,
  'TOS-host-redirect': null, 'echo-request': 'echo-request', 'router-advertisement': 'router-advertisement',
  'router-solicitation': 'router-solicitation', 'time-exceeded': 'time-exceeded',
  'ttl-zero-during-transit': null, 'ttl-zero-during-reassembly': null,
  'parameter-problem': 'parameter-problem', 'ip-header-bad': null, 'required-option-missing': null,
  'timestamp-request': 'timestamp-request', 'timestamp-reply': 'timestamp-reply',
  'address-mask-request': 'address-mask-request', 'address-mask-reply': 'address-mask-reply',
};

/** ICMPv6 type names PVE accepts, mapped to nft's name where nft has one (null: a code, not a type). */
// prettier-ignore
export const ICMPV6_TYPES: Readonly<Record<string, string | null>> = {
  'destination-unreachable': 'destination-unreachable', 'no-route': null,
  'communication-prohibited': null, 'beyond-scope': null, 'address-unreachable': null,
  'port-unreachable': null, 'failed-policy': null, 'reject-route': null,
  'packet-too-big': 'packet-too-big', 'time-exceeded': 'time-exceeded',
  'ttl-zero-during-transit': null, 'ttl-zero-during-reassembly': null,
  'parameter-problem': 'parameter-problem', 'bad-header': null, 'unknown-header-type': null,
  'unknown-option': null, 'echo-request': 'echo-request', 'echo-reply': 'echo-reply',
  'router-solicitation': 'nd-router-solicit', 'router-advertisement': 'nd-router-advert',
  'neighbor-solicitation': 'nd-neighbor-solicit', 'neighbour-solicitation': 'nd-neighbor-solicit',
  'neighbor-advertisement': 'nd-neighbor-advert', 'neighbour-advertisement': 'nd-neighbor-advert',
  redirect: 'nd-redirect',
};

/** PVE log levels (`-log`). */
export const LOG_LEVELS = [
  'emerg',
  'alert',
  'crit',
  'err',
  'warning',
  'notice',
  'info',
  'debug',
  'nolog',
] as const;
