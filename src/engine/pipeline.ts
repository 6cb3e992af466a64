/**
 * `phoenix sync`: the staged pipeline (SPEC §4). Load and validate → lock → readiness
 * checks → observe and plan every requested stage → (dry run ends here) → apply as a small
 * work graph: DNS and firewall in parallel, then environments, stacks, Traefik. A failed
 * stage stops the stages that depend on it, and says so.
 */
import { ApplyError, CheckError, UserError, withoutLabel } from '../errors.js';
import type { Reporter } from '../output/events.js';
import { actionable, STAGES, type Change, type Stage } from '../plan/change.js';
import { hasFilters, narrow, scopeDeletes } from '../plan/policy.js';
import type { Provider, ProviderContext, SyncOptions } from '../providers/provider.js';
import type { Redactor } from '../secrets.js';
import type { DesiredState } from '../desired/types.js';
import { checksFor, runChecks } from './checks.js';
import type { LoadedConfig } from '../config/load.js';
import { retainDeparted } from '../desired/retain.js';
import { fileDiff } from '../providers/files/index.js';
import { loadEstate } from './estate.js';
import { checkFilters } from './filters.js';
import { acquireLock } from './lock.js';

/** The stages each stage needs to have succeeded first (only among those requested). */
const NEEDS: Record<Stage, Stage[]> = {
  dns: [],
  firewall: [],
  endpoints: ['dns', 'firewall'],
  stacks: ['dns', 'firewall', 'endpoints'],
  traefik: ['stacks'],
};

/** Stages applied together: each wave needs only earlier waves. */
const WAVES: Stage[][] = [['dns', 'firewall'], ['endpoints'], ['stacks'], ['traefik']];

/** Builds the providers of each stage for a desired state (injectable for tests). */
export type ProviderFactory = (
  desired: DesiredState,
  env: NodeJS.ProcessEnv,
  redactor: Redactor,
  options: SyncOptions,
  stages: readonly Stage[],
) => Promise<{ stages: Partial<Record<Stage, Provider[]>>; close: () => Promise<void> }>;

export interface SyncRequest {
  command: string;
  root: string;
  env: NodeJS.ProcessEnv;
  /** Where diagnostics' file names are relative to (the caller's directory). */
  cwd?: string;
  stages: readonly Stage[];
  options: SyncOptions;
  skipChecks: boolean;
  /** Plan only, and exit 2 when changes are pending (`plan --detailed-exitcode`). */
  detailedExitCode?: boolean;
  /** Asked before applying (interactive terminals); resolves false to stop. */
  confirm?: (changes: Change[]) => Promise<boolean>;
  reporter: Reporter;
  redactor: Redactor;
  providers: ProviderFactory;
  /** Dry runs do not take the lock unless asked (a plan never blocks a sync). */
  lockStaleMs?: number;
}

interface StageState {
  stage: Stage;
  providers: Provider[];
  live: unknown[];
  /** Changes of each provider, in provider order. */
  planned: Change[][];
  changes: Change[];
  status: 'planned' | 'ok' | 'failed' | 'skipped';
  /** A fatal failure stops dependants; per-stack failures are not fatal. */
  fatal: boolean;
  reason?: string;
}

