/**
 * The run history: one row per run, one per change, in `<state_dir>/history.db`. Callers
 * hand over text that is already redacted (see recordedSync); nothing here sees a secret.
 */
import { hostname } from 'node:os';
import { isAlive } from '../util/process.js';
import { openDb, type Db } from './db.js';
import {
  emptySummary,
  type RunChange,
  type RunRecord,
  type RunStatus,
  type RunSummary,
  type Trigger,
} from './types.js';

/** What a run is known by when it starts. */
export interface RunStart
  extends
    Pick<RunRecord, 'trigger' | 'command' | 'root' | 'commit' | 'dirty' | 'who'>,
    Partial<Pick<RunRecord, 'startedAt'>> {
  /** The run takes the root's lock (not a dry run). */
  locked: boolean;
}

/** What is known once a run ends (or as it goes). */
export interface RunUpdate {
  commit?: string;
  dirty?: boolean;
  status?: RunStatus;
  endedAt?: string;
  exitCode?: number;
  summary?: RunSummary;
  error?: string;
  rendered?: string;
}

interface RunRow {
  id: number;
  trigger: Trigger;
  command: string;
  root: string;
  commit_sha: string | null;
  dirty: number | null;
  who: string;
  started_at: string;
  ended_at: string | null;
  status: RunStatus;
  exit_code: number | null;
  summary: string;
  error: string | null;
  rendered: string | null;
}

interface ChangeRow {
  run_id: number;
  stage: string;
  kind: string;
  res_id: string;
  label: string;
  action: string;
  impact: string | null;
  status: RunChange['status'];
  error: string | null;
}

/** The run history of one state dir. */
export class History {
  private constructor(private readonly db: Db) {}

  /**
   * Open (create, migrate) the history in `stateDir`; throws when it cannot. Runs left
   * `running` by a process of this host that is gone are marked interrupted on the way.
   */
  static open(stateDir: string): History {
    const h = new History(openDb(stateDir));
    h.markInterrupted();
    return h;
  }

