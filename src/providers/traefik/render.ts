/**
 * Pure: routes → Traefik v3 dynamic configuration (file provider), and back. HTTP routers
 * and services go to `http:`, TCP ones to `tcp:`; serversTransports (the internal CA's and
 * those labels define) to `http.serversTransports`.
 *
 * Each router and service is preceded by a `# origin: <deployment id>` comment. Reading a
 * live file back gives every entry with its origin, so the routes of a deployment that
 * failed in this run can keep exactly their previous state.
 */
import { Document, isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import { INTERNAL_CA_TRANSPORT } from '../../desired/routes.js';
import type { Router, Routes, RouteService } from '../../desired/types.js';
import { writeYaml } from './emit.js';

/** A router as written to the file (HTTP or TCP: `passthrough` is TCP only). */
export interface FileRouter {
  rule: string;
  entryPoints?: string[];
  middlewares?: string[];
  service: string;
  priority?: number;
  tls?: { certResolver?: string; passthrough?: boolean };
}

/** An HTTP service as written to the file. */
export interface FileService {
  loadBalancer: { servers: { url: string }[]; serversTransport?: string };
}

/** A TCP service as written to the file. */
export interface FileTcpService {
  loadBalancer: { servers: { address: string }[] };
}

/** An HTTP serversTransport: the internal CA as trusted root, or a label's insecureSkipVerify. */
export interface FileTransport {
  rootCAs?: string[];
  insecureSkipVerify?: boolean;
}

/** The part of Traefik's dynamic configuration Phoenix writes. */
export interface TraefikConfig {
  http: {
    routers?: Record<string, FileRouter>;
    services?: Record<string, FileService>;
    serversTransports?: Record<string, FileTransport>;
  };
  tcp?: {
    routers?: Record<string, FileRouter>;
    services?: Record<string, FileTcpService>;
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
  tcpRouters: Map<string, WithOrigin<FileRouter>>;
  tcpServices: Map<string, WithOrigin<FileTcpService>>;
  transports: Map<string, FileTransport>;
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
    ...(r.tls
      ? {
          tls: {
            ...(r.tls.certResolver ? { certResolver: r.tls.certResolver } : {}),
            ...(r.tls.passthrough ? { passthrough: true } : {}),
          },
        }
      : {}),
  };
}

/** An HTTP service in file form. */
export function fileService(s: RouteService): FileService {
  return {
    loadBalancer: {
      servers: s.urls.map((url) => ({ url })),
      ...(s.serversTransport ? { serversTransport: s.serversTransport } : {}),
    },
  };
}

/** A TCP service in file form (its `urls` are `ip:port` addresses). */
export function fileTcpService(s: RouteService): FileTcpService {
  return { loadBalancer: { servers: s.urls.map((address) => ({ address })) } };
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
  const out = emptyEntries();
  for (const r of routes.routers) {
    if (failed.has(r.origin)) continue;
    (r.protocol === 'tcp' ? out.tcpRouters : out.routers).set(r.name, {
      value: fileRouter(r, opts),
      origin: r.origin,
    });
  }
  for (const s of routes.services) {
    if (failed.has(s.origin)) continue;
    if (s.protocol === 'tcp') out.tcpServices.set(s.name, { value: fileTcpService(s), origin: s.origin });
    else out.services.set(s.name, { value: fileService(s), origin: s.origin });
  }
  const keep = <T>(from: Map<string, WithOrigin<T>>, into: Map<string, WithOrigin<T>>) => {
    for (const [name, e] of from) if (e.origin && failed.has(e.origin) && !into.has(name)) into.set(name, e);
  };
  keep(live.routers, out.routers);
  keep(live.services, out.services);
  keep(live.tcpRouters, out.tcpRouters);
  keep(live.tcpServices, out.tcpServices);
  // Transports: the internal CA's from the settings, the labels' own, and any other one a kept entry still uses, from live.
  const used = new Set(
    [...out.services.values()].map((s) => s.value.loadBalancer.serversTransport).filter(Boolean),
  );
  if (opts.caFile && used.has(INTERNAL_CA_TRANSPORT))
    out.transports.set(INTERNAL_CA_TRANSPORT, { rootCAs: [opts.caFile] });
  for (const t of routes.transports ?? [])
    if (!failed.has(t.origin) && !out.transports.has(t.name))
      out.transports.set(t.name, { insecureSkipVerify: t.insecureSkipVerify });
  for (const name of used) {
    const t = name ? live.transports.get(name) : undefined;
    if (name && t && !out.transports.has(name)) out.transports.set(name, t);
  }
  return out;
}

/** The configuration object of some entries (sorted by name for stable output). */
export function toConfig(entries: RouteEntries): TraefikConfig {
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const values = <T>(m: Map<string, WithOrigin<T>>) =>
    Object.fromEntries(sorted(m).map(([k, e]) => [k, e.value]));
  const http: TraefikConfig['http'] = {};
  if (entries.routers.size) http.routers = values(entries.routers);
  if (entries.services.size) http.services = values(entries.services);
  if (entries.transports.size) http.serversTransports = Object.fromEntries(sorted(entries.transports));
  if (!entries.tcpRouters.size && !entries.tcpServices.size) return { http };
  const tcp: NonNullable<TraefikConfig['tcp']> = {};
  if (entries.tcpRouters.size) tcp.routers = values(entries.tcpRouters);
  if (entries.tcpServices.size) tcp.services = values(entries.tcpServices);
  return { http, tcp };
}

/** The sections that carry origin comments, with the entries they come from. */
function sections(entries: RouteEntries): [string[], Map<string, WithOrigin<unknown>>][] {
  return [
    [['http', 'routers'], entries.routers],
    [['http', 'services'], entries.services],
    [['tcp', 'routers'], entries.tcpRouters],
    [['tcp', 'services'], entries.tcpServices],
  ];
}

/**
 * The YAML body (no header) with an origin comment before each router and service: written
 * directly (emit.ts), or, where that is not certain to give the library's bytes, by it.
 */
export function renderYaml(entries: RouteEntries): string {
  const config = toConfig(entries);
  const bySection = new Map(sections(entries).map(([path, map]) => [path.join('.'), map]));
  const written = writeYaml(config, (path, name) => bySection.get(path)?.get(name)?.origin);
  return written ?? renderWithLibrary(config, entries);
}

/** The YAML body as the yaml library writes it (what writeYaml must equal). */
export function renderWithLibrary(config: TraefikConfig, entries: RouteEntries): string {
  const doc = new Document(config);
  for (const [path, map] of sections(entries)) {
    const node = doc.getIn(path, true);
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
  const out = emptyEntries();
  for (const [path, into] of sections(out)) {
    const node = doc.getIn(path, true);
    if (!isMap(node)) continue;
    (node as YAMLMap).items.forEach((pair, i) => {
      if (!isScalar(pair.key)) return;
      const comment = pair.key.commentBefore ?? (i === 0 ? node.commentBefore : undefined);
      const origin = comment ? ORIGIN.exec(comment)?.[1] : undefined;
      const value =
        pair.value && typeof pair.value === 'object' && 'toJSON' in pair.value
          ? (pair.value as { toJSON(): unknown }).toJSON()
          : pair.value;
      into.set(String(pair.key.value), { value, origin });
    });
  }
  const transports = doc.toJS() as { http?: { serversTransports?: Record<string, FileTransport> } } | null;
  for (const [k, v] of Object.entries(transports?.http?.serversTransports ?? {})) out.transports.set(k, v);
  return out;
}

/** No entries at all (a missing live file). */
export function emptyEntries(): RouteEntries {
  return {
    routers: new Map(),
    services: new Map(),
    tcpRouters: new Map(),
    tcpServices: new Map(),
    transports: new Map(),
  };
}
