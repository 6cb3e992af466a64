/**
 * A file target, written once for every file-based provider (DNS, PVE firewall, nftables,
 * Traefik): observe files at known paths, plan them with the shared planner (ownership by
 * header), apply as one unit — stage every new file, validate it where it lies, make them
 * all live, reload once, and put the previous content back if the reload fails.
 */
import { ApplyError, errorMessage } from '../../errors.js';
import { actionable, type Change, type Resource, type Stage } from '../../plan/change.js';
import { plan } from '../../plan/planner.js';
import type { ApplyResult, ProviderContext } from '../provider.js';
import {
  atomicWrite,
  readIfExists,
  removeDirs,
  removeFile,
  stageFile,
  type BackupPath,
  type StagedFile,
  type WriteOptions,
} from './atomic.js';
import { fileDiff } from './diff.js';
import { isOwnedBy } from './header.js';

/** A file a target wants: absolute path and full content, ownership header included. */
export interface DesiredFile {
  path: string;
  content: string;
}

/** A live file as the planner sees it: id = path, value = content, owned = has our header. */
export type LiveFile = Resource<string>;

/** How to observe files. */
export interface ObserveFilesOptions {
  ownerId: string;
  /** Resource kind, e.g. `dns-file`. */
  kind: string;
  /** Comment syntax of the header. Defaults to `#`. */
  comment?: string;
  /** Paths that count as Phoenix's even without the header (shared files with marked parts). */
  ownedWithoutHeader?: (path: string) => boolean;
}

/** Read the files at `paths`; absent files are left out. An unreadable path throws ApplyError. */
export async function observeFiles(paths: readonly string[], opts: ObserveFilesOptions): Promise<LiveFile[]> {
  const live: LiveFile[] = [];
  for (const path of new Set(paths)) {
    let content: string | undefined;
    try {
      content = await readIfExists(path);
    } catch (err) {
      throw new ApplyError(`cannot read ${path}: ${errorMessage(err)}`, { cause: err });
    }
    if (content === undefined) continue;
    // An empty file at a path Phoenix writes holds nothing anyone could lose (a crash, a
    // careless `> file`): it is taken over, and the plan says so (see planFiles).
    const owned =
      content === '' ||
      isOwnedBy(content, opts.ownerId, opts.comment ?? '#') ||
      (opts.ownedWithoutHeader?.(path) ?? false);
    live.push({ id: path, kind: opts.kind, value: content, owned });
  }
  return live;
}

/** The reason of an update that takes over an empty file. */
export const EMPTY_TAKEN_OVER = 'the file is empty (0 bytes): taken over';

/** How to plan files. */
export interface PlanFilesOptions {
  stage: Stage;
  kind: string;
  /**
   * The group a prune may not empty at once (Change.scope); defaults to the target's files
   * (`dns files`). Policy refuses to delete every file of a scope the config wants nothing in.
   */
  scope?: string;
  label?: (path: string) => string;
  /** Why two contents differ (the change's reason); defaults to "content differs". */
  explain?: (desired: string, live: string) => string | undefined;
}

/**
 * Pure: desired files against live ones → one Change per path, each with a unified diff.
 * Ownership (--force) and prune (--prune, --prune-all) are decided after it by plan/policy.ts.
 */
export function planFiles(
  desired: readonly DesiredFile[],
  live: readonly LiveFile[],
  opts: PlanFilesOptions,
): Change<string>[] {
  const wanted = desired.map((f): Resource<string> => ({ id: f.path, kind: opts.kind, value: f.content }));
  return plan(wanted, live, {
    stage: opts.stage,
    label: (r) => opts.label?.(r.id) ?? r.id,
    scope: opts.scope ?? `${opts.stage} files`,
    equals: (a, b) => a === b,
    explain: (d, l) => (l === '' ? EMPTY_TAKEN_OVER : (opts.explain?.(d, l) ?? 'content differs')),
    diff: (d, l, id) => fileDiff(id, l, d),
  });
}

/** What a concrete target adds to the shared mechanics. */
export interface FileTarget {
  /** Check a new file at its temp path (next to the target) before it goes live; throw to refuse. */
  validate?: (file: { path: string; tmpPath: string; content: string }, signal: AbortSignal) => Promise<void>;
  /** Run once per apply when anything went live (restart, SIGHUP); a throw rolls every file back. */
  reload?: (signal: AbortSignal) => Promise<void>;
  /** Where the one backup goes (default `<file>.bak`); `false` keeps none. */
  backup?: BackupPath | false;
  /** Mode of new files (default 0o644; existing files keep theirs). */
  mode?: number;
  /** Create a missing parent folder (0755) before writing; off: a missing folder fails the unit. */
  createParents?: boolean;
}

/** Failure of one step, attributed to the change that caused it (or to all of them). */
class StepFailure extends Error {
  constructor(
    readonly error: Error,
    readonly culprit: Change<string> | undefined,
  ) {
    super(error.message);
  }
}

/**
 * Apply file changes as one unit. Unchanged files are never written and, when nothing is
 * actionable, nothing reloads. A blocked update (a file without our header) fails with a
 * hint to use --force; a blocked delete is left alone. On any failure every change of the
 * unit fails (ApplyError, exit 4) and the live files are as they were.
 */
