/**
 * `phoenix sync`: the staged pipeline. Load and validate → lock → readiness
 * checks → observe and plan every requested stage → (dry run ends here) → apply as a small
 * work graph: DNS and firewall in parallel, then environments, stacks, Traefik. A failed
 * stage stops the stages that depend on it, and says so. A stage that cannot be observed
 * makes the plan incomplete: shown, never applied (exit 3). An interrupt starts nothing new,
 * lets what is in flight finish within `sync.interrupt_grace_seconds`, and reports what was
 * done (exit 130 or 143).
 */
import type { DesiredState } from '../desired/types.js';
import { ApplyError, CheckError, UserError } from '../errors.js';
import type { Reporter } from '../output/events.js';
import { actionable, STAGES, type Change, type Stage } from '../plan/change.js';
import { nameChanges, narrow, unmet } from '../plan/policy.js';
import { removeStaleTemps } from '../providers/files/atomic.js';
import type { SyncOptions } from '../plan/options.js';
import type { Provider, ProviderContext } from '../providers/provider.js';
import type { Redactor } from '../secrets.js';
import { checksFor, runChecks } from './checks.js';
import { FILE_STAGES, keepDeparted } from './departed.js';
import { loadEstate } from './estate.js';
import { checkFilters } from './filters.js';
import { interruptedError, Progress, Stopped, type Interrupt } from './interrupt.js';
import { acquireLock } from './lock.js';
import type { SavedPlanHook } from './saved-plan.js';
import { applyWaves, observeAndPlan, type StageState } from './stage.js';

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
  /**
   * Asked before applying when changes are pending: resolves false to stop, or throws to
   * refuse (no terminal to ask on, and no --yes). Without it, a sync applies.
   */
  confirm?: (changes: Change[]) => Promise<boolean>;
  /** Interrupts (the CLI's SIGINT and SIGTERM): stop starting work, then abort it. */
  interrupt?: Interrupt;
  /**
   * Read the root's files from this folder instead (a git revision materialised by
   * `sync --at`); the lock, relative paths (targets, secrets) and file headers stay the root's.
   */
  source?: string;
  /** Told once this run holds the root's lock (the run history then marks runs a killed process left). */
  onLocked?: () => void;
  /** Saved plans: `plan --out` writes the plan, `sync --plan` applies only an unmoved one. */
  saved?: SavedPlanHook;
  reporter: Reporter;
  redactor: Redactor;
  providers: ProviderFactory;
}

/** Run a sync (or a dry run); resolves to the exit code, throws PhoenixErrors. */
export async function runSync(req: SyncRequest): Promise<number> {
  const progress = new Progress(req.reporter);
  const run: RunState = { planned: [], aborted: false };
  try {
    return await sync(req, progress, run);
  } catch (err) {
    // Whatever ended the run after an interrupt (a checkpoint, an aborted request), it is
    // the interrupt that is reported, with what was done; the lock is already released.
    const signal = req.interrupt?.signal;
    if (!signal || !req.interrupt?.stop.aborted) throw err;
    const interruption = progress.interruption(signal, run.aborted, run.planned);
    progress.reporter.emit({ type: 'interrupted', ...interruption });
    throw interruptedError(interruption);
  }
}

/** What the run planned and whether an interrupt aborted work in flight. */
interface RunState {
  planned: Change[];
  aborted: boolean;
}

