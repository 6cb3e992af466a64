/** Hand-made routes for Traefik tests: one stack in two environments, a guest, an HTTPS backend. */
import type { Router, Routes, RouteService } from '../../src/desired/types.js';
import { here } from '../files/fixture.js';

/** A router of a deployment (or guest) as the derivation makes it. */
export function router(name: string, host: string, origin: string, extra: Partial<Router> = {}): Router {
  return { name, rule: `Host(\`${host}\`)`, hosts: [host], service: name, origin, source: here, ...extra };
}

/** A service with one backend URL. */
export function service(
  name: string,
  url: string,
  origin: string,
  extra: Partial<RouteService> = {},
): RouteService {
  return { name, urls: [url], origin, source: here, ...extra };
}

/** whoami in production on VM 1002 and in staging on VM 1003, Portainer over HTTPS, a guest. */
export function sampleRoutes(): Routes {
  return {
    routers: [
      router('whoami-production-whoami', 'whoami.lab.test', '1002/whoami-production', {
        tls: { certResolver: 'internal' },
      }),
      router('whoami-staging-whoami', 'whoami-staging.lab.test', '1003/whoami-staging', {
        entryPoints: ['web'],
        middlewares: ['lan-only@file'],
        priority: 10,
      }),
      router('portainer-production-portainer', 'portainer.lab.test', '1001/portainer-production', {
        tls: {},
      }),
      router('guest-proxy', 'proxy.lab.test', 'guest:102', { entryPoints: ['websecure'] }),
    ],
    services: [
      service('whoami-production-whoami', 'http://10.0.0.102:8081', '1002/whoami-production'),
      service('whoami-staging-whoami', 'http://10.0.0.103:8082', '1003/whoami-staging'),
      service('portainer-production-portainer', 'https://10.0.0.101:9443', '1001/portainer-production', {
        serversTransport: 'phoenix-internal-ca',
      }),
      service('guest-proxy', 'http://10.0.0.12:8080', 'guest:102'),
    ],
  };
}

/**
 * The sample, plus what real manifests of the original carry beyond HTTP: a TCP router with
 * TLS passthrough and its service, a catch-all TCP router, and an HTTPS backend through a
 * serversTransport its labels define.
 */
export function upstreamRoutes(): Routes {
  const base = sampleRoutes();
  const origin = '1002/db-production';
  return {
    routers: [
      ...base.routers,
      router('db-production-pg', 'pg.lab.test', origin, {
        rule: 'HostSNI(`pg.lab.test`)',
        protocol: 'tcp',
        tls: { passthrough: true },
      }),
      router('db-production-raw', '*', origin, {
        rule: 'HostSNI(`*`)',
        hosts: [],
        service: 'db-production-pg',
        protocol: 'tcp',
        entryPoints: ['postgres'],
      }),
      router('db-production-ui', 'db-ui.lab.test', origin),
    ],
    services: [
      ...base.services,
      service('db-production-pg', '10.0.0.102:5432', origin, { protocol: 'tcp' }),
      service('db-production-ui', 'https://10.0.0.102:8443', origin, {
        serversTransport: 'db-production-skipverify',
      }),
    ],
    transports: [{ name: 'db-production-skipverify', insecureSkipVerify: true, origin, source: here }],
  };
}
