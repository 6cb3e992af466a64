/** The shapes of the run history: what one recorded run holds. */

/** What started a run. */
export type Trigger = 'manual' | 'poll' | 'webhook' | 'drift' | 'rollback';

/** Every trigger, for parsing and checks. */
export const TRIGGERS: readonly Trigger[] = ['manual', 'poll', 'webhook', 'drift', 'rollback'];

/**
 * How a run ended: `running` until it does; `interrupted` when its process died without
 * saying (SIGKILL, power loss); `drift` / `no-drift` for dry runs that looked for drift.
 */
export type RunStatus = 'running' | 'ok' | 'failed' | 'interrupted' | 'drift' | 'no-drift';

/** One change of a run and what became of it. */
export interface RunChange {
  stage: string;
  kind: string;
  id: string;
  label: string;
  action: string;
  impact?: string;
  status: 'ok' | 'failed' | 'skipped' | 'blocked' | 'planned';
  error?: string;
}

/** Counts of the plan, by action (`blocked`: held back). */
export interface RunSummary {
  create: number;
  update: number;
  delete: number;
  noop: number;
  blocked: number;
}

/** One recorded run; every text in it was redacted before it was stored. */
export interface RunRecord {
  id: number;
  trigger: Trigger;
  command: string;
  root: string;
  /** The root's git commit (the revision synced, for `--at` and rollbacks). */
  commit?: string;
  /** The work tree had changes the commit does not hold (so the commit alone does not say what ran). */
  dirty?: boolean;
  /** `user@host`. */
  who: string;
  startedAt: string;
  endedAt?: string;
  status: RunStatus;
  exitCode?: number;
  summary: RunSummary;
  changes: RunChange[];
  error?: string;
  /** The plan and results as rendered, redacted. */
  rendered?: string;
}

/** An empty summary. */
export const emptySummary = (): RunSummary => ({ create: 0, update: 0, delete: 0, noop: 0, blocked: 0 });