async function sync(req: SyncRequest, progress: Progress, run: RunState): Promise<number> {
  const { options, interrupt } = req;
  const reporter = progress.reporter;
  const stopped = () => interrupt?.stop.aborted === true;
  const checkpoint = () => {
    if (stopped()) throw new Stopped();
  };
  const load = () => loadEstate(req.root, req.env, reporter, req.redactor, req.cwd, req.source);
  const { desired: full, config } = req.saved
    ? await req.saved.load(req.root, req.source, load)
    : await load();
  const desired = narrow(full, options.filters);
  checkFilters(full, desired, options.filters, req.stages);
  checkpoint();
  // Dry runs do not take the lock: a plan never blocks a sync.
  const lock = options.dryRun ? undefined : await acquireLock(req.root, req.command);
  if (lock) req.onLocked?.();
  const abort = new AbortController();
  // Until the first change starts, only reads are in flight: an interrupt ends them at once.
  // Once applying, in-flight changes get the grace to finish, then they are aborted.
  let applying = false;
  let grace: NodeJS.Timeout | undefined;
  const abortNow = () => {
    if (abort.signal.aborted) return;
    run.aborted = applying;
    abort.abort(new Error(`interrupted by ${interrupt?.signal ?? 'a signal'}`));
  };
  const onStop = () => {
    if (!applying) return abortNow();
    grace = setTimeout(abortNow, desired.settings.interrupt_grace_seconds * 1000);
  };
  const unlisten = listen(interrupt, onStop, abortNow);
  let closeProviders: (() => Promise<void>) | undefined;
  try {
    checkpoint();
    if (!options.dryRun && !req.skipChecks) await readiness(desired, req.stages, reporter, abort.signal);
    checkpoint();
    const built = await req.providers(desired, req.env, req.redactor, options, req.stages);
    closeProviders = built.close;
    const providers = built.stages;
    const ctx = (failed: ReadonlySet<string>, d: DesiredState = desired): ProviderContext => ({
      desired: d,
      options,
      reporter,
      redactor: req.redactor,
      signal: abort.signal,
      ...(interrupt ? { stop: interrupt.stop } : {}),
      failedDeployments: failed,
    });
    const stages = STAGES.filter((s) => req.stages.includes(s) && providers[s]?.length);
    const states = new Map<Stage, StageState>();

    // Observe and plan every stage concurrently: nothing is changed yet.
    // Kept in stage order whatever order they finish in, so plans and reports are stable.
    const observed = await Promise.all(
      stages.map((stage) => observeAndPlan(stage, providers[stage]!, ctx(new Set()))),
    );
    checkpoint();
    for (const st of observed) states.set(st.stage, st);
    // File stages see the departed deployments' entries too (see keepDeparted).
    const fileDesired =
      (await keepDeparted(states, providers.stacks ?? [], config, ctx(new Set()), full)) ?? desired;
    checkpoint();
    const stageCtx = (stage: Stage, failed: ReadonlySet<string>) =>
      ctx(failed, FILE_STAGES.includes(stage) ? fileDesired : desired);
    // A stage that could not be observed is part of the plan too: its changes are unknown.
    const unobserved = [...states.values()].filter((s) => s.status === 'failed');
    for (const st of states.values())
      reporter.emit({
        type: 'plan',
        stage: st.stage,
        changes: st.changes,
        ...(st.status === 'failed' ? { incomplete: st.reason ?? 'could not be observed' } : {}),
      });
    const pending = [...states.values()].flatMap((s) => actionable(s.changes));
    const refused = unmet([...states.values()].flatMap((s) => s.changes));
    run.planned = pending;
    reporter.emit({ type: 'planned', pending: pending.length });
    // An incomplete plan is never applied: exit 3, like a failed readiness check.
    if (unobserved.length > 0) throw incompletePlan(unobserved, options.dryRun);
    const changes = [...states.values()].flatMap((s) => s.changes);
    await req.saved?.planned({ desired: full, config, changes, redactor: req.redactor });
    if (options.dryRun) {
      // A change apply would refuse is drift too: the same answer sync gives (exit 4).
      return req.detailedExitCode && (pending.length > 0 || refused.length > 0) ? 2 : 0;
    }
    if (pending.length > 0 && req.confirm) {
      reporter.emit({ type: 'confirm', pending: pending.length });
      const yes = await req.confirm(pending);
      checkpoint();
      if (!yes)
        throw new UserError('stopped: nothing was changed', {
          hint: 'run with --yes to apply without asking',
        });
    }
    checkpoint();
    applying = true;
    await removeLeftTemps(states, reporter);

    const failed = new Set<string>();
    await applyWaves(states, failed, stageCtx, reporter, stopped);
    checkpoint();
    const failedStages = [...states.values()].filter((s) => s.status === 'failed');
    const notApplied = refused.filter((c) => !progress.failed(c));
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
    unlisten();
    clearTimeout(grace);
    abort.abort();
    await closeProviders?.();
    await lock?.release();
  }
}

/** Follow an interrupt's two signals; returns the function that stops following them. */
function listen(interrupt: Interrupt | undefined, onStop: () => void, onAbort: () => void): () => void {
  if (!interrupt) return () => undefined;
  if (interrupt.stop.aborted) onStop();
  else interrupt.stop.addEventListener('abort', onStop, { once: true });
  if (interrupt.abort.aborted) onAbort();
  else interrupt.abort.addEventListener('abort', onAbort, { once: true });
  return () => {
    interrupt.stop.removeEventListener('abort', onStop);
    interrupt.abort.removeEventListener('abort', onAbort);
  };
}

/** Exit 3: some stage could not be observed, so the plan is not the whole truth. */
function incompletePlan(unobserved: readonly StageState[], dryRun: boolean): CheckError {
  const list = unobserved.map((s) => `${s.stage} (${s.reason ?? 'could not be observed'})`).join('; ');
  return new CheckError(`plan incomplete, not observed: ${list}${dryRun ? '' : '; nothing was changed'}`, {
    hint: 'fix what is unreachable (phoenix check shows it), or run only the other targets (e.g. phoenix sync dns)',
  });
}

/**
 * Remove the temp files a killed run left beside the file targets (only names Phoenix gives
 * them, only of writers that are gone), before anything is written, and say so.
 */
async function removeLeftTemps(states: ReadonlyMap<Stage, StageState>, reporter: Reporter): Promise<void> {
  const paths = new Set(
    FILE_STAGES.flatMap((s) => states.get(s)?.changes ?? [])
      .filter((c) => c.kind.endsWith('-file'))
      .map((c) => c.id),
  );
  const removed: string[] = [];
  for (const path of paths) {
    try {
      removed.push(...(await removeStaleTemps(path)));
    } catch (err) {
      reporter.emit({
        type: 'log',
        level: 'warn',
        message: `cannot remove the temp files an earlier run left beside ${path}: ${(err as Error).message}`,
      });
    }
  }
  if (removed.length > 0) reporter.emit({ type: 'cleanup', removed });
}

/** Stage 3: the readiness checks the requested stages need. */
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