/** Run a sync (or a dry run); resolves to the exit code, throws PhoenixErrors. */
export async function runSync(req: SyncRequest): Promise<number> {
  const { reporter, options } = req;
  const { desired: full, config } = loadEstate(req.root, req.env, reporter, req.redactor, req.cwd);
  const desired = narrow(full, options.filters);
  checkFilters(full, desired, options.filters, req.stages);
  const lock = options.dryRun ? undefined : await acquireLock(req.root, req.command, req.lockStaleMs);
  const abort = new AbortController();
  let closeProviders: (() => Promise<void>) | undefined;
  try {
    if (!options.dryRun && !req.skipChecks) await readiness(desired, reporter, abort.signal);
    const built = await req.providers(desired, req.env, req.redactor, options, req.stages);
    closeProviders = built.close;
    const providers = built.stages;
    const ctx = (failed: ReadonlySet<string>, d: DesiredState = desired): ProviderContext => ({
      desired: d,
      options,
      reporter,
      redactor: req.redactor,
      signal: abort.signal,
      failedDeployments: failed,
    });
    const stages = STAGES.filter((s) => req.stages.includes(s) && providers[s]?.length);
    const states = new Map<Stage, StageState>();

    // Observe and plan every stage concurrently: nothing is changed yet.
    // Kept in stage order whatever order they finish in, so plans and reports are stable.
    const observed = await Promise.all(
      stages.map((stage) => observeAndPlan(stage, providers[stage]!, ctx(new Set()), full.discovery.stacks)),
    );
    for (const st of observed) states.set(st.stage, st);
    // File stages see the departed deployments' entries too (see keepDeparted).
    const fileDesired =
      (await keepDeparted(states, providers.stacks ?? [], config, ctx(new Set()), full)) ?? desired;
    const stageCtx = (stage: Stage, failed: ReadonlySet<string>) =>
      ctx(failed, FILE_STAGES.includes(stage) ? fileDesired : desired);
    for (const st of states.values()) reporter.emit({ type: 'plan', stage: st.stage, changes: st.changes });
    const observeFailed = [...states.values()].some((s) => s.status === 'failed');
    const pending = [...states.values()].flatMap((s) => actionable(s.changes));
    reporter.emit({ type: 'planned', pending: pending.length });
    if (options.dryRun) {
      if (observeFailed) throw new ApplyError('some targets could not be observed; the plan is incomplete');
      return req.detailedExitCode && pending.length > 0 ? 2 : 0;
    }
    if (pending.length > 0 && req.confirm && !(await req.confirm(pending)))
      throw new UserError('stopped: nothing was changed', { hint: 'run with --yes to apply without asking' });

    const failed = new Set<string>();
    for (const wave of WAVES) {
      await Promise.all(
        wave
          .filter((stage) => states.has(stage))
          .map(async (stage) => {
            const st = states.get(stage)!;
            const blocker = NEEDS[stage]
              .map((n) => states.get(n))
              .find((n) => n && (n.status === 'skipped' || n.fatal));
            if (blocker) {
              st.status = 'skipped';
              st.reason = `${blocker.stage} ${blocker.status === 'skipped' ? 'was skipped' : 'failed'}`;
              reporter.emit({
                type: 'stage-end',
                stage,
                status: 'skipped',
                reason: st.reason,
                durationMs: 0,
              });
              return;
            }
            if (st.status === 'failed') {
              reporter.emit({
                type: 'stage-end',
                stage,
                status: 'failed',
                ...(st.reason ? { reason: st.reason } : {}),
                durationMs: 0,
              });
              return;
            }
            if (stage === 'traefik' && failed.size > 0) {
              // Routes of stacks whose deploy failed keep their previous state: plan again.
              Object.assign(
                st,
                await observeAndPlan(
                  stage,
                  st.providers,
                  stageCtx(stage, failed),
                  full.discovery.stacks,
                  st.live,
                ),
              );
              reporter.emit({
                type: 'log',
                level: 'warn',
                message: `Traefik routes of ${failed.size} failed stack(s) keep their previous state`,
              });
            }
            await applyStage(st, stageCtx(stage, failed), reporter, failed);
          }),
      );
    }
    const anyFailed = [...states.values()].some((s) => s.status === 'failed');
    if (anyFailed)
      throw new ApplyError(
        `some changes failed: ${[...states.values()]
          .filter((s) => s.status === 'failed')
          .map((s) => `${s.stage}${s.reason ? ` (${s.reason})` : ''}`)
          .join('; ')}`,
      );
    return 0;
  } finally {
    abort.abort();
    await closeProviders?.();
    await lock?.release();
  }
}

/** The stages whose desired state is derived from stacks but written as whole files. */
const FILE_STAGES: readonly Stage[] = ['dns', 'firewall', 'traefik'];

/**
 * A deployment that left the config keeps running until a run deletes it (--prune), and so
 * do its DNS records, firewall rules and routes: the file stages are planned again with
 * those deployments re-derived, and what would remove them is shown as a held-back change.
 * Which deployments departed is seen without filters (a filter never hides one, so it never
 * prunes their entries); the stacks this run itself deletes are the only ones whose entries
 * go. When the stacks stage is not part of this run it is observed (read only) for that alone.
 */
async function keepDeparted(
  states: Map<Stage, StageState>,
  stackProviders: Provider[],
  config: LoadedConfig,
  ctx: ProviderContext,
  full: DesiredState,
): Promise<DesiredState | undefined> {
  const fileStates = FILE_STAGES.map((s) => states.get(s)).filter(
    (s): s is StageState => s?.status === 'planned',
  );
  if (fileStates.length === 0) return undefined;
  const stackNames = full.discovery.stacks;
  const { prune, filters } = ctx.options;
  const run = states.get('stacks');
  // --prune without a filter and without the stacks stage: entries follow the config as written.
  if (prune && !hasFilters(filters) && !run) return undefined;
  // An unfiltered run's own plan shows every departed deployment as a delete (held back or not).
  let stacks = run && !hasFilters(filters) ? run : undefined;
  if (!stacks && stackProviders.length) {
    const unfiltered = { ...ctx, desired: full, options: { ...ctx.options, prune: false, filters: {} } };
    stacks = await observeAndPlan('stacks', stackProviders, unfiltered, stackNames);
  }
  if (!stacks || stacks.status === 'failed') {
    if (stackProviders.length || ctx.desired.deployments.length)
      ctx.reporter.emit({
        type: 'log',
        level: 'warn',
        message: `cannot tell which stacks left the config (${stacks?.reason ?? 'no stacks stage'}): DNS, firewall and Traefik follow the config as written`,
      });
    return undefined;
  }
  const deletedNow = new Set(
    run?.status === 'planned'
      ? actionable(run.changes)
          .filter((c) => c.action === 'delete')
          .map((c) => c.id)
      : [],
  );
  const departed = stacks.changes
    .filter((c) => c.action === 'delete' && c.blocked && !deletedNow.has(c.id))
    .map((c) => c.id);
  if (departed.length === 0) return undefined;
  const retention = retainDeparted(config, departed);
  for (const l of retention?.lost ?? [])
    ctx.reporter.emit({
      type: 'log',
      level: 'warn',
      message: `${l.id} left the config and ${l.reason}: its DNS records, firewall rules and routes are removed now; the stack itself stays until --prune`,
    });
  if (!retention?.kept.length) return undefined;
  const desired = {
    ...ctx.desired,
    dns: retention.desired.dns,
    firewall: retention.desired.firewall,
    routes: retention.desired.routes,
  };
  const kept = { ...ctx, desired };
  const why = prune
    ? 'their stacks are not deleted in this run (outside its filters, or held back); they go when the stacks do'
    : 'they left the config; run with --prune to remove them';
  for (const st of fileStates) {
    const pruned = new Map(st.changes.map((c) => [c.id, c]));
    const again = await observeAndPlan(st.stage, st.providers, kept, stackNames, st.live);
    const held: Change[] = [];
    for (const c of again.changes) {
      const p = pruned.get(c.id);
      const keptContent = c.after ?? c.before;
      if (!p || typeof keptContent !== 'string' || typeof p.after !== 'string' || p.after === keptContent)
        continue;
      held.push({
        stage: c.stage,
        kind: c.kind,
        id: c.id,
        label: `${c.label}: entries of ${retention.kept.join(', ')}`,
        action: 'update',
        before: keptContent,
        after: p.after,
        blocked: why,
        ...(fileDiff(c.id, keptContent, p.after) ? { diff: fileDiff(c.id, keptContent, p.after)! } : {}),
      });
    }
    Object.assign(st, { ...again, changes: [...again.changes, ...held] });
  }
  return desired;
}

