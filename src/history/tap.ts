/**
 * Listens to a run's events, as one more subscriber beside the renderers, and turns them
 * into what the history keeps: the changes with their results, the summary, and the run
 * rendered as plain text. Every text is redacted with the run's Redactor on the way in.
 */
import type { Change } from '../plan/change.js';
import type { PhoenixEvent, Reporter } from '../output/events.js';
import { TextRenderer } from '../output/text.js';
import type { Redactor } from '../secrets.js';
import { emptySummary, type RunChange, type RunSummary } from './types.js';

/** Where the tap hands what it learns, as it learns it (writes to the history). */
export interface TapSink {
  planned(changes: readonly RunChange[], summary: RunSummary): void;
  changeEnded(seq: number, status: RunChange['status'], error?: string): void;
}

/** The impact label a change may carry (added by the planner; absent on older changes). */
function impactOf(c: Change): string | undefined {
  const impact = (c as Change & { impact?: unknown }).impact;
  return typeof impact === 'string' ? impact : undefined;
}

const keyOf = (c: Pick<Change, 'stage' | 'kind' | 'id'>) => `${c.stage}\u0000${c.kind}\u0000${c.id}`;

/** Builds a run's record from its events. */
export class RunTap {
  readonly changes: RunChange[] = [];
  readonly summary: RunSummary = emptySummary();
  /** Changes that would do something (not noop, not held back). */
  pending = 0;
  private readonly seqs = new Map<string, number>();
  private readonly text: string[] = [];
  private readonly renderer: TextRenderer;

  constructor(
    private readonly redactor: Redactor,
    private readonly sink: TapSink,
  ) {
    const write = (t: string) => void this.text.push(t);
    this.renderer = new TextRenderer(redactor, {
      color: false,
      verbose: false,
      width: 100,
      out: write,
      err: write,
      timestamps: false,
    });
  }

  /** Feed one event. */
  readonly onEvent = (e: PhoenixEvent): void => {
    this.renderer.onEvent(e);
    if (e.type === 'plan') this.plan(e.changes);
    else if (e.type === 'planned') this.sink.planned(this.changes, this.summary);
    else if (e.type === 'change-end') {
      const seq = this.seqs.get(keyOf(e.change));
      if (seq === undefined) return;
      const c = this.changes[seq]!;
      c.status = e.status;
      if (e.error !== undefined) c.error = this.redactor.redact(e.error);
      this.sink.changeEnded(seq, c.status, c.error);
    }
  };

  /** A reporter that sends every event to `reporter` and to this tap. */
  tee(reporter: Reporter): Reporter {
    return {
      emit: (e) => {
        reporter.emit(e);
        this.onEvent(e);
      },
    };
  }

  /** The run as plain text, redacted. */
  rendered(): string {
    return this.redactor.redact(this.text.join(''));
  }

  /** After the run: planned changes that never ran were not started. */
  settle(applied: boolean): void {
    if (!applied) return;
    for (const c of this.changes) if (c.status === 'planned') c.status = 'skipped';
  }

  private plan(changes: readonly Change[]): void {
    for (const c of changes) {
      if (c.blocked) this.summary.blocked++;
      else this.summary[c.action]++;
      if (c.action === 'noop' && !c.blocked) continue;
      if (!c.blocked) this.pending++;
      const impact = impactOf(c);
      this.seqs.set(keyOf(c), this.changes.length);
      this.changes.push({
        stage: c.stage,
        kind: c.kind,
        id: this.redactor.redact(c.id),
        label: this.redactor.redact(c.label),
        action: c.action,
        ...(impact ? { impact } : {}),
        status: c.blocked ? 'blocked' : 'planned',
        ...(c.blocked ? { error: this.redactor.redact(c.blocked) } : {}),
      });
    }
  }
}
