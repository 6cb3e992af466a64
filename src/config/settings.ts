/**
 * Phoenix's own settings: the `sync` section of phoenix_hypervisor_config.json. The TypeBox
 * schema is the single source of the type, the validator and the published JSON Schema.
 * Defaults are filled in by the validator; relative paths resolve against the root.
 */
import { Type, type Static } from '@sinclair/typebox';

const Command = Type.Array(Type.String({ minLength: 1 }), {
  minItems: 1,
  description:
    'A command as an argument array (never run through a shell). `{file}` is replaced by the target file.',
});

const Seconds = (dflt: number, description: string) =>
  Type.Number({ exclusiveMinimum: 0, maximum: 86400, default: dflt, description });

const strict = { additionalProperties: false } as const;

export const DnsSettings = Type.Object(
  {
    enabled: Type.Boolean({ default: true, description: 'Manage DNS records.' }),
    layout: Type.Union([Type.Literal('dnsmasq-conf'), Type.Literal('addn-hosts'), Type.Literal('hostsdir')], {
      default: 'addn-hosts',
      description:
        '`dnsmasq-conf`: `address=` lines in a dnsmasq.d file (needs a restart). `addn-hosts`: a hosts file re-read on SIGHUP. `hostsdir`: a hosts file in a watched directory (no signal).',
    }),
    path: Type.String({
      default: '/etc/phoenix/dnsmasq.hosts',
      description:
        'The file Phoenix owns. Keep hosts-format files out of /etc/dnsmasq.d (dnsmasq reads every file there as config).',
    }),
    reload_command: Type.Optional(Command),
    test_command: Type.Optional(Command),
    server: Type.Optional(
      Type.String({
        description:
          'Where the DNS server answers (`ip` or `ip:port`): a readiness check asks it. `phoenix init` proposes `network.interfaces.address`.',
      }),
    ),
  },
  { ...strict, default: {} },
);

export const FirewallSettings = Type.Object(
  {
    enabled: Type.Boolean({ default: true, description: 'Manage firewall rules.' }),
    backend: Type.Union([Type.Literal('pve'), Type.Literal('nftables')], {
      default: 'pve',
      description: '`pve`: Proxmox VE firewall files. `nftables`: one nft table Phoenix owns.',
    }),
    pve_dir: Type.String({
      default: '/etc/pve/firewall',
      description: 'Where cluster.fw and <vmid>.fw live.',
    }),
    nft_file: Type.String({
      default: '/etc/phoenix/phoenix.nft',
      description: 'The nftables file Phoenix owns.',
    }),
    nft_table: Type.String({
      default: 'phoenix',
      pattern: '^[a-zA-Z][a-zA-Z0-9_]*$',
      description: 'Name of the `inet` table Phoenix owns.',
    }),
    apply_command: Type.Optional(Command),
    check_command: Type.Optional(Command),
  },
  { ...strict, default: {} },
);

export const TraefikSettings = Type.Object(
  {
    enabled: Type.Boolean({ default: true, description: 'Manage Traefik routes.' }),
    path: Type.String({
      default: '/etc/traefik/dynamic/phoenix.yml',
      description: 'The dynamic configuration file Phoenix owns (file provider).',
    }),
    entrypoints: Type.Array(Type.String(), {
      default: ['websecure'],
      description: 'Entry points of guest routes.',
    }),
    cert_resolver: Type.Optional(Type.String({ description: 'certResolver for guest routes.' })),
    ca_file: Type.Optional(Type.String({ description: 'Internal CA (PEM) trusted for HTTPS backends.' })),
    ping_url: Type.Optional(
      Type.String({ description: 'Traefik ping endpoint, used as a readiness check.' }),
    ),
    reload_command: Type.Optional(Command),
  },
  { ...strict, default: {} },
);

export const PortainerSettings = Type.Object(
  {
    url: Type.Optional(
      Type.String({ description: 'Defaults to https://<portainer_api.portainer_hostname>:9443.' }),
    ),
    ca_file: Type.Optional(Type.String({ description: 'CA bundle (the Step-CA root) to verify Portainer.' })),
    api_key: Type.Optional(
      Type.String({ description: 'Access token, preferably `env:NAME` or `file:PATH`.' }),
    ),
    local_environment: Type.String({ default: 'local', description: 'Environment of the primary VM.' }),
    agent_tls: Type.Boolean({
      default: true,
      description: 'Create agent environments with TLS (skip-verify, as the UI does).',
    }),
    request_timeout_seconds: Seconds(30, 'Timeout of one API request.'),
    retries: Type.Integer({
      minimum: 0,
      maximum: 10,
      default: 4,
      description: 'Retries of a request after a 5xx, a reset or a timeout.',
    }),
    health_timeout_seconds: Seconds(180, 'How long to wait for a stack to be running after a deploy.'),
  },
  { ...strict, default: {} },
);

