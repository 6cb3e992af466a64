/**
 * `phoenix rollback <run-id>`: sync everything at the commit that run synced (`sync all
 * --at <commit>`), recorded as a rollback. Refused (exit 1, nothing contacted) when the run
 * is not in the history, when it has no commit (its root was not a git work tree then), or
 * when the root is not a git work tree now.
 */
import { resolveRoot } from '../../engine/estate.js';
import { gitState, notAWorkTree } from '../../history/git.js';
import { UserError } from '../../errors.js';
import type { Io } from '../io.js';
import { finish, openSession } from '../output.js';
import { findRun, runId } from './history.js';
import { run as runSyncCommand, type SyncFlags } from './sync.js';

/** The commit of run `id`, or the refusal. */
async function commitOfRun(root: string, args: string[]): Promise<{ id: number; commit: string }> {
  if (args.length > 1)
    throw new UserError(`phoenix rollback takes one run id, not "${args.join(' ')}"`, {
      hint: 'phoenix history lists the runs with their ids',
    });
  const id = runId(args[0], 'phoenix rollback');
  const run = findRun(root, id);
  if (!run.commit)
    throw new UserError(
      `run ${id} has no commit to go back to: its root was not a git work tree when it ran`,
      {
        hint: 'phoenix history shows which runs have a commit; phoenix sync all --at REV syncs any revision',
      },
    );
  if (!(await gitState(root))) throw notAWorkTree(root, `phoenix rollback ${id}`);
  return { id, commit: run.commit };
}

/** Run `phoenix rollback`. */
export async function run(flags: SyncFlags, args: string[], io: Io): Promise<number> {
  const root = resolveRoot(flags.root, io.env, io.cwd);
  let target: { id: number; commit: string };
  try {
    target = await commitOfRun(root, args);
  } catch (err) {
    // Reported like any command's error (text or --json), with nothing contacted.
    const s = await openSession(flags, io);
    return finish(s, () => Promise.reject(err));
  }
  return runSyncCommand({ ...flags, at: target.commit }, ['all'], io, {
    trigger: 'rollback',
    command: `rollback ${target.id} (sync all --at ${target.commit.slice(0, 12)})`,
  });
}
