/**
 * TCP routers and services, and serversTransports from labels, in the Traefik file: valid
 * against the vendored Traefik v3 schema and our semantic checks, read back with origins,
 * kept for a failed deployment.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkTraefikFile, renderTraefikFile } from '../../src/providers/traefik/provider.js';
import { emptyEntries, mergeEntries, parseLive, renderYaml } from '../../src/providers/traefik/render.js';
import { schemaProblems, semanticProblems } from '../../src/providers/traefik/validate.js';
import { desired, settings } from '../files/fixture.js';
import { upstreamRoutes } from './fixture.js';

const traefik = { traefik: { ca_file: 'certs/root_ca.crt' } };
const render = (failed: string[] = [], live = emptyEntries()) =>
  renderTraefikFile(
    desired({ routes: upstreamRoutes(), settings: settings(traefik) }),
    live,
    new Set(failed),
  );

describe('TCP routes and label transports in the Traefik file', () => {
  it('validate against the Traefik v3 schema and our checks', () => {
    const content = render();
    expect(schemaProblems(parse(content))).toEqual([]);
    expect(checkTraefikFile(content)).toEqual([]);
  });

  it('match the golden file', async () => {
    await expect(render()).toMatchFileSnapshot('../fixtures/golden/traefik/upstream.yml');
  });

  it('go to tcp: with addresses, and the label transport to http.serversTransports', () => {
    const config = parse(render()) as {
      http: { serversTransports: Record<string, unknown>; services: Record<string, unknown> };
      tcp: { routers: Record<string, unknown>; services: Record<string, unknown> };
    };
    expect(config.tcp).toEqual({
      routers: {
        'db-production-pg': {
          rule: 'HostSNI(`pg.lab.test`)',
          entryPoints: ['websecure'],
          service: 'db-production-pg',
          tls: { passthrough: true },
        },
        'db-production-raw': { rule: 'HostSNI(`*`)', entryPoints: ['postgres'], service: 'db-production-pg' },
      },
      services: { 'db-production-pg': { loadBalancer: { servers: [{ address: '10.0.0.102:5432' }] } } },
    });
    expect(config.http.serversTransports).toEqual({
      'db-production-skipverify': { insecureSkipVerify: true },
      'phoenix-internal-ca': { rootCAs: ['/srv/phoenix/certs/root_ca.crt'] },
    });
    expect(config.http.services['db-production-pg']).toBeUndefined();
  });

  it('are read back with their origins; the round trip is stable', () => {
    const live = parseLive(render());
    expect([...live.tcpRouters].map(([k, v]) => [k, v.origin])).toEqual([
      ['db-production-pg', '1002/db-production'],
      ['db-production-raw', '1002/db-production'],
    ]);
    expect(live.tcpServices.get('db-production-pg')?.origin).toBe('1002/db-production');
    expect(live.transports.get('db-production-skipverify')).toEqual({ insecureSkipVerify: true });
    const body = renderYaml(live);
    expect(renderYaml(parseLive(body))).toBe(body);
  });

  it('a failed deployment keeps its live TCP entries and transport, not the desired ones', () => {
    const live = parseLive(render());
    const routes = upstreamRoutes();
    routes.services.find((s) => s.name === 'db-production-pg')!.urls = ['10.0.0.102:6543'];
    const out = mergeEntries(routes, { entrypoints: ['websecure'] }, live, new Set(['1002/db-production']));
    expect(out.tcpServices.get('db-production-pg')?.value.loadBalancer.servers).toEqual([
      { address: '10.0.0.102:5432' },
    ]);
    expect([...out.tcpRouters.keys()]).toEqual(['db-production-pg', 'db-production-raw']);
    expect(out.transports.get('db-production-skipverify')).toEqual({ insecureSkipVerify: true });
    // Without the live file, a failed deployment has nothing: its transport is not written either.
    const none = mergeEntries(
      routes,
      { entrypoints: ['websecure'] },
      emptyEntries(),
      new Set(['1002/db-production']),
    );
    expect(none.tcpRouters.size + none.tcpServices.size).toBe(0);
    expect(none.transports.has('db-production-skipverify')).toBe(false);
  });

  it('a file without TCP routes has no tcp: section', () => {
    const content = renderTraefikFile(desired(), emptyEntries(), new Set());
    expect(parse(content)).toEqual({ http: {} });
  });
});

describe('semantic checks of TCP routes and transports', () => {
  const base = () => ({
    http: {
      services: {
        web: { loadBalancer: { servers: [{ url: 'https://10.0.0.1:443' }], serversTransport: 'skip' } },
      },
      serversTransports: { skip: { insecureSkipVerify: true } } as Record<string, Record<string, unknown>>,
    },
    tcp: {
      routers: {
        db: { rule: 'HostSNI(`db.lab`)', service: 'db', tls: { passthrough: true } },
      } as Record<string, Record<string, unknown>>,
      services: { db: { loadBalancer: { servers: [{ address: '10.0.0.1:5432' }] } } },
    },
  });
  type Config = ReturnType<typeof base>;

  it('the base is valid', () => {
    expect(schemaProblems(base())).toEqual([]);
    expect(semanticProblems(base())).toEqual([]);
  });

  it.each([
    [
      'a TCP router whose service does not exist',
      (c: Config) => (c.tcp.routers['db']!['service'] = 'nope'),
      'TCP router db: service nope does not exist in this file',
    ],
    [
      'an HTTP matcher in a TCP rule',
      (c: Config) => (c.tcp.routers['db']!['rule'] = 'Host(`db.lab`)'),
      'TCP router db: rule unknown matcher Host',
    ],
    [
      'a HostSNI rule that does not parse',
      (c: Config) => (c.tcp.routers['db']!['rule'] = 'HostSNI(`db.lab`'),
      'TCP router db: rule expected ")"',
    ],
    [
      'a HostSNI without TLS',
      (c: Config) => delete c.tcp.routers['db']!['tls'],
      'TCP router db: a HostSNI rule other than HostSNI(`*`) needs tls',
    ],
    [
      'a TCP address without a port',
      (c: Config) => (c.tcp.services.db.loadBalancer.servers[0]!.address = '10.0.0.1'),
      'TCP service db: server address 10.0.0.1 is not host:port',
    ],
    [
      'a transport that is not defined',
      (c: Config) => delete c.http.serversTransports['skip'],
      'service web: serversTransport skip is not defined in this file',
    ],
    [
      'a transport that sets nothing',
      (c: Config) => delete c.http.serversTransports['skip']!['insecureSkipVerify'],
      'serversTransport skip: sets neither rootCAs nor insecureSkipVerify',
    ],
    [
      'insecureSkipVerify that is not a boolean',
      (c: Config) => (c.http.serversTransports['skip']!['insecureSkipVerify'] = 'yes'),
      'serversTransport skip: insecureSkipVerify must be true or false',
    ],
    [
      'a TCP router name with @',
      (c: Config) => (c.tcp.routers['x@file'] = c.tcp.routers['db']!),
      'TCP router name x@file must not contain "@"',
    ],
  ])('%s', (_n, mutate, problem) => {
    const c = base();
    mutate(c);
    expect(semanticProblems(c).join('\n')).toContain(problem);
  });

  it('HostSNI(`*`) needs no TLS', () => {
    const c = base();
    c.tcp.routers['db'] = { rule: 'HostSNI(`*`)', service: 'db' };
    expect(semanticProblems(c)).toEqual([]);
  });

  it('the schema rejects a TCP service with a url instead of an address', () => {
    const c = base() as unknown as { tcp: { services: { db: { loadBalancer: { servers: unknown[] } } } } };
    c.tcp.services.db.loadBalancer.servers = [{ url: 'tcp://10.0.0.1:5432' }];
    expect(schemaProblems(c)).toContain(
      "/tcp/services/db/loadBalancer/servers/0: must have required property 'address'",
    );
  });
});
