/**
 * The desired state: everything Phoenix wants the estate to look like, derived purely from
 * the configuration. Providers compare it with what they observe.
 */
import type { RuleFields } from '../syntax/firewall/validate.js';
import type { Source } from '../config/source.js';
import type { SyncSettings } from '../config/settings.js';

/** A VM or LXC container. */
export interface Guest {
  kind: 'vm' | 'lxc';
  /** vmid or ctid. */
  id: number;
  name: string;
  /** Static address without prefix length, or undefined for DHCP guests. */
  ip: string | undefined;
  /** `ip/prefix` as configured, or undefined for DHCP guests. */
  cidr: string | undefined;
  source: Source;
}

/** One variable of a stack deployment (Portainer `Env`, compose interpolation). */
export interface Variable {
  name: string;
  value: string;
  /** Secret values are redacted in every output. */
  secret: boolean;
}

/** A file from the manifest, delivered into one or more services of a stack. */
export interface StackFile {
  /** Path relative to the stack folder. */
  source: string;
  destination: string;
  services: string[];
  content: string;
  /** sha256 of content, hex, first 12 chars: names swarm configs by content. */
  hash: string;
}

/** One stack assigned to one VM in one environment. */
export interface StackDeployment {
  /** Stable key: `<vmid>/<name>`. */
  id: string;
  vmid: number;
  vmName: string;
  stack: string;
  environment: string;
  /** `<stack>-<environment>`: the compose project / Portainer stack name. */
  name: string;
  backend: 'portainer' | 'docker';
  /** Portainer environment that receives the stack (backend portainer). */
  portainerEnvironment: string;
  /** DOCKER_HOST-style address of the engine (backend docker). */
  dockerHost: string;
  /**
   * The rendered compose file, rendered on first read (an offline plan reads neither).
   * `standalone` delivers files as inline `configs.content`; `swarm` as external,
   * content-addressed configs named `<name>-<file>-<hash>` that the backend creates.
   */
  compose: { standalone: string; swarm: string };
  variables: Variable[];
  files: StackFile[];
  /**
   * The change marker (`io.phoenix.hash`, `PHOENIX_HASH`) of everything the deployment is made
   * of: keyed where it covers secret values, and leaving them out without a key (desired/marker.ts).
   */
  hash: string;
  /**
   * The previous version's marker of the same inputs (a digest of the secrets too): only ever
   * compared with a live marker, never shown. A function, so it never lands in a report.
   */
  legacyMarker?: () => string;
  /**
   * Swarm placement constraints of every service (manifest top level, then the environment's).
   * Only the swarm rendering carries them; a standalone deployment ignores them (its plan says so).
   * Absent or empty: none.
   */
  placementConstraints?: string[];
  /** The stack runs Portainer itself: applied only with --include-portainer. */
  managesPortainer: boolean;
  source: Source;
}

/** A Traefik router in file-provider form: HTTP, or TCP when `protocol` says so. */
export interface Router {
  name: string;
  rule: string;
  /** Host (HTTP) or HostSNI (TCP) values: each gets a DNS record to the gateway. */
  hosts: string[];
  service: string;
  entryPoints?: string[];
  middlewares?: string[];
  priority?: number;
  /** `passthrough` is TCP only: the TLS connection goes to the backend as is. */
  tls?: { certResolver?: string; passthrough?: boolean };
  /** `tcp`: a TCP router (HostSNI rule, TCP service, `tcp:` section). Absent: HTTP. */
  protocol?: 'tcp';
  /** Deployment id or `guest:<id>`: routes of a failed deployment keep their previous state. */
  origin: string;
  source: Source;
}

/** A Traefik service: backend URLs (HTTP), or `ip:port` addresses (TCP). */
export interface RouteService {
  name: string;
  /** HTTP: `<scheme>://<ip>:<port>`. TCP: `<ip>:<port>`. */
  urls: string[];
  /** Name of a serversTransport: the internal CA's, one from the labels, or `name@provider`. */
  serversTransport?: string;
  /** `tcp`: a TCP service. Absent: HTTP. */
  protocol?: 'tcp';
  origin: string;
  source: Source;
}

/** A serversTransport a deployment's labels define (written as `<deploy>-<name>`). */
export interface RouteTransport {
  name: string;
  insecureSkipVerify: boolean;
  origin: string;
  source: Source;
}

export interface Routes {
  routers: Router[];
  services: RouteService[];
  /** Transports defined by labels; the internal CA's comes from the settings, not from here. */
  transports?: RouteTransport[];
}

/** An A record. */
export interface DnsRecord {
  /** Fully qualified, lower case. */
  name: string;
  ip: string;
  why: 'guest' | 'route' | 'agent' | 'explicit';
  /** Deployment id or `guest:<id>` or `explicit`. */
  origin: string;
  source: Source;
}

/** One firewall rule in Phoenix's normalised form (PVE vocabulary), with where it came from. */
export interface FirewallRule extends RuleFields {
  /** Where the rule came from: `global`, `guest:<id>`, or a deployment id. */
  origins: string[];
}

export interface FirewallPolicy {
  enabled: boolean;
  policyIn: 'ACCEPT' | 'DROP' | 'REJECT';
  policyOut: 'ACCEPT' | 'DROP' | 'REJECT';
}

export interface GuestFirewall {
  guest: Guest;
  policy: FirewallPolicy;
  rules: FirewallRule[];
}

export interface Firewall {
  cluster: { policy: FirewallPolicy; rules: FirewallRule[] };
  guests: GuestFirewall[];
}

/** A Portainer Agent environment Phoenix ensures exists. */
export interface PortainerEnvironment {
  name: string;
  /** `tcp://host:port`. */
  url: string;
  vmid: number;
  source: Source;
}

/** What stack discovery found. */
export interface Discovery {
  stacks: string[];
  skipped: { name: string; reason: string }[];
}

/** The DNS server's own settings (from the global `dns_server` section). */
export interface DnsServer {
  enabled: boolean;
  upstreams: string[];
  /** Where the DNS server answers (`ip` or `ip:port`), for the readiness check. */
  listenAddress: string | undefined;
}

/** How to reach Portainer. Credentials stay references until a stage needs them. */
export interface PortainerAccess {
  url: string | undefined;
  username: string | undefined;
  /** Plaintext, `env:NAME` or `file:PATH`. */
  password: string | undefined;
  apiKey: string | undefined;
}

/** Everything Phoenix wants, for every target. */
export interface DesiredState {
  root: string;
  /** One owner id per root; never changes. */
  ownerId: string;
  domain: string;
  settings: SyncSettings;
  guests: Guest[];
  deployments: StackDeployment[];
  routes: Routes;
  dns: DnsRecord[];
  firewall: Firewall;
  environments: PortainerEnvironment[];
  discovery: Discovery;
  dnsServer: DnsServer;
  portainer: PortainerAccess;
  /**
   * Set when derived with departed deployments to retain (derive's `retain`): whose DNS
   * records, firewall rules and routes `dns`, `firewall` and `routes` keep, and whose not.
   */
  retained?: { kept: string[]; lost: { id: string; reason: string }[] };
}
