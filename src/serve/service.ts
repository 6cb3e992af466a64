/**
 * The loop of `phoenix serve`: jobs asked for by the poll timer, the webhook and the drift
 * timer run one at a time (scheduler.ts). A git job fetches and fast-forwards, then syncs
 * when the checked-out commit is one not tried yet; a drift job plans against the live
 * estate, and with `self_heal` applies what it found. Every run goes through the run history
 * (`recordedSync`), then the metrics and the notifier. On SIGTERM nothing new starts; the run
 * in flight gets `stop_seconds` to finish, then it is interrupted like a sync on Ctrl-C.
 */
import type { Notifier } from '../notify/index.js';
import { ExitCode, PhoenixError } from '../errors.js';
import { recordedSync, type History, type RunRecord, type Trigger } from '../history/index.js';
import { buildProviders } from '../engine/providers.js';
import { actionable, STAGES } from '../plan/change.js';
import type { SyncRequest } from '../engine/pipeline.js';
import type { Redactor } from '../secrets.js';
import { short, type Git, type GitPoll } from './git.js';
import type { ServeLog } from './log.js';
import type { Metrics } from './metrics.js';
import { RunInterrupt, lastTried } from './runs.js';
import { Scheduler, type Want } from './scheduler.js';
import type { ServeConfig } from './settings.js';

/** What the service works with (built by start.ts). */
export interface ServiceDeps {
  root: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  cfg: ServeConfig;
  /** The flags every sync of this service runs with (--prune, --adopt, …). */
  options: SyncRequest['options'];
  /** The root's git work tree, or undefined when serve does not follow git. */
  git: Git | undefined;
  history: History | undefined;
  metrics: Metrics;
  notifier: Notifier;
  log: ServeLog;
  redactor: Redactor;
}

/** Pending changes per stage, as the last drift check found them. */
export interface DriftEntry {
  stage: string;
  pending: number;
  checkedAt: string;
}

/** The state a poll left the work tree in, for /healthz and the log. */
export interface GitStatus {
  state: GitPoll['state'] | 'unknown';
  head?: string;
  detail?: string;
}

/** The running service. */
export class Service {
  readonly scheduler = new Scheduler((want) => this.job(want));
  readonly drift = new Map<string, DriftEntry>();
  git: GitStatus = { state: 'unknown' };
  /** The commit of the last sync tried (ok or failed): a new one is synced, this one is not. */
  private tried: string | undefined;
  private current: RunInterrupt | undefined;
  private previous: RunRecord | undefined;
  private stopping: 'SIGTERM' | 'SIGINT' | undefined;
  private signals = 0;
  private stopTimer: NodeJS.Timeout | undefined;

  constructor(private readonly d: ServiceDeps) {
    const runs = safe(() => d.history?.list(50), d.log) ?? [];
    this.previous = runs[0];
    this.tried = lastTried(runs);
  }

  /** The last run this service knows of. */
  get lastRun(): RunRecord | undefined {
    return this.previous;
  }

  /** A SIGTERM or SIGINT: the first stops new work, the second interrupts the run in flight. */
  signal(sig: 'SIGTERM' | 'SIGINT'): void {
    this.signals++;
    if (this.signals === 1) {
      this.stopping = sig;
      const run = this.current;
      this.d.log.line(
        run
          ? `serve: ${sig}: stopping; the run in flight has ${this.d.cfg.stopMs / 1000} s (sync.serve.stop_seconds) to finish`
          : `serve: ${sig}: stopping`,
      );
      this.stopTimer = setTimeout(() => {
        if (!this.current) return;
        this.d.log.line(
          `serve: the run in flight did not finish in ${this.d.cfg.stopMs / 1000} s: interrupting it`,
        );
        this.current.stopNow(sig);
      }, this.d.cfg.stopMs);
      void this.scheduler.close();
      return;
    }
    this.d.log.line(`serve: ${sig} again: interrupting the run in flight now`);
    this.current?.stopNow(sig);
    this.current?.abortNow();
  }

  /** Resolves once the service has stopped taking work and the last run has ended. */
  async stopped(): Promise<void> {
    await this.scheduler.close();
    clearTimeout(this.stopTimer);
  }

  private async job(want: Want): Promise<void> {
    let synced = false;
    if (want.git && this.d.git) synced = await this.gitJob(this.d.git, want.git);
    // A sync just planned against the live estate: a drift check right after it tells nothing new.
    if (want.drift && !synced && !this.stopping) await this.driftJob();
  }

  /** Fetch, fast-forward, and sync a commit not tried yet. Resolves true when it synced. */
  private async gitJob(git: Git, trigger: 'poll' | 'webhook'): Promise<boolean> {
    const r = await git.poll();
    this.noteGit(r);
    if (r.state !== 'current' && r.state !== 'advanced') return false;
    if (r.head === this.tried) {
      if (trigger === 'webhook')
        this.d.log.line(`git: no new commit (still ${short(r.head)}): nothing to sync`);
      return false;
    }
    if (this.stopping) return false;
    const exit = await this.run(trigger, false, r.head);
    // Refused by the lock (another sync is running): the commit is tried again next time.
    if (exit !== ExitCode.lockHeld) this.tried = r.head;
    return true;
  }

