/**
 * DNS records (pure): guests, routed hosts, Portainer agents and explicit records. The same
 * name pointing at two addresses is an error naming both sources.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { formatSource, type Source } from '../config/source.js';
import { isHostname, isIpAddress } from '../util/net.js';
import type { DnsRecord, Guest, Routes } from './types.js';

/** Qualify a bare name with the domain. */
export function fqdn(name: string, domain: string): string {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n.includes('.') ? n : `${n}.${domain}`;
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
  const add = (r: DnsRecord) => {
    const prev = records.get(r.name);
    if (!prev) records.set(r.name, r);
    else if (prev.ip !== r.ip) {
      diags.error(
        'dns-conflict',
        r.source,
        `${r.name} would point to ${r.ip} (${r.why}) and to ${prev.ip} (${prev.why})`,
        `the other record comes from ${formatSource(prev.source)}`,
      );
    }
  };
  for (const g of guests)
    if (g.ip)
      add({ name: fqdn(g.name, domain), ip: g.ip, why: 'guest', origin: `guest:${g.id}`, source: g.source });

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

  config.vms.vms.forEach((vm, i) => {
    const g = guests.find((x) => x.kind === 'vm' && x.id === vm.vmid);
    if (vm.portainer_agent_hostname && g?.ip) {
      add({
        name: fqdn(vm.portainer_agent_hostname, domain),
        ip: g.ip,
        why: 'agent',
        origin: `guest:${vm.vmid}`,
        source: config.vmsDoc.at(['vms', i, 'portainer_agent_hostname']),
      });
    }
    (vm.dns_records ?? []).forEach((rec, k) =>
      explicit(rec, config.vmsDoc.at(['vms', i, 'dns_records', k]), add, domain, diags),
    );
  });
  for (const [ctid, lxc] of Object.entries(config.lxcs?.lxc_configs ?? {})) {
    (lxc.dns_records ?? []).forEach((rec, k) =>
      explicit(rec, config.lxcDoc!.at(['lxc_configs', ctid, 'dns_records', k]), add, domain, diags),
    );
  }
  return [...records.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function explicit(
  rec: { hostname: string; ip: string },
  at: Source,
  add: (r: DnsRecord) => void,
  domain: string,
  diags: Diagnostics,
): void {
  if (!isHostname(rec.hostname))
    return diags.error(
      'invalid-name',
      at,
      `"${rec.hostname}" is not a valid host name`,
      'use letters, digits, hyphens and dots',
    );
  if (!isIpAddress(rec.ip))
    return diags.error(
      'invalid-ip',
      at,
      `"${rec.ip}" is not an IP address`,
      'write it as 10.0.0.50 (no prefix length)',
    );
  add({ name: fqdn(rec.hostname, domain), ip: rec.ip, why: 'explicit', origin: 'explicit', source: at });
}
