/**
 * Derivation: loaded config in, desired state out. Pure: no I/O, every problem
 * pushed to the diagnostics with its location.
 */
import { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import type { SyncSettings } from '../config/settings.js';
import { isIpAddress } from '../util/net.js';
import { deriveDeployments } from './deployments.js';
import { deriveDns, fqdn } from './dns.js';
import { deriveFirewall } from './firewall.js';
import { deriveGuests } from './guests.js';
import { assignDeparted } from './retain.js';
import { deriveRoutes } from './routes.js';
import type { DesiredState, PortainerEnvironment } from './types.js';

/** The owner id: configured, or derived from the domain (stable for a root). */
export function ownerIdOf(settings: SyncSettings, domain: string): string {
  return settings.owner_id ?? `phoenix-${domain.toLowerCase().replace(/[^a-z0-9_.-]/g, '-')}`.slice(0, 63);
}

/** Inputs of derivation beyond the config. */
export interface DeriveOptions {
  /**
   * Deployment ids (`<vmid>/<stack>-<environment>`) that left the config but still run: their
   * stack keeps running until a run deletes it (--prune), so their DNS records, firewall rules
   * and routes are derived too (README, "Stacks that leave the config"). The deployments
   * themselves stay out of `deployments`; `retained` says which could be kept.
   */
  retain?: readonly string[];
}

/**
 * The desired state of a loaded config. With `retain`, the file targets' parts (DNS, firewall,
 * routes) also hold the entries of those departed deployments that can still be derived (their
 * stack folder and VM are still in the config, and their entries clash with nothing).
 */
export function derive(config: LoadedConfig, diags: Diagnostics, opts: DeriveOptions = {}): DesiredState {
  const desired = deriveOnce(config, diags);
  if (!opts.retain?.length || diags.hasErrors) return desired;
  const { config: withDeparted, kept, lost } = assignDeparted(config, opts.retain);
  if (kept.length === 0) return { ...desired, retained: { kept, lost } };
  // Derived apart, so that a clash of the departed entries with the config as it is now (a
  // reused port or Host) drops the retention instead of failing the config.
  const scratch = new Diagnostics();
  const retained = deriveOnce(withDeparted, scratch);
  if (scratch.hasErrors) {
    const reason = scratch.errors[0]!.message;
    return { ...desired, retained: { kept: [], lost: [...lost, ...kept.map((id) => ({ id, reason }))] } };
  }
  return {
    ...desired,
    dns: retained.dns,
    firewall: retained.firewall,
    routes: retained.routes,
    retained: { kept, lost },
  };
}

function deriveOnce(config: LoadedConfig, diags: Diagnostics): DesiredState {
  const settings = config.global.sync!; // defaults filled in by the schema
  const domain = config.global.domain_name.toLowerCase();
  const ownerId = ownerIdOf(settings, domain);
  const gwSource = config.globalDoc.at(settings.gateway_ip ? ['sync', 'gateway_ip'] : ['sync']);
  if (settings.gateway_ip && !isIpAddress(settings.gateway_ip)) {
    diags.error(
      'invalid-ip',
      gwSource,
      `sync.gateway_ip "${settings.gateway_ip}" is not an IP address`,
      'write it as 10.0.0.12',
    );
  }
  if (
    config.global.portainer_api?.admin_password &&
    !config.secrets.has(config.global.portainer_api.admin_password)
  ) {
    diags.warn(
      'plaintext-secret',
      config.globalDoc.at(['portainer_api', 'admin_password']),
      'the Portainer password is written in plain text',
      'use "env:NAME" or "file:PATH" instead',
    );
  }
  if (settings.portainer.api_key && !config.secrets.has(settings.portainer.api_key)) {
    diags.warn(
      'plaintext-secret',
      config.globalDoc.at(['sync', 'portainer', 'api_key']),
      'the Portainer API key is written in plain text',
      'use "env:NAME" or "file:PATH" instead',
    );
  }

  const guests = deriveGuests(config, diags);
  const facts = deriveDeployments(config, settings, ownerId, diags);
  const routes = deriveRoutes(config, settings, domain, guests, facts, diags);
  const gatewayIp = settings.gateway_ip && isIpAddress(settings.gateway_ip) ? settings.gateway_ip : undefined;
  const dns = deriveDns(config, domain, gatewayIp, gwSource, guests, routes, diags);
  const firewall = deriveFirewall(config, guests, facts, diags);

  const agentPort = config.global.network?.portainer_agent_port ?? 9001;
  const environments: PortainerEnvironment[] = [];
  config.vms.vms.forEach((vm, i) => {
    if (vm.portainer_role !== 'agent') return;
    const guest = guests.find((g) => g.kind === 'vm' && g.id === vm.vmid);
    const host = vm.portainer_agent_hostname ? fqdn(vm.portainer_agent_hostname, domain) : guest?.ip;
    const source = config.vmsDoc.at(['vms', i, 'portainer_role']);
    if (!host) {
      diags.error(
        'no-agent-address',
        source,
        `agent VM ${vm.vmid} (${vm.name}) has neither portainer_agent_hostname nor a static IP`,
        'set portainer_agent_hostname or a static network_config.ip',
      );
      return;
    }
    environments.push({
      name: vm.portainer_environment_name ?? vm.name,
      url: `tcp://${host}:${agentPort}`,
      vmid: vm.vmid,
      source,
    });
  });
  const primaries = config.vms.vms.filter((vm) => vm.portainer_role === 'primary');
  if (primaries.length > 1) {
    diags.error(
      'two-primaries',
      config.vmsDoc.at(['vms', config.vms.vms.indexOf(primaries[1]!), 'portainer_role']),
      `more than one VM has portainer_role "primary" (${primaries.map((v) => v.vmid).join(', ')})`,
      'exactly one VM runs the Portainer server',
    );
  }

  return {
    root: config.root,
    ownerId,
    domain,
    settings,
    guests,
    deployments: facts.map((f) => f.deployment),
    routes,
    dns,
    firewall,
    environments,
    discovery: { stacks: [...config.stacks.keys()], skipped: config.skipped },
    dnsServer: {
      enabled: config.global.dns_server?.enabled ?? true,
      upstreams: config.global.dns_server?.upstream_servers ?? [],
      listenAddress: settings.dns.server,
    },
    portainer: portainerAccess(config, settings),
  };
}

/**
 * How to reach Portainer. The URL: `sync.portainer.url`, else what the original used —
 * `network.portainer_server_ip` (with `portainer_server_port` over HTTPS, without it the plain
 * HTTP port 9000) — else `portainer_api.portainer_hostname` on 9443. The API key:
 * `sync.portainer.api_key`, else `portainer_api.api_key`, which the original writes there itself.
 */
export function portainerAccess(config: LoadedConfig, settings: SyncSettings): DesiredState['portainer'] {
  const api = config.global.portainer_api;
  const net = config.global.network;
  const host = api?.portainer_hostname;
  const url =
    settings.portainer.url ??
    (net?.portainer_server_ip
      ? net.portainer_server_port
        ? `https://${hostPart(net.portainer_server_ip)}:${net.portainer_server_port}`
        : `http://${hostPart(net.portainer_server_ip)}:9000`
      : host
        ? `https://${host}:9443`
        : undefined);
  const ownKey = typeof api?.api_key === 'string' && api.api_key.trim() !== '' ? api.api_key : undefined;
  return {
    url,
    username: api?.admin_user,
    password: api?.admin_password,
    apiKey: settings.portainer.api_key ?? ownKey,
  };
}

/** An address as the host part of a URL (IPv6 in brackets). */
function hostPart(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}
