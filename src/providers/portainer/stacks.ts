/**
 * Stage 6b: Docker stacks through Portainer. Observe lists every stack
 * once and reads the files Phoenix may compare; plan is pure (stacks-plan.ts); apply runs
 * environments in parallel (bounded by `sync.concurrency`), the stacks of one environment
 * one after another, waits for each deployed stack to be healthy, and never lets one
 * stack's failure stop the others.
 */
import pLimit from 'p-limit';
import type { StackDeployment } from '../../desired/types.js';
import { ApplyError } from '../../errors.js';
import type { Change } from '../../plan/change.js';
import { actionable } from '../../plan/change.js';
import { applyChange, type ApplyResult, type Provider, type ProviderContext } from '../provider.js';
import {
  createStack,
  deleteStack,
  listEndpoints,
  listStacks,
  StackType,
  type Stack,
  stackFile,
  swarmId,
  updateStack,
} from './api.js';
import type { PortainerClient } from './client.js';
import { waitForStack } from './health.js';
import { healthStep } from '../../output/events.js';
import { desiredEnv, envMap, HASH_VAR, isOwned, portainerStackName, type StackValue } from './stack-model.js';
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

  async apply(ctx: ProviderContext, changes: Change[], live: StacksLive): Promise<ApplyResult[]> {
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
          const env = live.environments.find((e) => e.name === name) ?? { name, stacks: [] };
          for (const c of list) out.push(await this.applyOne(ctx, env, c));
          return out;
        }),
      ),
    );
    return results.flat();
  }

  /** Apply one change and report it; never throws. */
  private applyOne(ctx: ProviderContext, env: LiveEnvironment, c: Change<StackValue>): Promise<ApplyResult> {
    return applyChange(ctx, c, async () => {
      await this.resolveEnvironment(ctx, env);
      if (c.action === 'delete') await this.remove(ctx, env, c);
      else await this.deploy(ctx, env, c);
    });
  }

  /** An environment created earlier in this run was not there at observe time: look it up. */
  private async resolveEnvironment(ctx: ProviderContext, env: LiveEnvironment): Promise<void> {
    if (env.endpointId !== undefined) return;
    const found = (await listEndpoints(this.client, env.name, ctx.signal)).find((e) => e.Name === env.name);
    if (!found) throw new ApplyError(`Portainer has no environment named ${env.name}`);
    env.endpointId = found.Id;
    const id = await swarmId(this.client, found.Id, ctx.signal);
    if (id) env.swarmId = id;
  }

  private deployment(ctx: ProviderContext, id: string): StackDeployment {
    const d = ctx.desired.deployments.find((x) => x.id === id);
    if (!d) throw new ApplyError(`no deployment ${id} in the desired state`);
    return d;
  }

  private async deploy(ctx: ProviderContext, env: LiveEnvironment, c: Change<StackValue>): Promise<void> {
    const d = this.deployment(ctx, c.id);
    const endpointId = env.endpointId as number;
    const name = portainerStackName(d.name);
    const existing = env.stacks.find((s) => s.name === name);
    const swarm = existing ? existing.type === StackType.swarm : env.swarmId !== undefined;
    const compose = d.compose[swarm ? 'swarm' : 'standalone'];
    const vars = desiredEnv(d, ctx.desired.ownerId);
    const p = ctx.desired.settings.portainer;
    // Portainer answers a deploy only once compose has pulled and started it.
    const call = {
      timeoutMs: Math.max(p.request_timeout_seconds, p.health_timeout_seconds) * 1000,
      signal: ctx.signal,
    };
    if (existing) {
      const update = { id: existing.id, endpointId, compose, env: vars, pull: ctx.options.pull, swarm };
      await updateStack(this.client, update, call);
    } else {
      const hash = vars.find((v) => v.name === HASH_VAR)?.value;
      const made = () => this.madeByUs(ctx, endpointId, name, hash);
      try {
        const create = {
          endpointId,
          name,
          compose,
          env: vars,
          ...(swarm && env.swarmId ? { swarmId: env.swarmId } : {}),
        };
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

  private async remove(ctx: ProviderContext, env: LiveEnvironment, c: Change<StackValue>): Promise<void> {
    const name = c.before?.name;
    const existing: LiveStack | undefined = env.stacks.find((s) => s.name === name);
    if (!existing) throw new ApplyError(`stack ${name} is no longer in Portainer`);
    if (!existing.owned) throw new ApplyError(`stack ${name} is not Phoenix's; refusing to delete it`);
    await deleteStack(this.client, existing.id, existing.endpointId, ctx.signal);
  }
}
