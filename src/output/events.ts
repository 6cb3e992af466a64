/**
 * The one event stream for output. The engine emits typed events; renderers
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

/** A step inside one change starting or ending (see PhoenixEvent). */
export type ProgressEvent = {
  type: 'progress';
  stage: Stage;
  /** The change's id. */
  id: string;
  /** The change's label, e.g. `n8n-production on services (vm 1003)`. */
  label: string;
  step: 'health';
} & ({ state: 'start' } | { state: 'end'; ok: boolean });

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
  /**
   * A step inside one change, reported as it starts and ends: `health` is the wait, after a
   * deployment, for its containers to run (and be healthy). `ok` on `end`: the wait succeeded.
   * The live view counts the deployments waiting; plain text logs a line as a wait starts;
   * the JSON report leaves these out (the change's own result says how it went), while
   * `--json=stream` carries them as it carries every event.
   */
  | ProgressEvent
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

/**
 * Run a change's health wait between its `progress` events: `start`, then `end` (also when
 * the wait throws or is aborted, so no view is left counting a wait that is over).
 */
export async function healthStep<T>(
  reporter: Reporter,
  change: Pick<Change, 'stage' | 'id' | 'label'>,
  wait: () => Promise<T>,
  ok: (result: T) => boolean = () => true,
): Promise<T> {
  const base = {
    type: 'progress',
    stage: change.stage,
    id: change.id,
    label: change.label,
    step: 'health',
  } as const;
  reporter.emit({ ...base, state: 'start' });
  let passed = false;
  try {
    const result = await wait();
    passed = ok(result);
    return result;
  } finally {
    reporter.emit({ ...base, state: 'end', ok: passed });
  }
}
