/**
 * `recordedSync`: run a sync and record it in the history, from the run's own events (a tap
 * beside the renderers), so the pipeline does not know it is recorded. The history is a
 * witness, never a party: when it cannot be opened or written, the run goes on, one warning
 * says so, and the exit code is the sync's own.
 */
import { hostname, userInfo } from 'node:os';
import { runSync, type SyncRequest } from '../engine/pipeline.js';
import { PhoenixError } from '../errors.js';
import type { Reporter } from '../output/events.js';
import { gitState } from './git.js';
import { History } from './history.js';
import { RunTap } from './tap.js';
import type { RunRecord, RunStatus, Trigger } from './types.js';

/** How to record a run. */
export interface RecordOptions {
  trigger: Trigger;
  /** The history's folder (absolute; see stateDirOf). */
  stateDir: string;
  /** The commit synced, when the caller knows it (`--at`, serve after a fetch); else read from the root. */
  commit?: string;
  /** With `commit`: whether the files synced differ from it (a materialised revision never does). */
  dirty?: boolean;
}

/** What a recorded sync ended with. */
export interface RecordedSync {
  /** The sync's exit code (what the CLI exits with). */
  exitCode: number;
  /**
   * The run as recorded; when the history could not be written, the same record built in
   * memory, with id 0.
   */
  run?: RunRecord;
  /** What the sync threw (a PhoenixError for the CLI to report), when it threw. */
  error?: unknown;
}

/** The warning code of a history that cannot be written (what `sync.ignore_warnings` names). */
export const HISTORY_WARNING = 'history-unwritable';

/** `user@host` of this process. */
export function who(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env['USER'] ?? process.env['LOGNAME'] ?? String(process.getuid?.() ?? 'unknown');
  }
  return `${user}@${hostname()}`;
}

/** Writes to the history, each write guarded: the first failure is warned, later writes are skipped. */
class Recorder {
  history: History | undefined;
  id = 0;
  private failed = false;

  constructor(
    private readonly reporter: Reporter,
    private readonly stateDir: string,
  ) {}

  /** Run `fn` against the open history; a throw is warned once and ends the recording. */
  write(fn: (h: History) => void): void {
    if (this.failed) return;
    try {
      this.history ??= History.open(this.stateDir);
      fn(this.history);
    } catch (err) {
      this.failed = true;
      this.reporter.emit({
        type: 'log',
        level: 'warn',
        message: `cannot write the run history in ${this.stateDir}, so this run is not recorded (the sync goes on): ${(err as Error).message}`,
        code: HISTORY_WARNING,
        subject: this.stateDir,
      });
      this.close();
    }
  }

  get recording(): boolean {
    return !this.failed && this.id > 0;
  }

  close(): void {
    try {
      this.history?.close();
    } catch {
      // Closing a connection that failed: nothing more to save.
    }
    this.history = undefined;
  }
}

/** Run a sync (engine runSync) and record it; never fails the sync because the history failed (warns). */
export async function recordedSync(req: SyncRequest, opts: RecordOptions): Promise<RecordedSync> {
  const rec = new Recorder(req.reporter, opts.stateDir);
  const startedAt = new Date().toISOString();
  const redact = (t: string) => req.redactor.redact(t);
  const dryRun = req.options.dryRun;
  const start = {
    trigger: opts.trigger,
    command: redact(req.command),
    root: redact(req.root),
    ...(opts.commit !== undefined ? { commit: opts.commit, dirty: opts.dirty ?? false } : {}),
    who: who(),
    locked: !dryRun,
    startedAt,
  };
  rec.write((h) => (rec.id = h.begin(start)));
  // The root's commit is read while the run loads, not before it: git's processes cost a
  // sync that changes nothing tens of milliseconds. Recorded as soon as it is known.
  const state =
    opts.commit !== undefined
      ? Promise.resolve(undefined)
      : gitState(req.root, [opts.stateDir]).then((s) => {
          if (s && rec.recording) rec.write((h) => h.update(rec.id, s));
          return s;
        });
  const tap = new RunTap(req.redactor, {
    planned: (changes, summary) =>
      rec.recording && rec.write((h) => (h.update(rec.id, { summary }), h.setChanges(rec.id, changes))),
    changeEnded: (seq, status, error) =>
      rec.recording && rec.write((h) => h.setChange(rec.id, seq, status, error)),
  });
  tap.onEvent({ type: 'run-start', command: req.command, root: req.root, dryRun });
  const onLocked = () => {
    req.onLocked?.();
    // This run holds the lock: no other locking run of this root can still be going.
    if (rec.recording) rec.write((h) => h.markInterrupted({ root: start.root, except: rec.id }));
  };

  let exitCode: number;
  let error: unknown;
  try {
    exitCode = await runSync({ ...req, reporter: tap.tee(req.reporter), onLocked });
  } catch (err) {
    error = err;
    exitCode = err instanceof PhoenixError ? err.exitCode : 70;
  }
  const commit = await state;
  const message =
    error === undefined ? undefined : redact(error instanceof Error ? error.message : String(error));
  const hint = error instanceof PhoenixError && error.hint ? { hint: redact(error.hint) } : {};
  tap.onEvent({
    type: 'run-end',
    exitCode,
    durationMs: Date.now() - Date.parse(startedAt),
    ...(message !== undefined ? { error: { message, ...hint } } : {}),
  });
  tap.settle(!dryRun);
  const status = statusOf(exitCode, dryRun, tap.pending);
  const end = {
    status,
    endedAt: new Date().toISOString(),
    exitCode,
    summary: tap.summary,
    ...(message !== undefined ? { error: message } : {}),
    rendered: tap.rendered(),
  };
  let run: RunRecord | undefined;
  if (rec.recording)
    rec.write((h) => {
      h.setChanges(rec.id, tap.changes);
      h.update(rec.id, end);
      run = h.get(rec.id);
    });
  rec.close();
  const { locked: _locked, ...known } = start;
  run ??= { id: 0, ...known, ...commit, ...end, changes: tap.changes };
  return { exitCode, run, ...(error !== undefined ? { error } : {}) };
}

/** A run's status from its exit code: dry runs report drift, interrupts are interruptions. */
function statusOf(exitCode: number, dryRun: boolean, pending: number): RunStatus {
  if (dryRun) {
    if (exitCode === 2 || (exitCode === 0 && pending > 0)) return 'drift';
    return exitCode === 0 ? 'no-drift' : 'failed';
  }
  if (exitCode === 0) return 'ok';
  if (exitCode === 130 || exitCode === 143) return 'interrupted';
  return 'failed';
}
