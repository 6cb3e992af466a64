/**
 * DNS records (pure). Explicit sources — routed hosts (to the gateway), `dns_records`,
 * Portainer agent names and `dns_server.authoritative_zones` — win over a guest's implicit
 * `<name>.<domain>` record: a guest record they shadow is dropped with one warning, as the
 * original kept the first record it wrote (routes before guest names). Two explicit sources,
 * or two guests, giving one name two addresses is an error naming both.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { formatSource, type Source } from '../config/source.js';
import { isHostname, isIpAddress } from '../util/net.js';
import type { DnsRecord, Guest, Routes } from './types.js';
import { byText } from '../util/text.js';

/** Qualify a bare name with the domain (a name with a dot is taken as already qualified). */
export function fqdn(name: string, domain: string): string {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n.includes('.') ? n : `${n}.${domain}`;
}

/** A guest's own name: always under the domain, even when the name has dots (`Copy-Cuda12.8`). */
export function guestFqdn(name: string, domain: string): string {
  return `${name.toLowerCase().replace(/\.$/, '')}.${domain}`;
}

export function deriveDns(
  config: LoadedConfig,
  domain: string,
  gatewayIp: string | undefined,
  gatewaySource: Source,
  guests: Guest[],
  routes: Routes,
  diags: Diagnostics,
): DnsRecord[] {
  const records = new Map<string, DnsRecord>();
  const conflict = (r: DnsRecord, prev: DnsRecord) =>
    diags.error(
      'dns-conflict',
      r.source,
      `${r.name} would point to ${r.ip} (${r.why}) and to ${prev.ip} (${prev.why})`,
      `the other record comes from ${formatSource(prev.source)}`,
    );
  const add = (r: DnsRecord) => {
    const prev = records.get(r.name);
    if (!prev) records.set(r.name, r);
    else if (prev.ip !== r.ip) conflict(r, prev);
  };

  // An invalid gateway_ip is reported where it is checked; only a missing one is reported here.
  if (routes.routers.length > 0 && !gatewayIp && !config.global.sync?.gateway_ip) {
    diags.error(
      'no-gateway',
      gatewaySource,
      'routes exist but sync.gateway_ip is not set',
      'set sync.gateway_ip to the address of the Traefik host: routed names resolve to it',
    );
  }
  if (gatewayIp) {
    for (const r of routes.routers)
      for (const h of r.hosts)
        add({ name: h, ip: gatewayIp, why: 'route', origin: r.origin, source: r.source });
  }

  const vmIps = new Map(guests.filter((g) => g.kind === 'vm').map((g) => [g.id, g.ip]));
  config.vms.vms.forEach((vm, i) => {
    const ip = vmIps.get(vm.vmid);
    if (vm.portainer_agent_hostname && ip) {
      add({
        name: fqdn(vm.portainer_agent_hostname, domain),
        ip,
        why: 'agent',
        origin: `guest:${vm.vmid}`,
        source: config.vmsDoc.at(['vms', i, 'portainer_agent_hostname']),
      });
    }
    (vm.dns_records ?? []).forEach((rec, k) =>
      explicit(rec.hostname, rec.ip, config.vmsDoc.at(['vms', i, 'dns_records', k]), add, domain, diags),
    );
  });
  for (const [ctid, lxc] of Object.entries(config.lxcs?.lxc_configs ?? {})) {
    (lxc.dns_records ?? []).forEach((rec, k) =>
      explicit(
        rec.hostname,
        rec.ip,
        config.lxcDoc!.at(['lxc_configs', ctid, 'dns_records', k]),
        add,
        domain,
        diags,
      ),
    );
  }
  (config.global.dns_server?.authoritative_zones ?? []).forEach((zone, z) =>
    (zone.records ?? []).forEach((rec, k) => {
      const name = `${rec.hostname.replace(/\.$/, '')}.${zone.zone_name.replace(/\.$/, '')}`;
      const at = config.globalDoc.at(['dns_server', 'authoritative_zones', z, 'records', k]);
      explicit(name, rec.ip_internal, at, add, domain, diags);
    }),
  );

  // Guests last: an explicit record of the same name shadows the guest's.
  const guestRecords = new Map<string, DnsRecord>();
  for (const g of guests) {
    if (!g.ip) continue;
    const r: DnsRecord = {
      name: guestFqdn(g.name, domain),
      ip: g.ip,
      why: 'guest',
      origin: `guest:${g.id}`,
      source: g.source,
    };
    const other = guestRecords.get(r.name);
    if (other) {
      if (other.ip !== r.ip) conflict(r, other);
      continue;
    }
    guestRecords.set(r.name, r);
    const prev = records.get(r.name);
    if (!prev) records.set(r.name, r);
    else if (prev.ip !== r.ip)
      diags.warn(
        'dns-shadowed',
        r.source,
        `${r.name} resolves to ${prev.ip} (${prev.why}), not to ${g.kind} ${g.id} (${g.name}) at ${r.ip}`,
        `the ${prev.why} record comes from ${formatSource(prev.source)} and wins over the guest's own name, as in the original; rename one of them to reach the guest by name`,
      );
  }
  return [...records.values()].sort((a, b) => byText(a.name, b.name));
}

/** One explicit record, checked. */
function explicit(
  hostname: string,
  ip: string,
  at: Source,
  add: (r: DnsRecord) => void,
  domain: string,
  diags: Diagnostics,
): void {
  if (!isHostname(hostname))
    return diags.error(
      'invalid-name',
      at,
      `"${hostname}" is not a valid host name`,
      'use letters, digits, hyphens and dots',
    );
  if (!isIpAddress(ip))
    return diags.error(
      'invalid-ip',
      at,
      `"${ip}" is not an IP address`,
      'write it as 10.0.0.50 (no prefix length)',
    );
  add({ name: fqdn(hostname, domain), ip, why: 'explicit', origin: 'explicit', source: at });
}
