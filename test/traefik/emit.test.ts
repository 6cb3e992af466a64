/**
 * The Traefik file written line by line (emit.ts) must be the yaml library's text byte for
 * byte, or give up: on the sample routes, on random entries with every kind of name, rule
 * and value the file can hold, and on values kept from a live file (anything at all).
 */
import { describe, expect, it } from 'vitest';
import { writeYaml } from '../../src/providers/traefik/emit.js';
import {
  emptyEntries,
  mergeEntries,
  parseLive,
  renderWithLibrary,
  renderYaml,
  toConfig,
  type RouteEntries,
} from '../../src/providers/traefik/render.js';
import { sampleRoutes } from './fixture.js';

/** writeYaml's text for some entries, with their origins, as renderYaml calls it. */
function written(entries: RouteEntries): string | undefined {
  const sections: Record<string, Map<string, { origin: string | undefined }>> = {
    'http.routers': entries.routers,
    'http.services': entries.services,
    'tcp.routers': entries.tcpRouters,
    'tcp.services': entries.tcpServices,
  };
  return writeYaml(toConfig(entries), (path, name) => sections[path]?.get(name)?.origin);
}

const library = (entries: RouteEntries) => renderWithLibrary(toConfig(entries), entries);

const NAMES = [
  'web',
  'app0-vm1000-web',
  'a.b',
  '123',
  'true',
  'null',
  'x: y',
  '#c',
  'ü',
  'a b',
  '-',
  '"q"',
  "it's",
];
const STRINGS = [
  'Host(`a.lab`)',
  'Host(`a.lab`) || PathPrefix(`/api`)',
  'HostSNI(`*`)',
  'http://10.0.0.1:8080',
  '10.0.0.1:5432',
  'a: b',
  '8080',
  'yes',
  '',
  'back\\slash',
  'say "hi"',
  'line\nbreak',
  '---x',
  '%x',
  '@x',
  ' lead',
];
/** Values a live file may hold in a kept entry. */
const ODD: unknown[] = [
  null,
  1.5,
  -0,
  [],
  {},
  [[1]],
  [{}],
  [null],
  { a: null },
  { n: { m: [1, 'x'] } },
  12,
  false,
  'x',
];

describe('writing the Traefik file directly', () => {
  it('is the library’s text for the sample routes, and is what renderYaml writes', () => {
    const entries = mergeEntries(
      sampleRoutes(),
      { entrypoints: ['websecure'], caFile: '/ca.crt' },
      emptyEntries(),
      new Set(),
    );
    expect(written(entries)).toBeDefined();
    expect(written(entries)).toBe(library(entries));
    expect(renderYaml(entries)).toBe(library(entries));
  });

  it('nothing at all: the library’s `http: {}`', () => {
    expect(written(emptyEntries())).toBe(library(emptyEntries()));
  });

  it('random entries: the library’s text, or undefined (never another text)', () => {
    // mulberry32: every bit of it random (a plain LCG's low bits repeat with a short period).
    let seed = 14;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return list[((t ^ (t >>> 14)) >>> 0) % list.length]!;
    };
    let direct = 0;
    for (let round = 0; round < 400; round++) {
      const e = emptyEntries();
      const n = pick([0, 1, 2, 5]);
      for (let i = 0; i < n; i++) {
        const name = `${pick(NAMES)}${pick(['', `-${i}`])}`;
        const origin = pick([undefined, `100${i}/app-${i}`, 'guest:102', 'with space', 'two\nlines']);
        const tls = pick([undefined, {}, { certResolver: pick(STRINGS) }, { passthrough: true }]);
        e.routers.set(name, {
          origin,
          value: {
            rule: pick(STRINGS),
            ...(pick([true, false]) ? { entryPoints: [pick(['web', 'websecure', pick(STRINGS)])] } : {}),
            ...(pick([true, false]) ? { middlewares: ['a@file', pick(STRINGS)] } : {}),
            service: name,
            ...(pick([true, false]) ? { priority: pick([1, 10, -3, 0, 2.5, 2 ** 60]) } : {}),
            ...(tls ? { tls } : {}),
          },
        });
        e.services.set(name, {
          origin,
          value: {
            loadBalancer: {
              servers: [{ url: pick(STRINGS) }, ...(pick([true, false]) ? [{ url: 'http://b' }] : [])],
              ...(pick([true, false])
                ? { serversTransport: pick(['phoenix-internal-ca', pick(STRINGS)]) }
                : {}),
            },
          },
        });
        if (pick([true, false])) {
          e.tcpRouters.set(`${name}-tcp`, {
            origin,
            value: { rule: 'HostSNI(`*`)', service: name, tls: { passthrough: true } },
          });
          e.tcpServices.set(`${name}-tcp`, {
            origin,
            value: { loadBalancer: { servers: [{ address: pick(STRINGS) }] } },
          });
        }
        if (pick([true, false, false]))
          e.transports.set(pick(NAMES), pick([{ insecureSkipVerify: true }, { rootCAs: ['/ca.crt'] }]));
        // A value kept from a live file: anything.
        if (pick([true, false, false]))
          e.services.set(`kept-${i}`, { origin: 'kept', value: pick(ODD) as never });
      }
      const text = written(e);
      if (text !== undefined) {
        direct++;
        expect(text, JSON.stringify(toConfig(e))).toBe(library(e));
      }
      expect(renderYaml(e)).toBe(library(e));
    }
    // Most of them are written directly, so the comparison above is not empty.
    expect(direct).toBeGreaterThan(100);
  });

  it('an object written twice (the library would write an anchor and an alias) is left to the library', () => {
    const e = emptyEntries();
    const shared = { rule: 'Host(`a`)', service: 'a' };
    e.routers.set('a', { origin: 'x', value: shared });
    e.routers.set('b', { origin: 'y', value: shared });
    expect(written(e)).toBeUndefined();
    expect(renderYaml(e)).toBe(library(e));
    expect(library(e)).toContain('*');
  });

  it('a name over 1,024 characters (the library writes it as an explicit key) is left to the library', () => {
    const e = emptyEntries();
    e.routers.set('x'.repeat(1030), { origin: 'x', value: { rule: 'Host(`a`)', service: 'a' } });
    expect(written(e)).toBeUndefined();
    expect(library(e)).toContain('? xxx');
    expect(renderYaml(e)).toBe(library(e));
  });

  it('a live file read back and written again is the library’s text', () => {
    const entries = mergeEntries(sampleRoutes(), { entrypoints: ['web'] }, emptyEntries(), new Set());
    const again = parseLive(library(entries));
    expect(written(again)).toBeDefined();
    expect(written(again)).toBe(library(again));
  });
});
