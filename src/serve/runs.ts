/**
 * Small pieces of serve's runs: the interrupt serve drives itself (a SIGTERM to serve is not
 * a SIGTERM to the run until `stop_seconds` have passed), and which commit the history says
 * was last tried.
 */
import type { Interrupt } from '../engine/interrupt.js';
import type { RunRecord } from '../history/index.js';

/** An interrupt serve triggers: stop starting work, then abort what is in flight. */
export class RunInterrupt implements Interrupt {
  private readonly stopper = new AbortController();
  private readonly aborter = new AbortController();
  private sig: 'SIGINT' | 'SIGTERM' | undefined;
  readonly stop = this.stopper.signal;
  readonly abort = this.aborter.signal;

  get signal(): 'SIGINT' | 'SIGTERM' | undefined {
    return this.sig;
  }

  /** Nothing new starts; changes in flight get `interrupt_grace_seconds`, then they are aborted. */
  stopNow(sig: 'SIGINT' | 'SIGTERM'): void {
    this.sig ??= sig;
    this.stopper.abort(new Error(`interrupted by ${sig}`));
  }

  /** Abort what is in flight now. */
  abortNow(): void {
    this.aborter.abort(new Error('interrupted twice'));
  }
}

/**
 * The commit of the last sync of the checked-out config that ran to an end (ok or failed):
 * serve syncs on start only when HEAD is another. Drift checks and plans changed nothing; a
 * rollback is left standing until the next commit; an interrupted run is tried again.
 */
export function lastTried(runs: readonly RunRecord[]): string | undefined {
  const run = runs.find(
    (r) =>
      r.commit !== undefined &&
      (r.trigger === 'poll' || r.trigger === 'webhook' || r.trigger === 'manual') &&
      r.command.endsWith('sync all') &&
      (r.status === 'ok' || r.status === 'failed') &&
      r.exitCode !== 5,
  );
  return run?.commit;
}
