/**
 * Ctrl-C and SIGTERM for a sync. The first signal stops anything new from starting (the run
 * lets in-flight work finish within its grace, prints what it did, releases the lock and
 * exits 130 or 143); a second aborts what is in flight at once; a third, or a run that has
 * still not ended a few seconds after the abort, exits on the spot (the kernel frees the
 * lock with the process).
 */
import type { Interrupt } from '../engine/interrupt.js';
import { ExitCode } from '../errors.js';

type Sig = 'SIGINT' | 'SIGTERM';

/** How long a run may take to end after the abort before the process exits regardless. */
const FORCE_EXIT_MS = 5000;

/** The process's SIGINT and SIGTERM as an `Interrupt`, while installed. */
export class SignalInterrupt implements Interrupt {
  private readonly stopper = new AbortController();
  private readonly aborter = new AbortController();
  private first: Sig | undefined;
  private count = 0;
  private forceTimer: NodeJS.Timeout | undefined;
  readonly stop = this.stopper.signal;
  readonly abort = this.aborter.signal;

  constructor(
    private readonly proc: NodeJS.Process = process,
    private readonly forceExitMs = FORCE_EXIT_MS,
  ) {}

  get signal(): Sig | undefined {
    return this.first;
  }

  private readonly onInt = () => this.trigger('SIGINT');
  private readonly onTerm = () => this.trigger('SIGTERM');

  /** Take over SIGINT and SIGTERM (Node's default would end the process at once). */
  install(): this {
    this.proc.on('SIGINT', this.onInt);
    this.proc.on('SIGTERM', this.onTerm);
    return this;
  }

  /** Give the signals back; the run is over. */
  uninstall(): void {
    this.proc.off('SIGINT', this.onInt);
    this.proc.off('SIGTERM', this.onTerm);
    clearTimeout(this.forceTimer);
  }

  /** One interrupt: also called for a Ctrl-C typed at a question (the terminal is raw then). */
  trigger(sig: Sig): void {
    this.count++;
    if (this.count === 1) {
      this.first = sig;
      this.stopper.abort(new Error(`interrupted by ${sig}`));
    } else if (this.count === 2) {
      this.aborter.abort(new Error(`interrupted twice (${sig})`));
      this.forceTimer = setTimeout(() => this.exitNow(), this.forceExitMs);
      this.forceTimer.unref();
    } else this.exitNow();
  }

  private exitNow(): void {
    this.proc.exit(this.first === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted);
  }
}
