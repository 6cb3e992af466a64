/**
 * Readiness checks: http, tcp and dns probes with a timeout and retries
 * with backoff, run concurrently. Defaults come from the config; more are declared in
 * `sync.checks`. A failed required check stops `sync all` before any change (exit 3).
 * A sync of some targets runs only the derived checks those targets need (`sync dns` does
 * not need Portainer); declared checks say nothing about targets, so they always run.
 */
import { Resolver } from 'node:dns/promises';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import type { CheckSetting } from '../config/settings.js';
import type { DesiredState } from '../desired/types.js';
import type { CheckResult, Reporter } from '../output/events.js';
import { STAGES, stagesNeeding, type ReadinessCheck, type Stage } from '../plan/stages.js';

export interface CheckSpec {
  name: string;
  kind: 'http' | 'tcp' | 'dns';
  required: boolean;
  timeoutMs: number;
  retries: number;
  url?: string;
  expectStatus?: number;
  jsonField?: string;
  jsonValue?: string;
  host?: string;
  port?: number;
  /** dns: `ip` or `ip:port`. */
  server?: string;
  caFile?: string;
}

const fromSetting = (c: CheckSetting, caFile?: string): CheckSpec => ({
  name: c.name,
  kind: c.kind,
  required: c.required,
  timeoutMs: c.timeout_seconds * 1000,
  retries: c.retries,
  ...(c.url ? { url: c.url } : {}),
  ...(c.expect_status ? { expectStatus: c.expect_status } : {}),
  ...(c.json_field ? { jsonField: c.json_field } : {}),
  ...(c.json_value ? { jsonValue: c.json_value } : {}),
  ...(c.host ? { host: c.host } : {}),
  ...(c.port ? { port: c.port } : {}),
  ...(c.server ? { server: c.server } : {}),
  ...(caFile ? { caFile } : {}),
});

/** The stages each derived check serves: read from the stage table (plan/stages.ts says why). */
export const CHECK_STAGES: Record<ReadinessCheck, readonly Stage[]> = {
  portainer: stagesNeeding('portainer'),
  dns: stagesNeeding('dns'),
  traefik: stagesNeeding('traefik'),
  'step-ca': stagesNeeding('step-ca'),
};

/**
 * The checks for this estate: defaults derived from the config (only those the `stages` of
 * this run need), then the declared ones.
 */
export function checksFor(
  d: DesiredState,
  portainerUrl: string | undefined,
  dnsServer: string | undefined,
  stages: readonly Stage[] = STAGES,
): CheckSpec[] {
  const s = d.settings;
  const ca = s.portainer.ca_file ? resolve(d.root, s.portainer.ca_file) : undefined;
  const base = { required: true, timeoutMs: 5000, retries: 2 };
  const checks: CheckSpec[] = [];
  const needed = (check: keyof typeof CHECK_STAGES) => CHECK_STAGES[check].some((x) => stages.includes(x));
  const usesPortainer = d.deployments.some((x) => x.backend === 'portainer') || d.environments.length > 0;
  if (usesPortainer && portainerUrl && needed('portainer')) {
    checks.push({
      ...base,
      name: 'portainer',
      kind: 'http',
      url: new URL('api/system/status', portainerUrl.replace(/\/?$/, '/')).href,
      expectStatus: 200,
      jsonField: 'Version',
      ...(ca ? { caFile: ca } : {}),
    });
  }
  if (s.dns.enabled && dnsServer && needed('dns'))
    checks.push({
      ...base,
      name: 'dns',
      kind: 'dns',
      server: dnsServer,
      host: `phoenix-readiness.${d.domain}`,
    });
  if (s.traefik.enabled && s.traefik.ping_url && needed('traefik'))
    checks.push({ ...base, name: 'traefik', kind: 'http', url: s.traefik.ping_url, expectStatus: 200 });
  if (s.step_ca_url && needed('step-ca')) {
    checks.push({
      ...base,
      name: 'step-ca',
      kind: 'http',
      url: new URL('health', s.step_ca_url.replace(/\/?$/, '/')).href,
      expectStatus: 200,
      jsonField: 'status',
      jsonValue: 'ok',
      ...(ca ? { caFile: ca } : {}),
    });
  }
  return [...checks, ...s.checks.map((c) => fromSetting(c, ca))];
}

/** Run every check concurrently, reporting each as it ends. */
export async function runChecks(
  checks: CheckSpec[],
  reporter: Reporter,
  signal?: AbortSignal,
): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (c) => {
      reporter.emit({ type: 'check-start', name: c.name });
      const started = Date.now();
      let detail = '';
      let attempts = 0;
      let ok = false;
      for (; attempts <= c.retries && !ok && !signal?.aborted;) {
        if (attempts > 0) await sleep(Math.min(2000, 150 * 2 ** attempts) * (0.5 + Math.random() / 2));
        attempts++;
        try {
          detail = await probe(c);
          ok = true;
        } catch (err) {
          detail = (err as Error).message;
        }
      }
      const result = {
        name: c.name,
        ok,
        required: c.required,
        detail,
        attempts,
        durationMs: Date.now() - started,
      };
      reporter.emit({ type: 'check-end', ...result });
      return result;
    }),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(c: CheckSpec): Promise<string> {
  switch (c.kind) {
    case 'http':
      // Loaded lazily: plans that run no check skip the HTTP client.
      return (await import('./http-probe.js')).probeHttp(c);
    case 'tcp':
      return probeTcp(c.host ?? '', c.port ?? 0, c.timeoutMs);
    case 'dns':
      return probeDns(c);
  }
}

function probeTcp(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(`${host}:${port} accepts connections`);
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`${host}:${port}: no answer within ${timeoutMs} ms`));
    });
    socket.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(`${host}:${port}: ${err.code ?? err.message}`)),
    );
  });
}

async function probeDns(c: CheckSpec): Promise<string> {
  const resolver = new Resolver({ timeout: c.timeoutMs, tries: 1 });
  resolver.setServers([c.server ?? '127.0.0.1']);
  const name = c.host ?? 'localhost';
  try {
    const a = await resolver.resolve4(name);
    return `${c.server} answered ${name} → ${a.join(', ')}`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // NXDOMAIN, no data, REFUSED or SERVFAIL are still answers: the server is up.
    if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EREFUSED' || code === 'ESERVFAIL')
      return `${c.server} answered (${name}: ${code})`;
    throw new Error(`${c.server} did not answer a query for ${name}: ${code ?? String(err)}`, { cause: err });
  }
}
