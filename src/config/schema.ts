/**
 * Schemas of the input files, in the original bash implementation's format.
 * One TypeBox source yields the TypeScript types, the validator and the JSON Schemas
 * published in schemas/. Sections Phoenix reads are strict (unknown keys are errors with a
 * "did you mean" hint); sections for provisioning tools are accepted and ignored.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { SyncSection } from './settings.js';

const strict = { additionalProperties: false } as const;
const open = { additionalProperties: true } as const;

/** Marks a schema property as accepted but not read (see `ignored`). */
export const IGNORED = 'x-phoenix-ignored';

/**
 * A key Phoenix accepts because the original format has it, but never reads (provisioning
 * scripts do). Listed so the published schemas document the whole format; excluded from
 * "did you mean" hints, which only point at keys Phoenix reads.
 */
const ignored = <T extends TSchema>(schema: T, what = 'Read by provisioning scripts; Phoenix ignores it.') =>
  ({ ...schema, description: schema.description ?? what, [IGNORED]: true }) as T;

const anything = () => ignored(Type.Unknown());

/** A firewall rule in the original format (`port` is the destination port). */
export const FirewallRuleSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('in'), Type.Literal('out')], { description: 'Direction.' }),
    action: Type.String({ description: 'ACCEPT, DROP, REJECT, or a PVE macro such as SSH(ACCEPT).' }),
    source: Type.Optional(Type.String()),
    dest: Type.Optional(Type.String()),
    proto: Type.Optional(Type.String()),
    port: Type.Optional(Type.Union([Type.String(), Type.Integer()], { description: 'Destination port(s).' })),
    sport: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
    iface: Type.Optional(Type.String()),
    log: Type.Optional(Type.String()),
    comment: Type.Optional(Type.String()),
  },
  strict,
);

const Policy = Type.Union([Type.Literal('ACCEPT'), Type.Literal('DROP'), Type.Literal('REJECT')]);

/** Cluster firewall settings (`firewall`, or legacy `shared_volumes.firewall`). */
export const ClusterFirewallSchema = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    default_input_policy: Type.Optional(Policy),
    default_output_policy: Type.Optional(Policy),
    global_firewall_rules: Type.Optional(Type.Array(FirewallRuleSchema)),
  },
  strict,
);

/** A secret: plaintext (accepted with a warning) or a reference (secret-ref.ts). */
const Secret = Type.String({
  description:
    'Plaintext, or (preferred) a reference: `env:NAME`, `file:PATH`, `age:PATH` (an age-encrypted file) or `sops:PATH#KEY` (a value of a SOPS-encrypted dotenv/JSON/YAML file); paths are relative to the root, and age: and sops: use the identity file named by `PHOENIX_AGE_KEY_FILE` or `SOPS_AGE_KEY_FILE`.',
});

const Port = (description: string) => Type.Integer({ minimum: 1, maximum: 65535, description });

/** `network`: shared with the provisioning scripts (bridges, NFS, registry, macvlan…). */
const Network = Type.Object(
  {
    portainer_server_ip: Type.Optional(
      Type.String({
        description: 'Portainer server address: the API URL when `sync.portainer.url` is unset.',
      }),
    ),
    portainer_server_port: Type.Optional(
      Port('Portainer HTTPS port (older revisions): https://<portainer_server_ip>:<port>.'),
    ),
    portainer_agent_port: Type.Optional(Port('Agent port of agent environments (default 9001).')),
    interfaces: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(ignored(Type.String())),
          address: Type.Optional(
            Type.String({ description: 'The DNS server answers on this address (prefix ignored).' }),
          ),
          gateway: Type.Optional(ignored(Type.String())),
          dns_nameservers: Type.Optional(anything()),
        },
        open,
      ),
    ),
    external_registry_url: Type.Optional(anything()),
    default_subnet: Type.Optional(anything()),
    nfs_server: Type.Optional(anything()),
    fallback_dns: Type.Optional(anything()),
    public_bridge: Type.Optional(anything()),
    internal_bridge: Type.Optional(anything()),
    macvlan_vlan_tag: Type.Optional(anything()),
    public_vlan_tag: Type.Optional(anything()),
  },
  open,
);

const AuthoritativeZone = Type.Object(
  {
    zone_name: Type.String({ minLength: 1 }),
    records: Type.Optional(
      Type.Array(
        Type.Object(
          {
            hostname: Type.String({ minLength: 1, description: 'Becomes `<hostname>.<zone_name>`.' }),
            ip_internal: Type.String({ description: 'The address served.' }),
            ip_external: Type.Optional(ignored(Type.String())),
          },
          open,
        ),
      ),
    ),
  },
  open,
);

