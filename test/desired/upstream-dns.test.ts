/**
 * Guest addresses, guest names and DNS precedence as the original meant them (pure: roots
 * built in memory). Explicit records win over a guest's own name with one warning; two
 * explicit sources that disagree are an error naming both; each conflict is reported once.
 */
import { describe, expect, it } from 'vitest';
import {
  baseGlobal,
  compose,
  deriveMemory,
  GLOBAL_FILE,
  keyLoc,
  labelled,
  loc,
  LXCS_FILE,
  records,
  vm,
  VMS_FILE,
  type MemoryRoot,
} from './memory.js';

const lxc = (name: string, network: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name,
  network_config: network,
  ...extra,
});

describe('guest addresses', () => {
  it.each([
    ['a static primary address', { ip: '10.0.0.30/24' }, undefined, '10.0.0.30'],
    ['DHCP with a static secondary address', { ip: 'dhcp' }, { ip: '192.168.5.30/24' }, '192.168.5.30'],
    ['no primary address, a static secondary', { name: 'eth0' }, { ip: '192.168.5.30/24' }, '192.168.5.30'],
    [
      'a static primary wins over a secondary',
      { ip: '10.0.0.30/24' },
      { ip: '192.168.5.30/24' },
      '10.0.0.30',
    ],
    ['DHCP on both', { ip: 'dhcp' }, { ip: 'dhcp' }, undefined],
    ['DHCP and no secondary', { ip: 'dhcp' }, undefined, undefined],
  ])('%s', (_name, network, secondary, ip) => {
    const root: MemoryRoot = {
      vms: [],
      lxcs: { '130': lxc('store', network, secondary ? { secondary_network_config: secondary } : {}) },
    };
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(desired.guests.map((g) => [g.id, g.ip])).toEqual([[130, ip]]);
    expect(records(desired)).toEqual(ip ? { 'store.lab.test': `${ip} (guest)` } : {});
  });

  it('an invalid secondary address that is used is an error at that address', () => {
    const root: MemoryRoot = {
      vms: [],
      lxcs: { '130': lxc('store', { ip: 'dhcp' }, { secondary_network_config: { ip: '192.168.5.30' } }) },
    };
    expect(deriveMemory(root).rows).toEqual([
      {
        severity: 'error',
        code: 'invalid-ip',
        at: loc(root, LXCS_FILE, ['lxc_configs', '130', 'secondary_network_config', 'ip']),
        message: '"192.168.5.30" is not an address with a prefix length',
        hint: 'write it as 10.0.0.102/24, or "dhcp"',
      },
    ]);
  });

  it('a secondary address Phoenix does not use is not checked', () => {
    const root: MemoryRoot = {
      vms: [],
      lxcs: { '130': lxc('store', { ip: '10.0.0.30/24' }, { secondary_network_config: { ip: 'bogus' } }) },
    };
    expect(deriveMemory(root).rows).toEqual([]);
  });
});

describe('guest names', () => {
  it.each([
    ['Copy-Cuda12.8', 'copy-cuda12.8.lab.test'],
    ['ai-worker', 'ai-worker.lab.test'],
    ['NAS', 'nas.lab.test'],
  ])('guest %s is %s', (name, fqdn) => {
    const { desired, rows } = deriveMemory({ vms: [vm(1020, name)] });
    expect(rows).toEqual([]);
    expect(records(desired)).toEqual({ [fqdn]: '10.0.0.20 (guest)' });
  });

  it('an explicit record with a dot is taken as qualified', () => {
    const { desired } = deriveMemory({
      vms: [vm(1020, 'a', { dns_records: [{ hostname: 'ca.other.zone', ip: '10.0.0.9' }] })],
    });
    expect(records(desired)['ca.other.zone']).toBe('10.0.0.9 (explicit)');
  });
});

/** A root with one routed stack on VM 1002 (Host grafana.lab.test) and whatever the case adds. */
function rooted(extra: Partial<MemoryRoot> & { vms?: Record<string, unknown>[] } = {}): MemoryRoot {
  return {
    global: extra.global ?? baseGlobal(),
    vms: [vm(1002, 'ai-worker', { docker_stacks: ['grafana'] }), ...(extra.vms ?? [])],
    ...(extra.lxcs ? { lxcs: extra.lxcs } : {}),
    stacks: {
      grafana: {
        compose: compose('grafana', ['3000:3000']),
        manifest: labelled('grafana', ['traefik.http.routers.grafana.rule=Host(`grafana.lab.test`)']),
      },
    },
  };
}

