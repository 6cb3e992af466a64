/**
 * The docker deploy backend: stacks straight to Docker engines with the docker
 * CLI, for deployments whose backend is `docker`. Engines are observed and deployed in
 * parallel up to `sync.concurrency`; the stacks of one engine go one after another, removals
 * first. Unchanged stacks run no compose or stack command at all.
 */
import pLimit from 'p-limit';
import { DEPLOY_NAME } from '../../desired/deployments.js';
import { ApplyError, InternalError } from '../../errors.js';
import { actionable, type Change } from '../../plan/change.js';
import { applyChange, type ApplyResult, type Provider, type ProviderContext } from '../provider.js';
import { ownershipProblems } from './compose.js';
import {
  deployStandalone,
  deploySwarm,
  removeStaleConfigs,
  removeStandalone,
  removeSwarm,
  type DeployUnit,
} from './deploy.js';
import { withMarker } from '../compose-marker.js';
import { DockerEngine, detectCompose, type ComposeCli, type DockerRunner } from './engine.js';
import { waitStandalone, waitSwarm } from './health.js';
import { healthStep } from '../../output/events.js';
import { DEPLOYMENT_LABEL, OWNER_LABEL } from './labels.js';
import { observeEngine, type DockerLive } from './live.js';
import {
  STACK_KIND,
  dockerDeployments,
  enginesToObserve,
  planDockerStacks,
  type DockerStackValue,
} from './plan.js';
import { exec } from '../../util/exec.js';

/** Knobs for tests and special engines; production uses the defaults. */
export interface DockerProviderOptions {
  /** Runs every command (default: src/util/exec.ts `exec`). Tests wrap it to count commands. */
  runner?: DockerRunner;
  /** `auto` (default): swarm stacks on swarm managers, compose elsewhere. */
  mode?: 'auto' | 'standalone' | 'swarm';
  /** `docker stack deploy --resolve-image`; `never` where no registry is reachable. */
  resolveImage?: 'always' | 'changed' | 'never';
  /** Use this compose CLI instead of detecting one. */
  compose?: ComposeCli;
  /** Health poll interval, 1000 ms by default. */
  pollIntervalMs?: number;
  /** The docker CLI, `docker` on PATH by default. */
  dockerBinary?: string;
  /** Parent of the private temp folders that hold compose files during a deploy. */
  tmpRoot?: string;
}

function isDockerValue(v: unknown): v is DockerStackValue {
  return typeof v === 'object' && v !== null && 'engine' in v && 'mode' in v && 'name' in v;
}

/** The `stacks` stage for deployments with `backend: 'docker'`. */
export class DockerStacksProvider implements Provider<DockerLive> {
  readonly stage = 'stacks' as const;
  private composeCli: Promise<ComposeCli | undefined> | undefined;

  constructor(private readonly opts: DockerProviderOptions = {}) {}

  private engine(ctx: ProviderContext, host: string): DockerEngine {
    const timeoutMs = ctx.desired.settings.command_timeout_seconds * 1000;
    return new DockerEngine(
      host,
      this.opts.runner ?? exec,
      ctx.redactor,
      timeoutMs,
      ctx.signal,
      this.opts.dockerBinary,
    );
  }

  /** Observe every engine that has (or may have had) docker deployments. */
  async observe(ctx: ProviderContext): Promise<DockerLive> {
    const deployments = dockerDeployments(ctx.desired, ctx.options);
    for (const d of deployments) for (const v of d.variables) if (v.secret) ctx.redactor.add(v.value);
    const limit = pLimit(ctx.desired.settings.concurrency);
    const hosts = enginesToObserve(ctx.desired, deployments);
    const engines = await Promise.all(
      hosts.map((h) => limit(() => observeEngine(this.engine(ctx, h), this.opts.mode ?? 'auto'))),
    );
    for (const e of engines) {
      if (e.error === undefined || deployments.some((d) => d.dockerHost === e.host)) continue;
      ctx.reporter.emit({
        type: 'log',
        level: 'warn',
        scope: 'docker',
        message: ctx.redactor.redact(
          `cannot observe engine ${e.host}, so nothing on it is pruned: ${e.error}`,
        ),
      });
    }
    return { engines };
  }

  /** Pure: desired deployments against the observed engines. */
  plan(ctx: ProviderContext, live: DockerLive): Change[] {
    return planDockerStacks(ctx.desired, live, ctx.options);
  }

  /** Apply the actionable stack changes; each stack fails alone. */
  async apply(ctx: ProviderContext, changes: Change[], live: DockerLive): Promise<ApplyResult[]> {
    const byEngine = new Map<string, Change<DockerStackValue>[]>();
    for (const c of actionable(changes)) {
      const value = c.after ?? c.before;
      if (c.stage !== 'stacks' || c.kind !== STACK_KIND || !isDockerValue(value)) continue;
      byEngine.set(value.engine, [...(byEngine.get(value.engine) ?? []), c as Change<DockerStackValue>]);
    }
    const limit = pLimit(ctx.desired.settings.concurrency);
    const perEngine = [...byEngine].map(([host, list]) =>
      limit(async () => {
        const engine = this.engine(ctx, host);
        const ordered = [
          ...list.filter((c) => c.action === 'delete'),
          ...list.filter((c) => c.action !== 'delete'),
        ];
        const results: ApplyResult[] = [];
        for (const c of ordered) results.push(await this.applyOne(ctx, engine, c, live));
        return results;
      }),
    );
    return (await Promise.all(perEngine)).flat();
  }

