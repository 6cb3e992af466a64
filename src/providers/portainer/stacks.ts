/**
 * Stage 6b: Docker stacks through Portainer. Observe lists every stack
 * once and reads the files Phoenix may compare; plan is pure (stacks-plan.ts); apply runs
 * environments in parallel (bounded by `sync.concurrency`), the stacks of one environment
 * one after another, waits for each deployed stack to be healthy, and never lets one
 * stack's failure stop the others.
 */
import pLimit from 'p-limit';
import { ApplyError } from '../../errors.js';
import type { Change } from '../../plan/change.js';
import { actionable } from '../../plan/change.js';
import { applyChange, type ApplyResult, type Provider, type ProviderContext } from '../provider.js';
import {
  createStack,
  deleteStack,
  listEndpoints,
  listStacks,
  type Stack,
  stackFile,
  swarmId,
  updateStack,
} from './api.js';
import type { PortainerClient } from './client.js';
import { waitForStack } from './health.js';
import { healthStep } from '../../output/events.js';
import {
  envMap,
  HASH_VAR,
  isOwned,
  portainerStackName,
  resolveEnv,
  withMarker,
  type StackValue,
} from './stack-model.js';
import {
  environmentsInScope,
  planStacks,
  selectDeployments,
  type LiveEnvironment,
  type LiveStack,
  type StacksLive,
} from './stacks-plan.js';

/** Tuning the engine does not need to touch. */
export interface StacksProviderOptions {
  /** Interval between health polls; default 2 s. */
  healthPollMs?: number;
}

/** Portainer stacks: observe, plan, apply. */
export class PortainerStacksProvider implements Provider<StacksLive> {
  readonly stage = 'stacks' as const;

  constructor(
    private readonly client: PortainerClient,
    private readonly tuning: StacksProviderOptions = {},
  ) {}

  async observe(ctx: ProviderContext): Promise<StacksLive> {
    const scope = environmentsInScope(ctx.desired, ctx.options);
    if (scope.size === 0) return { environments: [] };
    const wanted = selectDeployments(ctx.desired, ctx.options.filters);
    // The loader registers secrets too; doing it here as well keeps this stage safe on its own.
    for (const d of wanted) for (const v of d.variables) if (v.secret) ctx.redactor.add(v.value);
    // A rotated secret's old value lives on in the live Env: redact it too.
    const secretNames = new Set(
      ctx.desired.deployments.flatMap((d) => d.variables.filter((v) => v.secret).map((v) => v.name)),
    );
    const [endpoints, stacks] = await Promise.all([
      listEndpoints(this.client, undefined, ctx.signal),
      listStacks(this.client, ctx.signal),
    ]);
    const limit = pLimit(ctx.desired.settings.concurrency);
    const environments = await Promise.all(
      [...scope].map(([name, vmid]) =>
        limit(async (): Promise<LiveEnvironment> => {
          const endpoint = endpoints.find((e) => e.Name === name);
          const env: LiveEnvironment = { name, ...(vmid === undefined ? {} : { vmid }), stacks: [] };
          if (!endpoint) return env;
          env.endpointId = endpoint.Id;
          const names = new Set(
            wanted.filter((d) => d.portainerEnvironment === name).map((d) => portainerStackName(d.name)),
          );
          const onEndpoint = stacks.filter((x) => x.EndpointId === endpoint.Id);
          env.stacks = await Promise.all(
            onEndpoint.map(async (s): Promise<LiveStack> => {
              const vars = envMap(s.Env);
              for (const [k, v] of Object.entries(vars)) if (secretNames.has(k)) ctx.redactor.add(v);
              const live: LiveStack = {
                id: s.Id,
                name: s.Name,
                type: s.Type,
                endpointId: s.EndpointId,
                ...(s.SwarmId ? { swarmId: s.SwarmId } : {}),
                env: vars,
                owned: isOwned(vars, ctx.desired.ownerId),
              };
              // Only stacks Phoenix may compare need their file: one read per desired stack.
              if (names.has(s.Name)) live.compose = await stackFile(this.client, s.Id, ctx.signal);
              return live;
            }),
          );
          // Swarm or not matters only for a stack that does not exist yet.
          const existing = new Set(env.stacks.map((s) => s.name));
          if ([...names].some((n) => !existing.has(n))) {
            const id = await swarmId(this.client, endpoint.Id, ctx.signal);
            if (id) env.swarmId = id;
          }
          return env;
        }),
      ),
    );
    return { environments };
  }

  plan(ctx: ProviderContext, live: StacksLive): Change[] {
    return planStacks(ctx.desired, ctx.options, live);
  }

  async apply(ctx: ProviderContext, changes: Change[], _live: StacksLive): Promise<ApplyResult[]> {
    if (ctx.options.dryRun) return [];
    const todo = actionable(changes as Change<StackValue>[]);
    const byEnv = new Map<string, Change<StackValue>[]>();
    for (const c of todo) {
      const env = (c.after ?? c.before)?.environment ?? '';
      byEnv.set(env, [...(byEnv.get(env) ?? []), c]);
    }
    const limit = pLimit(ctx.desired.settings.concurrency);
    const results = await Promise.all(
      [...byEnv].map(([name, list]) =>
        limit(async () => {
          const out: ApplyResult[] = [];
          const created = createdEnvironment(this.client, ctx, name);
          for (const c of list) out.push(await this.applyOne(ctx, c, created));
          return out;
        }),
      ),
    );
    return results.flat();
  }

  /** Apply one change and report it; never throws. */
  private applyOne(
    ctx: ProviderContext,
    c: Change<StackValue>,
    created: CreatedEnvironment,
  ): Promise<ApplyResult> {
    return applyChange(ctx, c, async () => {
      if (c.action === 'delete') await this.remove(ctx, c);
      else await this.deploy(ctx, c, created);
    });
  }

