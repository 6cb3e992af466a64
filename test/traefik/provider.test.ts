/** The Traefik provider on real files: write, no-op, failed deployments, refusal of bad configs. */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Routes } from '../../src/desired/types.js';
import { ApplyError } from '../../src/errors.js';
import type { ApplyResult } from '../../src/providers/provider.js';
import { createTraefikProvider } from '../../src/providers/traefik/provider.js';
import { context, desired, settings } from '../files/fixture.js';
import { router, sampleRoutes, service } from './fixture.js';
import { applyPolicy } from '../../src/plan/policy.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phoenix-traefik-'));
  await mkdir(join(dir, 'dynamic'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const status = (r: ApplyResult) => (r.error ? `${r.status}: ${r.error.message}` : r.status);

async function sync(routes: Routes, extra: { failed?: string[]; reload?: string[] } = {}) {
  const d = desired({
    root: dir,
    routes,
    settings: settings({
      traefik: {
        path: 'dynamic/phoenix.yml',
        ca_file: '/etc/ca.pem',
        ...(extra.reload ? { reload_command: extra.reload } : {}),
      },
    }),
  });
  const ctx = context(d, { failedDeployments: extra.failed ?? [] });
  const provider = createTraefikProvider();
  const live = await provider.observe(ctx);
  const changes = applyPolicy(provider.plan(ctx, live), ctx.options);
  const results = await provider.apply(ctx, changes, live);
  return { changes, results };
}

const file = () => join(dir, 'dynamic', 'phoenix.yml');
const backends = async () => {
  const http = (
    parse(await readFile(file(), 'utf8')) as {
      http: { services?: Record<string, { loadBalancer: { servers: { url: string }[] } }> };
    }
  ).http;
  return Object.fromEntries(
    Object.entries(http.services ?? {}).map(([k, v]) => [k, v.loadBalancer.servers[0]?.url]),
  );
};

describe('Traefik provider', () => {
  it('writes the file once; a second sync writes nothing', async () => {
    const first = await sync(sampleRoutes(), { reload: ['true'] });
    expect(first.results.map(status)).toEqual(['ok']);
    expect(first.changes[0]?.reason).toBeUndefined(); // a create
    const mtime = (await stat(file())).mtimeMs;
    const second = await sync(sampleRoutes());
    expect(second.changes.map((c) => c.action)).toEqual(['noop']);
    expect(second.results).toEqual([]);
    expect((await stat(file())).mtimeMs).toBe(mtime);
  });

  it('explains an update by router and service', async () => {
    await sync(sampleRoutes());
    const routes = sampleRoutes();
    routes.services[1]!.urls = ['http://10.0.0.103:9999'];
    const r = await sync(routes);
    expect(r.changes[0]?.reason).toBe('services: ~whoami-staging-whoami');
    expect(r.changes[0]?.diff).toContain('+          - url: http://10.0.0.103:9999');
  });

  it('routes of a deployment that failed in this run keep their previous state', async () => {
    await sync(sampleRoutes());
    const routes = sampleRoutes();
    routes.services[0]!.urls = ['http://10.0.0.102:9191']; // whoami-production moved to a new port…
    routes.services[1]!.urls = ['http://10.0.0.103:9292']; // …and so did staging
    routes.routers.push(router('fresh-production-web', 'fresh.lab.test', '1004/fresh-production'));
    routes.services.push(service('fresh-production-web', 'http://10.0.0.104:80', '1004/fresh-production'));

    // whoami-production's deploy failed, fresh never deployed: neither may point at nothing.
    const r = await sync(routes, { failed: ['1002/whoami-production', '1004/fresh-production'] });
    expect(r.results.map(status)).toEqual(['ok']);
    expect(await backends()).toEqual({
      'guest-proxy': 'http://10.0.0.12:8080',
      'portainer-production-portainer': 'https://10.0.0.101:9443',
      'whoami-production-whoami': 'http://10.0.0.102:8081', // previous state
      'whoami-staging-whoami': 'http://10.0.0.103:9292', // deployed: new state
    });
    // Once it deploys, its new routes go live.
    await sync(routes);
    expect((await backends())['whoami-production-whoami']).toBe('http://10.0.0.102:9191');
    expect((await backends())['fresh-production-web']).toBe('http://10.0.0.104:80');
  });

  it('a configuration that fails validation is never written (exit 4)', async () => {
    await sync(sampleRoutes());
    const before = await readFile(file(), 'utf8');
    const routes = sampleRoutes();
    routes.routers[0]!.rule = 'Host(`whoami.lab.test`) || (Host(`x.lab.test`)';
    routes.routers[1]!.service = 'missing';
    const r = await sync(routes);
    const err = r.results[0]?.error as ApplyError;
    expect(err).toBeInstanceOf(ApplyError);
    expect(err.exitCode).toBe(4);
    expect(err.message).toContain('router whoami-production-whoami: rule unbalanced parentheses');
    expect(err.message).toContain(
      'router whoami-staging-whoami: service missing does not exist in this file',
    );
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect(await readdir(join(dir, 'dynamic'))).toEqual(['phoenix.yml']); // no temp file left behind
  });

  it('refuses to overwrite a Traefik file it did not write', async () => {
    await writeFile(file(), 'http: {}\n');
    const r = await sync(sampleRoutes());
    expect(r.results[0]?.error?.message).toMatch(/refusing to overwrite/);
    expect(await readFile(file(), 'utf8')).toBe('http: {}\n');
  });
});