export const DockerSettings = Type.Object(
  {
    host: Type.String({
      default: 'unix:///var/run/docker.sock',
      description: 'Default engine (DOCKER_HOST form).',
    }),
    hosts: Type.Record(Type.String({ pattern: '^[0-9]+$' }), Type.String(), {
      default: {},
      description: 'Engine per vmid: unix://, tcp:// (TLS via DOCKER_CERT_PATH), ssh://user@host.',
    }),
    health_timeout_seconds: Seconds(180, 'How long to wait for a stack to be running after a deploy.'),
  },
  { ...strict, default: {} },
);

export const CheckSettings = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Shown in reports.' }),
    kind: Type.Union([Type.Literal('http'), Type.Literal('tcp'), Type.Literal('dns')], {
      description: 'What to probe.',
    }),
    url: Type.Optional(Type.String({ description: 'http: the URL to GET.' })),
    expect_status: Type.Optional(
      Type.Integer({ minimum: 100, maximum: 599, description: 'http: expected status (default 200).' }),
    ),
    json_field: Type.Optional(
      Type.String({ description: 'http: a dotted field that must be present (and equal `json_value`).' }),
    ),
    json_value: Type.Optional(Type.String({ description: 'http: expected value of `json_field`.' })),
    host: Type.Optional(Type.String({ description: 'tcp: host; dns: name to resolve.' })),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, description: 'tcp: port.' })),
    server: Type.Optional(Type.String({ description: 'dns: server as ip or ip:port.' })),
    required: Type.Boolean({
      default: true,
      description: 'A failed required check stops sync (exit 3); an advisory one only warns.',
    }),
    timeout_seconds: Seconds(5, 'Timeout of one attempt.'),
    retries: Type.Integer({
      minimum: 0,
      maximum: 20,
      default: 2,
      description: 'Attempts after the first, with backoff.',
    }),
  },
  strict,
);

export const LimitSettings = Type.Object(
  {
    stack_file_bytes: Type.Integer({
      minimum: 1024,
      maximum: 256 * 1024 * 1024,
      default: 4 * 1024 * 1024,
      description:
        'Largest compose file, phoenix.json or manifest file source read (they are shipped to Portainer or Docker).',
    }),
    value_bytes: Type.Integer({
      minimum: 256,
      maximum: 64 * 1024 * 1024,
      default: 1024 * 1024,
      description: 'Longest string value in any JSON file of the root.',
    }),
  },
  { ...strict, default: {} },
);

export const ServeSettings = Type.Object(
  {
    listen: Type.String({
      default: '127.0.0.1:9440',
      description:
        '`phoenix serve` listens here (`host:port`): status page, `/runs/<id>`, `/metrics`, `/healthz`, `/hooks/git`. A non-loopback address needs `token`.',
    }),
    token: Type.Optional(
      Type.String({
        description:
          'Bearer token guarding every page but `/healthz` (`env:NAME` or `file:PATH`). Required when `listen` is not a loopback address.',
      }),
    ),
    webhook_secret: Type.Optional(
      Type.String({
        description:
          'Secret of `POST /hooks/git` (`env:NAME` or `file:PATH`): the `X-Hub-Signature-256` of GitHub, Forgejo and Gitea is checked with it. Without it the webhook is off.',
      }),
    ),
    poll_seconds: Type.Integer({
      minimum: 0,
      maximum: 86400,
      default: 60,
      description: "How often to fetch the root's git upstream (0: never poll; webhooks only).",
    }),
    drift_seconds: Type.Integer({
      minimum: 0,
      maximum: 86400,
      default: 600,
      description: 'How often to plan against the live estate and report drift (0: never).',
    }),
    self_heal: Type.Boolean({
      default: false,
      description: 'Apply the plan when a drift check finds drift, instead of only reporting it.',
    }),
    stop_seconds: Type.Number({
      minimum: 0,
      maximum: 3600,
      default: 60,
      description:
        'On SIGTERM, how long the run in flight may take to finish before it is aborted (its changes in flight then get `interrupt_grace_seconds`).',
    }),
  },
  { ...strict, default: {} },
);