  private async applyOne(
    ctx: ProviderContext,
    engine: DockerEngine,
    change: Change<DockerStackValue>,
    live: DockerLive,
  ): Promise<ApplyResult> {
    return applyChange(ctx, change, async () => {
      const observed = live.engines.find((e) => e.host === engine.host);
      if (observed?.error !== undefined)
        throw new ApplyError(`cannot observe engine ${engine.host}: ${observed.error}`);
      if (change.action === 'delete') await this.remove(ctx, engine, change.before);
      else await this.deploy(ctx, engine, change);
    });
  }

  private async remove(
    ctx: ProviderContext,
    engine: DockerEngine,
    before: DockerStackValue | undefined,
  ): Promise<void> {
    if (!before) throw new InternalError('a stack delete without the live stack');
    if (before.mode === 'swarm')
      await removeSwarm(engine, before.name, this.deployTimeoutMs(ctx), ctx.signal);
    else await removeStandalone(engine, before.name);
  }

  /**
   * The stack the change deploys, from its instruction: only secret values and the marker
   * (a digest of them) come from the desired state of this run, never from a plan.
   */
  private unit(ctx: ProviderContext, change: Change<DockerStackValue>): { unit: DeployUnit; hash: string } {
    const after = change.after;
    if (after?.compose === undefined)
      throw new InternalError(`a ${change.action} of ${change.id} without its instruction`);
    const d = ctx.desired.deployments.find((x) => x.id === change.id);
    if (!d) throw new ApplyError(`${change.id} is no longer in the config`);
    const fresh = new Map(d.variables.map((v) => [v.name, v]));
    const withheld = new Set(after.withheld);
    const variables = Object.entries(after.vars ?? {}).map(([name, value]) => {
      if (!withheld.has(name)) return { name, value, secret: false };
      const v = fresh.get(name);
      if (!v) throw new ApplyError(`variable ${name} is no longer in the config`);
      return { name, value: v.value, secret: true };
    });
    const unit = {
      name: after.name,
      compose: withMarker(after.compose, d.hash),
      variables,
      files: after.files ?? [],
    };
    return { unit, hash: d.hash };
  }

  private deployTimeoutMs(ctx: ProviderContext): number {
    const s = ctx.desired.settings;
    return (s.docker.health_timeout_seconds + s.command_timeout_seconds) * 1000;
  }

  private async deploy(
    ctx: ProviderContext,
    engine: DockerEngine,
    change: Change<DockerStackValue>,
  ): Promise<void> {
    const { unit: d, hash } = this.unit(ctx, change);
    // Compose rewrites other names (v1 strips characters), and the stack would then never be found again.
    if (!DEPLOY_NAME.test(d.name)) {
      throw new ApplyError(`deploy name ${JSON.stringify(d.name)} is not a valid compose project name`, {
        hint: 'use lower-case letters, digits, `-` and `_`, starting with a letter or digit',
      });
    }
    const swarm = change.after?.mode === 'swarm';
    const owner = { owner: ctx.desired.ownerId, deployment: d.name, hash };
    const problems = ownershipProblems(d.compose, owner);
    if (problems.length > 0) {
      throw new ApplyError(
        `rendered compose of ${d.name} lacks Phoenix's ownership labels: ${problems.join('; ')}`,
        {
          hint: 'a stack deployed without them could never be recognised, updated or pruned; this is a bug in the derivation',
        },
      );
    }
    if (change.before && change.before.mode !== change.after?.mode)
      await this.remove(ctx, engine, change.before);
    const s = ctx.desired.settings;
    const deploy = {
      engine,
      timeoutMs: this.deployTimeoutMs(ctx),
      pull: change.after?.pull === true,
      ...(this.opts.resolveImage ? { resolveImage: this.opts.resolveImage } : {}),
      ...(this.opts.tmpRoot ? { tmpRoot: this.opts.tmpRoot } : {}),
    };
    const wait = {
      name: d.name,
      hash,
      services: change.after?.services ?? [],
      timeoutMs: s.docker.health_timeout_seconds * 1000,
      pollMs: this.opts.pollIntervalMs ?? 1000,
      signal: ctx.signal,
    };
    if (swarm) {
      const configNames = await deploySwarm(deploy, d, {
        [OWNER_LABEL]: owner.owner,
        [DEPLOYMENT_LABEL]: d.name,
      });
      await healthStep(ctx.reporter, change, () => waitSwarm(engine, wait));
      const stuck = await removeStaleConfigs(engine, d.name, configNames);
      if (stuck.length > 0) {
        ctx.reporter.emit({
          type: 'log',
          level: 'warn',
          scope: 'docker',
          message: `stack ${d.name}: old configs still in use: ${stuck.join(', ')}`,
        });
      }
      return;
    }
    const compose = await this.compose(engine);
    if (!compose) {
      throw new ApplyError(`no compose CLI answers on this machine for ${engine.host}`, {
        hint: 'install the Docker Compose v2 plugin (`docker compose`) or `docker-compose`',
      });
    }
    await deployStandalone(deploy, compose, d);
    await healthStep(ctx.reporter, change, () => waitStandalone(engine, wait));
  }

  /** The compose CLI, detected once per provider (it is a property of this machine, not of an engine). */
  private compose(engine: DockerEngine): Promise<ComposeCli | undefined> {
    if (this.opts.compose) return Promise.resolve(this.opts.compose);
    this.composeCli ??= detectCompose(engine, this.opts.dockerBinary);
    return this.composeCli;
  }
}