  /** Plan against the live estate; record and report drift; heal it when asked to. */
  private async driftJob(): Promise<void> {
    const head = this.d.git ? await this.d.git.head() : undefined;
    const exit = await this.run('drift', true, head);
    if (exit !== 2 || !this.d.cfg.selfHeal || this.stopping) return;
    const healed = await this.run('drift', false, head);
    if (head && healed !== ExitCode.lockHeld) this.tried = head;
  }

  /** One recorded run; resolves to its exit code. */
  private async run(trigger: Trigger, dryRun: boolean, commit: string | undefined): Promise<number> {
    const { d } = this;
    const prefix = `${dryRun ? 'drift check' : `${trigger} sync`}${commit ? ` ${short(commit)}` : ''}`;
    const pending = new Map<string, number>();
    const reporter = d.log.reporter(prefix, (e) => {
      if (e.type === 'plan' && !e.incomplete) pending.set(e.stage, actionable(e.changes).length);
    });
    const interrupt = new RunInterrupt();
    this.current = interrupt;
    d.log.line(`${prefix}: started`);
    let result: { exitCode: number; run?: RunRecord; error?: unknown };
    try {
      // The commit is read by the history from the work tree (with whether it is dirty).
      result = await recordedSync(
        {
          command: dryRun ? 'serve plan' : 'serve sync all',
          root: d.root,
          env: d.env,
          cwd: d.cwd,
          stages: [...STAGES],
          options: { ...d.options, dryRun },
          skipChecks: dryRun,
          detailedExitCode: dryRun,
          interrupt,
          reporter,
          redactor: d.redactor,
          providers: buildProviders,
        },
        { trigger, stateDir: d.cfg.stateDir },
      );
    } catch (err) {
      // recordedSync reports a failed sync through its result; a throw is unexpected.
      result = { exitCode: err instanceof PhoenixError ? err.exitCode : ExitCode.internal, error: err };
    } finally {
      this.current = undefined;
    }
    const { run, exitCode } = result;
    d.log.line(
      `${prefix}: ${run ? describeEnd(run, exitCode) : `exit ${exitCode}: ${String(result.error)}`}`,
    );
    if (dryRun && (exitCode === 0 || exitCode === 2)) this.noteDrift(pending);
    if (run) {
      safe(() => d.metrics.observe(run), d.log);
      safe(() => d.notifier.onRun(run, this.previous), d.log);
      this.previous = run;
    }
    return exitCode;
  }

  private noteDrift(pending: ReadonlyMap<string, number>): void {
    const checkedAt = new Date().toISOString();
    for (const [stage, n] of pending) {
      this.drift.set(stage, { stage, pending: n, checkedAt });
      safe(() => this.d.metrics.setDrift(stage, n), this.d.log);
    }
    const found = [...pending].filter(([, n]) => n > 0);
    this.d.log.line(
      found.length
        ? `drift: ${found.map(([s, n]) => `${s} ${n}`).join(', ')} pending${this.d.cfg.selfHeal ? '; healing it (self_heal)' : ''}`
        : 'drift: none',
    );
  }

  /** Log what a poll found when it differs from the last poll (a dirty tree is said once, not every minute). */
  private noteGit(r: GitPoll): void {
    const detail =
      r.state === 'advanced'
        ? `fast-forwarded ${short(r.from)} → ${short(r.head)}`
        : r.state === 'dirty'
          ? `${r.behind} commit(s) behind its upstream, but tracked files have local changes (${r.files.join(', ')}): not updated, never reset; commit or revert them`
          : r.state === 'diverged'
            ? `diverged from its upstream (${r.ahead} local commit(s), ${r.behind} upstream): not updated, never reset; reconcile it by hand`
            : r.state === 'error'
              ? r.message
              : undefined;
    const next: GitStatus = {
      state: r.state,
      ...(r.head ? { head: r.head } : {}),
      ...(detail ? { detail } : {}),
    };
    const changed =
      next.state !== this.git.state || next.head !== this.git.head || next.detail !== this.git.detail;
    this.git = next;
    if (r.state === 'current') this.d.log.debug(`git: up to date at ${short(r.head)}`);
    else if (changed || r.state === 'advanced') this.d.log.line(`git: ${detail ?? r.state}`);
  }
}

/** The end of a run in one line. */
function describeEnd(run: RunRecord, exitCode: number): string {
  const s = run.summary;
  const changes = s.create + s.update + s.delete;
  const id = run.id ? `run #${run.id} ` : '';
  return `${id}${run.status} (exit ${exitCode}), ${changes} change${changes === 1 ? '' : 's'}${run.error ? `: ${run.error}` : ''}`;
}

/** Metrics, notifications and the history must never stop the service: say it and go on. */
function safe<T>(fn: () => T, log: ServeLog): T | undefined {
  try {
    return fn();
  } catch (err) {
    log.line(`serve: warning: ${(err as Error).message}`);
    return undefined;
  }
}
