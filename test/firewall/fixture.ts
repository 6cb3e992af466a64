/**
 * A realistic firewall desired state built by hand (a homelab: a gateway LXC, Traefik, a
 * Portainer primary and two agents, one DHCP template), plus a provider context for tests.
 */
import { Value } from '@sinclair/typebox/value';
import { SyncSection, type SyncSettings } from '../../src/config/settings.js';
import type { DesiredState, Firewall, FirewallRule, Guest, GuestFirewall } from '../../src/desired/types.js';
import { RecordingReporter } from '../../src/output/events.js';
import type { SyncOptions } from '../../src/plan/options.js';
import type { ProviderContext } from '../../src/providers/provider.js';
import { Redactor } from '../../src/secrets.js';
import { syncOptions } from '../helpers/desired.js';

const source = { file: 'phoenix_vm_configs.json', line: 1, column: 1 };

/** A guest. */
export function guest(id: number, name: string, ip: string | undefined, kind: Guest['kind'] = 'vm'): Guest {
  return { kind, id, name, ip, cidr: ip ? `${ip}/24` : undefined, source };
}

/** A rule with its origin. */
export function rule(r: Omit<FirewallRule, 'origins'> & { origins?: string[] }): FirewallRule {
  return { origins: ['global'], ...r };
}

const on = { enabled: true, policyIn: 'DROP', policyOut: 'ACCEPT' } as const;

/** The example estate's firewall. */
export function homelabFirewall(): Firewall {
  const gw = guest(101, 'gateway', '10.0.0.1', 'lxc');
  const traefik = guest(102, 'traefik', '10.0.0.12', 'lxc');
  const primary = guest(1001, 'portainer', '10.0.0.101');
  const agent = guest(1002, 'docker-a', '10.0.0.102');
  const g = (x: Guest, rules: FirewallRule[], policy: GuestFirewall['policy'] = on): GuestFirewall => ({
    guest: x,
    policy,
    rules,
  });
  return {
    cluster: {
      policy: on,
      rules: [
        rule({ direction: 'in', action: 'SSH(ACCEPT)', source: '10.0.0.0/24', comment: 'ssh from the lan' }),
        rule({
          direction: 'in',
          action: 'ACCEPT',
          proto: 'tcp',
          dport: '8006',
          source: '10.0.0.0/24',
          comment: 'pve web ui',
        }),
        rule({ direction: 'in', action: 'Ping(ACCEPT)' }),
      ],
    },
    guests: [
      g(gw, [
        rule({
          direction: 'in',
          action: 'DNS(ACCEPT)',
          source: '10.0.0.0/24',
          comment: 'dns for the lan',
          origins: ['guest:101'],
        }),
        rule({
          direction: 'in',
          action: 'ACCEPT',
          proto: 'udp',
          dport: '67:68',
          comment: 'dhcp',
          origins: ['guest:101'],
        }),
      ]),
      g(traefik, [
        rule({
          direction: 'in',
          action: 'ACCEPT',
          proto: 'tcp',
          dport: '80,443',
          comment: 'web',
          origins: ['guest:102'],
        }),
      ]),
      g(primary, [
        rule({
          direction: 'in',
          action: 'ACCEPT',
          proto: 'tcp',
          dport: '9443',
          source: '10.0.0.12',
          comment: 'portainer ui via traefik',
          origins: ['1001/portainer-production'],
        }),
      ]),
      g(agent, [
        rule({
          direction: 'in',
          action: 'ACCEPT',
          proto: 'tcp',
          dport: '9001',
          source: '10.0.0.101',
          comment: 'portainer agent',
          origins: ['1002/agent-production'],
        }),
        rule({
          direction: 'in',
          action: 'ACCEPT',
          proto: 'tcp',
          dport: '6333:6334',
          source: '10.0.0.12',
          comment: 'qdrant',
          origins: ['1002/qdrant-production'],
        }),
        rule({
          direction: 'out',
          action: 'REJECT',
          proto: 'tcp',
          dport: '25',
          log: 'info',
          comment: 'no mail out',
          origins: ['guest:1002'],
        }),
      ]),
    ],
  };
}

/** Settings with defaults, the firewall part overridden. */
export function settings(firewall: Partial<SyncSettings['firewall']> = {}): SyncSettings {
  const s = Value.Default(SyncSection, {}) as SyncSettings;
  return { ...s, command_timeout_seconds: 20, firewall: { ...s.firewall, ...firewall } };
}

/** A desired state around a firewall. */
export function desiredState(firewall: Firewall, sync: SyncSettings, root = '/srv/phoenix'): DesiredState {
  const guests = [...new Map(firewall.guests.map((g) => [g.guest.id, g.guest])).values()];
  return {
    root,
    ownerId: 'phoenix-lab.internal',
    domain: 'lab.internal',
    settings: sync,
    guests,
    deployments: [],
    routes: { routers: [], services: [] },
    dns: [],
    firewall,
    environments: [],
    discovery: { stacks: [], skipped: [] },
    dnsServer: { enabled: false, upstreams: [], listenAddress: undefined },
    portainer: { url: undefined, username: undefined, password: undefined, apiKey: undefined },
  };
}

/** A provider context recording its events. */
export function context(
  desired: DesiredState,
  options: Partial<SyncOptions> = {},
): ProviderContext & { reporter: RecordingReporter } {
  return {
    desired,
    options: syncOptions(options),
    reporter: new RecordingReporter(),
    redactor: new Redactor(),
    signal: new AbortController().signal,
    failedDeployments: new Set(),
  };
}

/** The bundled example's desired state (see test/helpers/example.ts). */
export { exampleDesired as example } from '../helpers/example.js';
