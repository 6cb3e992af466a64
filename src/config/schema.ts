/**
 * Schemas of the four input files, in the original bash implementation's format (SPEC §2).
 * One TypeBox source yields the TypeScript types, the validator and the JSON Schemas
 * published in schemas/. Sections Phoenix reads are strict (unknown keys are errors with a
 * "did you mean" hint); sections for provisioning tools are accepted and ignored.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { SyncSection } from './settings.js';

const strict = { additionalProperties: false } as const;
const open = { additionalProperties: true } as const;

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

/** A secret: plaintext (accepted with a warning), `env:NAME` or `file:PATH`. */
const Secret = Type.String({ description: 'Plaintext, `env:NAME` or `file:PATH` (preferred).' });

export const GlobalConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    domain_name: Type.String({ minLength: 1, description: 'Internal DNS domain, e.g. `lab.internal`.' }),
    network: Type.Optional(
      Type.Object(
        {
          portainer_agent_port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, default: 9001 })),
          interfaces: Type.Optional(Type.Unknown()),
          gateway: Type.Optional(Type.String()),
          nameservers: Type.Optional(Type.Unknown()),
        },
        strict,
      ),
    ),
    portainer_api: Type.Optional(
      Type.Object(
        {
          admin_user: Type.Optional(Type.String()),
          admin_password: Type.Optional(Secret),
          portainer_hostname: Type.Optional(Type.String()),
          portainer_port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
        },
        strict,
      ),
    ),
    dns_server: Type.Optional(
      Type.Object(
        {
          enabled: Type.Optional(Type.Boolean()),
          upstream_servers: Type.Optional(Type.Array(Type.String())),
          authoritative_zone: Type.Optional(Type.String()),
          listen_address: Type.Optional(Type.String()),
        },
        strict,
      ),
    ),
    firewall: Type.Optional(ClusterFirewallSchema),
    shared_volumes: Type.Optional(Type.Object({ firewall: Type.Optional(ClusterFirewallSchema) }, open)),
    sync: Type.Optional(SyncSection),
  },
  { ...open, description: 'Global settings. Sections for provisioning tools are accepted and ignored.' },
);

const NetworkConfig = Type.Object(
  {
    ip: Type.String({ description: '`dhcp` or a static address with prefix, e.g. 10.0.0.102/24.' }),
    gw: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    bridge: Type.Optional(Type.String()),
    mac: Type.Optional(Type.String()),
    firewall: Type.Optional(Type.Boolean()),
  },
  strict,
);

const TraefikService = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Routed as Host(`<name>.<domain>`).' }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    scheme: Type.Optional(Type.Union([Type.Literal('http'), Type.Literal('https')])),
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
  Type.String({ minLength: 1, description: 'A stack name, deployed in the default environment.' }),
  Type.Object({ name: Type.String({ minLength: 1 }), environment: Type.String({ minLength: 1 }) }, strict),
]);

/** Keys Phoenix reads on a guest; the rest belong to provisioning tools. */
const guestKeys = {
  name: Type.String({ minLength: 1 }),
  network_config: Type.Optional(NetworkConfig),
  firewall: Type.Optional(GuestFirewall),
  traefik_service: Type.Optional(TraefikService),
  dns_records: Type.Optional(Type.Array(DnsRecordSchema)),
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
  },
  open,
);

export const VmConfigSchema = Type.Object(
  { $schema: Type.Optional(Type.String()), vms: Type.Array(VmSchema) },
  { ...open, description: 'VMs. Keys Phoenix does not read (cores, memory, template…) are ignored.' },
);

export const LxcSchema = Type.Object(guestKeys, open);

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
    value: Type.String({ description: 'A value, or a secret reference `env:NAME` / `file:PATH`.' }),
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

const StackEnvironment = Type.Object(
  {
    variables: Type.Optional(Type.Array(Variable)),
    files: Type.Optional(Type.Array(ManifestFile)),
    services: Type.Optional(
      Type.Record(Type.String(), Type.Object({ traefik_labels: Type.Array(Type.String()) }, strict)),
    ),
    firewall_rules: Type.Optional(Type.Array(FirewallRuleSchema)),
  },
  strict,
);

export const ManifestSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    environments: Type.Record(Type.String({ minLength: 1 }), StackEnvironment),
  },
  strict,
);

export type GlobalConfig = Static<typeof GlobalConfigSchema>;
export type VmConfig = Static<typeof VmConfigSchema>;
export type Vm = Static<typeof VmSchema>;
export type LxcConfig = Static<typeof LxcConfigSchema>;
export type Lxc = Static<typeof LxcSchema>;
export type Manifest = Static<typeof ManifestSchema>;
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
};
