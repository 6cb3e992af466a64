/**
 * A sync run with the run history (the CLI's sync and rollback): a sync that may change things is recorded
 * (`recordedSync`), a dry run is not (it changes nothing, and `plan` is not recorded
 * either). `--at REV` syncs that revision of the root, materialised with `git archive` in a
 * temp dir that is removed afterwards, and records the run with that commit.
 */
import { runSync, type SyncRequest } from '../engine/pipeline.js';
import { UserError } from '../errors.js';
import { materialise, type Materialised } from './git.js';
import { recordedSync } from './record.js';
import { ownerIdIn, stateDirOf } from './state-dir.js';
import type { Trigger } from './types.js';

/** How a sync is recorded. */
export interface RecordedRun {
  /** `--at REV`: sync this git revision of the root. */
  at?: string;
  trigger: Trigger;
  /** A saved plan is applied (`--plan`): it cannot be combined with `--at`. */
  savedPlan?: boolean;
}

/** Run `req`, recorded unless it is a dry run; resolves to the exit code, throws what the sync threw. */
export async function runRecorded(req: SyncRequest, how: RecordedRun): Promise<number> {
  if (how.at !== undefined && how.savedPlan)
    throw new UserError('--at cannot be combined with --plan: a saved plan is bound to the root as it is', {
      hint: 'make the plan from the revision instead: check it out, then phoenix plan --out FILE',
    });
  let revision: Materialised | undefined;
  if (how.at !== undefined) {
    req.reporter.emit({
      type: 'log',
      level: 'info',
      message: `materialising ${how.at} of ${req.root} (git archive)`,
    });
    revision = await materialise(req.root, how.at);
    try {
      sameOwner(req.root, revision.dir, how.at);
    } catch (err) {
      revision.remove();
      throw err;
    }
    req.reporter.emit({
      type: 'log',
      level: 'info',
      message: `syncing commit ${revision.commit} of ${req.root}, read from ${revision.dir}`,
    });
  }
  try {
    const sync: SyncRequest = revision ? { ...req, source: revision.dir } : req;
    if (req.options.dryRun) return await runSync(sync);
    const result = await recordedSync(sync, {
      trigger: how.trigger,
      stateDir: stateDirOf(req.root),
      ...(revision ? { commit: revision.commit, dirty: false } : {}),
    });
    if (result.error !== undefined) throw result.error;
    return result.exitCode;
  } finally {
    revision?.remove();
  }
}

/**
 * The revision must own what the live root owns: with another owner id, it would take what
 * Phoenix made for this root as someone else's (and make its own beside it).
 */
function sameOwner(root: string, dir: string, rev: string): void {
  const live = ownerIdIn(root);
  const then = ownerIdIn(dir);
  if (live !== undefined && then !== undefined && live !== then)
    throw new UserError(
      `${rev} of ${root} has owner id "${then}", the root has "${live}": a sync at that revision would not recognise what Phoenix made for this root`,
      { hint: 'roll back to a revision after the owner id changed, or edit the root instead' },
    );
}