  /** The latest runs, newest first, with their changes (without the rendered text). */
  list(limit = 20): RunRecord[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM runs ORDER BY id DESC LIMIT ?`)
      .all(Math.max(0, Math.floor(limit))) as RunRow[];
    return this.withChanges(rows, false);
  }

  /** One run, with its changes and rendered text; undefined when there is none of that id. */
  get(id: number): RunRecord | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS}, rendered FROM runs WHERE id = ?`).get(id) as
      RunRow | undefined;
    return row ? this.withChanges([row], true)[0] : undefined;
  }

  /** The run recorded just before `id` (notifications compare a run with it). */
  previous(id: number): RunRecord | undefined {
    const row = this.db.prepare('SELECT id FROM runs WHERE id < ? ORDER BY id DESC LIMIT 1').get(id) as
      { id: number } | undefined;
    return row ? this.get(row.id) : undefined;
  }

  /** Record a run as started (`running`); returns its id. */
  begin(run: RunStart): number {
    const info = this.db
      .prepare(
        `INSERT INTO runs (trigger, command, root, commit_sha, dirty, who, pid, host, locked, started_at, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')`,
      )
      .run(
        run.trigger,
        run.command,
        run.root,
        run.commit ?? null,
        run.dirty === undefined ? null : Number(run.dirty),
        run.who,
        process.pid,
        hostname(),
        Number(run.locked),
        run.startedAt ?? new Date().toISOString(),
      );
    return Number(info.lastInsertRowid);
  }

  /** Update what is known of a run. */
  update(id: number, u: RunUpdate): void {
    const sets: string[] = [];
    const values: (string | number | null)[] = [];
    const set = (column: string, value: string | number | undefined) => {
      if (value === undefined) return;
      sets.push(`${column} = ?`);
      values.push(value);
    };
    set('commit_sha', u.commit);
    set('dirty', u.dirty === undefined ? undefined : Number(u.dirty));
    set('status', u.status);
    set('ended_at', u.endedAt);
    set('exit_code', u.exitCode);
    set('summary', u.summary && JSON.stringify(u.summary));
    set('error', u.error);
    set('rendered', u.rendered);
    if (sets.length) this.db.prepare(`UPDATE runs SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  }

  /** Replace a run's changes (seq = position). */
  setChanges(id: number, changes: readonly RunChange[]): void {
    const del = this.db.prepare('DELETE FROM changes WHERE run_id = ?');
    const ins = this.db.prepare(
      `INSERT INTO changes (run_id, seq, stage, kind, res_id, label, action, impact, status, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      del.run(id);
      changes.forEach((c, seq) =>
        ins.run(
          id,
          seq,
          c.stage,
          c.kind,
          c.id,
          c.label,
          c.action,
          c.impact ?? null,
          c.status,
          c.error ?? null,
        ),
      );
    })();
  }

  /** Set the result of one change (by its position). */
  setChange(id: number, seq: number, status: RunChange['status'], error?: string): void {
    this.db
      .prepare('UPDATE changes SET status = ?, error = ? WHERE run_id = ? AND seq = ?')
      .run(status, error ?? null, id, seq);
  }

  /**
   * Mark as `interrupted` the runs left `running` whose process is gone: on this host, by a
   * pid that is no longer alive; and, when `held` says this process holds `held.root`'s
   * lock, every other locked run of that root (its holder cannot be running). Returns how
   * many were marked.
   */
  markInterrupted(held?: { root: string; except: number }): number {
    const host = hostname();
    const running = this.db
      .prepare("SELECT id, pid, host, root, locked FROM runs WHERE status = 'running'")
      .all() as { id: number; pid: number; host: string; root: string; locked: number }[];
    const gone = running.filter(
      (r) =>
        (r.host === host && r.pid !== process.pid && !isAlive(r.pid)) ||
        (held !== undefined && r.locked === 1 && r.root === held.root && r.id !== held.except),
    );
    const mark = this.db.prepare(
      "UPDATE runs SET status = 'interrupted', error = ? WHERE id = ? AND status = 'running'",
    );
    const note = `the process recording this run (pid %p on %h) ended before it finished; noticed ${new Date().toISOString()}`;
    const byId = new Map(running.map((r) => [r.id, r]));
    this.db.transaction(() => {
      for (const r of gone)
        mark.run(note.replace('%p', String(byId.get(r.id)!.pid)).replace('%h', byId.get(r.id)!.host), r.id);
    })();
    return gone.length;
  }

  /** Close the database. */
  close(): void {
    this.db.close();
  }

  private withChanges(rows: RunRow[], rendered: boolean): RunRecord[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const changes = this.db
      .prepare(
        `SELECT run_id, stage, kind, res_id, label, action, impact, status, error FROM changes
         WHERE run_id IN (${ids.map(() => '?').join(',')}) ORDER BY run_id, seq`,
      )
      .all(...ids) as ChangeRow[];
    const byRun = new Map<number, RunChange[]>();
    for (const c of changes) {
      const list = byRun.get(c.run_id) ?? [];
      list.push({
        stage: c.stage,
        kind: c.kind,
        id: c.res_id,
        label: c.label,
        action: c.action,
        ...(c.impact !== null ? { impact: c.impact } : {}),
        status: c.status,
        ...(c.error !== null ? { error: c.error } : {}),
      });
      byRun.set(c.run_id, list);
    }
    return rows.map((r) => toRecord(r, byRun.get(r.id) ?? [], rendered));
  }
}

const COLUMNS =
  'id, trigger, command, root, commit_sha, dirty, who, started_at, ended_at, status, exit_code, summary, error';

function toRecord(r: RunRow, changes: RunChange[], rendered: boolean): RunRecord {
  let summary = emptySummary();
  try {
    summary = { ...summary, ...(JSON.parse(r.summary) as Partial<RunSummary>) };
  } catch {
    // A summary that does not parse reads as empty: the changes are still listed.
  }
  return {
    id: r.id,
    trigger: r.trigger,
    command: r.command,
    root: r.root,
    ...(r.commit_sha !== null ? { commit: r.commit_sha } : {}),
    ...(r.dirty !== null ? { dirty: r.dirty === 1 } : {}),
    who: r.who,
    startedAt: r.started_at,
    ...(r.ended_at !== null ? { endedAt: r.ended_at } : {}),
    status: r.status,
    ...(r.exit_code !== null ? { exitCode: r.exit_code } : {}),
    summary,
    changes,
    ...(r.error !== null ? { error: r.error } : {}),
    ...(rendered && r.rendered !== null ? { rendered: r.rendered } : {}),
  };
}
