/**
 * The Portainer providers, wired from the desired state's settings and the credentials the
 * engine has already resolved (`env:`/`file:` references are the engine's job).
 */
import type { DesiredState } from '../../desired/types.js';
import type { Redactor } from '../../secrets.js';
import { PortainerClient } from './client.js';
import { PortainerEnvironmentsProvider } from './environments.js';
import { PortainerStacksProvider, type StacksProviderOptions } from './stacks.js';

export { PortainerClient, PortainerApiError, type PortainerClientOptions } from './client.js';
export { PortainerEnvironmentsProvider } from './environments.js';
export { PortainerStacksProvider } from './stacks.js';
export { OWNER_VAR, HASH_VAR } from './stack-model.js';

/** Resolved connection values: URL, optional CA bundle (PEM text), and one way to log in. */
export interface PortainerCredentials {
  url: string;
  caPem?: string;
  apiKey?: string;
  username?: string;
  password?: string;
}

/** Both Portainer providers over one client; call `client.close()` when the run ends. */
export interface PortainerProviders {
  client: PortainerClient;
  environments: PortainerEnvironmentsProvider;
  stacks: PortainerStacksProvider;
}

/** Build the client and both providers from `sync.portainer` settings and credentials. */
export function createPortainerProviders(
  desired: DesiredState,
  redactor: Redactor,
  credentials: PortainerCredentials,
  tuning: StacksProviderOptions & { backoffBaseMs?: number } = {},
): PortainerProviders {
  const s = desired.settings.portainer;
  const client = new PortainerClient({
    ...credentials,
    timeoutMs: s.request_timeout_seconds * 1000,
    retries: s.retries,
    // Environments deploy in parallel up to `concurrency`; each also polls health and reads files.
    concurrency: desired.settings.concurrency * 2,
    redactor,
    ...(tuning.backoffBaseMs === undefined ? {} : { backoff: { baseMs: tuning.backoffBaseMs } }),
  });
  return {
    client,
    environments: new PortainerEnvironmentsProvider(client),
    stacks: new PortainerStacksProvider(
      client,
      tuning.healthPollMs === undefined ? {} : { healthPollMs: tuning.healthPollMs },
    ),
  };
}
