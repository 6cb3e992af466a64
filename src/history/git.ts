/**
 * The root as a git work tree, through the real `git` CLI: its commit (and whether the tree
 * holds changes the commit does not), and a revision of it materialised in a temp dir with
 * `git archive <rev> | tar -x` for `sync --at` and `rollback`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import { UserError } from '../errors.js';
import { LOCK_FILE } from '../engine/lock.js';
import { exec } from '../util/exec.js';

const TIMEOUT_MS = 30_000;

/** What one git command did: `ok` is a zero exit in time. */
export interface GitResult {
  ok: boolean;
  out: string;
  err: string;
  timedOut: boolean;
}

/**
 * Run git in `root` (the history's and serve's one way to run it): never a pager or a prompt
 * for credentials, since nobody is there to answer, and messages in one language for the log.
 * Throws when git cannot be run at all.
 */
export async function runGit(
  root: string,
  args: readonly string[],
  timeoutMs = TIMEOUT_MS,
): Promise<GitResult> {
  const r = await exec(['git', '-C', root, ...args], {
    timeoutMs,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
  });
  return {
    ok: r.code === 0 && !r.timedOut,
    out: r.stdout.trim(),
    err: r.stderr.trim(),
    timedOut: r.timedOut,
  };
}

async function git(
  root: string,
  args: readonly string[],
): Promise<{ ok: boolean; out: string; err: string }> {
  try {
    return await runGit(root, args);
  } catch (err) {
    // git is not installed: the root is then not a work tree Phoenix can read.
    return { ok: false, out: '', err: (err as Error).message };
  }
}

/** The root's commit and whether its tree differs from it; undefined when the root is not a git work tree. */
export interface GitState {
  commit: string;
  dirty: boolean;
}

/**
 * The commit the root is at. `ignore`: paths inside the root that are Phoenix's own (the
 * state dir when it is under the root) and never make the tree dirty; the lock file never does.
 */
export async function gitState(root: string, ignore: readonly string[] = []): Promise<GitState | undefined> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (!inside.ok || inside.out !== 'true') return undefined;
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head.ok || !head.out) return undefined;
  const excludes = [LOCK_FILE, ...ignore]
    .map((p) => (isAbsolute(p) ? relative(root, p) : p))
    .filter((p) => p && !p.startsWith('..') && !isAbsolute(p))
    .map((p) => `:(exclude)${p}`);
  const status = await git(root, [
    'status',
    '--porcelain',
    '--untracked-files=normal',
    '--',
    '.',
    ...excludes,
  ]);
  return { commit: head.out, dirty: !status.ok || status.out.length > 0 };
}

/** The refusal when the root is not a git work tree (exit 1). */
export function notAWorkTree(root: string, what: string): UserError {
  return new UserError(`${what} needs the root to be a git work tree with a commit, and ${root} is not one`, {
    hint: `keep the root in git (git -C ${root} init, then commit), or sync without --at`,
  });
}

/** A revision of the root, materialised: `dir` holds its files; `remove` deletes them. */
export interface Materialised {
  dir: string;
  commit: string;
  remove(): void;
}

/**
 * Materialise `rev` of the root in a new temp dir: `git archive` of the root's own folder
 * at that revision (the root may be a sub-folder of its repository), unpacked by `tar -x`.
 * Throws UserError (exit 1) when the root is not a work tree or `rev` names no commit.
 */
export async function materialise(root: string, rev: string): Promise<Materialised> {
  if (!(await gitState(root))) throw notAWorkTree(root, `sync --at ${rev}`);
  const resolved = await git(root, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${rev}^{commit}`,
  ]);
  if (!resolved.ok || !resolved.out)
    throw new UserError(`"${rev}" names no commit of the git repository of ${root}`, {
      hint: `git -C ${root} log --oneline lists the commits; phoenix history shows each run's commit`,
    });
  const commit = resolved.out;
  const prefix = (await git(root, ['rev-parse', '--show-prefix'])).out;
  const dir = mkdtempSync(join(tmpdir(), 'phoenix-at-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await archive(root, prefix ? `${commit}:${prefix.replace(/\/$/, '')}` : commit, dir);
  } catch (err) {
    remove();
    throw err;
  }
  return { dir, commit, remove };
}

/** `git -C root archive <tree> | tar -x -C dir`, both real processes joined by a pipe. */
function archive(root: string, tree: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
    const gitProc = spawn('git', ['-C', root, 'archive', '--format=tar', tree], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', dir], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    gitProc.stderr.setEncoding('utf8').on('data', (d: string) => (errors += d));
    tar.stderr.setEncoding('utf8').on('data', (d: string) => (errors += d));
    gitProc.stdout.pipe(tar.stdin);
    tar.stdin.on('error', () => undefined);
    const codes: (number | null)[] = [];
    const done = (code: number | null) => {
      codes.push(code);
      if (codes.length < 2) return;
      if (codes.every((c) => c === 0)) resolve();
      else
        reject(
          new UserError(
            `cannot materialise ${tree} of ${root}: ${errors.trim() || 'git archive | tar -x failed'}`,
          ),
        );
    };
    for (const p of [gitProc, tar]) {
      p.on('error', (err) => reject(new UserError(`cannot run git archive | tar -x: ${err.message}`)));
      p.on('close', done);
    }
  });
}