export const GlobalConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    domain_name: Type.String({ minLength: 1, description: 'Internal DNS domain, e.g. `lab.internal`.' }),
    network: Type.Optional(Network),
    portainer_api: Type.Optional(
      Type.Object(
        {
          admin_user: Type.Optional(Type.String()),
          admin_password: Type.Optional(Secret),
          api_key: Type.Optional(
            Type.Union([Type.String(), Type.Null()], {
              description:
                'Access token; used when a non-empty string (`sync.portainer.api_key` takes precedence).',
            }),
          ),
          portainer_hostname: Type.Optional(
            Type.String({ description: 'Portainer host name: https://<host>:9443 when nothing else says.' }),
          ),
        },
        open,
      ),
    ),
    dns_server: Type.Optional(
      Type.Object(
        {
          enabled: Type.Optional(Type.Boolean()),
          upstream_servers: Type.Optional(Type.Array(Type.String())),
          authoritative_zones: Type.Optional(
            Type.Array(AuthoritativeZone, {
              description: 'Explicit records `<hostname>.<zone_name>` → ip_internal.',
            }),
          ),
        },
        open,
      ),
    ),
    firewall: Type.Optional(ClusterFirewallSchema),
    shared_volumes: Type.Optional(Type.Object({ firewall: Type.Optional(ClusterFirewallSchema) }, open)),
    step_ca: Type.Optional(anything()),
    sync: Type.Optional(SyncSection),
  },
  { ...open, description: 'Global settings. Sections for provisioning tools are accepted and ignored.' },
);

const NetworkConfig = Type.Object(
  {
    ip: Type.Optional(
      Type.String({ description: '`dhcp` or a static address with prefix, e.g. 10.0.0.102/24.' }),
    ),
    gw: Type.Optional(ignored(Type.String())),
    nameserver: Type.Optional(anything()),
    nameservers: Type.Optional(anything()),
    name: Type.Optional(ignored(Type.String())),
    bridge: Type.Optional(ignored(Type.String())),
    hwaddr: Type.Optional(anything()),
    mac: Type.Optional(anything()),
    type: Type.Optional(anything()),
    parent: Type.Optional(anything()),
    firewall: Type.Optional(anything()),
  },
  open,
);

const SecondaryNetworkConfig = Type.Object(
  {
    ip: Type.Optional(
      Type.String({ description: 'Used as the guest address when network_config.ip is `dhcp`.' }),
    ),
    name: Type.Optional(ignored(Type.String())),
    bridge: Type.Optional(ignored(Type.String())),
    gw: Type.Optional(ignored(Type.String())),
    hwaddr: Type.Optional(anything()),
  },
  open,
);

const TraefikService = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Routed as Host(`<name>.<domain>`).' }),
    port: Port('Backend port on the guest.'),
    scheme: Type.Optional(
      Type.Union([Type.Literal('http'), Type.Literal('https')], {
        description: 'Backend scheme: default https for VMs (internal CA), http for LXCs.',
      }),
    ),
  },
  strict,
);

const DnsRecordSchema = Type.Object({ hostname: Type.String({ minLength: 1 }), ip: Type.String() }, strict);

const GuestFirewall = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    policy_in: Type.Optional(Policy),
    policy_out: Type.Optional(Policy),
    rules: Type.Optional(Type.Array(FirewallRuleSchema)),
  },
  strict,
);

const StackAssignment = Type.Union([
  Type.String({
    minLength: 1,
    description: 'A stack name: `sync.default_environment` when the stack has it, else its only environment.',
  }),
  Type.Object({ name: Type.String({ minLength: 1 }), environment: Type.String({ minLength: 1 }) }, strict),
]);

/** Keys Phoenix reads on a guest; the rest belong to provisioning tools. */
const guestKeys = {
  name: Type.String({ minLength: 1 }),
  network_config: Type.Optional(NetworkConfig),
  firewall: Type.Optional(GuestFirewall),
  traefik_service: Type.Optional(TraefikService),
  dns_records: Type.Optional(Type.Array(DnsRecordSchema)),
  features: Type.Optional(anything()),
};

export const VmSchema = Type.Object(
  {
    vmid: Type.Integer({ minimum: 100, maximum: 999999999 }),
    ...guestKeys,
    docker_stacks: Type.Optional(Type.Array(StackAssignment)),
    portainer_role: Type.Optional(
      Type.Union([Type.Literal('primary'), Type.Literal('agent'), Type.Literal('none')]),
    ),
    portainer_environment_name: Type.Optional(Type.String({ minLength: 1 })),
    portainer_agent_hostname: Type.Optional(Type.String({ minLength: 1 })),
    is_template: Type.Optional(anything()),
    clone_from_vmid: Type.Optional(anything()),
    volumes: Type.Optional(anything()),
    swarm_role: Type.Optional(anything()),
    node_labels: Type.Optional(anything()),
    docker_firewall_rules: Type.Optional(anything()),
    iptables_rules: Type.Optional(anything()),
    portainer_config: Type.Optional(anything()),
    portainer_admin_user: Type.Optional(anything()),
    portainer_admin_password: Type.Optional(anything()),
  },
  open,
);

