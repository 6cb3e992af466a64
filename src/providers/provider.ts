/**
 * The narrow provider interface: observe what is live, plan it against the
 * desired state with the shared planner, apply the changes. Every target implements it.
 */
import type { DesiredState } from '../desired/types.js';
import { ApplyError, errorMessage, PhoenixError, withoutLabel } from '../errors.js';
import type { Change, Stage } from '../plan/change.js';
import type { SyncOptions } from '../plan/options.js';
import type { Reporter } from '../output/events.js';
import type { Redactor } from '../secrets.js';

/** What a provider gets to do its work. */
export interface ProviderContext {
  desired: DesiredState;
  options: SyncOptions;
  reporter: Reporter;
  redactor: Redactor;
  /** Aborted when what is in flight must end now (a second Ctrl-C, or the grace after the first ran out). */
  signal: AbortSignal;
  /** Aborted by a first Ctrl-C or SIGTERM: start no new change; those in flight finish. */
  stop?: AbortSignal;
  /** Deployment ids whose deploy failed in this run: their routes keep their previous state. */
  failedDeployments: ReadonlySet<string>;
}

/** Outcome of applying one change. */
export interface ApplyResult {
  change: Change;
  status: 'ok' | 'failed' | 'skipped';
  error?: Error;
  durationMs: number;
}

/** One target: DNS, a firewall backend, Traefik, Portainer environments, stacks. */
export interface Provider<State = unknown> {
  readonly stage: Stage;
  /** Read what is live for this target. Throws ApplyError/CheckError when it cannot. */
  observe(ctx: ProviderContext): Promise<State>;
  /**
   * Pure: compare desired (from ctx) with the observed state → changes, stating facts only
   * (Change.unowned, scope, runsPortainer). The flags are decided after it, once for every
   * stage, by plan/policy.ts; a create's or update's `after` is everything apply needs.
   */
  plan(ctx: ProviderContext, live: State): Change[];
  /**
   * Apply the actionable changes of a plan. Reports change-start/change-end events and
   * returns one result per applied change; a failure of one change does not stop others
   * unless they depend on it (a file target applies as one unit).
   */
  apply(ctx: ProviderContext, changes: Change[], live: State): Promise<ApplyResult[]>;
}

/**
 * Apply one change with the events every provider owes: change-start, then change-end with
 * the duration and, on failure, the redacted error. Never throws: a failure becomes a
 * `failed` result carrying an ApplyError (exit 4) with the cause and any hint kept. After an
 * interrupt (`ctx.stop`) it starts nothing: the change ends `skipped`, not started.
 */
export async function applyChange(
  ctx: ProviderContext,
  change: Change,
  run: () => Promise<void>,
): Promise<ApplyResult> {
  if (ctx.stop?.aborted) {
    // Interrupted: this change never starts, and the run's summary lists it as not started.
    ctx.reporter.emit({
      type: 'change-end',
      change,
      status: 'skipped',
      error: 'not started (interrupted)',
      durationMs: 0,
    });
    return { change, status: 'skipped', durationMs: 0 };
  }
  const started = Date.now();
  ctx.reporter.emit({ type: 'change-start', change });
  let error: ApplyError | undefined;
  try {
    await run();
  } catch (err) {
    const hint = err instanceof PhoenixError ? err.hint : undefined;
    const message = ctx.redactor.redact(`${change.label}: ${withoutLabel(errorMessage(err), change.label)}`);
    error = new ApplyError(message, { cause: err, ...(hint ? { hint } : {}) });
  }
  const durationMs = Date.now() - started;
  const status = error ? 'failed' : 'ok';
  ctx.reporter.emit({
    type: 'change-end',
    change,
    status,
    ...(error ? { error: error.message } : {}),
    durationMs,
  });
  return { change, status, ...(error ? { error } : {}), durationMs };
}
