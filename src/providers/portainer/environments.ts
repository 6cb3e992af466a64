/**
 * Stage 6a: Portainer Agent environments. Phoenix ensures that every Agent
 * environment of the config exists, found by name, and creates the missing ones.
 *
 * Ownership: Portainer offers no free-form field on an environment that could carry a
 * marker (tags and groups are shared objects an operator may reuse or delete), so Phoenix
 * takes the conservative rule: it creates environments and never modifies or deletes any,
 * not even its own. An existing environment whose URL or kind differs is reported as a
 * blocked change for the operator to resolve; `--prune` never removes environments.
 */
import { ApplyError } from '../../errors.js';
import type { PortainerEnvironment } from '../../desired/types.js';
import { actionable, type Change, type Resource } from '../../plan/change.js';
import { plan } from '../../plan/planner.js';
import { applyChange, type ApplyResult, type Provider, type ProviderContext } from '../provider.js';
import { createAgentEndpoint, listEndpoints, type Endpoint } from './api.js';
import type { PortainerClient } from './client.js';
import { inScope } from '../../plan/policy.js';

/** An environment as Phoenix compares it. */
export interface EnvironmentValue {
  name: string;
  /** `tcp://host:port`, as Portainer stores an agent's address. */
  url: string;
  kind: 'agent' | 'docker' | 'edge' | 'kubernetes' | 'other';
}

/** What observe returns. */
export interface EnvironmentsLive {
  endpoints: Endpoint[];
}

/**
 * Portainer strips any scheme from an agent address and stores `tcp://<address>`; host
 * names are case-insensitive. Normalising both sides keeps that from reading as a change.
 */
export function normaliseAgentUrl(url: string): string {
  const i = url.indexOf('://');
  return `tcp://${(i >= 0 ? url.slice(i + 3) : url).replace(/\/+$/, '').toLowerCase()}`;
}

/** `portainer.EndpointType` → what kind of environment it is. */
export function endpointKind(type: number): EnvironmentValue['kind'] {
  if (type === 2) return 'agent';
  if (type === 1) return 'docker';
  if (type === 4 || type === 7) return 'edge';
  if (type === 5 || type === 6) return 'kubernetes';
  return 'other';
}

function desiredOf(e: PortainerEnvironment): Resource<EnvironmentValue> {
  return {
    id: e.name,
    kind: 'environment',
    value: { name: e.name, url: normaliseAgentUrl(e.url), kind: 'agent' },
  };
}

/** Pure: desired Agent environments against the live ones. */
export function planEnvironments(ctx: ProviderContext, live: EnvironmentsLive): Change<EnvironmentValue>[] {
  const wanted = ctx.desired.environments.filter((e) => inScope(ctx.options.filters, e.vmid));
  const names = new Set(wanted.map((e) => e.name));
  // Only same-named environments take part, so nothing else can ever be planned for deletion.
  const liveRes: Resource<EnvironmentValue>[] = live.endpoints
    .filter((e) => names.has(e.Name))
    .map((e) => ({
      id: e.Name,
      kind: 'environment',
      value: { name: e.Name, url: normaliseAgentUrl(e.URL), kind: endpointKind(e.Type) },
      owned: true,
    }));
  const byName = new Map(wanted.map((e) => [e.name, e]));
  const changes = plan(wanted.map(desiredOf), liveRes, {
    stage: 'endpoints',
    label: (r) => {
      const e = byName.get(r.id);
      return e ? `environment ${e.name} (vm ${e.vmid})` : `environment ${r.id}`;
    },
  });
  return changes.map((c) => {
    if (c.action !== 'update' || !c.before || !c.after) return c;
    const was = `${c.before.kind} at ${c.before.url}`;
    const want = `${c.after.kind} at ${c.after.url}`;
    return {
      ...c,
      reason: `exists as ${was}; the config wants ${want}`,
      blocked:
        'Phoenix never modifies or deletes Portainer environments: change it in Portainer, or rename it in the config',
    };
  });
}

/** Portainer Agent environments: observe, plan, apply. */
export class PortainerEnvironmentsProvider implements Provider<EnvironmentsLive> {
  readonly stage = 'endpoints' as const;

  constructor(private readonly client: PortainerClient) {}

  async observe(ctx: ProviderContext): Promise<EnvironmentsLive> {
    if (ctx.desired.environments.length === 0) return { endpoints: [] };
    return { endpoints: await listEndpoints(this.client, undefined, ctx.signal) };
  }

  plan(ctx: ProviderContext, live: EnvironmentsLive): Change[] {
    return planEnvironments(ctx, live);
  }

  /** Creates run one at a time: Portainer pings each agent while creating it. */
  async apply(ctx: ProviderContext, changes: Change[], _live?: EnvironmentsLive): Promise<ApplyResult[]> {
    if (ctx.options.dryRun) return [];
    const results: ApplyResult[] = [];
    const tls = ctx.desired.settings.portainer.agent_tls;
    for (const c of actionable(changes as Change<EnvironmentValue>[])) {
      results.push(
        await applyChange(ctx, c, async () => {
          const e = ctx.desired.environments.find((x) => x.name === c.id);
          if (c.action !== 'create' || !e)
            throw new ApplyError(`refusing to ${c.action} environment ${c.id}`);
          await this.create({ name: e.name, url: e.url, tls }, ctx.signal);
        }),
      );
    }
    return results;
  }

  /**
   * Create one environment so that a lost answer cannot fail it: before a retry, and when
   * the create meets 409 (an earlier attempt made it), an Agent environment of that name
   * and URL is the one we asked for.
   */
  private async create(e: { name: string; url: string; tls: boolean }, signal: AbortSignal): Promise<void> {
    const url = normaliseAgentUrl(e.url);
    const ours = async () =>
      (await listEndpoints(this.client, e.name, signal)).find(
        (x) => x.Name === e.name && endpointKind(x.Type) === 'agent' && normaliseAgentUrl(x.URL) === url,
      );
    try {
      await createAgentEndpoint(this.client, e, signal, ours);
    } catch (err) {
      if ((err as { status?: number }).status === 409 && (await ours().catch(() => undefined))) return;
      throw err;
    }
  }
}
