/**
 * The root as a git work tree that follows an upstream: fetch, then fast-forward only. A
 * tree with local edits to tracked files, or with commits of its own the upstream lacks, is
 * reported and left exactly as it is: serve never resets, stashes or merges anyone's work.
 * Uses the real `git` CLI (its credentials, SSH keys and config are the operator's).
 */
import { runGit } from '../history/git.js';

/** A work tree whose current branch has an upstream. */
export interface GitRepo {
  /** The work tree's top folder (the root may be a folder inside it). */
  top: string;
  /** The upstream, e.g. `origin/main`. */
  upstream: string;
  head: string;
}

/** What one poll found. */
export type GitPoll =
  | { state: 'current'; head: string }
  | { state: 'advanced'; from: string; head: string }
  | { state: 'dirty'; head: string; behind: number; files: string[] }
  | { state: 'diverged'; head: string; ahead: number; behind: number }
  | { state: 'error'; head?: string; message: string };

/** Runs git in the root, never prompting for credentials. */
export class Git {
  constructor(
    readonly root: string,
    private readonly timeoutMs: number,
  ) {}

  private async git(args: string[]): Promise<{ ok: boolean; out: string; err: string }> {
    const r = await runGit(this.root, args, this.timeoutMs);
    return { ...r, err: r.timedOut ? `git ${args[0]} timed out after ${this.timeoutMs} ms` : r.err };
  }

  /** The repository, or why serve cannot follow one (not a work tree, no upstream, no git). */
  async detect(): Promise<GitRepo | { reason: string }> {
    let top;
    try {
      top = await this.git(['rev-parse', '--show-toplevel']);
    } catch (err) {
      return { reason: `git cannot be run: ${(err as Error).message}` };
    }
    if (!top.ok) return { reason: 'the root is not inside a git work tree' };
    const upstream = await this.git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']);
    if (!upstream.ok)
      return {
        reason: `the current branch has no upstream (${firstLine(upstream.err)}); set one with git branch --set-upstream-to`,
      };
    const head = await this.git(['rev-parse', 'HEAD']);
    if (!head.ok) return { reason: `the work tree has no commit yet (${firstLine(head.err)})` };
    return { top: top.out, upstream: upstream.out, head: head.out };
  }

  /** The commit checked out now, or undefined when git cannot say. */
  async head(): Promise<string | undefined> {
    const r = await this.git(['rev-parse', 'HEAD']);
    return r.ok ? r.out : undefined;
  }

  /** Fetch the upstream and fast-forward to it when that is all it takes. */
  async poll(): Promise<GitPoll> {
    try {
      const from = await this.head();
      const fetched = await this.git(['fetch', '--quiet', '--no-tags']);
      if (!fetched.ok)
        return { state: 'error', ...opt(from), message: `git fetch failed: ${firstLine(fetched.err)}` };
      const counts = await this.git(['rev-list', '--left-right', '--count', 'HEAD...@{u}']);
      const [ahead, behind] = counts.out.split(/\s+/).map(Number);
      if (!counts.ok || from === undefined || ahead === undefined || behind === undefined)
        return { state: 'error', ...opt(from), message: `git rev-list failed: ${firstLine(counts.err)}` };
      if (behind === 0) return { state: 'current', head: from };
      if (ahead > 0) return { state: 'diverged', head: from, ahead, behind };
      // Untracked files (the lock, a state folder) never block a fast-forward of tracked ones.
      const changed = await this.git(['diff', '--name-only', 'HEAD']);
      if (!changed.ok)
        return { state: 'error', head: from, message: `git diff failed: ${firstLine(changed.err)}` };
      if (changed.out !== '') return { state: 'dirty', head: from, behind, files: changed.out.split('\n') };
      const merged = await this.git(['merge', '--ff-only', '--quiet', '@{u}']);
      if (!merged.ok)
        return {
          state: 'error',
          head: from,
          message: `git merge --ff-only failed: ${firstLine(merged.err)}`,
        };
      const head = await this.head();
      if (!head) return { state: 'error', message: 'git rev-parse HEAD failed after the fast-forward' };
      return { state: 'advanced', from, head };
    } catch (err) {
      return { state: 'error', message: (err as Error).message };
    }
  }
}

function opt(head: string | undefined): { head?: string } {
  return head === undefined ? {} : { head };
}

/** Git's first line of complaint, with any credentials of a remote URL cut out. */
function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? 'no message';
  return line.replace(/\/\/[^/@\s]+@/g, '//«redacted»@');
}

/** The short form of a commit for log lines. */
export function short(commit: string | undefined): string {
  return commit ? commit.slice(0, 12) : '-';
}