export const NotifySettings = Type.Object(
  {
    type: Type.Union([Type.Literal('webhook'), Type.Literal('ntfy'), Type.Literal('apprise')], {
      description:
        '`webhook`: POST a JSON event; `ntfy`: POST to an ntfy topic URL; `apprise`: POST to an Apprise API `/notify` URL.',
    }),
    url: Type.String({
      minLength: 1,
      description: 'Where to send (a literal URL, or `env:NAME` / `file:PATH` when it holds a token).',
    }),
    token: Type.Optional(
      Type.String({ description: 'Bearer token sent with each notification (`env:NAME` or `file:PATH`).' }),
    ),
    on: Type.Array(Type.Union([Type.Literal('failure'), Type.Literal('drift'), Type.Literal('recovery')]), {
      default: ['failure', 'drift', 'recovery'],
      description: 'Which events to send.',
    }),
  },
  strict,
);

export const SyncSection = Type.Object(
  {
    owner_id: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9][a-z0-9_.-]{0,62}$',
        description:
          'Marks what Phoenix made. Never change it once set; defaults to `phoenix-<domain_name>`.',
      }),
    ),
    marker_key: Type.Optional(
      Type.String({
        description:
          'Key of the change markers of stacks with secrets (`io.phoenix.hash`, `PHOENIX_HASH`): an `env:NAME` or `file:PATH` reference, never the key itself; at least 16 characters. `phoenix init` generates one. Every machine that syncs this root must use the same key. Without it, markers leave secret values out.',
      }),
    ),
    default_environment: Type.String({
      default: 'production',
      minLength: 1,
      description: 'Environment of a docker_stacks entry given as a bare name.',
    }),
    gateway_ip: Type.Optional(
      Type.String({ description: 'Where routed hostnames resolve (the Traefik host).' }),
    ),
    backend: Type.Union([Type.Literal('portainer'), Type.Literal('docker')], {
      default: 'portainer',
      description: 'Deploy backend: the Portainer API, or a Docker engine directly.',
    }),
    backends: Type.Record(
      Type.String({ pattern: '^[0-9]+$' }),
      Type.Union([Type.Literal('portainer'), Type.Literal('docker')]),
      {
        default: {},
        description: 'Deploy backend per vmid, overriding `backend`.',
      },
    ),
    concurrency: Type.Integer({ minimum: 1, maximum: 64, default: 4, description: 'VMs deployed at once.' }),
    command_timeout_seconds: Seconds(60, 'Timeout of each external command (reload, restart, validate).'),
    interrupt_grace_seconds: Type.Number({
      minimum: 0,
      maximum: 3600,
      default: 30,
      description:
        'After a first Ctrl-C or SIGTERM, how long the changes in flight may take to finish before they are aborted (nothing new starts; a second Ctrl-C aborts at once).',
    }),
    ignore_warnings: Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), {
      default: [],
      uniqueItems: true,
      description:
        'Warning codes not to print (the code ends each warning line, e.g. `pve-nic-firewall`). `--json` still reports them, marked ignored.',
    }),
    step_ca_url: Type.Optional(
      Type.String({ description: 'Step-CA base URL; /health becomes a readiness check.' }),
    ),
    dns: DnsSettings,
    firewall: FirewallSettings,
    traefik: TraefikSettings,
    portainer: PortainerSettings,
    docker: DockerSettings,
    limits: LimitSettings,
    state_dir: Type.String({
      default: '/var/lib/phoenix',
      description:
        'Where Phoenix keeps its run history (SQLite, `history.db`). Relative paths are under the root. A history that cannot be written never fails a sync (it is warned).',
    }),
    serve: ServeSettings,
    notify: Type.Array(NotifySettings, {
      default: [],
      description:
        'Where `phoenix serve` sends failures, drift and recoveries (retried with backoff; never blocks a sync).',
    }),
    checks: Type.Array(CheckSettings, {
      default: [],
      description: 'Readiness checks beyond the derived ones (Portainer, DNS, Traefik ping, Step-CA).',
    }),
  },
  { ...strict, default: {} },
);

/** The `sync` section with defaults filled in. */
export type SyncSettings = Static<typeof SyncSection>;
export type CheckSetting = Static<typeof CheckSettings>;
