/**
 * The offline plan (`phoenix plan --offline`, `phoenix graph --from-plan --offline`): the one
 * planner — each stage's own compare, then the policies, impacts and all — run against
 * nothing observed. So its changes are the live plan's kinds at the live plan's level of
 * detail (whole rendered files with their diff, Portainer environments, stacks with their
 * compose), every one a create. It contacts nothing: no file, engine or API is read, and no
 * Portainer credential is resolved (the Portainer stages plan with the same pure functions
 * their providers use, without a client).
 */
import type { DesiredState } from '../desired/types.js';
import { InternalError } from '../errors.js';
import type { Reporter } from '../output/events.js';
import type { Change } from '../plan/change.js';
import { STAGES, type Stage } from '../plan/stages.js';
import type { Provider, ProviderContext } from '../providers/provider.js';
import type { Redactor } from '../secrets.js';
import { observeAndPlan } from './stage.js';

/** The flags that shape a plan (wherever SyncOptions is declared). */
type SyncOptions = ProviderContext['options'];

/** A provider for planning only, with what it sees when nothing is observed. */
interface Unobserved {
  provider: Provider;
  nothing: unknown;
}

/** Refuses what an offline plan never does. */
function never(what: string): () => Promise<never> {
  return () => Promise.reject(new Error(`the offline plan does not ${what}`));
}

/** A Provider made of a pure compare alone: it can neither observe nor apply. */
function planOnly<S>(stage: Stage, plan: (ctx: ProviderContext, live: S) => Change[]): Provider<S> {
  return { stage, plan, observe: never('observe'), apply: never('apply') };
}

/** The stages' planners, chosen from the settings as the live run chooses its providers. */
async function unobservedProviders(
  desired: DesiredState,
  options: SyncOptions,
): Promise<Partial<Record<Stage, Unobserved[]>>> {
  const s = desired.settings;
  const out: Partial<Record<Stage, Unobserved[]>> = {};
  if (s.dns.enabled && desired.dnsServer.enabled) {
    const { createDnsProvider } = await import('../providers/dns/provider.js');
    out.dns = [{ provider: createDnsProvider(), nothing: [] }];
  }
  if (s.firewall.enabled) {
    const { firewallProvider } = await import('../providers/firewall/index.js');
    out.firewall = [
      {
        provider: firewallProvider(s.firewall),
        nothing: s.firewall.backend === 'nftables' ? { files: [], table: undefined } : [],
      },
    ];
  }
  const stacks: Unobserved[] = [];
  if (desired.environments.length > 0 || desired.deployments.some((d) => d.backend === 'portainer')) {
    const [{ planEnvironments }, { environmentsInScope, planStacks }] = await Promise.all([
      import('../providers/portainer/environments.js'),
      import('../providers/portainer/stacks-plan.js'),
    ]);
    out.endpoints = [{ provider: planOnly('endpoints', planEnvironments), nothing: { endpoints: [] } }];
    // Environments the endpoints stage creates are absent until it has; Portainer's own (local)
    // environment, and any other a deployment names, is taken to exist (standalone), since
    // Portainer always has its local one and nothing else can be known without asking.
    const created = new Set(desired.environments.map((e) => e.name));
    const environments = [...environmentsInScope(desired, options)].map(([name, vmid]) => ({
      name,
      ...(vmid === undefined ? {} : { vmid }),
      ...(created.has(name) ? {} : { endpointId: 0 }),
      stacks: [],
    }));
    stacks.push({
      provider: planOnly('stacks', (ctx, live: Parameters<typeof planStacks>[2]) =>
        planStacks(ctx.desired, ctx.options, live),
      ),
      nothing: { environments },
    });
  }
  if (desired.deployments.some((d) => d.backend === 'docker')) {
    const [{ DockerStacksProvider }, { dockerDeployments, enginesToObserve }] = await Promise.all([
      import('../providers/docker/index.js'),
      import('../providers/docker/plan.js'),
    ]);
    const hosts = enginesToObserve(desired, dockerDeployments(desired, options));
    stacks.push({
      provider: new DockerStacksProvider(),
      nothing: { engines: hosts.map((host) => ({ host, swarm: false, projects: [] })) },
    });
  }
  if (stacks.length) out.stacks = stacks;
  if (s.traefik.enabled) {
    const { createTraefikProvider } = await import('../providers/traefik/provider.js');
    out.traefik = [{ provider: createTraefikProvider(), nothing: [] }];
  }
  return out;
}

/** Every stage planned against nothing observed, in stage order. Contacts nothing. */
export async function offlinePlan(
  desired: DesiredState,
  options: SyncOptions,
  reporter: Reporter,
  redactor: Redactor,
): Promise<Change[]> {
  const providers = await unobservedProviders(desired, options);
  const ctx: ProviderContext = {
    desired,
    options,
    reporter,
    redactor,
    signal: new AbortController().signal,
    failedDeployments: new Set(),
  };
  const changes: Change[] = [];
  for (const stage of STAGES) {
    const list = providers[stage];
    if (!list) continue;
    const st = await observeAndPlan(
      stage,
      list.map((u) => u.provider),
      ctx,
      list.map((u) => u.nothing),
    );
    // Nothing is observed, so a failure here is a bug in a compare, not an unreachable target.
    if (st.status === 'failed') throw new InternalError(`offline plan of ${stage}: ${st.reason ?? 'failed'}`);
    changes.push(...st.changes);
  }
  return changes;
}
