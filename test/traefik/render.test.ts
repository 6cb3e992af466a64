import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkTraefikFile, renderTraefikFile } from '../../src/providers/traefik/provider.js';
import { emptyEntries, mergeEntries, parseLive, renderYaml } from '../../src/providers/traefik/render.js';
import { SCHEMA_URL, schemaProblems, semanticProblems } from '../../src/providers/traefik/validate.js';
import { desired, exampleDesired, settings } from '../files/fixture.js';
import { router, sampleRoutes, service } from './fixture.js';

const traefik = { traefik: { ca_file: 'certs/root_ca.crt', path: '/etc/traefik/dynamic/phoenix.yml' } };
const sample = () => desired({ root: '/srv/phoenix', routes: sampleRoutes(), settings: settings(traefik) });

describe('Traefik file rendering', () => {
  it('loads the vendored schema relative to the module (works from src/ and dist/)', () => {
    expect(existsSync(fileURLToPath(SCHEMA_URL))).toBe(true);
  });

  it('the generated file validates against the Traefik v3 schema and our checks', () => {
    const content = renderTraefikFile(sample(), emptyEntries(), new Set());
    expect(schemaProblems(parse(content))).toEqual([]);
    expect(checkTraefikFile(content)).toEqual([]);
  });

  it('matches the golden file (hand-made routes)', async () => {
    await expect(renderTraefikFile(sample(), emptyEntries(), new Set())).toMatchFileSnapshot(
      '../fixtures/golden/traefik/sample.yml',
    );
  });

  it('a stack in two environments points at the two VMs and their ports', () => {
    type Http = {
      routers: Record<string, { rule: string; service: string; entryPoints: string[] }>;
      services: Record<string, { loadBalancer: { servers: { url: string }[] } }>;
    };
    const http = (parse(renderTraefikFile(sample(), emptyEntries(), new Set())) as { http: Http }).http;
    const backend = (r: string) =>
      http.services[http.routers[r]!.service]!.loadBalancer.servers.map((s) => s.url);
    expect(backend('whoami-production-whoami')).toEqual(['http://10.0.0.102:8081']);
    expect(backend('whoami-staging-whoami')).toEqual(['http://10.0.0.103:8082']);
    expect(http.routers['whoami-production-whoami']?.entryPoints).toEqual(['websecure']); // settings default
    expect(http.routers['whoami-staging-whoami']?.entryPoints).toEqual(['web']); // its own
  });

  it('defines the internal CA transport, resolved against the root, only when ca_file is set', () => {
    const withCa = parse(renderTraefikFile(sample(), emptyEntries(), new Set())) as {
      http: Record<string, unknown>;
    };
    expect(withCa.http.serversTransports).toEqual({
      'phoenix-internal-ca': { rootCAs: ['/srv/phoenix/certs/root_ca.crt'] },
    });
    const noCa = renderTraefikFile(desired({ routes: sampleRoutes() }), emptyEntries(), new Set());
    expect(checkTraefikFile(noCa)).toEqual([
      'service portainer-production-portainer: serversTransport phoenix-internal-ca is not defined (set sync.traefik.ca_file for phoenix-internal-ca)',
    ]);
  });

  it('reads its own file back with every origin', () => {
    const live = parseLive(renderTraefikFile(sample(), emptyEntries(), new Set()));
    expect(Object.fromEntries([...live.routers].map(([k, v]) => [k, v.origin]))).toEqual({
      'guest-proxy': 'guest:102',
      'portainer-production-portainer': '1001/portainer-production',
      'whoami-production-whoami': '1002/whoami-production',
      'whoami-staging-whoami': '1003/whoami-staging',
    });
    expect(live.services.get('whoami-staging-whoami')).toEqual({
      value: { loadBalancer: { servers: [{ url: 'http://10.0.0.103:8082' }] } },
      origin: '1003/whoami-staging',
    });
    // Rendering what was read gives the same body: the round trip is stable.
    const body = renderYaml(live);
    expect(renderYaml(parseLive(body))).toBe(body);
  });

  it('an empty route set is a valid, empty file', () => {
    const content = renderTraefikFile(desired(), emptyEntries(), new Set());
    expect(content.split('\n').slice(1).join('\n')).toBe('http: {}\n');
    expect(checkTraefikFile(content)).toEqual([]);
  });
});

