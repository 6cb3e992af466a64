/**
 * `phoenix history [--limit N] [--json]`: the recorded runs, newest first, as a table;
 * `phoenix history show <id>`: one run, its plan and results as they were printed (redacted
 * when recorded). Reads `<state_dir>/history.db`; never creates it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolveRoot } from '../../engine/estate.js';
import { UserError } from '../../errors.js';
import { HISTORY_FILE } from '../../history/db.js';
import { History } from '../../history/history.js';
import { stateDirOf } from '../../history/state-dir.js';
import type { RunRecord } from '../../history/types.js';
import type { Io } from '../io.js';
import { finish, openSession, type GlobalFlags } from '../output.js';

/** `history`'s flags: `--json` is a plain switch here (the list, not a run report). */
export interface HistoryFlags extends GlobalFlags {
  limit?: string;
}

/** Open the root's history for reading; undefined when nothing was ever recorded there. */
export function openHistory(root: string): { history: History | undefined; path: string } {
  const dir = stateDirOf(root);
  const path = join(dir, HISTORY_FILE);
  if (!existsSync(path)) return { history: undefined, path };
  try {
    return { history: History.open(dir), path };
  } catch (err) {
    throw new UserError(`cannot read the run history ${path}: ${(err as Error).message}`, {
      hint: 'check sync.state_dir and that this user may read it (run as the user that syncs)',
    });
  }
}

/** Parse a run id argument (a positive integer). */
export function runId(text: string | undefined, usage: string): number {
  if (!text || !/^\d+$/.test(text) || Number(text) < 1)
    throw new UserError(`${usage} needs a run id (a number), not ${text ? `"${text}"` : 'nothing'}`, {
      hint: 'phoenix history lists the runs with their ids',
    });
  return Number(text);
}

/** The run `id`, or a refusal naming the history it is not in. */
export function findRun(root: string, id: number): RunRecord {
  const { history, path } = openHistory(root);
  const run = history?.get(id);
  history?.close();
  if (!run)
    throw new UserError(`no run ${id} in the run history ${path}`, {
      hint: 'phoenix history lists the runs with their ids',
    });
  return run;
}

/** Run `phoenix history`. */
export async function run(flags: HistoryFlags, args: string[], io: Io): Promise<number> {
  // Its own --json (a list, not a run report): the session renders only messages and errors.
  const { json: _json, ...textFlags } = flags;
  const s = await openSession(textFlags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  return finish(s, () => {
    const [action, ...rest] = args;
    if (action === 'show') {
      if (rest.length > 1)
        throw new UserError(`phoenix history show takes one run id, not "${rest.join(' ')}"`, {
          hint: 'phoenix history lists the runs with their ids',
        });
      const r = findRun(root, runId(rest[0], 'phoenix history show'));
      io.out(
        flags.json ? `${JSON.stringify(s.redactor.redactDeep(r), null, 2)}\n` : s.redactor.redact(showRun(r)),
      );
      return Promise.resolve(0);
    }
    if (action !== undefined)
      throw new UserError(`unknown history action "${args.join(' ')}"`, {
        hint: 'phoenix history lists the runs; phoenix history show <id> shows one',
      });
    const limit = flags.limit === undefined ? 20 : Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UserError(`--limit takes a positive whole number, not "${flags.limit}"`);
    const { history, path } = openHistory(root);
    const runs = history?.list(limit) ?? [];
    history?.close();
    if (flags.json) io.out(`${JSON.stringify(s.redactor.redactDeep(runs), null, 2)}\n`);
    else if (runs.length === 0) io.err(`no runs recorded in ${path} yet\n`);
    else io.out(s.redactor.redact(table(runs)));
    return Promise.resolve(0);
  });
}

/** `2026-12-03 12:40:01` (UTC) of an ISO time. */
const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');

/** A commit as shown: short, with `+` when the tree held more than the commit. */
const commitOf = (r: RunRecord) => (r.commit ? `${r.commit.slice(0, 10)}${r.dirty ? '+' : ''}` : '-');

/** The result column: status, and the exit code when the run ended. */
const resultOf = (r: RunRecord) => (r.exitCode === undefined ? r.status : `${r.status} (${r.exitCode})`);

/** The changes column: how many of each outcome. */
function changesOf(r: RunRecord): string {
  if (r.changes.length === 0) return r.status === 'running' ? '' : 'none';
  const order = ['ok', 'failed', 'skipped', 'planned', 'blocked'] as const;
  return order
    .map((status) => [status, r.changes.filter((c) => c.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
}

/** The runs as an aligned table. */
export function table(runs: readonly RunRecord[]): string {
  const rows = [
    ['ID', 'WHEN (UTC)', 'TRIGGER', 'COMMIT', 'RESULT', 'CHANGES'],
    ...runs.map((r) => [String(r.id), when(r.startedAt), r.trigger, commitOf(r), resultOf(r), changesOf(r)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows
    .map(
      (row) =>
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd() + '\n',
    )
    .join('');
}

/** One run in full: its facts, then the plan and results as printed. */
export function showRun(r: RunRecord): string {
  const facts: [string, string | undefined][] = [
    ['run', String(r.id)],
    ['trigger', r.trigger],
    ['command', r.command],
    ['root', r.root],
    [
      'commit',
      r.commit ? `${r.commit}${r.dirty ? ' (with uncommitted changes)' : ''}` : 'none (not a git work tree)',
    ],
    ['who', r.who],
    ['started', when(r.startedAt)],
    ['ended', r.endedAt && when(r.endedAt)],
    ['result', resultOf(r)],
    ['error', r.error],
  ];
  const head = facts
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `${`${k}:`.padEnd(9)}${v}\n`)
    .join('');
  const changes = r.changes
    .map((c) => `  ${c.status.padEnd(8)}${c.stage} ${c.action} ${c.label}${c.error ? `: ${c.error}` : ''}\n`)
    .join('');
  const body = r.rendered ?? '';
  return `${head}\nchanges:\n${changes || '  none\n'}${body ? `\nas printed:\n${body}${body.endsWith('\n') ? '' : '\n'}` : ''}`;
}
