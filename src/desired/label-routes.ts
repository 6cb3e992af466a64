/**
 * Routes of one stack deployment, from its Traefik labels (pure): HTTP and TCP routers,
 * their services (`<scheme>://<VM IP>:<published host port>`, or `<VM IP>:<port>` for TCP)
 * and the serversTransports the labels define. Routers whose Host a guest's
 * `traefik_service` already claims are dropped with a warning: the original only served
 * the guest route (its stack labels were inert).
 */
import type { Diagnostics } from '../config/diagnostics.js';
import { formatSource, type Source } from '../config/source.js';
import type { SyncSettings } from '../config/settings.js';
import type { DeploymentFacts } from './deployments.js';
import { interpolate } from './interpolate.js';
import {
  hostsOf,
  parseTraefikLabels,
  type LabelRouter,
  type LabelService,
  type ParsedLabels,
} from './traefik-labels.js';
import type { Guest, Router, Routes, RouteService, RouteTransport } from './types.js';

/** serversTransport name used for HTTPS backends signed by the internal CA. */
export const INTERNAL_CA_TRANSPORT = 'phoenix-internal-ca';

/** The internal CA's transport for an HTTPS backend, when the CA is configured. */
export function transport(scheme: string, settings: SyncSettings): { serversTransport?: string } {
  return scheme === 'https' && settings.traefik.ca_file ? { serversTransport: INTERNAL_CA_TRANSPORT } : {};
}

/** A Host some guest's `traefik_service` routes, and where that is configured. */
export type GuestHosts = ReadonlyMap<string, Source>;

/** Add the routes of one deployment to `routes`. */
export function deploymentRoutes(
  f: DeploymentFacts,
  settings: SyncSettings,
  guest: Guest | undefined,
  guestHosts: GuestHosts,
  routes: Routes,
  diags: Diagnostics,
): void {
  const d = f.deployment;
  const doc = f.stack.manifestDoc;
  for (const [svc, spec] of Object.entries(f.env.services ?? {})) {
    const labelsPath = ['environments', d.environment, 'services', svc, 'traefik_labels'];
    const labelAt = (index: number | undefined): Source =>
      index === undefined ? doc.at(labelsPath) : doc.at([...labelsPath, index]);
    const texts = spec.traefik_labels.map((l, k) => {
      const r = interpolate(l, f.vars);
      if (r.missing.length)
        diags.error(
          'unset-variable',
          labelAt(k),
          `label uses ${r.missing.join(', ')}, which environment "${d.environment}" does not set`,
          `add it to environments.${d.environment}.variables`,
        );
      return r.value;
    });
    const parsed = parseTraefikLabels(texts);
    for (const p of parsed.problems) diags.error('traefik-label', labelAt(p.index), p.message, p.hint);
    for (const p of parsed.unsupported) diags.warn('unsupported-label', labelAt(p.index), p.message, p.hint);
    // traefik.enable=false turns routes off; a service the compose file lacks is reported by deployments.
    if (parsed.enabled === false || parsed.routers.size + parsed.tcpRouters.size === 0 || !f.ports.has(svc))
      continue;
    if (!guest?.ip) {
      diags.error(
        'no-static-ip',
        f.assignmentSource,
        `${d.name} has routes but VM ${d.vmid} has no static IP`,
        'a central Traefik needs a fixed address: give the VM a static network_config.ip',
      );
      continue;
    }
    const ctx: ServiceContext = { f, svc, ip: guest.ip, settings, labelAt, diags };
    const transports = labelTransports(parsed, ctx);
    const out: Routes = { routers: [], services: [] };
    for (const protocol of ['http', 'tcp'] as const) {
      const routers = protocol === 'http' ? parsed.routers : parsed.tcpRouters;
      const services = protocol === 'http' ? parsed.services : parsed.tcpServices;
      const built = new Map<string, RouteService>();
      const failed = new Set<string>();
      const ensure = (name: string, where: Source): boolean => {
        if (built.has(name)) return true;
        if (failed.has(name)) return false;
        const s = backend(name, services.get(name) ?? {}, protocol, where, transports, ctx);
        if (s) built.set(name, s);
        else failed.add(name);
        return s !== undefined;
      };
      for (const [name, s] of services) ensure(name, labelAt(s.portIndex));
      const kept = new Set<string>();
      const dropped = new Set<string>();
      for (const [name, r] of routers) {
        const router = labelRouter(name, r, protocol, services, ctx);
        // A service of another provider (`name@file`) is Traefik's to resolve.
        if (!router || (!router.target.includes('@') && !ensure(router.target, router.router.source)))
          continue;
        const shadow = router.router.hosts.find((h) => guestHosts.has(h));
        if (shadow !== undefined) {
          diags.warn(
            'host-shadowed',
            router.router.source,
            `router ${router.router.name} is dropped: ${shadow} is already routed by a guest's traefik_service`,
            `the guest route (${formatSource(guestHosts.get(shadow)!)}) is kept, as the original served it; remove the label or rename the Host`,
          );
          dropped.add(router.target);
          continue;
        }
        kept.add(router.target);
        out.routers.push(router.router);
      }
      // A service only a dropped router used goes with it.
      for (const [name, s] of built) if (!dropped.has(name) || kept.has(name)) out.services.push(s);
    }
    routes.routers.push(...out.routers);
    routes.services.push(...out.services);
    if (transports.size) (routes.transports ??= []).push(...transports.values());
  }
}