  /**
   * Deploy exactly what the change says: its compose text, Env, mode, environment, and the
   * stack an update replaces. Only secret values and the marker's keyed part come from the
   * desired state of this run (never written into a plan).
   */
  private async deploy(
    ctx: ProviderContext,
    c: Change<StackValue>,
    created: CreatedEnvironment,
  ): Promise<void> {
    const after = c.after;
    if (!after) throw new ApplyError(`a ${c.action} of ${c.id} without its desired stack`);
    const swarm = after.mode === 'swarm';
    let endpointId = after.endpointId;
    let swarmId = after.swarmId;
    if (endpointId === undefined) {
      const env = await created();
      // Planned before the environment existed, so planned standalone: a swarm manager
      // needs the swarm rendering, which only a new plan has.
      if (env.swarmId !== undefined && !swarm)
        throw new ApplyError(
          `environment ${after.environment} was created in this run and is a swarm manager; the plan deploys ${after.name} standalone`,
          { hint: 'run the sync again: it plans the stack for the swarm' },
        );
      endpointId = env.endpointId;
      swarmId ??= env.swarmId;
    }
    const d = ctx.desired.deployments.find((x) => x.id === c.id);
    if (!d) throw new ApplyError(`${c.id} is no longer in the config`);
    const compose = withMarker(after.compose, d.hash);
    const vars = resolveEnv(after, d, ctx.desired.ownerId);
    const p = ctx.desired.settings.portainer;
    // Portainer answers a deploy only once compose has pulled and started it.
    const call = {
      timeoutMs: Math.max(p.request_timeout_seconds, p.health_timeout_seconds) * 1000,
      signal: ctx.signal,
    };
    const name = after.name;
    if (after.stackId !== undefined) {
      const update = { id: after.stackId, endpointId, compose, env: vars, pull: after.pull === true, swarm };
      await updateStack(this.client, update, call);
    } else {
      const hash = vars.find((v) => v.name === HASH_VAR)?.value;
      const made = () => this.madeByUs(ctx, endpointId, name, hash);
      try {
        const create = { endpointId, name, compose, env: vars, ...(swarm && swarmId ? { swarmId } : {}) };
        await createStack(this.client, create, call, made);
      } catch (err) {
        // A create whose answer was lost may have happened: its retry then meets 409.
        if ((err as { status?: number }).status !== 409 || !(await made().catch(() => undefined))) throw err;
      }
    }
    const wait = {
      timeoutMs: ctx.desired.settings.portainer.health_timeout_seconds * 1000,
      pollMs: this.tuning.healthPollMs ?? 2000,
      signal: ctx.signal,
    };
    const health = await healthStep(
      ctx.reporter,
      c,
      () => waitForStack(this.client, endpointId, name, swarm, wait),
      (h) => h.done,
    );
    const scope = 'stacks';
    if (!health.done) {
      const why = health.pending.join('; ');
      const secs = ctx.desired.settings.portainer.health_timeout_seconds;
      throw new ApplyError(`deployed, but not running after ${secs}s: ${why}`, {
        hint: 'check the containers in Portainer; raise sync.portainer.health_timeout_seconds for slow starts',
      });
    }
    ctx.reporter.emit({
      type: 'log',
      level: 'info',
      scope,
      message: ctx.redactor.redact(`${c.label}: ${health.summary}`),
    });
  }

  /** The stack of that name on that environment, if it is ours with exactly this content's hash. */
  private async madeByUs(
    ctx: ProviderContext,
    endpointId: number,
    name: string,
    hash: string | undefined,
  ): Promise<Stack | undefined> {
    return (await listStacks(this.client, ctx.signal)).find((s) => {
      const vars = envMap(s.Env);
      return (
        s.EndpointId === endpointId &&
        s.Name === name &&
        isOwned(vars, ctx.desired.ownerId) &&
        vars[HASH_VAR] === hash
      );
    });
  }

  /** Delete the stack the change names (its id and environment as observed). */
  private async remove(ctx: ProviderContext, c: Change<StackValue>): Promise<void> {
    const before = c.before;
    if (before?.stackId === undefined || before.endpointId === undefined)
      throw new ApplyError(`a delete of ${c.id} without the live stack's id`);
    if (!isOwned(before.env, ctx.desired.ownerId))
      throw new ApplyError(`stack ${before.name} is not Phoenix's; refusing to delete it`);
    await deleteStack(this.client, before.stackId, before.endpointId, ctx.signal);
  }
}

/** The endpoint of an environment made earlier in this run, looked up once on first use. */
type CreatedEnvironment = () => Promise<{ endpointId: number; swarmId?: string }>;

/**
 * The one lookup apply makes: an environment the endpoints stage created earlier in this run
 * had no endpoint id when the plan was made.
 */
function createdEnvironment(client: PortainerClient, ctx: ProviderContext, name: string): CreatedEnvironment {
  let found: Promise<{ endpointId: number; swarmId?: string }> | undefined;
  const lookup = async () => {
    const e = (await listEndpoints(client, name, ctx.signal)).find((x) => x.Name === name);
    if (!e) throw new ApplyError(`Portainer has no environment named ${name}`);
    const id = await swarmId(client, e.Id, ctx.signal);
    return { endpointId: e.Id, ...(id ? { swarmId: id } : {}) };
  };
  // A failed lookup is tried again by the next change of the environment.
  return () =>
    (found ??= lookup().catch((err: unknown) => {
      found = undefined;
      throw err;
    }));
}