async function readiness(desired: DesiredState, reporter: Reporter, signal: AbortSignal): Promise<void> {
  reporter.emit({ type: 'stage-start', stage: 'checks' });
  const started = Date.now();
  const results = await runChecks(
    checksFor(desired, desired.portainer.url, desired.dnsServer.listenAddress),
    reporter,
    signal,
  );
  const failed = results.filter((r) => r.required && !r.ok);
  reporter.emit({
    type: 'stage-end',
    stage: 'checks',
    status: failed.length ? 'failed' : 'ok',
    durationMs: Date.now() - started,
  });
  if (failed.length) {
    throw new CheckError(
      `readiness check${failed.length > 1 ? 's' : ''} failed: ${failed.map((f) => `${f.name} (${f.detail})`).join('; ')}; nothing was changed`,
      { hint: 'fix the failing service, or run with --skip-checks' },
    );
  }
}

/** Observe (unless `observed` is given: planning again needs no new look) and plan one stage. */
async function observeAndPlan(
  stage: Stage,
  providers: Provider[],
  ctx: ProviderContext,
  stackNames: readonly string[],
  observed?: unknown[],
): Promise<StageState> {
  const st: StageState = {
    stage,
    providers,
    live: [],
    planned: [],
    changes: [],
    status: 'planned',
    fatal: false,
  };
  try {
    for (const [i, p] of providers.entries()) {
      const live = observed ? observed[i] : await p.observe(ctx);
      const changes = scopeDeletes(p.plan(ctx, live), ctx.options.filters, stackNames);
      st.live.push(live);
      st.planned.push(changes);
      st.changes.push(...changes);
    }
  } catch (err) {
    st.status = 'failed';
    st.fatal = true;
    st.reason = `cannot observe: ${(err as Error).message}`;
    ctx.reporter.emit({ type: 'log', level: 'warn', message: `${stage}: ${st.reason}` });
  }
  return st;
}

async function applyStage(
  st: StageState,
  ctx: ProviderContext,
  reporter: Reporter,
  failed: Set<string>,
): Promise<void> {
  const started = Date.now();
  reporter.emit({ type: 'stage-start', stage: st.stage });
  let failures = 0;
  let firstError: string | undefined;
  for (const [i, p] of st.providers.entries()) {
    try {
      const results = await p.apply(ctx, st.planned[i]!, st.live[i]);
      for (const r of results) {
        if (r.status !== 'failed') continue;
        failures++;
        firstError ??= r.error
          ? `${r.change.label}: ${withoutLabel(r.error.message, r.change.label)}`
          : undefined;
        if (r.change.stage === 'stacks') failed.add(r.change.id);
      }
    } catch (err) {
      failures++;
      st.fatal = true;
      st.reason = (err as Error).message;
    }
  }
  if (st.stage !== 'stacks' && failures > 0) st.fatal = true;
  st.status = failures > 0 ? 'failed' : 'ok';
  st.reason ??=
    failures > 0
      ? `${failures} change${failures === 1 ? '' : 's'} failed${firstError ? `, first: ${firstError}` : ''}`
      : undefined;
  reporter.emit({
    type: 'stage-end',
    stage: st.stage,
    status: failures > 0 ? 'failed' : 'ok',
    ...(st.reason ? { reason: st.reason } : {}),
    durationMs: Date.now() - started,
  });
}
