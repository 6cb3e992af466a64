/**
 * Interrupts of a sync, and what the run did until then. The CLI maps SIGINT and SIGTERM
 * onto an `Interrupt`: the first stops anything new from starting, the second aborts what is
 * in flight. `Progress` watches the event stream so an interrupted run can say exactly
 * which planned changes were applied, which failed and which never started.
 */
import { InterruptedError } from '../errors.js';
import type { ChangeRef, Interruption, PhoenixEvent, Reporter } from '../output/events.js';
import type { Change } from '../plan/change.js';

/** How a run learns it was interrupted. */
export interface Interrupt {
  /** Aborted by the first interrupt: start nothing new. */
  readonly stop: AbortSignal;
  /** Aborted by the second: abort what is in flight now. */
  readonly abort: AbortSignal;
  /** The first interrupt's signal, once there was one. */
  readonly signal: 'SIGINT' | 'SIGTERM' | undefined;
}

/** Thrown at a checkpoint after an interrupt; the pipeline turns it into InterruptedError. */
export class Stopped extends Error {
  constructor() {
    super('stopped by an interrupt');
  }
}

/** The key of a change in this run (stage, kind, id, action). */
export function changeKey(c: Pick<Change, 'stage' | 'kind' | 'id' | 'action'>): string {
  return `${c.stage} ${c.kind} ${c.id} ${c.action}`;
}

function ref(c: Change): ChangeRef {
  return { stage: c.stage, kind: c.kind, id: c.id, action: c.action, label: c.label };
}

/** Passes events on and remembers how each change ended. */
export class Progress {
  private readonly started = new Set<string>();
  private readonly ended = new Map<string, 'ok' | 'failed' | 'skipped'>();

  constructor(private readonly next: Reporter) {}

  /** The reporter to give the run: every event goes on to `next`. */
  readonly reporter: Reporter = {
    emit: (e: PhoenixEvent) => {
      if (e.type === 'change-start') this.started.add(changeKey(e.change));
      if (e.type === 'change-end') this.ended.set(changeKey(e.change), e.status);
      this.next.emit(e);
    },
  };

  /** Did a provider already report this change as failed? */
  failed(c: Change): boolean {
    return this.ended.get(changeKey(c)) === 'failed';
  }

  /** What became of each planned change. */
  interruption(signal: 'SIGINT' | 'SIGTERM', aborted: boolean, planned: readonly Change[]): Interruption {
    const out: Interruption = { signal, aborted, applied: [], failed: [], notStarted: [] };
    for (const c of planned) {
      const k = changeKey(c);
      const end = this.ended.get(k);
      if (end === 'ok') out.applied.push(ref(c));
      // Started and never ended: cut short when the run gave up on it.
      else if (end === 'failed' || (this.started.has(k) && end === undefined)) out.failed.push(ref(c));
      else out.notStarted.push(ref(c));
    }
    return out;
  }
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** The error an interrupted run ends with (exit 130 or 143), saying what it did. */
export function interruptedError(i: Interruption): InterruptedError {
  const done = i.applied.length + i.failed.length;
  const parts =
    done === 0
      ? ['nothing was changed']
      : [
          `${count(i.applied.length, 'change')} applied`,
          ...(i.failed.length ? [`${i.failed.length} failed or cut short`] : []),
          `${i.notStarted.length} not started`,
        ];
  return new InterruptedError(
    i.signal,
    `interrupted by ${i.signal}${i.aborted ? ' (in-flight work aborted)' : ''}: ${parts.join(', ')}; the lock is released`,
    {
      hint:
        done === 0
          ? 'run it again when you are ready'
          : 'run the same sync again: it plans from what is live and finishes the rest',
    },
  );
}
