/**
 * The final summary (pure): per stage, changes made / unchanged / failed / skipped and the
 * duration, collected from the event stream.
 */
import { STAGES, type Change } from '../plan/change.js';
import { unmet } from '../plan/policy.js';
import type { PhoenixEvent } from './events.js';

export interface StageSummary {
  stage: string;
  made: number;
  unchanged: number;
  failed: number;
  skipped: number;
  held: number;
  status: 'ok' | 'failed' | 'skipped' | 'planned';
  reason?: string;
  durationMs: number;
}

/** Accumulates stage statistics from events. */
export class SummaryCollector {
  readonly stages = new Map<string, StageSummary>();
  /** Changes the config wants that were held back (a conflict, not a missing flag). */
  readonly unmet: Change[] = [];

  private get(stage: string): StageSummary {
    let s = this.stages.get(stage);
    if (!s)
      this.stages.set(
        stage,
        (s = {
          stage,
          made: 0,
          unchanged: 0,
          failed: 0,
          skipped: 0,
          held: 0,
          status: 'planned',
          durationMs: 0,
        }),
      );
    return s;
  }

  add(e: PhoenixEvent): void {
    if (e.type === 'plan') {
      const s = this.get(e.stage);
      s.unchanged += e.changes.filter((c) => c.action === 'noop').length;
      s.held += e.changes.filter((c) => c.blocked && c.action !== 'noop').length;
      this.unmet.push(...unmet(e.changes));
    } else if (e.type === 'change-end') {
      const s = this.get(e.change.stage);
      if (e.status === 'ok') s.made++;
      else if (e.status === 'failed') s.failed++;
      else s.skipped++;
    } else if (e.type === 'stage-end' && e.stage !== 'checks' && e.stage !== 'discovery') {
      const s = this.get(e.stage);
      s.status = e.status;
      s.durationMs = e.durationMs;
      if (e.reason) s.reason = e.reason;
    }
  }

  /** Lines of the summary table; empty when nothing was applied. */
  lines(): string[] {
    const order: readonly string[] = STAGES;
    const applied = [...this.stages.values()]
      .filter((s) => s.status !== 'planned')
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
    if (applied.length === 0) return [];
    const n = (v: number, w: number) => String(v).padStart(w);
    const rows = applied.map((s) => {
      const d = s.status === 'skipped' ? '' : `${(s.durationMs / 1000).toFixed(1)}s`;
      const counts = `${n(s.made, 5)} ${n(s.unchanged, 9)} ${n(s.held, 9)} ${n(s.failed, 6)} ${n(s.skipped, 7)}`;
      return `  ${s.stage.padEnd(10)} ${s.status.padEnd(7)} ${counts} ${d.padStart(7)}${s.reason ? `  ${s.reason}` : ''}`;
    });
    // Named one by one: each is a reason the run cannot end in 0.
    const held = this.unmet.map((c) => `  not applied: ${c.label} (${c.stage}): ${c.blocked}`);
    return [`Summary      status   made unchanged held back failed skipped    time`, ...rows, ...held];
  }
}