/** What building one compose service's routes needs. */
interface ServiceContext {
  f: DeploymentFacts;
  svc: string;
  ip: string;
  settings: SyncSettings;
  labelAt: (index: number | undefined) => Source;
  diags: Diagnostics;
}

/** The transports these labels define, by label name (written as `<deploy>-<name>`). */
function labelTransports(parsed: ParsedLabels, ctx: ServiceContext): Map<string, RouteTransport> {
  const d = ctx.f.deployment;
  return new Map(
    [...parsed.transports].map(([name, t]) => [
      name,
      {
        name: `${d.name}-${name}`,
        insecureSkipVerify: t.insecureSkipVerify,
        origin: d.id,
        source: ctx.labelAt(t.index),
      },
    ]),
  );
}

/** The file service of a label service; undefined (reported) when its port cannot be resolved. */
function backend(
  name: string,
  s: LabelService,
  protocol: 'http' | 'tcp',
  where: Source,
  transports: ReadonlyMap<string, RouteTransport>,
  ctx: ServiceContext,
): RouteService | undefined {
  const { f, svc, diags } = ctx;
  const d = f.deployment;
  const published = (f.ports.get(svc) ?? []).filter(
    (m) => m.published !== undefined && (protocol === 'http' || m.protocol === 'tcp'),
  );
  const mapping =
    s.port === undefined
      ? published.length === 1
        ? published[0]
        : undefined
      : published.find((m) => m.target === s.port);
  if (!mapping) {
    // Ports that could not be read are already reported; guessing here would only add noise.
    if (f.unreadablePorts.has(svc)) return undefined;
    diags.error(
      'unpublished-port',
      where,
      s.port === undefined
        ? `service ${svc} of ${d.name} publishes ${published.length} ports, so the routed port is ambiguous`
        : `routed port ${s.port} of service ${svc} in ${d.name} is not published`,
      s.port === undefined
        ? `add traefik.${protocol}.services.<name>.loadbalancer.server.port`
        : `publish it in ${f.stack.compose.file}, e.g. ports: ["${s.port}:${s.port}"]: a central Traefik cannot reach an unpublished port`,
    );
    return undefined;
  }
  const base = { name: `${d.name}-${name}`, origin: d.id, source: where };
  if (protocol === 'tcp') return { ...base, urls: [`${ctx.ip}:${mapping.published}`], protocol: 'tcp' };
  const scheme = s.scheme ?? 'http';
  let via: { serversTransport?: string } = transport(scheme, ctx.settings);
  if (s.serversTransport !== undefined) {
    const own = transports.get(s.serversTransport);
    if (own) via = { serversTransport: own.name };
    else if (s.serversTransport.includes('@')) via = { serversTransport: s.serversTransport };
    else {
      diags.error(
        'traefik-label',
        ctx.labelAt(s.transportIndex),
        `serversTransport "${s.serversTransport}" is not defined by the labels of service ${svc}`,
        `define traefik.http.serverstransports.${s.serversTransport}.insecureskipverify, or name one of another provider as ${s.serversTransport}@file`,
      );
      return undefined;
    }
  }
  return { ...base, urls: [`${scheme}://${ctx.ip}:${mapping.published}`], ...via };
}

/** A router of the file from a label router, with the label service it targets; undefined when reported. */
function labelRouter(
  name: string,
  r: LabelRouter,
  protocol: 'http' | 'tcp',
  services: ReadonlyMap<string, LabelService>,
  ctx: ServiceContext,
): { router: Router; target: string } | undefined {
  const d = ctx.f.deployment;
  if (!r.rule) {
    // A rule that was given but refused is already reported.
    if (r.ruleIndex === undefined)
      ctx.diags.error(
        'traefik-label',
        ctx.labelAt(undefined),
        `router ${name} of ${d.name} has no rule`,
        protocol === 'tcp'
          ? `add traefik.tcp.routers.${name}.rule=HostSNI(\`…\`)`
          : `add traefik.http.routers.${name}.rule=Host(\`…\`)`,
      );
    return undefined;
  }
  const source = ctx.labelAt(r.ruleIndex);
  const hosts = hostsOf(r.rule);
  // Traefik refuses a HostSNI other than `*` on a router that does not do TLS: SNI is part of TLS.
  if (protocol === 'tcp' && !r.tls && hosts.length > 0) {
    ctx.diags.error(
      'traefik-label',
      source,
      `TCP router ${name} of ${d.name} matches HostSNI(\`${hosts[0]}\`) without TLS`,
      `add traefik.tcp.routers.${name}.tls.passthrough=true (or tls=true), or use HostSNI(\`*\`)`,
    );
    return undefined;
  }
  const target = r.service ?? (services.size === 1 ? [...services.keys()][0]! : name);
  const tls =
    r.tls && (r.certResolver || r.passthrough)
      ? {
          ...(r.certResolver ? { certResolver: r.certResolver } : {}),
          ...(r.passthrough ? { passthrough: true } : {}),
        }
      : r.tls
        ? {}
        : undefined;
  const router: Router = {
    name: `${d.name}-${name}`,
    rule: r.rule,
    hosts,
    service: target.includes('@') ? target : `${d.name}-${target}`,
    ...(r.entryPoints ? { entryPoints: r.entryPoints } : {}),
    ...(r.middlewares ? { middlewares: r.middlewares } : {}),
    ...(r.priority !== undefined ? { priority: r.priority } : {}),
    ...(tls ? { tls } : {}),
    ...(protocol === 'tcp' ? { protocol: 'tcp' as const } : {}),
    origin: d.id,
    source,
  };
  return { router, target };
}
