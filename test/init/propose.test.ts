/**
 * The proposal of `phoenix init` (pure): a table over small roots written in the original
 * format, and over dnsmasq configurations as this host might have them.
 */
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { SyncSection } from '../../src/config/settings.js';
import { parseConfDir, parseDnsmasqConf, type PathKind } from '../../src/init/dnsmasq.js';
import { proposeSync, type HostFacts, type ProposalGroup, type RootFacts } from '../../src/init/propose.js';

/** A root as the original scripts write it: global settings, VMs, LXCs. */
function root(parts: { global?: object; vms?: object[]; lxcs?: Record<string, object> }): RootFacts {
  return {
    global: { domain_name: 'internal.example.net', ...parts.global },
    vms: { vm_defaults: { cores: 2 }, vms: parts.vms ?? [] },
    lxcs: parts.lxcs ? { lxc_configs: parts.lxcs } : undefined,
  };
}

const noHost: HostFacts = {
  dnsmasq: undefined,
  dnsmasqConf: '/etc/dnsmasq.conf',
  pveDir: '/etc/pve/firewall',
  pveFirewall: true,
};

/** Host facts with dnsmasq files given as text (path → content) and path kinds. */
function dnsHost(
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

const group = (groups: ProposalGroup[], name: string) => groups.find((g) => g.name === name)!;
const values = (g: ProposalGroup) => Object.fromEntries(g.keys.map((k) => [k.path.join('.'), k.value]));

const traefikLxc = {
  name: 'Traefik-Internal',
  memory_mb: 1024,
  network_config: {
    name: 'eth0',
    bridge: 'vmbr0',
    ip: '10.0.0.12/24',
    gw: '10.0.0.1',
    hwaddr: 'BC:24:11:00:00:12',
  },
};

describe('gateway_ip: the address of the guest that says traefik', () => {
  it.each<[string, Parameters<typeof root>[0], Record<string, unknown>, RegExp | undefined]>([
    [
      'an LXC named for Traefik',
      { lxcs: { '102': traefikLxc } },
      { gateway_ip: '10.0.0.12' },
      /LXC 102 "Traefik-Internal".*name/,
    ],
    [
      'an LXC whose traefik_service says traefik',
      {
        lxcs: {
          '110': {
            name: 'edge',
            network_config: { ip: '10.0.0.20/24' },
            traefik_service: { name: 'traefik', port: 8080 },
          },
        },
      },
      { gateway_ip: '10.0.0.20' },
      /LXC 110 "edge".*traefik_service/,
    ],
    [
      'a VM when no LXC says traefik',
      {
        vms: [
          {
            vmid: 1005,
            name: 'traefik-vm',
            network_config: { ip: '10.0.0.105/24', gw: '10.0.0.1', nameserver: '10.0.0.13' },
          },
        ],
      },
      { gateway_ip: '10.0.0.105' },
      /VM 1005/,
    ],
    [
      'a DHCP LXC with a static second NIC',
      {
        lxcs: {
          '102': {
            name: 'traefik',
            network_config: { name: 'eth0', bridge: 'vmbr0', ip: 'dhcp' },
            secondary_network_config: { name: 'eth1', bridge: 'vmbr1', ip: '10.10.0.12/24', gw: '10.10.0.1' },
          },
        },
      },
      { gateway_ip: '10.10.0.12' },
      /LXC 102/,
    ],
    [
      'the named LXC before a VM whose service says traefik',
      {
        vms: [
          {
            vmid: 1001,
            name: 'portainer',
            network_config: { ip: '10.0.0.101/24' },
            traefik_service: { name: 'traefik-dashboard', port: 9000 },
          },
        ],
        lxcs: { '102': traefikLxc },
      },
      { gateway_ip: '10.0.0.12' },
      /LXC 102/,
    ],
    [
      'nothing says traefik',
      { lxcs: { '101': { name: 'dns', network_config: { ip: '10.0.0.13/24' } } } },
      {},
      undefined,
    ],
    [
      'a Traefik LXC with only DHCP',
      { lxcs: { '102': { name: 'traefik', network_config: { ip: 'dhcp' } } } },
      {},
      undefined,
    ],
  ])('%s', (_what, parts, want, why) => {
    const g = group(proposeSync(root(parts), noHost), 'gateway_ip');
    expect(values(g)).toEqual(want);
    if (why) expect(g.why).toMatch(why);
    else expect(g.notes.join('\n')).toMatch(/set sync\.gateway_ip .* by hand/);
  });

  it('names the other candidates, and a candidate without a static address', () => {
    const g = group(
      proposeSync(
        root({
          lxcs: {
            '102': traefikLxc,
            '103': { name: 'traefik-old', network_config: { ip: '10.0.0.30/24' } },
            '104': { name: 'traefik-dhcp', network_config: { ip: 'dhcp' } },
          },
        }),
        noHost,
      ),
      'gateway_ip',
    );
    expect(values(g)).toEqual({ gateway_ip: '10.0.0.12' });
    expect(g.notes).toEqual([
      'LXC 104 "traefik-dhcp" looks like the Traefik host but has no static address',
      'also named for Traefik: LXC 103 "traefik-old"; change gateway_ip if another is the one',
    ]);
  });
});

describe('portainer.url: as the original reached Portainer', () => {
  it.each<[string, object, Record<string, unknown>]>([
    [
      'server ip and port',
      { network: { portainer_server_ip: '10.0.0.101', portainer_server_port: 9443 } },
      { 'portainer.url': 'https://10.0.0.101:9443' },
    ],
    [
      'server ip alone (newest revisions)',
      { network: { portainer_server_ip: '10.0.0.101', portainer_agent_port: 9001 } },
      { 'portainer.url': 'http://10.0.0.101:9000' },
    ],
    [
      'server ip wins over the hostname',
      {
        network: { portainer_server_ip: '10.0.0.101' },
        portainer_api: { portainer_hostname: 'portainer.internal.example.net' },
      },
      { 'portainer.url': 'http://10.0.0.101:9000' },
    ],
    [
      'hostname alone',
      { portainer_api: { admin_user: 'admin', portainer_hostname: 'portainer.internal.example.net' } },
      { 'portainer.url': 'https://portainer.internal.example.net:9443' },
    ],
    ['neither', { portainer_api: { admin_user: 'admin', api_key: null } }, {}],
  ])('%s', (_what, global, want) => {
    expect(values(group(proposeSync(root({ global }), noHost), 'portainer.url'))).toEqual(want);
  });
});

describe("dns: the layout of this host's dnsmasq", () => {
  const file = (phoenix: boolean): PathKind => ({ kind: 'file', phoenix });
  it.each<[string, HostFacts, Record<string, unknown>, RegExp]>([
    [
      'addn-hosts naming a file',
      dnsHost({ '/etc/dnsmasq.conf': 'domain-needed\naddn-hosts=/etc/phoenix/dnsmasq.hosts\n' }),
      { 'dns.layout': 'addn-hosts', 'dns.path': '/etc/phoenix/dnsmasq.hosts' },
      /addn-hosts= at \/etc\/dnsmasq\.conf:2/,
    ],
    [
      'addn-hosts naming a folder',
      dnsHost(
        { '/etc/dnsmasq.conf': 'addn-hosts=/etc/hosts.d\n' },
        { kinds: { '/etc/hosts.d': { kind: 'dir' } } },
      ),
      { 'dns.layout': 'addn-hosts', 'dns.path': '/etc/hosts.d/phoenix.hosts' },
      /hosts files in \/etc\/hosts\.d/,
    ],
    [
      'hostsdir',
      dnsHost({ '/etc/dnsmasq.conf': '# watched\nhostsdir=/var/lib/dnsmasq/hosts\n' }),
      { 'dns.layout': 'hostsdir', 'dns.path': '/var/lib/dnsmasq/hosts/phoenix.hosts' },
      /hostsdir= at \/etc\/dnsmasq\.conf:2/,
    ],
    [
      "a conf-dir with the original's address= records",
      dnsHost({
        '/etc/dnsmasq.conf': 'conf-dir=/etc/dnsmasq.d/,*.conf\n',
        '/etc/dnsmasq.d/00-phoenix-internal.conf':
          'local=/internal.example.net/\naddress=/portainer.internal.example.net/10.0.0.101\n',
      }),
      { 'dns.layout': 'dnsmasq-conf', 'dns.path': '/etc/dnsmasq.d/phoenix.conf' },
      /every file in \/etc\/dnsmasq\.d \(conf-dir= at \/etc\/dnsmasq\.conf:1\)/,
    ],
    [
      "Debian's default conf-dir, named nowhere",
      dnsHost(
        { '/etc/dnsmasq.d/phoenix-dns.conf': 'address=/n8n.internal.example.net/10.0.0.12\n' },
        { confDirs: ['/etc/dnsmasq.d'] },
      ),
      { 'dns.layout': 'dnsmasq-conf', 'dns.path': '/etc/dnsmasq.d/phoenix.conf' },
      /the distribution's default conf-dir/,
    ],
    [
      'a conf-dir that keeps only another extension',
      dnsHost({
        '/etc/dnsmasq.conf': 'conf-dir=/srv/dns,*.dnsmasq\naddress=/a.internal.example.net/10.0.0.5\n',
      }),
      { 'dns.layout': 'dnsmasq-conf', 'dns.path': '/srv/dns/phoenix.dnsmasq' },
      /\/srv\/dns/,
    ],
    [
      "a hosts file that is not Phoenix's yields to a free candidate",
      dnsHost(
        { '/etc/dnsmasq.conf': 'addn-hosts=/etc/banner_add_hosts\nhostsdir=/etc/dnsmasq.hosts.d\n' },
        { kinds: { '/etc/banner_add_hosts': file(false) } },
      ),
      { 'dns.layout': 'hostsdir', 'dns.path': '/etc/dnsmasq.hosts.d/phoenix.hosts' },
      /hostsdir=/,
    ],
    [
      "Phoenix's own hosts file is free",
      dnsHost(
        { '/etc/dnsmasq.conf': 'addn-hosts=/etc/phoenix/dnsmasq.hosts\n' },
        { kinds: { '/etc/phoenix/dnsmasq.hosts': file(true) } },
      ),
      { 'dns.layout': 'addn-hosts', 'dns.path': '/etc/phoenix/dnsmasq.hosts' },
      /addn-hosts=/,
    ],
  ])('%s', (_what, host, want, why) => {
    const g = group(proposeSync(root({}), host), 'dns');
    expect(values(g)).toEqual(want);
    expect(g.why).toMatch(why);
  });

  it("names the original's record files to remove after the first sync", () => {
    const g = group(
      proposeSync(
        root({}),
        dnsHost(
          { '/etc/dnsmasq.d/00-phoenix-internal.conf': 'address=/x.internal.example.net/10.0.0.5\n' },
          { confDirs: ['/etc/dnsmasq.d'] },
        ),
      ),
      'dns',
    );
    expect(g.notes).toEqual([
      '/etc/dnsmasq.d/00-phoenix-internal.conf also holds address= records: once phoenix sync dns has written phoenix.conf, remove that file so each name has one answer',
    ]);
  });

  it('a foreign file as the only candidate is proposed with a warning', () => {
    const g = group(
      proposeSync(
        root({}),
        dnsHost(
          { '/etc/dnsmasq.conf': 'addn-hosts=/etc/hosts.extra\n' },
          { kinds: { '/etc/hosts.extra': file(false) } },
        ),
      ),
      'dns',
    );
    expect(values(g)).toEqual({ 'dns.layout': 'addn-hosts', 'dns.path': '/etc/hosts.extra' });
    expect(g.notes.join()).toMatch(/\/etc\/hosts\.extra exists and was not written by Phoenix: .*--force/);
  });

  it.each<[string, HostFacts, RegExp]>([
    [
      'no dnsmasq configuration',
      noHost,
      /no dnsmasq configuration readable at \/etc\/dnsmasq\.conf: sync\.dns keeps its defaults/,
    ],
    [
      'a configuration that names no hosts and no records',
      dnsHost({ '/etc/dnsmasq.conf': 'conf-dir=/etc/dnsmasq.d\nport=53\n' }),
      /names no addn-hosts=, hostsdir= or address= records/,
    ],
  ])('%s: nothing proposed, a note says what to do', (_what, host, note) => {
    const g = group(proposeSync(root({}), host), 'dns');
    expect(g.keys).toEqual([]);
    expect(g.notes.join()).toMatch(note);
  });
});

describe('dns.server: where the readiness check asks', () => {
  it.each<[string, object, HostFacts, Record<string, unknown>]>([
    [
      'network.interfaces.address, without its prefix',
      {
        network: {
          interfaces: {
            name: 'vmbr0',
            address: '10.0.0.13/24',
            gateway: '10.0.0.1',
            dns_nameservers: ['1.1.1.1'],
          },
        },
      },
      noHost,
      { 'dns.server': '10.0.0.13' },
    ],
    [
      "dnsmasq's listen-address and port when the root names no interface",
      {},
      dnsHost({
        '/etc/dnsmasq.conf':
          'port=5353\nlisten-address=127.0.0.1,10.0.0.13\naddn-hosts=/etc/phoenix/dnsmasq.hosts\n',
      }),
      { 'dns.server': '127.0.0.1:5353' },
    ],
    [
      'the interface, with the port dnsmasq listens on',
      { network: { interfaces: [{ name: 'vmbr0', address: '10.0.0.13/24' }] } },
      dnsHost({ '/etc/dnsmasq.conf': 'port=53\n' }),
      { 'dns.server': '10.0.0.13' },
    ],
    ['neither', {}, noHost, {}],
  ])('%s', (_what, global, host, want) => {
    expect(values(group(proposeSync(root({ global }), host), 'dns.server'))).toEqual(want);
  });
});

describe('firewall: the Proxmox VE folder, else nftables', () => {
  it.each<[string, Partial<HostFacts>, Record<string, unknown>]>([
    ['a Proxmox VE node', {}, { 'firewall.backend': 'pve' }],
    [
      'another PVE folder',
      { pveDir: '/srv/pve/firewall' },
      { 'firewall.backend': 'pve', 'firewall.pve_dir': '/srv/pve/firewall' },
    ],
    ['not a Proxmox VE node', { pveFirewall: false }, { 'firewall.backend': 'nftables' }],
  ])('%s', (_what, host, want) => {
    expect(values(group(proposeSync(root({}), { ...noHost, ...host }), 'firewall'))).toEqual(want);
  });
});

it('a whole proposal is a valid sync section', () => {
  const groups = proposeSync(
    root({
      global: { network: { portainer_server_ip: '10.0.0.101', interfaces: { address: '10.0.0.13/24' } } },
      lxcs: { '102': traefikLxc },
    }),
    {
      ...dnsHost({ '/etc/dnsmasq.conf': 'hostsdir=/etc/dnsmasq.hosts.d\n' }),
      traefikPath: '/etc/traefik/dynamic/phoenix.yml',
    },
  );
  const sync: Record<string, unknown> = {};
  for (const k of groups.flatMap((g) => g.keys)) {
    let o = sync;
    for (const p of k.path.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[k.path.at(-1)!] = k.value;
  }
  expect(sync).toEqual({
    gateway_ip: '10.0.0.12',
    portainer: { url: 'http://10.0.0.101:9000' },
    dns: { layout: 'hostsdir', path: '/etc/dnsmasq.hosts.d/phoenix.hosts', server: '10.0.0.13' },
    firewall: { backend: 'pve' },
    traefik: { path: '/etc/traefik/dynamic/phoenix.yml' },
  });
  expect([...Value.Errors(SyncSection, Value.Default(SyncSection, sync))]).toEqual([]);
});
