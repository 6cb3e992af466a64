/**
 * `phoenix serve` against real parts: the homelab (Portainer double, real dnsmasq, file
 * targets in a temp dir) whose root is a git clone of a bare repository on disk, a second
 * clone to push from, and serve itself as a child process (the CLI from source through tsx),
 * its log lines collected as they come.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { History, type RunRecord } from '../../src/history/index.js';
import { editJson, REPO } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

export const HOOK_SECRET = 'hook-secret-4c1d9e7a';
export const TOKEN = 'serve-token-81f0c2b5';

/** The homelab with its root in git, and where serve keeps its history. */
export interface GitLab {
  h: Homelab;
  /** The bare repository the root's clone follows (its `origin`). */
  bare: string;
  /** Another clone, where the tests commit and push from. */
  dev: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
}

/** Run git in `cwd`; its output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

/**
 * Start the homelab with `serve` settings (and other `sync` settings); the root becomes a git
 * work tree following a bare repository (unless `git: false`).
 */
export async function startGitLab(
  serve: Record<string, unknown>,
  opts: { git?: boolean; sync?: Record<string, unknown> } = {},
): Promise<GitLab> {
  const h = await startHomelab();
  const stateDir = join(h.dir, 'state');
  editJson(join(h.root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
    c.sync.state_dir = stateDir;
    c.sync.serve = { listen: '127.0.0.1:0', ...serve };
    Object.assign(c.sync, opts.sync);
  });
  const bare = join(h.dir, 'remote.git');
  const dev = join(h.dir, 'dev');
  if (opts.git !== false) {
    git(h.dir, 'init', '--quiet', '--bare', '-b', 'main', bare);
    git(h.root, 'init', '--quiet', '-b', 'main');
    git(h.root, 'add', '-A');
    git(h.root, 'commit', '--quiet', '-m', 'the homelab');
    git(h.root, 'remote', 'add', 'origin', bare);
    git(h.root, 'push', '--quiet', '-u', 'origin', 'main');
    git(h.dir, 'clone', '--quiet', bare, dev);
  }
  const env = { ...h.env, PHOENIX_HOOK_SECRET: HOOK_SECRET, PHOENIX_SERVE_TOKEN: TOKEN };
  return { h, bare, dev, stateDir, env };
}

/** Replace `from` with `to` in `file` of the dev clone, commit, push; the new commit. */
export function push(lab: GitLab, file: string, from: string, to: string): string {
  const path = join(lab.dev, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
  git(lab.dev, 'commit', '--quiet', '-am', `${from} → ${to}`);
  git(lab.dev, 'push', '--quiet', 'origin', 'main');
  return git(lab.dev, 'rev-parse', 'HEAD');
}

/** A running `phoenix serve`. */
export interface ServeProc {
  child: ChildProcess;
  /** Every log line so far. */
  lines: string[];
  /** Its base URL, once it listens. */
  url: string;
  /** Resolves with the exit code (or the signal that killed it). */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Wait for a line matching `re` (after the first `from` lines); the line. */
  waitFor(re: RegExp, ms?: number, from?: number): Promise<string>;
  /** Lines matching `re`. */
  count(re: RegExp): number;
}

/** After a test: kill serve if it still runs (SIGKILL: whatever state the test left it in) and stop the lab. */
export async function stopLab(lab: GitLab | undefined, serve: ServeProc | undefined): Promise<void> {
  serve?.child.kill('SIGKILL');
  await serve?.exit;
  await lab?.h.stop();
}

/** Start `phoenix serve --root <root>`; resolves once it listens (or rejects with its log). */
export async function startServe(
  lab: GitLab,
  args: string[] = [],
  opts: { built?: boolean } = {},
): Promise<ServeProc> {
  const proc = launchServe(lab, args, opts);
  const listening = await proc.waitFor(/serve: listening on http:\/\/\S+;/, 60_000);
  proc.url = /listening on (http:\/\/[^;\s]+);/.exec(listening)![1]!;
  return proc;
}

/**
 * Start `phoenix serve --root <root>` and return at once: the CLI from source, or with
 * `built` the launcher users run (bin/phoenix.js and the bundle; `npm run build` first).
 */
export function launchServe(lab: GitLab, args: string[] = [], opts: { built?: boolean } = {}): ServeProc {
  const entry = opts.built
    ? [join(REPO, 'bin', 'phoenix.js')]
    : ['--import', 'tsx', join(REPO, 'test', 'serve', 'entry.ts')];
  const child = spawn(process.execPath, [...entry, 'serve', '--root', lab.h.root, ...args], {
    cwd: REPO,
    env: { PATH: process.env['PATH'], ...lab.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  const waiters = new Set<() => void>();
  const take = (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters) w();
  };
  child.stderr.on('data', take);
  child.stdout.on('data', take);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal });
    }),
  );
  let exited = false;
  void exit.then(() => (exited = true));
  const proc: ServeProc = {
    child,
    lines,
    url: '',
    exit,
    count: (re) => lines.filter((l) => re.test(l)).length,
    waitFor: (re, ms = 30_000, from = 0) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = lines.slice(from).find((l) => re.test(l));
          if (hit !== undefined || exited || Date.now() > end) {
            waiters.delete(check);
            clearTimeout(timer);
            if (hit !== undefined) resolve(hit);
            else
              reject(
                new Error(
                  `no line matching ${re} ${exited ? '(serve exited)' : `in ${ms} ms`}:\n${lines.join('\n')}`,
                ),
              );
          }
        };
        const end = Date.now() + ms;
        const timer = setTimeout(check, ms + 10);
        waiters.add(check);
        check();
      }),
  };
  return proc;
}

/** The runs of the history, newest first (opened after serve exited or while it runs). */
export function runs(lab: GitLab, limit = 50): RunRecord[] {
  const h = History.open(lab.stateDir);
  try {
    return h.list(limit);
  } finally {
    h.close();
  }
}

/** Run statuses straight from the file, without History.open (which marks dead runs interrupted). */
export function rawStatuses(lab: GitLab): { id: number; status: string; trigger: string }[] {
  const db = new Database(join(lab.stateDir, 'history.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, status, trigger FROM runs ORDER BY id').all() as {
      id: number;
      status: string;
      trigger: string;
    }[];
  } finally {
    db.close();
  }
}

/** `X-Hub-Signature-256` of `body` under `secret`. */
export function sign(body: string, secret = HOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POST a push event to serve's webhook. */
export async function postHook(url: string, body: string, signature?: string): Promise<number> {
  const res = await fetch(`${url}/hooks/git`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-GitHub-Event': 'push',
      ...(signature ? { 'X-Hub-Signature-256': signature } : {}),
    },
    body,
  });
  await res.text();
  return res.status;
}

/** The Env value `name` of the stack `stack` in the double. */
export function stackEnv(lab: GitLab, stack: string, name: string): string | undefined {
  const s = lab.h.double.model.stacks.find((x) => x.Name === stack);
  return s?.Env.find((e) => e.name === name)?.value;
}