describe('routes of failed deployments keep their previous state', () => {
  const opts = { entrypoints: ['websecure'] };
  const before = {
    routers: [router('app-prod-web', 'app.lab.test', '1002/app-prod')],
    services: [service('app-prod-web', 'http://10.0.0.102:8000', '1002/app-prod')],
  };
  const live = parseLive(renderYaml(mergeEntries(before, opts, emptyEntries(), new Set())));
  const changed = {
    routers: [
      router('app-prod-web', 'app.lab.test', '1002/app-prod'),
      router('new-prod-web', 'new.lab.test', '1002/new-prod'),
    ],
    services: [
      service('app-prod-web', 'http://10.0.0.102:9000', '1002/app-prod'),
      service('new-prod-web', 'http://10.0.0.102:7000', '1002/new-prod'),
    ],
  };

  it('a failed deployment keeps its live routers and services, not the desired ones', () => {
    const out = mergeEntries(changed, opts, live, new Set(['1002/app-prod']));
    expect(out.services.get('app-prod-web')?.value.loadBalancer.servers).toEqual([
      { url: 'http://10.0.0.102:8000' },
    ]);
    expect(out.routers.has('new-prod-web')).toBe(true);
  });

  it('a failed deployment that had no routes live gets none', () => {
    const out = mergeEntries(changed, opts, live, new Set(['1002/new-prod']));
    expect([...out.routers.keys()]).toEqual(['app-prod-web']);
    expect(out.services.get('app-prod-web')?.value.loadBalancer.servers).toEqual([
      { url: 'http://10.0.0.102:9000' },
    ]);
  });

  it('a failed deployment whose routes left the config keeps them until it deploys', () => {
    const out = mergeEntries({ routers: [], services: [] }, opts, live, new Set(['1002/app-prod']));
    expect([...out.routers.keys()]).toEqual(['app-prod-web']);
  });
});

describe('semantic checks the schema cannot make', () => {
  const base = () => ({
    http: {
      routers: { web: { rule: 'Host(`a.lab`)', service: 'web' } },
      services: { web: { loadBalancer: { servers: [{ url: 'http://10.0.0.1:80' }] } } },
    },
  });
  it.each([
    [
      'a router whose service does not exist',
      (c: ReturnType<typeof base>) => (c.http.routers.web.service = 'nope'),
      'router web: service nope does not exist in this file',
    ],
    [
      'a rule that does not parse',
      (c: ReturnType<typeof base>) => (c.http.routers.web.rule = 'Host(`a.lab`'),
      'router web: rule expected ")"',
    ],
    [
      'a name with @',
      (c: ReturnType<typeof base>) => Object.assign(c.http.routers, { 'x@file': c.http.routers.web }),
      'router name x@file must not contain "@"',
    ],
    [
      'a backend that is not a URL',
      (c: ReturnType<typeof base>) => (c.http.services.web.loadBalancer.servers[0]!.url = '10.0.0.1:80'),
      'service web: server url 10.0.0.1:80 is not an http(s) URL',
    ],
  ])('%s', (_n, mutate, problem) => {
    const c = base();
    mutate(c);
    expect(semanticProblems(c).join('\n')).toContain(problem);
  });

  it('a service of another provider (name@provider) is a valid reference', () => {
    const c = base();
    c.http.routers.web.service = 'api@internal';
    expect(semanticProblems(c)).toEqual([]);
  });

  it('the schema rejects what Traefik would', () => {
    expect(
      schemaProblems({
        http: { routers: { web: { rule: 'Host(`a`)', service: 'web', priority: -1, bogus: 1 } } },
      }),
    ).toEqual([
      '/http/routers/web: must NOT have additional properties',
      '/http/routers/web/priority: must be >= 0',
    ]);
    expect(schemaProblems({ http: { routers: { web: { rule: 'Host(`a`)' } } } })).toEqual([
      "/http/routers/web: must have required property 'service'",
    ]);
  });
});

describe('the example estate', () => {
  it('renders a valid file that matches the golden one', async () => {
    const content = renderTraefikFile(exampleDesired(), emptyEntries(), new Set());
    expect(checkTraefikFile(content)).toEqual([]);
    await expect(content).toMatchFileSnapshot('../fixtures/golden/traefik/homelab.yml');
    const http = (
      parse(content) as {
        http: { services: Record<string, { loadBalancer: { servers: { url: string }[] } }> };
      }
    ).http;
    // whoami runs in production on one VM and in staging on another, on different ports.
    expect(http.services['whoami-production-whoami']?.loadBalancer.servers[0]?.url).toMatch(
      /^http:\/\/10\.0\.0\.102:\d+$/,
    );
    expect(http.services['whoami-staging-whoami']?.loadBalancer.servers[0]?.url).toMatch(
      /^http:\/\/10\.0\.0\.103:\d+$/,
    );
  });
});