export async function applyFiles(
  ctx: Pick<ProviderContext, 'reporter' | 'signal'>,
  changes: readonly Change<string>[],
  target: FileTarget,
): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  for (const c of changes) {
    if (!c.blocked || c.action === 'delete') continue;
    const error = new ApplyError(`refusing to overwrite ${c.id}: ${c.blocked}`, {
      hint: 'it lacks the Phoenix header; move it away, or run with --force to take it over',
    });
    ctx.reporter.emit({ type: 'change-start', change: c });
    ctx.reporter.emit({
      type: 'change-end',
      change: c,
      status: 'failed',
      error: error.message,
      durationMs: 0,
    });
    results.push({ change: c, status: 'failed', error, durationMs: 0 });
  }
  const todo = actionable(changes);
  if (todo.length === 0) return results;

  const started = Date.now();
  for (const c of todo) ctx.reporter.emit({ type: 'change-start', change: c });
  let failure: StepFailure | undefined;
  try {
    await applyUnit(ctx.signal, todo, target);
  } catch (err) {
    failure = err instanceof StepFailure ? err : new StepFailure(asApplyError(err), undefined);
  }
  const durationMs = Date.now() - started;
  for (const c of todo) {
    const error = failure && errorFor(failure, c);
    ctx.reporter.emit({
      type: 'change-end',
      change: c,
      status: error ? 'failed' : 'ok',
      ...(error ? { error: error.message } : {}),
      durationMs,
    });
    results.push({ change: c, status: error ? 'failed' : 'ok', ...(error ? { error } : {}), durationMs });
  }
  return results;
}

function errorFor(failure: StepFailure, c: Change<string>): Error {
  if (!failure.culprit || failure.culprit === c) return failure.error;
  return new ApplyError(`not applied: ${failure.culprit.id} failed (${failure.error.message})`, {
    cause: failure.error,
  });
}

function asApplyError(err: unknown): Error {
  return err instanceof ApplyError ? err : new ApplyError(errorMessage(err), { cause: err });
}

/** Stage and validate everything, then commit everything, then reload once. */
async function applyUnit(
  signal: AbortSignal,
  todo: readonly Change<string>[],
  target: FileTarget,
): Promise<void> {
  const staged = new Map<Change<string>, StagedFile>();
  const committed: Change<string>[] = [];
  try {
    for (const c of todo) {
      await step(c, async () => {
        // Live state is the truth: if the file moved on since the plan, the plan is stale.
        if ((await readIfExists(c.id)) !== c.before) {
          throw new ApplyError(`${c.id} changed since it was planned`, { hint: 'run the sync again' });
        }
        if (c.after === undefined) return;
        const s = await stageFile(c.id, c.after, writeOptions(target));
        staged.set(c, s);
        await target.validate?.({ path: c.id, tmpPath: s.tmpPath, content: c.after }, signal);
      });
    }
    for (const c of todo) {
      await step(c, async () => {
        const s = staged.get(c);
        if (s) await s.commit();
        else await removeFile(c.id, writeOptions(target));
        committed.push(c);
      });
    }
  } catch (err) {
    const unrestored = committed.length > 0 ? await restore(committed) : '';
    // Discarding also removes the folders a staged file created, now that they are empty again.
    for (const s of [...staged.values()].reverse()) await s.discard();
    if (!unrestored) throw err;
    const failure = err instanceof StepFailure ? err : new StepFailure(asApplyError(err), undefined);
    throw new StepFailure(
      new ApplyError(`${failure.error.message}; ${unrestored}`, { cause: err }),
      failure.culprit,
    );
  }
  if (!target.reload) return;
  try {
    await target.reload(signal);
  } catch (err) {
    const paths = committed.map((c) => c.id).join(', ');
    const unrestored = await restore(committed);
    for (const s of [...staged.values()].reverse()) await removeDirs(s.createdDirs);
    let message = `${errorMessage(err)}; ${unrestored || `restored the previous ${paths}`}`;
    try {
      await target.reload(signal);
    } catch (again) {
      message += `; reloading the restored files failed too: ${errorMessage(again)}`;
    }
    throw new ApplyError(message, { cause: err });
  }
}

async function step(c: Change<string>, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    throw new StepFailure(asApplyError(err), c);
  }
}

/**
 * Put back what was live before this apply (the same bytes the backup holds; `before` was
 * checked against the live file just before commit). A file that did not exist is removed.
 * Best effort, file by file: returns what could not be restored, so no error is lost.
 */
async function restore(committed: readonly Change<string>[]): Promise<string> {
  const failures: string[] = [];
  for (const c of [...committed].reverse()) {
    try {
      if (c.before === undefined) await removeFile(c.id, { backup: false });
      else await atomicWrite(c.id, c.before, { backup: false });
    } catch (err) {
      failures.push(`could not restore ${c.id}: ${errorMessage(err)}`);
    }
  }
  return failures.join('; ');
}

function writeOptions(target: FileTarget): WriteOptions {
  return {
    ...(target.backup !== undefined ? { backup: target.backup } : {}),
    ...(target.mode !== undefined ? { mode: target.mode } : {}),
    ...(target.createParents ? { createParents: true } : {}),
  };
}