const ROUTE = ['environments', 'production', 'services', 'grafana', 'traefik_labels', 0];
const MANIFEST = 'stacks/grafana/phoenix.json';

describe('DNS: explicit records win over a guest name, with one warning', () => {
  it.each([
    {
      name: 'a route host',
      root: rooted({ vms: [vm(1030, 'grafana')] }),
      record: ['grafana.lab.test', '10.0.0.12 (route)'],
      guest: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 1, 'vmid']),
      other: (r: MemoryRoot) => loc(r, MANIFEST, ROUTE),
      message: 'grafana.lab.test resolves to 10.0.0.12 (route), not to vm 1030 (grafana) at 10.0.0.30',
    },
    {
      name: 'a dns_records entry',
      root: rooted({
        vms: [vm(1030, 'ca'), vm(1040, 'x', { dns_records: [{ hostname: 'ca', ip: '10.0.0.50' }] })],
      }),
      record: ['ca.lab.test', '10.0.0.50 (explicit)'],
      guest: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 1, 'vmid']),
      other: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 2, 'dns_records', 0]),
      message: 'ca.lab.test resolves to 10.0.0.50 (explicit), not to vm 1030 (ca) at 10.0.0.30',
    },
    {
      name: 'an agent host name',
      root: rooted({ vms: [vm(1030, 'nas'), vm(1040, 'worker', { portainer_agent_hostname: 'nas' })] }),
      record: ['nas.lab.test', '10.0.0.40 (agent)'],
      guest: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 1, 'vmid']),
      other: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 2, 'portainer_agent_hostname']),
      message: 'nas.lab.test resolves to 10.0.0.40 (agent), not to vm 1030 (nas) at 10.0.0.30',
    },
    {
      name: 'an authoritative zone record',
      root: rooted({
        global: {
          ...baseGlobal(),
          dns_server: {
            authoritative_zones: [
              {
                zone_name: 'lab.test',
                records: [{ hostname: 'files', ip_internal: '10.0.0.60', ip_external: '203.0.113.6' }],
              },
            ],
          },
        },
        lxcs: { '131': lxc('files', { ip: '10.0.0.31/24' }) },
      }),
      record: ['files.lab.test', '10.0.0.60 (explicit)'],
      guest: (r: MemoryRoot) => keyLoc(r, LXCS_FILE, ['lxc_configs'], '131'),
      other: (r: MemoryRoot) => loc(r, GLOBAL_FILE, ['dns_server', 'authoritative_zones', 0, 'records', 0]),
      message: 'files.lab.test resolves to 10.0.0.60 (explicit), not to lxc 131 (files) at 10.0.0.31',
    },
  ])('$name', ({ root, record, guest, other, message }) => {
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      {
        severity: 'warning',
        code: 'dns-shadowed',
        at: guest(root),
        message,
        hint: `the ${/\((\w+)\)/.exec(record[1]!)![1]} record comes from ${other(root)} and wins over the guest's own name, as in the original; rename one of them to reach the guest by name`,
      },
    ]);
    expect(records(desired)[record[0]!]).toBe(record[1]);
  });

  it('a guest whose name is routed to its own address needs no warning', () => {
    const root = rooted({ vms: [vm(1012, 'grafana')] }); // 10.0.0.12 is the gateway
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(records(desired)['grafana.lab.test']).toBe('10.0.0.12 (route)');
  });

  it('a name routed by an HTTP and a TCP router shadows the guest once', () => {
    const root = rooted({ vms: [vm(1030, 'grafana')] });
    root.stacks!['grafana']!.manifest = labelled('grafana', [
      'traefik.http.routers.grafana.rule=Host(`grafana.lab.test`)',
      'traefik.tcp.routers.raw.rule=HostSNI(`grafana.lab.test`)',
      'traefik.tcp.routers.raw.tls.passthrough=true',
    ]);
    const { rows } = deriveMemory(root);
    expect(rows.map((r) => r.code)).toEqual(['dns-shadowed']);
  });

  it('zone records are served as <hostname>.<zone_name>, in any zone', () => {
    const root: MemoryRoot = {
      global: {
        ...baseGlobal(),
        dns_server: {
          authoritative_zones: [
            { zone_name: 'lab.test', records: [{ hostname: 'printer', ip_internal: '10.0.0.70' }] },
            { zone_name: 'home.arpa.', records: [{ hostname: 'Router', ip_internal: '192.168.1.1' }] },
            { zone_name: 'empty.test' },
          ],
        },
      },
      vms: [],
    };
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(records(desired)).toEqual({
      'printer.lab.test': '10.0.0.70 (explicit)',
      'router.home.arpa': '192.168.1.1 (explicit)',
    });
  });

  it('a zone record with an invalid address is an error at the record', () => {
    const root: MemoryRoot = {
      global: {
        ...baseGlobal(),
        dns_server: {
          authoritative_zones: [
            { zone_name: 'lab.test', records: [{ hostname: 'x', ip_internal: '10.0.0.300' }] },
          ],
        },
      },
      vms: [],
    };
    expect(deriveMemory(root).rows).toEqual([
      expect.objectContaining({
        code: 'invalid-ip',
        at: loc(root, GLOBAL_FILE, ['dns_server', 'authoritative_zones', 0, 'records', 0]),
        message: '"10.0.0.300" is not an IP address',
      }),
    ]);
  });
});

