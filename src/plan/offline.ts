/**
 * The offline plan (`phoenix plan --offline`): nothing is observed, so every desired
 * resource is a create. Changes are listed at the granularity operators think in: one per
 * DNS record, firewall ruleset, route, environment and stack deployment.
 */
import type { DesiredState } from '../desired/types.js';
import { REDACTED } from '../secrets.js';
import { shownMarker } from '../desired/marker.js';
import type { Change } from './change.js';

/** Every desired resource as a create. */
export function offlinePlan(d: DesiredState): Change[] {
  const changes: Change[] = [];
  const create = (c: Omit<Change, 'action'>) => changes.push({ ...c, action: 'create' });
  for (const r of d.dns) {
    create({
      stage: 'dns',
      kind: 'dns-record',
      id: r.name,
      label: `${r.name} → ${r.ip}`,
      after: { name: r.name, ip: r.ip, why: r.why },
    });
  }
  const c = d.firewall.cluster;
  create({
    stage: 'firewall',
    kind: 'firewall-ruleset',
    id: 'cluster',
    label: `cluster: ${c.rules.length} rules, in ${c.policy.policyIn}, out ${c.policy.policyOut}`,
    after: c,
  });
  for (const g of d.firewall.guests) {
    create({
      stage: 'firewall',
      kind: 'firewall-ruleset',
      id: String(g.guest.id),
      label: `${g.guest.kind} ${g.guest.id} (${g.guest.name}): ${g.rules.length} rules`,
      after: { guest: g.guest.id, name: g.guest.name, policy: g.policy, rules: g.rules },
    });
  }
  for (const e of d.environments) {
    create({
      stage: 'endpoints',
      kind: 'environment',
      id: e.name,
      label: `${e.name} (${e.url})`,
      after: { name: e.name, url: e.url, vmid: e.vmid },
    });
  }
  for (const s of d.deployments) {
    create({
      stage: 'stacks',
      kind: 'stack',
      id: s.id,
      label: `${s.name} on VM ${s.vmid} (${s.vmName}) via ${s.backend}`,
      after: {
        name: s.name,
        vmid: s.vmid,
        stack: s.stack,
        environment: s.environment,
        backend: s.backend,
        hash: shownMarker(s.hash),
        variables: s.variables.map((v) => ({
          name: v.name,
          value: v.secret ? REDACTED : v.value,
          secret: v.secret,
        })),
        files: s.files.map((f) => ({ source: f.source, destination: f.destination, services: f.services })),
      },
      ...(s.managesPortainer
        ? { blocked: 'runs Portainer itself; apply with --include-portainer', optIn: true as const }
        : {}),
    });
  }
  // Indexed once: a lookup per router was quadratic (a measurable part of planning 1,000 VMs).
  // HTTP and TCP services live in separate sections of the Traefik file, so they may share a name.
  const key = (protocol: 'tcp' | undefined, name: string) => `${protocol ?? 'http'}/${name}`;
  const services = new Map<string, DesiredState['routes']['services'][number]>();
  for (const s of d.routes.services)
    if (!services.has(key(s.protocol, s.name))) services.set(key(s.protocol, s.name), s);
  for (const r of d.routes.routers) {
    const svc = services.get(key(r.protocol, r.service));
    create({
      stage: 'traefik',
      kind: 'route',
      id: r.name,
      label: `${r.hosts.join(', ') || r.rule} → ${svc?.urls.join(', ') ?? r.service}`,
      after: {
        router: r.name,
        rule: r.rule,
        service: r.service,
        urls: svc?.urls ?? [],
        entryPoints: r.entryPoints,
        tls: r.tls,
        middlewares: r.middlewares,
        ...(svc?.serversTransport ? { serversTransport: svc.serversTransport } : {}),
        ...(r.protocol ? { protocol: r.protocol } : {}),
      },
    });
  }
  return changes;
}