export const VmConfigSchema = Type.Object(
  { $schema: Type.Optional(Type.String()), vms: Type.Array(VmSchema) },
  { ...open, description: 'VMs. Keys Phoenix does not read (cores, memory, template…) are ignored.' },
);

export const LxcSchema = Type.Object(
  {
    ...guestKeys,
    secondary_network_config: Type.Optional(SecondaryNetworkConfig),
    public_interface: Type.Optional(anything()),
    portainer_role: Type.Optional(anything()),
    mac_address: Type.Optional(anything()),
  },
  open,
);

export const LxcConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    lxc_configs: Type.Record(Type.String({ pattern: '^[0-9]+$' }), LxcSchema),
  },
  open,
);

const Variable = Type.Object(
  {
    name: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
    value: Type.String({
      description:
        'A value, or a secret reference: `env:NAME`, `file:PATH`, `age:PATH` or `sops:PATH#KEY` (a reference is redacted like a `secret` value).',
    }),
    secret: Type.Optional(Type.Boolean({ description: 'Redact this value in every output.' })),
  },
  strict,
);

const ManifestFile = Type.Object(
  {
    source: Type.String({ minLength: 1, description: 'Relative to the stack folder; must stay inside it.' }),
    destination_in_container: Type.String({ pattern: '^/' }),
    service: Type.Optional(Type.String({ description: 'Only this service; default every service.' })),
  },
  strict,
);

const PlacementConstraints = Type.Array(Type.String({ minLength: 1 }), {
  description:
    'Swarm placement constraints (`node.labels.gpu == true`) for every service; ignored, with a note, for standalone deployments.',
});

const StackEnvironment = Type.Object(
  {
    variables: Type.Optional(Type.Array(Variable)),
    files: Type.Optional(Type.Array(ManifestFile)),
    services: Type.Optional(
      Type.Record(Type.String(), Type.Object({ traefik_labels: Type.Array(Type.String()) }, strict)),
    ),
    firewall_rules: Type.Optional(Type.Array(FirewallRuleSchema)),
    placement_constraints: Type.Optional(PlacementConstraints),
  },
  strict,
);

/** What both homes of a manifest share. */
const manifestKeys = {
  description: Type.Optional(Type.String()),
  environments: Type.Optional(
    Type.Record(Type.String({ minLength: 1 }), StackEnvironment, {
      description: 'Absent: the stack deploys as plain compose in any environment.',
    }),
  ),
  placement_constraints: Type.Optional(PlacementConstraints),
};

export const ManifestSchema = Type.Object(
  { $schema: Type.Optional(Type.String()), ...manifestKeys },
  { ...strict, description: 'A stack manifest: stacks/<stack>/phoenix.json.' },
);

/** One stack of etc/phoenix_stacks_config.json: a manifest plus where its compose file is. */
export const StackEntrySchema = Type.Object(
  {
    ...manifestKeys,
    compose_file_path: Type.String({
      minLength: 1,
      description: "Relative to the root's stacks/ folder (or absolute inside the root).",
    }),
    nginx_proxy: Type.Optional(anything()),
  },
  strict,
);

export const StacksConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    docker_stacks: Type.Record(Type.String({ minLength: 1 }), StackEntrySchema),
  },
  { ...open, description: 'Stack manifests kept in one file (newer revisions of the original).' },
);

export type GlobalConfig = Static<typeof GlobalConfigSchema>;
export type VmConfig = Static<typeof VmConfigSchema>;
export type Vm = Static<typeof VmSchema>;
export type LxcConfig = Static<typeof LxcConfigSchema>;
export type Lxc = Static<typeof LxcSchema>;
export type Manifest = Static<typeof ManifestSchema>;
export type StacksConfig = Static<typeof StacksConfigSchema>;
export type ManifestEnvironment = Static<typeof StackEnvironment>;
export type FirewallRuleInput = Static<typeof FirewallRuleSchema>;

/** The published schemas, by file name in schemas/. */
export const PUBLISHED_SCHEMAS: Record<string, { title: string; schema: TSchema }> = {
  'phoenix_hypervisor_config.schema.json': {
    title: 'Phoenix global configuration',
    schema: GlobalConfigSchema,
  },
  'phoenix_vm_configs.schema.json': { title: 'Phoenix VM configuration', schema: VmConfigSchema },
  'phoenix_lxc_configs.schema.json': { title: 'Phoenix LXC configuration', schema: LxcConfigSchema },
  'phoenix.schema.json': { title: 'Phoenix stack manifest (phoenix.json)', schema: ManifestSchema },
  'phoenix_stacks_config.schema.json': {
    title: 'Phoenix stack manifests (phoenix_stacks_config.json)',
    schema: StacksConfigSchema,
  },
};
