/**
 * Guest routes as the original meant them (pure: roots built in memory): `traefik_service`
 * schemes by guest kind, DHCP guests with a secondary address, and a label router shadowed
 * by a guest route (the guest route is kept, with one warning).
 */
import { describe, expect, it } from 'vitest';
import { INTERNAL_CA_TRANSPORT } from '../../src/desired/routes.js';
import {
  backends,
  baseGlobal,
  compose,
  deriveMemory,
  labelled,
  loc,
  LXCS_FILE,
  records,
  vm,
  VMS_FILE,
  type MemoryRoot,
} from './memory.js';

describe('guest traefik_service routes', () => {
  it.each([
    ['a VM: https through the internal CA', 'vm', {}, 'https://10.0.0.40:8443', INTERNAL_CA_TRANSPORT],
    ['a VM with scheme http', 'vm', { scheme: 'http' }, 'http://10.0.0.40:8443', undefined],
    ['an LXC: http', 'lxc', {}, 'http://10.0.0.41:8443', undefined],
    ['an LXC with scheme https', 'lxc', { scheme: 'https' }, 'https://10.0.0.41:8443', INTERNAL_CA_TRANSPORT],
  ])('%s', (_name, kind, extra, url, transport) => {
    const svc = { name: 'app', port: 8443, ...extra };
    const root: MemoryRoot =
      kind === 'vm'
        ? { vms: [vm(1040, 'app-vm', { traefik_service: svc })] }
        : {
            vms: [],
            lxcs: { '141': { name: 'app-ct', network_config: { ip: '10.0.0.41/24' }, traefik_service: svc } },
          };
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(backends(desired)).toEqual({ 'guest-app': [url] });
    expect(desired.routes.services[0]?.serversTransport).toBe(transport);
    expect(desired.routes.routers[0]).toMatchObject({
      rule: 'Host(`app.lab.test`)',
      origin: `guest:${kind === 'vm' ? 1040 : 141}`,
    });
    expect(records(desired)['app.lab.test']).toBe('10.0.0.12 (route)');
  });

  it('HTTPS guest routes without sync.traefik.ca_file have no transport and one warning', () => {
    const root: MemoryRoot = {
      global: { domain_name: 'lab.test', sync: { gateway_ip: '10.0.0.12' } },
      vms: [
        vm(1040, 'app-vm', { traefik_service: { name: 'app', port: 8443 } }),
        vm(1041, 'api-vm', { traefik_service: { name: 'api', port: 8443 } }),
      ],
    };
    const { desired, rows } = deriveMemory(root);
    expect(desired.routes.services).toEqual([
      expect.objectContaining({ urls: ['https://10.0.0.40:8443'] }),
      expect.objectContaining({ urls: ['https://10.0.0.41:8443'] }),
    ]);
    expect(desired.routes.services[0]?.serversTransport).toBeUndefined();
    expect(rows).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'no-internal-ca',
        message: expect.stringContaining(
          '2 HTTPS guest routes (guest-app, guest-api) but sync.traefik.ca_file is not set',
        ),
      }),
    ]);
  });

  it('an LXC on DHCP with a static secondary address is routed there', () => {
    const root: MemoryRoot = {
      vms: [],
      lxcs: {
        '141': {
          name: 'media-ct',
          network_config: { ip: 'dhcp' },
          secondary_network_config: { ip: '192.168.5.41/24' },
          traefik_service: { name: 'media', port: 8096 },
        },
      },
    };
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(backends(desired)).toEqual({ 'guest-media': ['http://192.168.5.41:8096'] });
  });

  it.each([
    ['an LXC', 'lxc', 'give it a static network_config.ip, or a static secondary_network_config.ip'],
    ['a VM', 'vm', 'give it a static network_config.ip'],
  ])('%s on DHCP with no static address cannot be routed (located at traefik_service)', (_n, kind, hint) => {
    const svc = { name: 'media', port: 8096 };
    const root: MemoryRoot =
      kind === 'vm'
        ? {
            vms: [
              vm(1040, 'media', {
                network_config: { ip: 'dhcp' },
                portainer_role: 'none',
                traefik_service: svc,
              }),
            ],
          }
        : {
            vms: [],
            lxcs: { '141': { name: 'media', network_config: { ip: 'dhcp' }, traefik_service: svc } },
          };
    const at =
      kind === 'vm'
        ? loc(root, VMS_FILE, ['vms', 0, 'traefik_service'])
        : loc(root, LXCS_FILE, ['lxc_configs', '141', 'traefik_service']);
    const id = kind === 'vm' ? 'vm 1040' : 'lxc 141';
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      {
        severity: 'error',
        code: 'no-static-ip',
        at,
        message: `${id} (media) has a traefik_service but no static IP`,
        hint,
      },
    ]);
    expect(desired.routes.routers).toEqual([]);
  });
});

