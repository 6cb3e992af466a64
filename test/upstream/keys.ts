/**
 * Every key path of the original format, as the original's files write it, in the sections
 * Phoenix reads and the ones it must leave alone. The fixtures under test/fixtures/upstream/
 * must use each one (keys.test.ts), and Phoenix must accept each one (accept.test.ts).
 *
 * Notation: `<scope>:<path>`. Scopes: `hypervisor` (etc/phoenix_hypervisor_config.json),
 * `vms[]` (one element of `vms` in etc/phoenix_vm_configs.json), `lxc` (the `lxc_configs`
 * map of etc/phoenix_lxc_configs.json), `stacks_config` (etc/phoenix_stacks_config.json),
 * `manifest` (stacks/<stack>/phoenix.json), and `rule` (a firewall rule, wherever rules are).
 * `[]` is an array element; `<ctid>`, `<stack>`, `<env>`, `<svc>` are map keys.
 */

/** Keys of the global file. */
const HYPERVISOR = [
  'domain_name',
  'network.portainer_server_ip',
  'network.portainer_server_port',
  'network.portainer_agent_port',
  'network.external_registry_url',
  'network.default_subnet',
  'network.nfs_server',
  'network.fallback_dns',
  'network.public_bridge',
  'network.internal_bridge.name',
  'network.internal_bridge.subnet',
  'network.macvlan_vlan_tag',
  'network.public_vlan_tag',
  'network.interfaces.name',
  'network.interfaces.address',
  'network.interfaces.gateway',
  'network.interfaces.dns_nameservers[]',
  'portainer_api.admin_user',
  'portainer_api.admin_password',
  'portainer_api.api_key',
  'portainer_api.portainer_hostname',
  'dns_server.enabled',
  'dns_server.upstream_servers[]',
  'dns_server.authoritative_zones[].zone_name',
  'dns_server.authoritative_zones[].records[].hostname',
  'dns_server.authoritative_zones[].records[].ip_internal',
  'dns_server.authoritative_zones[].records[].ip_external',
  'firewall.enabled',
  'firewall.default_input_policy',
  'firewall.default_output_policy',
  'firewall.global_firewall_rules[]',
  'shared_volumes.firewall.enabled',
  'shared_volumes.firewall.default_input_policy',
  'shared_volumes.firewall.default_output_policy',
  'shared_volumes.firewall.global_firewall_rules[]',
  'step_ca.root_ca_name',
  'step_ca.intermediate_ca_name',
  'step_ca.provisioner_name',
  'step_ca.dns_name',
  // Provisioning-only sections: accepted and ignored.
  'users',
  'zfs',
  'nfs',
  'samba',
  'docker',
  'vm_defaults',
  'behavior',
  'tests',
  'nvidia_driver',
  'core_paths',
].map((k) => `hypervisor:${k}`);

/** Keys of one VM. */
const VM = [
  'vmid',
  'name',
  'is_template',
  'clone_from_vmid',
  'network_config.ip',
  'network_config.gw',
  'network_config.nameserver',
  'network_config.nameservers[]',
  'docker_stacks[]',
  'docker_stacks[].name',
  'docker_stacks[].environment',
  'portainer_role',
  'portainer_environment_name',
  'portainer_agent_hostname',
  'traefik_service.name',
  'traefik_service.port',
  'firewall.enabled',
  'firewall.rules[]',
  'dns_records[].hostname',
  'dns_records[].ip',
  // Provisioning only.
  'volumes[]',
  'features[]',
  'swarm_role',
  'node_labels[]',
  'docker_firewall_rules[]',
  'iptables_rules',
  'portainer_config',
  'portainer_admin_user',
  'portainer_admin_password',
  'cores',
  'memory_mb',
  'disk_size_gb',
].map((k) => `vms[]:${k}`);

