/**
 * Pure: routes → Traefik v3 dynamic configuration (file provider), and back.
 *
 * Each router and service is preceded by a `# origin: <deployment id>` comment. Reading a
 * live file back gives every entry with its origin, so the routes of a deployment that
 * failed in this run can keep exactly their previous state (SPEC §4 stage 7).
 */
import { Document, isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { INTERNAL_CA_TRANSPORT } from '../../desired/routes.js';
import type { Router, Routes, RouteService } from '../../desired/types.js';

/** A router as written to the file. */
export interface FileRouter {
  rule: string;
  entryPoints?: string[];
  middlewares?: string[];
  service: string;
  priority?: number;
  tls?: { certResolver?: string };
}

/** A service as written to the file. */
export interface FileService {
  loadBalancer: { servers: { url: string }[]; serversTransport?: string };
}

/** The part of Traefik's dynamic configuration Phoenix writes. */
export interface TraefikConfig {
  http: {
    routers?: Record<string, FileRouter>;
    services?: Record<string, FileService>;
    serversTransports?: Record<string, { rootCAs: string[] }>;
  };
}

/** An entry with the deployment (or `guest:<id>`) it came from. */
export interface WithOrigin<T> {
  value: T;
  origin: string | undefined;
}

/** What a file holds, entry by entry, with origins. */
export interface RouteEntries {
  routers: Map<string, WithOrigin<FileRouter>>;
  services: Map<string, WithOrigin<FileService>>;
  transports: Map<string, { rootCAs: string[] }>;
}

/** What the render needs from settings.traefik (paths already resolved). */
export interface TraefikRenderOptions {
  /** Entry points of routers that name none. */
  entrypoints: string[];
  /** The internal CA file, for `phoenix-internal-ca`. */
  caFile?: string;
}

/** A router in file form: entry points default from the settings. */
export function fileRouter(r: Router, opts: TraefikRenderOptions): FileRouter {
  const entryPoints = r.entryPoints ?? opts.entrypoints;
  return {
    rule: r.rule,
    ...(entryPoints.length > 0 ? { entryPoints: [...entryPoints] } : {}),
    ...(r.middlewares?.length ? { middlewares: [...r.middlewares] } : {}),
    service: r.service,
    ...(r.priority !== undefined ? { priority: r.priority } : {}),
    ...(r.tls ? { tls: r.tls.certResolver ? { certResolver: r.tls.certResolver } : {} } : {}),
  };
}

/** A service in file form. */
export function fileService(s: RouteService): FileService {
  return {
    loadBalancer: {
      servers: s.urls.map((url) => ({ url })),
      ...(s.serversTransport ? { serversTransport: s.serversTransport } : {}),
    },
  };
}

/**
 * The entries to write: the desired routes, except those whose origin failed in this run,
 * which keep what the live file has for that origin (or nothing, if it had none).
 */
export function mergeEntries(
  routes: Routes,
  opts: TraefikRenderOptions,
  live: RouteEntries,
  failed: ReadonlySet<string>,
): RouteEntries {
  const out: RouteEntries = { routers: new Map(), services: new Map(), transports: new Map() };
  for (const r of routes.routers) {
    if (!failed.has(r.origin)) out.routers.set(r.name, { value: fileRouter(r, opts), origin: r.origin });
  }
  for (const s of routes.services) {
    if (!failed.has(s.origin)) out.services.set(s.name, { value: fileService(s), origin: s.origin });
  }
  for (const [name, e] of live.routers) {
    if (e.origin && failed.has(e.origin) && !out.routers.has(name)) out.routers.set(name, e);
  }
  for (const [name, e] of live.services) {
    if (e.origin && failed.has(e.origin) && !out.services.has(name)) out.services.set(name, e);
  }
  // Transports: ours from the settings; any other one a kept entry still uses, from live.
  const used = new Set(
    [...out.services.values()].map((s) => s.value.loadBalancer.serversTransport).filter(Boolean),
  );
  if (opts.caFile && used.has(INTERNAL_CA_TRANSPORT))
    out.transports.set(INTERNAL_CA_TRANSPORT, { rootCAs: [opts.caFile] });
  for (const name of used) {
    const t = name ? live.transports.get(name) : undefined;
    if (name && t && !out.transports.has(name)) out.transports.set(name, t);
  }
  return out;
}

/** The configuration object of some entries (sorted by name for stable output). */
export function toConfig(entries: RouteEntries): TraefikConfig {
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const http: TraefikConfig['http'] = {};
  if (entries.routers.size)
    http.routers = Object.fromEntries(sorted(entries.routers).map(([k, e]) => [k, e.value]));
  if (entries.services.size)
    http.services = Object.fromEntries(sorted(entries.services).map(([k, e]) => [k, e.value]));
  if (entries.transports.size) http.serversTransports = Object.fromEntries(sorted(entries.transports));
  return { http };
}

/** The YAML body (no header) with an origin comment before each router and service. */
export function renderYaml(entries: RouteEntries): string {
  const doc = new Document(toConfig(entries));
  for (const [section, map] of [
    ['routers', entries.routers],
    ['services', entries.services],
  ] as const) {
    const node = doc.getIn(['http', section], true);
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const origin = isScalar(pair.key) ? map.get(String(pair.key.value))?.origin : undefined;
      if (origin && isScalar(pair.key)) pair.key.commentBefore = ` origin: ${origin}`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

const ORIGIN = /^\s*origin: (\S+)\s*$/m;

/**
 * Read a live file back into entries with origins. yaml attaches the comment before the
 * first entry of a map to the map itself, so that one is looked up there.
 * Throws when the YAML does not parse (the provider reports it; the file is left alone).
 */
export function parseLive(content: string): RouteEntries {
  const doc = parseDocument(content);
  if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message ?? 'invalid YAML');
  const out: RouteEntries = { routers: new Map(), services: new Map(), transports: new Map() };
  const read = <T>(section: string, into: Map<string, WithOrigin<T>>) => {
    const node = doc.getIn(['http', section], true);
    if (!isMap(node)) return;
    (node as YAMLMap).items.forEach((pair, i) => {
      if (!isScalar(pair.key)) return;
      const comment = pair.key.commentBefore ?? (i === 0 ? node.commentBefore : undefined);
      const origin = comment ? ORIGIN.exec(comment)?.[1] : undefined;
      const value = (
        pair.value && typeof pair.value === 'object' && 'toJSON' in pair.value
          ? (pair.value as { toJSON(): unknown }).toJSON()
          : pair.value
      ) as T;
      into.set(String(pair.key.value), { value, origin });
    });
  };
  read('routers', out.routers);
  read('services', out.services);
  const transports = doc.toJS() as {
    http?: { serversTransports?: Record<string, { rootCAs: string[] }> };
  } | null;
  for (const [k, v] of Object.entries(transports?.http?.serversTransports ?? {})) out.transports.set(k, v);
  return out;
}

/** No entries at all (a missing live file). */
export function emptyEntries(): RouteEntries {
  return { routers: new Map(), services: new Map(), transports: new Map() };
}
