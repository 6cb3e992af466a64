/**
 * Traefik labels real manifests of the original carry beyond HTTP routers (pure: roots
 * built in memory): TCP routers with HostSNI rules, serversTransports the labels define or
 * name, and unsupported keys as warnings.
 */
import { describe, expect, it } from 'vitest';
import { backends, compose, deriveMemory, labelled, loc, records, vm, type MemoryRoot } from './memory.js';

/** A stack `db` on VM 1002 publishing `ports`, labelled with `labels`. */
function stack(labels: string[], ports = ['5432:5432', '8443:443']): MemoryRoot {
  return {
    vms: [vm(1002, 'worker', { docker_stacks: ['db'] })],
    stacks: { db: { compose: compose('db', ports), manifest: labelled('db', labels) } },
  };
}
const DB = ['environments', 'production', 'services', 'db', 'traefik_labels'];
const DB_MANIFEST = 'stacks/db/phoenix.json';

describe('TCP routers from labels', () => {
  it('HostSNI with TLS passthrough → tcp router and service at <VM IP>:<published port>, DNS to the gateway', () => {
    const root = stack([
      'traefik.tcp.routers.pg.rule=HostSNI(`pg.lab.test`)',
      'traefik.tcp.routers.pg.entrypoints=postgres',
      'traefik.tcp.routers.pg.tls.passthrough=true',
      'traefik.tcp.services.pg.loadbalancer.server.port=5432',
    ]);
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(desired.routes.routers).toEqual([
      {
        name: 'db-production-pg',
        rule: 'HostSNI(`pg.lab.test`)',
        hosts: ['pg.lab.test'],
        service: 'db-production-pg',
        entryPoints: ['postgres'],
        tls: { passthrough: true },
        protocol: 'tcp',
        origin: '1002/db-production',
        source: expect.objectContaining({ file: DB_MANIFEST }),
      },
    ]);
    expect(desired.routes.services).toEqual([
      expect.objectContaining({ name: 'db-production-pg', urls: ['10.0.0.2:5432'], protocol: 'tcp' }),
    ]);
    expect(records(desired)['pg.lab.test']).toBe('10.0.0.12 (route)');
  });

  it('HostSNI(`*`) needs no TLS and no DNS record; HTTP and TCP routers of one name coexist', () => {
    const root = stack([
      'traefik.tcp.routers.db.rule=HostSNI(`*`)',
      'traefik.tcp.services.db.loadbalancer.server.port=5432',
      'traefik.http.routers.db.rule=Host(`db.lab.test`)',
      'traefik.http.services.db.loadbalancer.server.port=443',
      'traefik.http.services.db.loadbalancer.server.scheme=https',
    ]);
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(desired.routes.routers.map((r) => [r.name, r.protocol ?? 'http', r.hosts])).toEqual([
      ['db-production-db', 'http', ['db.lab.test']],
      ['db-production-db', 'tcp', []],
    ]);
    expect(desired.routes.services.map((s) => [s.protocol ?? 'http', s.urls])).toEqual([
      ['http', ['https://10.0.0.2:8443']],
      ['tcp', ['10.0.0.2:5432']],
    ]);
    expect(Object.keys(records(desired))).toEqual(['db.lab.test', 'worker.lab.test']);
  });

  it.each([
    {
      name: 'a HostSNI other than * without TLS',
      labels: [
        'traefik.tcp.routers.pg.rule=HostSNI(`pg.lab.test`)',
        'traefik.tcp.services.pg.loadbalancer.server.port=5432',
      ],
      index: 0,
      message: 'TCP router pg of db-production matches HostSNI(`pg.lab.test`) without TLS',
    },
    {
      name: 'a TCP port that is not published',
      labels: [
        'traefik.tcp.routers.pg.rule=HostSNI(`*`)',
        'traefik.tcp.services.pg.loadbalancer.server.port=5433',
      ],
      index: 1,
      message: 'routed port 5433 of service db in db-production is not published',
    },
    {
      name: 'a TCP rule with an HTTP matcher',
      labels: ['traefik.tcp.routers.pg.rule=Host(`pg.lab.test`)'],
      index: 0,
      message: expect.stringContaining('unknown matcher Host (v3 TCP routers have HostSNI'),
    },
  ])('$name is an error at its label', ({ labels, index, message }) => {
    const root = stack(labels);
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      expect.objectContaining({ severity: 'error', at: loc(root, DB_MANIFEST, [...DB, index]), message }),
    ]);
    expect(desired.routes.routers.filter((r) => r.protocol === 'tcp')).toEqual([]);
  });
});

