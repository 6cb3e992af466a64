/**
 * The history's SQLite file (`<state_dir>/history.db`) and its versioned schema. SQLite's
 * `user_version` is the schema version: each migration runs once, in its own transaction,
 * and moves it one step, so a database of any older version is brought up to date on open
 * and a database written by a newer Phoenix is refused rather than misread.
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The database file's name inside the state dir. */
export const HISTORY_FILE = 'history.db';

/** The connection type the history uses. */
export type Db = Database.Database;

/** One schema step: `MIGRATIONS[i]` takes version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  // 1: runs and their changes. `pid`/`host` name the process that recorded a run, so a run
  // left `running` by a process that is gone can be told from one still going; `locked`
  // says the run held the root's lock (a dry run does not).
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     trigger TEXT NOT NULL,
     command TEXT NOT NULL,
     root TEXT NOT NULL,
     commit_sha TEXT,
     dirty INTEGER,
     who TEXT NOT NULL,
     pid INTEGER NOT NULL,
     host TEXT NOT NULL,
     locked INTEGER NOT NULL DEFAULT 0,
     started_at TEXT NOT NULL,
     ended_at TEXT,
     status TEXT NOT NULL,
     exit_code INTEGER,
     summary TEXT NOT NULL DEFAULT '{}',
     error TEXT,
     rendered TEXT
   );
   CREATE INDEX runs_status ON runs (status);
   CREATE TABLE changes (
     run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     stage TEXT NOT NULL,
     kind TEXT NOT NULL,
     res_id TEXT NOT NULL,
     label TEXT NOT NULL,
     action TEXT NOT NULL,
     impact TEXT,
     status TEXT NOT NULL,
     error TEXT,
     PRIMARY KEY (run_id, seq)
   );`,
];

/** The schema version this Phoenix writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The schema version of an open database. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Bring `db` from its version up to `target` (default: the latest), one step per transaction. */
export function migrate(db: Db, target = SCHEMA_VERSION): void {
  const from = schemaVersion(db);
  if (from > SCHEMA_VERSION)
    throw new Error(
      `the history was written by a newer Phoenix (schema ${from}; this one knows up to ${SCHEMA_VERSION})`,
    );
  for (let v = from; v < target; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Open (creating when missing) the history database in `stateDir`, migrated to the latest schema. */
export function openDb(stateDir: string): Db {
  mkdirSync(stateDir, { recursive: true, mode: 0o750 });
  const path = join(stateDir, HISTORY_FILE);
  const fresh = !existsSync(path);
  const db = new Database(path, { timeout: 5000 });
  try {
    // Redacted, but still an account of the estate: readable by its owner only.
    if (fresh) chmodSync(path, 0o600);
    // WAL: `phoenix history` and the status page read while a run writes.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
