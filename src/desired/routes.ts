/**
 * Traefik routes (pure): from each guest's `traefik_service` and each deployment's Traefik
 * labels. A guest route is `https://<IP>:<port>` for a VM (through the internal CA, as the
 * original served it) and `http://…` for an LXC; `scheme` overrides either.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { formatSource, type Source } from '../config/source.js';
import type { SyncSettings } from '../config/settings.js';
import type { DeploymentFacts } from './deployments.js';
import { deploymentRoutes, transport } from './label-routes.js';
import type { Guest, Router, Routes } from './types.js';

export { INTERNAL_CA_TRANSPORT } from './label-routes.js';

/** Routes of every deployment and guest; conflicts are reported naming both sources. */
export function deriveRoutes(
  config: LoadedConfig,
  settings: SyncSettings,
  domain: string,
  guests: Guest[],
  facts: DeploymentFacts[],
  diags: Diagnostics,
): Routes {
  const guestRoutes = deriveGuestRoutes(config, settings, domain, guests, diags);
  const guestHosts = new Map<string, Source>();
  for (const r of guestRoutes.routers)
    for (const h of r.hosts) if (!guestHosts.has(h)) guestHosts.set(h, r.source);

  const routes: Routes = { routers: [], services: [] };
  const vmById = new Map(guests.filter((g) => g.kind === 'vm').map((g) => [g.id, g]));
  for (const f of facts)
    deploymentRoutes(f, settings, vmById.get(f.deployment.vmid), guestHosts, routes, diags);
  routes.routers.push(...guestRoutes.routers);
  routes.services.push(...guestRoutes.services);
  checkConflicts(routes, diags);
  return routes;
}

/** One route per guest `traefik_service`: Host(`<name>.<domain>`) → the guest's address. */
function deriveGuestRoutes(
  config: LoadedConfig,
  settings: SyncSettings,
  domain: string,
  guests: Guest[],
  diags: Diagnostics,
): Routes {
  const routes: Routes = { routers: [], services: [] };
  const unverified: { route: string; at: Source }[] = [];
  const add = (guest: Guest, svc: { name: string; port: number; scheme?: 'http' | 'https' }, at: Source) => {
    if (!guest.ip) {
      diags.error(
        'no-static-ip',
        at,
        `${guest.kind} ${guest.id} (${guest.name}) has a traefik_service but no static IP`,
        guest.kind === 'lxc'
          ? 'give it a static network_config.ip, or a static secondary_network_config.ip'
          : 'give it a static network_config.ip',
      );
      return;
    }
    const scheme = svc.scheme ?? (guest.kind === 'vm' ? 'https' : 'http');
    const name = `guest-${svc.name}`;
    if (scheme === 'https' && !settings.traefik.ca_file) unverified.push({ route: name, at });
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
  const byKey = new Map(guests.map((g) => [`${g.kind}/${g.id}`, g]));
  config.vms.vms.forEach((vm, i) => {
    const g = byKey.get(`vm/${vm.vmid}`);
    if (vm.traefik_service && g) add(g, vm.traefik_service, config.vmsDoc.at(['vms', i, 'traefik_service']));
  });
  for (const [ctid, lxc] of Object.entries(config.lxcs?.lxc_configs ?? {})) {
    const g = byKey.get(`lxc/${Number(ctid)}`);
    if (lxc.traefik_service && g)
      add(g, lxc.traefik_service, config.lxcDoc!.at(['lxc_configs', ctid, 'traefik_service']));
  }
  // Traefik checks an HTTPS backend against the system roots unless told otherwise; a guest's
  // certificate from the internal CA then fails every request (502). One warning for all.
  if (unverified.length > 0)
    diags.warn(
      'no-internal-ca',
      unverified[0]!.at,
      `${unverified.length} HTTPS guest route${unverified.length > 1 ? 's' : ''} (${unverified
        .map((u) => u.route)
        .join(', ')}) but sync.traefik.ca_file is not set: Traefik cannot verify the guests' certificates`,
      'set sync.traefik.ca_file to the internal CA root (PEM), or "scheme": "http" on the traefik_service',
    );
  return routes;
}

/** Two routers of one name, one Host claimed twice, one transport name with two values: each reported once. */
function checkConflicts(routes: Routes, diags: Diagnostics): void {
  const names = new Map<string, Router>();
  const hosts = new Map<string, Router>();
  for (const r of routes.routers) {
    const key = `${r.protocol ?? 'http'}/${r.name}`;
    const other = names.get(key);
    if (other) {
      diags.error(
        'duplicate-router',
        r.source,
        `router ${r.name} is defined twice (${r.origin} and ${other.origin})`,
        `the other is at ${formatSource(other.source)}`,
      );
      // Its hosts are the other's too: one conflict, one error.
      continue;
    }
    names.set(key, r);
    for (const h of r.hosts) {
      const prev = hosts.get(h);
      if (prev && prev.origin !== r.origin)
        diags.error(
          'duplicate-host',
          r.source,
          `host ${h} is claimed by ${r.origin} and by ${prev.origin}`,
          `the other claim is at ${formatSource(prev.source)}; use a different Host per deployment`,
        );
      else if (!prev) hosts.set(h, r);
    }
  }
  // A transport repeated with the same value (one deployment on two VMs) is written once.
  const transports = new Map<string, NonNullable<Routes['transports']>[number]>();
  for (const t of routes.transports ?? []) {
    const prev = transports.get(t.name);
    if (!prev) transports.set(t.name, t);
    else if (prev.insecureSkipVerify !== t.insecureSkipVerify)
      diags.error(
        'duplicate-transport',
        t.source,
        `serversTransport ${t.name} is defined twice with different insecureskipverify`,
        `the other is at ${formatSource(prev.source)}`,
      );
  }
  if (routes.transports) routes.transports = [...transports.values()];
}
