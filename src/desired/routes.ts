/**
 * Traefik routes (pure): from each deployment's Traefik labels, and from each guest's
 * `traefik_service`. Backends are `<scheme>://<VM IP>:<published host port>`.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { formatSource, type Source } from '../config/source.js';
import type { SyncSettings } from '../config/settings.js';
import type { DeploymentFacts } from './deployments.js';
import { interpolate } from './interpolate.js';
import { hostsOf, parseTraefikLabels } from './traefik-labels.js';
import type { Guest, Router, Routes, RouteService } from './types.js';

/** serversTransport name used for HTTPS backends signed by the internal CA. */
export const INTERNAL_CA_TRANSPORT = 'phoenix-internal-ca';

/** Routes of every deployment and guest; conflicts are reported naming both sources. */
export function deriveRoutes(
  config: LoadedConfig,
  settings: SyncSettings,
  domain: string,
  guests: Guest[],
  facts: DeploymentFacts[],
  diags: Diagnostics,
): Routes {
  const routes: Routes = { routers: [], services: [] };
  const guestById = new Map(guests.filter((g) => g.kind === 'vm').map((g) => [g.id, g]));
  for (const f of facts) deploymentRoutes(f, settings, guestById.get(f.deployment.vmid), routes, diags);

  const addGuest = (
    guest: Guest,
    svc: { name: string; port: number; scheme?: 'http' | 'https' },
    at: Source,
  ) => {
    if (!guest.ip) {
      diags.error(
        'no-static-ip',
        at,
        `${guest.kind} ${guest.id} (${guest.name}) has a traefik_service but no static IP`,
        'give it a static network_config.ip',
      );
      return;
    }
    const scheme = svc.scheme ?? 'http';
    const name = `guest-${svc.name}`;
    const host = `${svc.name}.${domain}`.toLowerCase();
    const origin = `guest:${guest.id}`;
    routes.routers.push({
      name,
      rule: `Host(\`${host}\`)`,
      hosts: [host],
      service: name,
      entryPoints: settings.traefik.entrypoints,
      ...(settings.traefik.cert_resolver ? { tls: { certResolver: settings.traefik.cert_resolver } } : {}),
      origin,
      source: at,
    });
    routes.services.push({
      name,
      urls: [`${scheme}://${guest.ip}:${svc.port}`],
      ...transport(scheme, settings),
      origin,
      source: at,
    });
  };
  config.vms.vms.forEach((vm, i) => {
    const g = guestById.get(vm.vmid);
    if (vm.traefik_service && g)
      addGuest(g, vm.traefik_service, config.vmsDoc.at(['vms', i, 'traefik_service']));
  });
  for (const [ctid, lxc] of Object.entries(config.lxcs?.lxc_configs ?? {})) {
    const g = guests.find((x) => x.kind === 'lxc' && x.id === Number(ctid));
    if (lxc.traefik_service && g)
      addGuest(g, lxc.traefik_service, config.lxcDoc!.at(['lxc_configs', ctid, 'traefik_service']));
  }
  checkConflicts(routes, diags);
  return routes;
}

function transport(scheme: string, settings: SyncSettings): { serversTransport?: string } {
  return scheme === 'https' && settings.traefik.ca_file ? { serversTransport: INTERNAL_CA_TRANSPORT } : {};
}

