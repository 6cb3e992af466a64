/**
 * Shared steps of the end-to-end tests: run `phoenix` in-process against a started homelab
 * (test/rig/homelab.ts), read its JSON report, and look at what the targets hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JsonReport } from '../../src/output/json-report.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import type { Homelab } from '../rig/homelab.js';

/** Run `phoenix <argv> --root <homelab root>` with the homelab's environment. */
export function phoenix(h: Homelab, argv: string[], opts: { isTTY?: boolean } = {}): Promise<CliResult> {
  return runCli([...argv, '--root', h.root], { env: h.env, ...opts });
}

/** A CLI run with `--json`, its report parsed. */
export interface JsonRun extends CliResult {
  report: JsonReport;
}

/** Run `phoenix <argv> --json` and parse the report (fails with the output when it does not parse). */
export async function phoenixJson(h: Homelab, argv: string[]): Promise<JsonRun> {
  const r = await phoenix(h, [...argv, '--json']);
  let report: JsonReport;
  try {
    report = JSON.parse(r.out) as JsonReport;
  } catch {
    throw new Error(`--json output does not parse (exit ${r.code}):\n${r.out}\n${r.err}`);
  }
  return { ...r, report };
}

/** A one-line account of a run, for assertion messages. */
export function explain(r: CliResult | JsonRun): string {
  if ('report' in r) {
    const rep = r.report;
    return `exit ${r.code}; error: ${rep.error?.message ?? '-'}; stages: ${rep.stages.map((s) => `${s.stage}=${s.status}${s.reason ? ` (${s.reason})` : ''}`).join(', ')}`;
  }
  return `exit ${r.code}\n--- stdout\n${r.out}\n--- stderr\n${r.err}`;
}

/** Changes that would do something (not noop, not held back). */
export function pending(report: JsonReport): JsonReport['changes'] {
  return report.changes.filter((c) => c.action !== 'noop' && !c.blocked);
}

/** The Traefik file, parsed. */
export interface TraefikFile {
  http: {
    routers: Record<string, { rule: string; service: string }>;
    services: Record<string, { loadBalancer: { servers: { url: string }[] } }>;
  };
}

/** Read and parse the Traefik file Phoenix writes. */
export function traefikFile(h: Homelab): TraefikFile {
  return parse(readFileSync(h.paths.traefik, 'utf8')) as TraefikFile;
}

/** The backend URLs of every Traefik service, by service name. */
export function routeUrls(h: Homelab): Record<string, string[]> {
  const t = traefikFile(h);
  return Object.fromEntries(
    Object.entries(t.http.services).map(([k, v]) => [k, v.loadBalancer.servers.map((s) => s.url)]),
  );
}

/** The content of one PVE firewall file (`cluster.fw`, `1002.fw`). */
export function fwFile(h: Homelab, name: string): string {
  return readFileSync(join(h.paths.pveDir, name), 'utf8');
}

/** The names of the stacks the double holds, per environment name. */
export function doubleStacks(h: Homelab): Record<string, string[]> {
  const m = h.double.model;
  const out: Record<string, string[]> = {};
  for (const s of m.stacks) {
    const env = m.endpoints.find((e) => e.Id === s.EndpointId)?.Name ?? `#${s.EndpointId}`;
    (out[env] ??= []).push(s.Name);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** Files the snapshot has that differ (mtime) between two snapshots. */
export function changedFiles(before: Map<string, number>, after: Map<string, number>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** The files under the targets dir that Phoenix wrote (the rig's own files excluded). */
export function targetFiles(h: Homelab): string[] {
  return [...h.snapshot().keys()].filter((f) => !/\/dns\/(rig\.(conf|sock)|dnsmasq\.pid)$/.test(f));
}