/** Keys of one LXC container. */
const LXC = [
  'name',
  'network_config.name',
  'network_config.bridge',
  'network_config.ip',
  'network_config.gw',
  'network_config.hwaddr',
  'network_config.nameservers',
  'network_config.nameserver',
  'network_config.type',
  'network_config.parent',
  'secondary_network_config.name',
  'secondary_network_config.bridge',
  'secondary_network_config.ip',
  'secondary_network_config.gw',
  'secondary_network_config.hwaddr',
  'traefik_service.name',
  'traefik_service.port',
  'traefik_service.scheme',
  'firewall.enabled',
  'firewall.rules[]',
  // Provisioning only.
  'public_interface',
  'portainer_role',
  'features[]',
  'mac_address',
  'template',
  'storage_pool',
  'memory_mb',
  'cores',
].map((k) => `lxc:<ctid>.${k}`);

/** The body of a stack environment, in either home of a manifest. */
const ENVIRONMENT = [
  'variables[].name',
  'variables[].value',
  'files[].source',
  'files[].destination_in_container',
  'services.<svc>.traefik_labels[]',
  'firewall_rules[]',
  'placement_constraints[]',
];

/** Keys of stacks/<stack>/phoenix.json. */
const MANIFEST = [
  'description',
  'placement_constraints[]',
  ...ENVIRONMENT.map((k) => `environments.<env>.${k}`),
].map((k) => `manifest:${k}`);

/** Keys of etc/phoenix_stacks_config.json. */
const STACKS_CONFIG = [
  'description',
  'compose_file_path',
  'placement_constraints[]',
  'nginx_proxy.hostname',
  ...ENVIRONMENT.map((k) => `environments.<env>.${k}`),
].map((k) => `stacks_config:docker_stacks.<stack>.${k}`);

/** Keys of a firewall rule (global, guest and stack rules alike). */
const RULE = ['type', 'action', 'source', 'dest', 'proto', 'port', 'comment', 'iface'].map(
  (k) => `rule:${k}`,
);

/** The whole inventory. */
export const INVENTORY: readonly string[] = [
  ...HYPERVISOR,
  ...VM,
  ...LXC,
  ...MANIFEST,
  ...STACKS_CONFIG,
  ...RULE,
];

/** A rule's key path: `<…>global_firewall_rules[].k`, `<…>firewall.rules[].k`, `<…>firewall_rules[].k`. */
const RULE_PATH = /(?:^|\.)(?:global_firewall_rules|firewall\.rules|firewall_rules)\[\]\.([a-z_]+)$/;

/**
 * The inventory paths one key of a fixture file stands for: its scoped path, plus
 * `rule:<key>` when it is a key of a firewall rule. `file` is relative to the root.
 */
export function scopedPaths(file: string, path: string): string[] {
  const out: string[] = [];
  const rule = RULE_PATH.exec(path);
  if (rule) out.push(`rule:${rule[1]}`);
  if (file === 'etc/phoenix_hypervisor_config.json') out.push(`hypervisor:${path}`);
  else if (file === 'etc/phoenix_vm_configs.json' && path.startsWith('vms[].'))
    out.push(`vms[]:${path.slice('vms[].'.length)}`);
  else if (file === 'etc/phoenix_lxc_configs.json' && path.startsWith('lxc_configs.'))
    out.push(`lxc:${path.slice('lxc_configs.'.length)}`);
  else if (file === 'etc/phoenix_stacks_config.json') out.push(`stacks_config:${path}`);
  else if (/^stacks\/[^/]+\/phoenix\.json$/.test(file)) out.push(`manifest:${path}`);
  return out;
}

/** Does an inventory pattern (with `<name>` wildcards) match one scoped path exactly? */
export function matches(pattern: string, scoped: string): boolean {
  const re = pattern
    .split(/(<[a-z]+>)/)
    .map((part) => (/^<[a-z]+>$/.test(part) ? '[^.\\[\\]]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`).test(scoped);
}