function deploymentRoutes(
  f: DeploymentFacts,
  settings: SyncSettings,
  guest: Guest | undefined,
  routes: Routes,
  diags: Diagnostics,
): void {
  const d = f.deployment;
  const doc = f.stack.manifestDoc;
  for (const [svc, spec] of Object.entries(f.env.services ?? {})) {
    const labelsPath = ['environments', d.environment, 'services', svc, 'traefik_labels'];
    const texts = spec.traefik_labels.map((l, k) => {
      const r = interpolate(l, f.vars);
      if (r.missing.length)
        diags.error(
          'unset-variable',
          doc.at([...labelsPath, k]),
          `label uses ${r.missing.join(', ')}, which environment "${d.environment}" does not set`,
          `add it to environments.${d.environment}.variables`,
        );
      return r.value;
    });
    const parsed = parseTraefikLabels(texts);
    for (const p of parsed.problems)
      diags.error('traefik-label', doc.at([...labelsPath, p.index]), p.message, p.hint);
    // traefik.enable=false turns routes off; a service the compose file lacks is reported by deployments.
    if (parsed.enabled === false || parsed.routers.size === 0 || !f.ports.has(svc)) continue;
    const at = doc.at(labelsPath);
    const labelAt = (index: number | undefined): Source =>
      index === undefined ? at : doc.at([...labelsPath, index]);
    if (!guest?.ip) {
      diags.error(
        'no-static-ip',
        f.assignmentSource,
        `${d.name} has routes but VM ${d.vmid} has no static IP`,
        'a central Traefik needs a fixed address: give the VM a static network_config.ip',
      );
      continue;
    }
    const published = (f.ports.get(svc) ?? []).filter((m) => m.published !== undefined);
    const serviceName = (s: string) => `${d.name}-${s}`;
    const services = new Map<string, RouteService>();
    const failed = new Set<string>();
    const ensureService = (
      name: string,
      port: number | undefined,
      scheme: 'http' | 'https',
      where: Source,
    ): boolean => {
      if (services.has(name)) return true;
      if (failed.has(name)) return false;
      const mapping =
        port === undefined
          ? published.length === 1
            ? published[0]
            : undefined
          : published.find((m) => m.target === port);
      if (!mapping) {
        failed.add(name);
        // Ports that could not be read are already reported; guessing here would only add noise.
        if (f.unreadablePorts.has(svc)) return false;
        diags.error(
          'unpublished-port',
          where,
          port === undefined
            ? `service ${svc} of ${d.name} publishes ${published.length} ports, so the routed port is ambiguous`
            : `routed port ${port} of service ${svc} in ${d.name} is not published`,
          port === undefined
            ? `add traefik.http.services.<name>.loadbalancer.server.port`
            : `publish it in ${f.stack.compose.file}, e.g. ports: ["${port}:${port}"]: a central Traefik cannot reach an unpublished port`,
        );
        return false;
      }
      services.set(name, {
        name: serviceName(name),
        urls: [`${scheme}://${guest.ip}:${mapping.published}`],
        ...transport(scheme, settings),
        origin: d.id,
        source: where,
      });
      return true;
    };
    for (const [name, s] of parsed.services)
      ensureService(name, s.port, s.scheme ?? 'http', labelAt(s.portIndex));
    for (const [name, r] of parsed.routers) {
      if (!r.rule) {
        // A rule that was given but refused is already reported.
        if (r.ruleIndex === undefined)
          diags.error(
            'traefik-label',
            at,
            `router ${name} of ${d.name} has no rule`,
            `add traefik.http.routers.${name}.rule=Host(\`…\`)`,
          );
        continue;
      }
      const target = r.service ?? (parsed.services.size === 1 ? [...parsed.services.keys()][0]! : name);
      const ruleAt = labelAt(r.ruleIndex);
      if (
        !ensureService(
          target,
          parsed.services.get(target)?.port,
          parsed.services.get(target)?.scheme ?? 'http',
          ruleAt,
        )
      )
        continue;
      const router: Router = {
        name: serviceName(name),
        rule: r.rule,
        hosts: hostsOf(r.rule),
        service: serviceName(target),
        ...(r.entryPoints ? { entryPoints: r.entryPoints } : {}),
        ...(r.middlewares ? { middlewares: r.middlewares } : {}),
        ...(r.priority !== undefined ? { priority: r.priority } : {}),
        ...(r.tls ? { tls: r.certResolver ? { certResolver: r.certResolver } : {} } : {}),
        origin: d.id,
        source: ruleAt,
      };
      routes.routers.push(router);
    }
    routes.services.push(...services.values());
  }
}

function checkConflicts(routes: Routes, diags: Diagnostics): void {
  const names = new Map<string, Router>();
  const hosts = new Map<string, Router>();
  for (const r of routes.routers) {
    const other = names.get(r.name);
    if (other)
      diags.error(
        'duplicate-router',
        r.source,
        `router ${r.name} is defined twice (${r.origin} and ${other.origin})`,
        `the other is at ${formatSource(other.source)}`,
      );
    else names.set(r.name, r);
    for (const h of r.hosts) {
      const prev = hosts.get(h);
      if (prev && prev.origin !== r.origin)
        diags.error(
          'duplicate-host',
          r.source,
          `host ${h} is claimed by ${r.origin} and by ${prev.origin}`,
          `the other claim is at ${formatSource(prev.source)}; use a different Host per deployment`,
        );
      else hosts.set(h, r);
    }
  }
}
