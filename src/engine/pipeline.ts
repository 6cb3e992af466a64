/**
 * `phoenix sync`: the staged pipeline (SPEC §4). Load and validate → lock → readiness
 * checks → observe and plan every requested stage → (dry run ends here) → apply as a small
 * work graph: DNS and firewall in parallel, then environments, stacks, Traefik. A failed
 * stage stops the stages that depend on it, and says so.
 */
import type { DesiredState } from '../desired/types.js';
import { ApplyError, CheckError, UserError } from '../errors.js';
import type { Reporter } from '../output/events.js';
import { actionable, STAGES, type Change, type Stage } from '../plan/change.js';
import { nameChanges, narrow, unmet } from '../plan/policy.js';
import type { Provider, ProviderContext, SyncOptions } from '../providers/provider.js';
import type { Redactor } from '../secrets.js';
import { checksFor, runChecks } from './checks.js';
import { FILE_STAGES, keepDeparted } from './departed.js';
import { loadEstate } from './estate.js';
import { checkFilters } from './filters.js';
import { acquireLock } from './lock.js';
import { applyStage, observeAndPlan, type StageState } from './stage.js';

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
}

/** Run a sync (or a dry run); resolves to the exit code, throws PhoenixErrors. */
export async function runSync(req: SyncRequest): Promise<number> {
  const { options } = req;
  // Changes a provider already reported as failed (file targets fail a refused update).
  const reportedFailed = new Set<string>();
  const reporter: Reporter = {
    emit: (e) => {
      if (e.type === 'change-end' && e.status === 'failed') reportedFailed.add(changeKey(e.change));
      req.reporter.emit(e);
    },
  };
  const { desired: full, config } = await loadEstate(req.root, req.env, reporter, req.redactor, req.cwd);
  const desired = narrow(full, options.filters);
  checkFilters(full, desired, options.filters, req.stages);
  // Dry runs do not take the lock: a plan never blocks a sync.
  const lock = options.dryRun ? undefined : await acquireLock(req.root, req.command);
  const abort = new AbortController();
  let closeProviders: (() => Promise<void>) | undefined;
  try {
    if (!options.dryRun && !req.skipChecks) await readiness(desired, req.stages, reporter, abort.signal);
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
      stages.map((stage) => observeAndPlan(stage, providers[stage]!, ctx(new Set()))),
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
    const refused = unmet([...states.values()].flatMap((s) => s.changes));
    reporter.emit({ type: 'planned', pending: pending.length });
    if (options.dryRun) {
      if (observeFailed) throw new ApplyError('some targets could not be observed; the plan is incomplete');
      // A change apply would refuse is drift too: the same answer sync gives (exit 4).
      return req.detailedExitCode && (pending.length > 0 || refused.length > 0) ? 2 : 0;
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
              Object.assign(st, await observeAndPlan(stage, st.providers, stageCtx(stage, failed), st.live));
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
    const failedStages = [...states.values()].filter((s) => s.status === 'failed');
    const notApplied = refused.filter((c) => !reportedFailed.has(changeKey(c)));
    const held =
      notApplied.length > 0
        ? `${notApplied.length} change${notApplied.length === 1 ? '' : 's'} the config wants ${notApplied.length === 1 ? 'was' : 'were'} held back: ${nameChanges(notApplied)}`
        : '';
    if (failedStages.length > 0)
      throw new ApplyError(
        `some changes failed: ${failedStages
          .map((s) => `${s.stage}${s.reason ? ` (${s.reason})` : ''}`)
          .join('; ')}${held ? `; ${held}` : ''}`,
      );
    if (held)
      throw new ApplyError(held, {
        hint: 'the plan shows each with "!" and its reason: resolve the conflict, then sync again',
      });
    return 0;
  } finally {
    abort.abort();
    await closeProviders?.();
    await lock?.release();
  }
}

/** Stage 3: the readiness checks the requested stages need. */
function changeKey(c: Change): string {
  return `${c.stage} ${c.kind} ${c.id} ${c.action}`;
}

async function readiness(
  desired: DesiredState,
  stages: readonly Stage[],
  reporter: Reporter,
  signal: AbortSignal,
): Promise<void> {
  reporter.emit({ type: 'stage-start', stage: 'checks' });
  const started = Date.now();
  const results = await runChecks(
    checksFor(desired, desired.portainer.url, desired.dnsServer.listenAddress, stages),
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
