/**
 * The one event stream for output (STYLE §7). The engine emits typed events; renderers
 * (interactive, plain lines, JSON) subscribe. Nothing in the engine prints.
 */
import type { Diagnostic } from '../config/diagnostics.js';
import type { Change, Stage } from '../plan/change.js';

export type StepStatus = 'ok' | 'failed' | 'skipped';

/** The outcome of one readiness check. */
export interface CheckResult {
  name: string;
  ok: boolean;
  required: boolean;
  detail: string;
  attempts: number;
  durationMs: number;
}

/** A change named without its content (summaries of an interrupted run). */
export interface ChangeRef {
  stage: Stage;
  kind: string;
  id: string;
  action: Change['action'];
  label: string;
}

/** What an interrupted run had done when it stopped. */
export interface Interruption {
  signal: 'SIGINT' | 'SIGTERM';
  /** In-flight work was aborted (a second interrupt, or the grace ran out) instead of finishing. */
  aborted: boolean;
  applied: ChangeRef[];
  /** Failed, or cut short by the abort. */
  failed: ChangeRef[];
  /** Planned, never started. */
  notStarted: ChangeRef[];
}

/** Every event Phoenix emits. */
export type PhoenixEvent =
  | { type: 'run-start'; command: string; root: string; dryRun: boolean }
  | { type: 'diagnostic'; diagnostic: Diagnostic }
  | { type: 'discovery'; stacks: string[]; skipped: { name: string; reason: string }[] }
  | { type: 'check-start'; name: string }
  | ({ type: 'check-end' } & CheckResult)
  | { type: 'stage-start'; stage: Stage | 'checks' | 'discovery' }
  /** `incomplete`: the stage could not be observed (why); its changes are unknown. */
  | { type: 'plan'; stage: Stage; changes: Change[]; incomplete?: string }
  | { type: 'planned'; pending: number }
  /** About to ask whether to apply (renderers that redraw stop drawing over the question). */
  | { type: 'confirm'; pending: number }
  /** Temp files an earlier, killed run left beside its targets, now removed. */
  | { type: 'cleanup'; removed: string[] }
  | ({ type: 'interrupted' } & Interruption)
  | { type: 'change-start'; change: Change }
  | { type: 'change-end'; change: Change; status: StepStatus; error?: string; durationMs: number }
  | {
      type: 'stage-end';
      stage: Stage | 'checks' | 'discovery';
      status: StepStatus;
      reason?: string;
      durationMs: number;
    }
  /**
   * A warning carries a stable `code` (what `sync.ignore_warnings` names) and a `subject`
   * (the guest, stack or file it is about), so renderers fold one code into one line.
   */
  | {
      type: 'log';
      level: 'info' | 'warn' | 'debug';
      message: string;
      scope?: string;
      code?: string;
      subject?: string;
    }
  /** Warning codes the root asks not to print (`sync.ignore_warnings`); sent before any warning. */
  | { type: 'warning-policy'; ignore: string[] }
  | { type: 'run-end'; exitCode: number; durationMs: number; error?: { message: string; hint?: string } };

/** Where events go. */
export interface Reporter {
  emit(event: PhoenixEvent): void;
}

/** A reporter that fans out to several subscribers. */
export class EventBus implements Reporter {
  private readonly subscribers: ((e: PhoenixEvent) => void)[] = [];

  subscribe(fn: (e: PhoenixEvent) => void): void {
    this.subscribers.push(fn);
  }

  emit(event: PhoenixEvent): void {
    for (const s of this.subscribers) s(event);
  }
}

/** A reporter that keeps every event (tests, JSON reports). */
export class RecordingReporter implements Reporter {
  readonly events: PhoenixEvent[] = [];

  emit(event: PhoenixEvent): void {
    this.events.push(event);
  }
}

/** A reporter that drops everything. */
export const silentReporter: Reporter = { emit: () => undefined };
