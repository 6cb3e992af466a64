/**
 * Run ids for completion (`history show <Tab>`, `rollback <Tab>`): the newest runs of the
 * root's history, read-only (a Tab never creates, migrates or marks anything), newest first.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { HISTORY_FILE } from '../../history/db.js';
import { stateDirOf } from '../../history/state-dir.js';

/** How many ids a Tab offers. */
const MAX_RUNS = 30;

/** Ids of the newest runs; `withCommit`: only runs that have a commit (rollback targets). */
export function recentRuns(root: string, withCommit: boolean): string[] {
  try {
    const db = new Database(join(stateDirOf(root), HISTORY_FILE), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare(
          `SELECT id FROM runs ${withCommit ? 'WHERE commit_sha IS NOT NULL' : ''} ORDER BY id DESC LIMIT ?`,
        )
        .all(MAX_RUNS) as { id: number }[];
      return rows.map((r) => String(r.id));
    } finally {
      db.close();
    }
  } catch {
    // No history, or one this Phoenix cannot read: no candidates, and nothing printed.
    return [];
  }
}
