/**
 * The proposal of `phoenix init` (pure): a table over small roots written in the original
 * format (the DNS layout has its own file, dns-layout.test.ts).
 */
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { SyncSection } from '../../src/config/settings.js';
import { proposeSync, type HostFacts } from '../../src/init/propose.js';
import { dnsHost, group, noHost, root, values } from './facts.js';

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
    marker_key: 'file:/etc/phoenix/marker.key',
  });
  expect([...Value.Errors(SyncSection, Value.Default(SyncSection, sync))]).toEqual([]);
});

describe('marker_key', () => {
  const K = '/etc/phoenix/marker.key';
  const same = `every machine that syncs this root must use the same key: copy ${K} to each (mode 0600), or point sync.marker_key at the same secret`;
  it.each<[string, HostFacts['markerKey'], Record<string, unknown>, RegExp | undefined, string[]]>([
    [
      'no key yet: a new one',
      { kind: 'missing' },
      { marker_key: `file:${K}` },
      /a new random key is written to/,
      [same],
    ],
    [
      'a key there: used',
      { kind: 'key', loose: false },
      { marker_key: `file:${K}` },
      /the key already in/,
      [same],
    ],
    [
      'a key others may read: used, and said so',
      { kind: 'key', loose: true },
      { marker_key: `file:${K}` },
      /the key already in/,
      [`${K} is readable by group or others: chmod 600 ${K}`, same],
    ],
    [
      'something unusable: nothing proposed',
      { kind: 'unusable', why: 'it is not a regular file' },
      {},
      undefined,
      [
        `${K} cannot be the marker key (it is not a regular file): pass --marker-key-file, or set sync.marker_key by hand`,
      ],
    ],
  ])('%s', (_what, markerKey, want, why, notes) => {
    const g = group(proposeSync(root({}), { ...noHost, markerKey }), 'marker_key');
    expect(values(g)).toEqual(want);
    if (why) expect(g.why).toMatch(why);
    expect(g.notes).toEqual(notes);
  });
});
