/**
 * Hand-built desired states for provider tests: sync options with everything off, and a
 * desired state with nothing in it, for fixtures to fill with what they test.
 */
import type { DesiredState } from '../../src/desired/types.js';
import type { SyncOptions } from '../../src/plan/options.js';

/** Sync options: apply, no prune, no force, no filters — unless overridden. */
export function syncOptions(overrides: Partial<SyncOptions> = {}): SyncOptions {
  return {
    dryRun: false,
    prune: false,
    pruneAll: false,
    adopt: false,
    force: false,
    pull: false,
    includePortainer: false,
    filters: {},
    ...overrides,
  };
}

/** The parts of a desired state every fixture leaves empty unless it tests them. */
export function emptyParts(): Pick<
  DesiredState,
  | 'guests'
  | 'deployments'
  | 'routes'
  | 'dns'
  | 'firewall'
  | 'environments'
  | 'discovery'
  | 'dnsServer'
  | 'portainer'
> {
  return {
    guests: [],
    deployments: [],
    routes: { routers: [], services: [] },
    dns: [],
    firewall: {
      cluster: { policy: { enabled: false, policyIn: 'ACCEPT', policyOut: 'ACCEPT' }, rules: [] },
      guests: [],
    },
    environments: [],
    discovery: { stacks: [], skipped: [] },
    dnsServer: { enabled: false, upstreams: [], listenAddress: undefined },
    portainer: { url: undefined, username: undefined, password: undefined, apiKey: undefined },
  };
}