describe('serversTransports from labels', () => {
  it('a transport the labels define is written as <deploy>-<name> and used by the service', () => {
    const root = stack(
      [
        'traefik.http.routers.ui.rule=Host(`ui.lab.test`)',
        'traefik.http.services.ui.loadbalancer.server.port=443',
        'traefik.http.services.ui.loadbalancer.server.scheme=https',
        'traefik.http.services.ui.loadbalancer.serverstransport=skipverify',
        'traefik.http.serverstransports.skipverify.insecureskipverify=true',
      ],
      ['8443:443'],
    );
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(desired.routes.services).toEqual([
      expect.objectContaining({
        urls: ['https://10.0.0.2:8443'],
        serversTransport: 'db-production-skipverify',
      }),
    ]);
    expect(desired.routes.transports).toEqual([
      {
        name: 'db-production-skipverify',
        insecureSkipVerify: true,
        origin: '1002/db-production',
        source: expect.objectContaining({ file: DB_MANIFEST }),
      },
    ]);
  });

  it('a reference to another provider passes through as is', () => {
    const root = stack(
      [
        'traefik.http.routers.ui.rule=Host(`ui.lab.test`)',
        'traefik.http.services.ui.loadbalancer.serverstransport=mytransport@file',
      ],
      ['8443:443'],
    );
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([]);
    expect(desired.routes.services[0]?.serversTransport).toBe('mytransport@file');
    expect(desired.routes.transports).toBeUndefined();
  });

  it('a reference to a transport nobody defines is an error at the label', () => {
    const root = stack(
      [
        'traefik.http.routers.ui.rule=Host(`ui.lab.test`)',
        'traefik.http.services.ui.loadbalancer.serverstransport=nope',
      ],
      ['8443:443'],
    );
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      {
        severity: 'error',
        code: 'traefik-label',
        at: loc(root, DB_MANIFEST, [...DB, 1]),
        message: 'serversTransport "nope" is not defined by the labels of service db',
        hint: 'define traefik.http.serverstransports.nope.insecureskipverify, or name one of another provider as nope@file',
      },
    ]);
    expect(desired.routes.routers).toEqual([]);
  });
});

describe('unsupported Traefik labels', () => {
  it('are one warning each, at the label, and the route is still derived', () => {
    const root = stack(
      [
        'traefik.http.routers.ui.rule=Host(`ui.lab.test`)',
        'traefik.http.routers.ui.entrypoint=websecure',
        'traefik.http.middlewares.auth.basicauth.users=admin:x',
      ],
      ['8443:443'],
    );
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      {
        severity: 'warning',
        code: 'unsupported-label',
        at: loc(root, DB_MANIFEST, [...DB, 1]),
        message: 'unsupported Traefik label "traefik.http.routers.ui.entrypoint" is ignored',
        hint: 'did you mean traefik.http.routers.ui.entrypoints?',
      },
      expect.objectContaining({
        severity: 'warning',
        code: 'unsupported-label',
        at: loc(root, DB_MANIFEST, [...DB, 2]),
        message: 'unsupported Traefik label "traefik.http.middlewares.auth.basicauth.users" is ignored',
      }),
    ]);
    expect(backends(desired)).toEqual({ 'db-production-ui': ['http://10.0.0.2:8443'] });
  });
});