describe('DNS: two explicit sources that disagree are an error naming both, once', () => {
  it.each([
    {
      name: 'two dns_records entries',
      root: rooted({
        vms: [
          vm(1030, 'a', { dns_records: [{ hostname: 'ca', ip: '10.0.0.50' }] }),
          vm(1040, 'b', { dns_records: [{ hostname: 'ca', ip: '10.0.0.51' }] }),
        ],
      }),
      at: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 2, 'dns_records', 0]),
      other: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 1, 'dns_records', 0]),
      message: 'ca.lab.test would point to 10.0.0.51 (explicit) and to 10.0.0.50 (explicit)',
    },
    {
      name: 'a route host and a dns_records entry',
      root: rooted({ vms: [vm(1030, 'a', { dns_records: [{ hostname: 'grafana', ip: '10.0.0.50' }] })] }),
      at: (r: MemoryRoot) => loc(r, VMS_FILE, ['vms', 1, 'dns_records', 0]),
      other: (r: MemoryRoot) => loc(r, MANIFEST, ROUTE),
      message: 'grafana.lab.test would point to 10.0.0.50 (explicit) and to 10.0.0.12 (route)',
    },
    {
      name: 'a route host and a zone record',
      root: rooted({
        global: {
          ...baseGlobal(),
          dns_server: {
            authoritative_zones: [
              { zone_name: 'lab.test', records: [{ hostname: 'grafana', ip_internal: '10.0.0.61' }] },
            ],
          },
        },
      }),
      at: (r: MemoryRoot) => loc(r, GLOBAL_FILE, ['dns_server', 'authoritative_zones', 0, 'records', 0]),
      other: (r: MemoryRoot) => loc(r, MANIFEST, ROUTE),
      message: 'grafana.lab.test would point to 10.0.0.61 (explicit) and to 10.0.0.12 (route)',
    },
  ])('$name', ({ root, at, other, message }) => {
    expect(deriveMemory(root).rows).toEqual([
      {
        severity: 'error',
        code: 'dns-conflict',
        at: at(root),
        message,
        hint: `the other record comes from ${other(root)}`,
      },
    ]);
  });

  it('two guests of one name at two addresses are an error too (neither is explicit)', () => {
    const root: MemoryRoot = { vms: [vm(1030, 'twin'), vm(1040, 'Twin')] };
    expect(deriveMemory(root).rows).toEqual([
      {
        severity: 'error',
        code: 'dns-conflict',
        at: loc(root, VMS_FILE, ['vms', 1, 'vmid']),
        message: 'twin.lab.test would point to 10.0.0.40 (guest) and to 10.0.0.30 (guest)',
        hint: `the other record comes from ${loc(root, VMS_FILE, ['vms', 0, 'vmid'])}`,
      },
    ]);
  });
});
