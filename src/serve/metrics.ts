/**
 * `/metrics` of `phoenix serve`: Prometheus text made by prom-client, from the runs the serve
 * records. Its own registry (never prom-client's global one), so two serves in one process
 * (tests) or a library user's own metrics never collide.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RunRecord } from '../history/types.js';
import { STAGES } from '../plan/change.js';

/** Run durations are minutes, not milliseconds: buckets from one second to an hour. */
const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

/** Prometheus metrics of the runs a serve has seen. */
export class Metrics {
  private readonly registry = new Registry();
  private readonly runs = new Counter({
    name: 'phoenix_runs_total',
    help: 'Runs finished, by what started them and how they ended.',
    labelNames: ['trigger', 'result'] as const,
    registers: [this.registry],
  });
  private readonly changes = new Counter({
    name: 'phoenix_changes_total',
    help: 'Changes a run applied or tried to apply, by stage, action and result (planned-only changes of drift checks are not counted).',
    labelNames: ['stage', 'action', 'result'] as const,
    registers: [this.registry],
  });
  private readonly lastSuccess = new Gauge({
    name: 'phoenix_last_success_timestamp_seconds',
    help: 'When the last successful run ended (Unix time); 0 when none is known.',
    registers: [this.registry],
  });
  private readonly lastRun = new Gauge({
    name: 'phoenix_last_run_timestamp_seconds',
    help: 'When the last run ended (Unix time), whatever its result.',
    registers: [this.registry],
  });
  private readonly drift = new Gauge({
    name: 'phoenix_drift_pending_changes',
    help: 'Changes the last drift check found pending, by stage (0: in sync).',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'phoenix_run_duration_seconds',
    help: 'How long runs took, by trigger.',
    labelNames: ['trigger'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  /** The Content-Type header `/metrics` answers with. */
  readonly contentType: string = this.registry.contentType;

  constructor() {
    this.lastSuccess.set(0);
  }

  /** Count a finished run (a run still `running` is not counted until it ends). */
  observe(run: RunRecord): void {
    if (run.status === 'running') return;
    this.runs.inc({ trigger: run.trigger, result: run.status });
    for (const c of run.changes) {
      if (c.status === 'planned') continue;
      this.changes.inc({ stage: c.stage, action: c.action, result: c.status });
    }
    const end = seconds(run.endedAt);
    if (end !== undefined) {
      this.lastRun.set(end);
      if (run.status === 'ok') this.lastSuccess.set(end);
      const start = seconds(run.startedAt);
      if (start !== undefined && end >= start) this.durations.observe({ trigger: run.trigger }, end - start);
    }
    this.driftFrom(run);
  }

  /** Set the pending changes of one stage (a drift check's result). */
  setDrift(stage: string, pending: number): void {
    this.drift.set({ stage }, pending);
  }

  /**
   * Start from the history (newest first, e.g. `history.list(50)`): the last success and the
   * last drift check set their gauges; nothing is counted (counters start at zero with the
   * process, as Prometheus expects).
   */
  seed(runs: readonly RunRecord[]): void {
    const ok = runs.find((r) => r.status === 'ok' && r.endedAt);
    const t = seconds(ok?.endedAt);
    if (t !== undefined) this.lastSuccess.set(t);
    const last = runs.find((r) => r.endedAt);
    const l = seconds(last?.endedAt);
    if (l !== undefined) this.lastRun.set(l);
    const check = runs.find((r) => r.status === 'drift' || r.status === 'no-drift');
    if (check) this.driftFrom(check);
  }

  /** The metrics as Prometheus text. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** A drift check sets every stage it looked at: its planned changes, or 0. */
  private driftFrom(run: RunRecord): void {
    if (run.status !== 'drift' && run.status !== 'no-drift') return;
    const pending = new Map<string, number>(STAGES.map((s) => [s, 0]));
    for (const c of run.changes) {
      // A held-back change (a delete awaiting --prune) waits for the operator, not for a sync.
      if (c.action === 'noop' || c.status === 'blocked') continue;
      pending.set(c.stage, (pending.get(c.stage) ?? 0) + 1);
    }
    for (const [stage, n] of pending) this.drift.set({ stage }, n);
  }
}

/** Unix seconds of an ISO time. */
function seconds(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t / 1000;
}