const LABELS = ['environments', 'production', 'services', 'app', 'traefik_labels'];
const MANIFEST = 'stacks/app/phoenix.json';

/** A stack `app` on VM 1002 with `labels`, and an LXC whose traefik_service routes app.lab.test. */
function clash(labels: string[], ports = ['8080:80']): MemoryRoot {
  return {
    global: baseGlobal(),
    vms: [vm(1002, 'worker', { docker_stacks: ['app'] })],
    lxcs: {
      '141': {
        name: 'app-ct',
        network_config: { ip: '10.0.0.41/24' },
        traefik_service: { name: 'app', port: 80 },
      },
    },
    stacks: { app: { compose: compose('app', ports), manifest: labelled('app', labels) } },
  };
}

describe('a guest route and a stack label claiming one Host', () => {
  it('keeps the guest route, drops the label router and its service, warns once', () => {
    const root = clash([
      'traefik.http.routers.app.rule=Host(`app.lab.test`)',
      'traefik.http.services.app.loadbalancer.server.port=80',
    ]);
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      {
        severity: 'warning',
        code: 'host-shadowed',
        at: loc(root, MANIFEST, [...LABELS, 0]),
        message:
          "router app-production-app is dropped: app.lab.test is already routed by a guest's traefik_service",
        hint: `the guest route (${loc(root, LXCS_FILE, ['lxc_configs', '141', 'traefik_service'])}) is kept, as the original served it; remove the label or rename the Host`,
      },
    ]);
    expect(backends(desired)).toEqual({ 'guest-app': ['http://10.0.0.41:80'] });
    expect(desired.routes.services.map((s) => s.name)).toEqual(['guest-app']);
    expect(records(desired)['app.lab.test']).toBe('10.0.0.12 (route)');
  });

  it('a service another label router still uses stays', () => {
    const root = clash([
      'traefik.http.routers.app.rule=Host(`app.lab.test`)',
      'traefik.http.routers.api.rule=Host(`api.lab.test`)',
      'traefik.http.services.app.loadbalancer.server.port=80',
    ]);
    const { desired, rows } = deriveMemory(root);
    expect(rows.map((r) => r.code)).toEqual(['host-shadowed']);
    expect(backends(desired)).toEqual({
      'app-production-api': ['http://10.0.0.2:8080'],
      'guest-app': ['http://10.0.0.41:80'],
    });
  });

  it('a TCP label router on the guest Host is dropped the same way', () => {
    const root = clash([
      'traefik.tcp.routers.raw.rule=HostSNI(`app.lab.test`)',
      'traefik.tcp.routers.raw.tls.passthrough=true',
    ]);
    const { desired, rows } = deriveMemory(root);
    expect(rows.map((r) => [r.code, r.at])).toEqual([['host-shadowed', loc(root, MANIFEST, [...LABELS, 0])]]);
    expect(desired.routes.routers.map((r) => r.name)).toEqual(['guest-app']);
    expect(desired.routes.services.map((s) => s.name)).toEqual(['guest-app']);
  });

  it('two guests claiming one Host are one error, not two', () => {
    const root: MemoryRoot = {
      vms: [],
      lxcs: {
        '141': {
          name: 'a',
          network_config: { ip: '10.0.0.41/24' },
          traefik_service: { name: 'app', port: 80 },
        },
        '142': {
          name: 'b',
          network_config: { ip: '10.0.0.42/24' },
          traefik_service: { name: 'app', port: 80 },
        },
      },
    };
    expect(deriveMemory(root).rows).toEqual([
      expect.objectContaining({
        code: 'duplicate-router',
        at: loc(root, LXCS_FILE, ['lxc_configs', '142', 'traefik_service']),
        message: 'router guest-app is defined twice (guest:142 and guest:141)',
      }),
    ]);
  });
});
