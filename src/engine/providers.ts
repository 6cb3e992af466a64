/**
 * Builds the providers of each stage from the desired state: the settings choose the
 * backends; Portainer credentials are resolved here, only when a stage needs Portainer.
 * Modules are imported lazily so commands that need no provider stay fast.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveSecretAsync } from '../config/secret-ref.js';
import type { DesiredState } from '../desired/types.js';
import { UserError } from '../errors.js';
import { FILE_STAGES, type Stage } from '../plan/stages.js';
import type { Provider } from '../providers/provider.js';
import type { Redactor } from '../secrets.js';
import type { ProviderFactory } from './pipeline.js';

/** Resolve Portainer's URL, CA and credentials (API key preferred over password). */
export async function portainerCredentials(d: DesiredState, env: NodeJS.ProcessEnv, redactor: Redactor) {
  const p = d.portainer;
  if (!p.url)
    throw new UserError('Portainer is used but its URL is unknown', {
      hint: 'set sync.portainer.url or portainer_api.portainer_hostname',
    });
  const secret = async (value: string | undefined, what: string) => {
    if (value === undefined) return undefined;
    const r = await resolveSecretAsync(value, d.root, env);
    if (!r.ok) throw new UserError(`${what}: ${r.message}`, { hint: r.hint });
    redactor.add(r.value);
    return r.value;
  };
  const apiKey = await secret(p.apiKey, 'sync.portainer.api_key');
  const password = apiKey ? undefined : await secret(p.password, 'portainer_api.admin_password');
  if (!apiKey && !(p.username && password)) {
    throw new UserError('no Portainer credentials', {
      hint: 'set sync.portainer.api_key (env:NAME) or portainer_api.admin_user and admin_password',
    });
  }
  const caFile = d.settings.portainer.ca_file;
  let caPem: string | undefined;
  if (caFile) {
    try {
      caPem = readFileSync(resolve(d.root, caFile), 'utf8');
    } catch (err) {
      throw new UserError(
        `cannot read sync.portainer.ca_file ${caFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        { hint: 'point it at the Step-CA root certificate (PEM)' },
      );
    }
  }
  return {
    url: p.url,
    ...(caPem ? { caPem } : {}),
    ...(apiKey ? { apiKey } : { username: p.username!, password: password! }),
  };
}

/** The default factory: real providers for every stage the settings enable. */
export const buildProviders: ProviderFactory = async (desired, env, redactor, _options, stages) => {
  const s = desired.settings;
  const want = (stage: Stage) => stages.includes(stage);
  // The stacks stage also tells the file stages which deployments left the config
  // (pipeline.ts keepDeparted); for a file-only run it is built on a best-effort basis.
  const stacksWanted = want('stacks') || want('endpoints');
  const stacksUseful = stacksWanted || FILE_STAGES.some(want);
  const out: Partial<Record<Stage, Provider[]>> = {};
  const closers: (() => Promise<void>)[] = [];
  if (s.dns.enabled && desired.dnsServer.enabled) {
    const { createDnsProvider } = await import('../providers/dns/provider.js');
    out.dns = [createDnsProvider()];
  }
  if (s.firewall.enabled) {
    const { firewallProvider } = await import('../providers/firewall/index.js');
    out.firewall = [firewallProvider(s.firewall)];
  }
  // Also with no Portainer deployment left, so that --prune still sees the stacks made there.
  const portainerConfigured =
    (s.backend === 'portainer' || Object.values(s.backends).includes('portainer')) &&
    desired.portainer.url !== undefined;
  const usesPortainer =
    desired.environments.length > 0 ||
    desired.deployments.some((d) => d.backend === 'portainer') ||
    portainerConfigured;
  const stacks: Provider[] = [];
  if (usesPortainer && stacksUseful) {
    let credentials: Awaited<ReturnType<typeof portainerCredentials>> | undefined;
    try {
      credentials = await portainerCredentials(desired, env, redactor);
    } catch (err) {
      if (stacksWanted) throw err;
    }
    if (credentials) {
      const { createPortainerProviders } = await import('../providers/portainer/index.js');
      const p = createPortainerProviders(desired, redactor, credentials);
      closers.push(() => p.client.close());
      out.endpoints = [p.environments];
      stacks.push(p.stacks);
    }
  }
  // Whenever the docker backend is configured at all: with no docker deployment left, --prune
  // must still see (and may delete) the stacks Phoenix made there.
  const dockerConfigured = s.backend === 'docker' || Object.values(s.backends).includes('docker');
  if (stacksUseful && dockerConfigured) {
    const { DockerStacksProvider } = await import('../providers/docker/index.js');
    stacks.push(new DockerStacksProvider());
  }
  if (stacks.length) out.stacks = stacks;
  if (s.traefik.enabled) {
    const { createTraefikProvider } = await import('../providers/traefik/provider.js');
    out.traefik = [createTraefikProvider()];
  }
  return { stages: out, close: async () => void (await Promise.all(closers.map((c) => c()))) };
};
