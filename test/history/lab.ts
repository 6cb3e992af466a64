/**
 * The homelab rig (Portainer double, temp-dir file targets) with its root made a real git
 * repository: `secrets/` is left out of git, as an operator keeps plaintext secret files, so
 * a revision materialised by `--at` has none and they must come from the live root.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { History } from '../../src/history/history.js';
import type { RunRecord } from '../../src/history/types.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'phoenix test',
  GIT_AUTHOR_EMAIL: 'test@phoenix.invalid',
  GIT_COMMITTER_NAME: 'phoenix test',
  GIT_COMMITTER_EMAIL: 'test@phoenix.invalid',
};

/** The rig, its root in git, and its history. */
export interface GitLab {
  h: Homelab;
  stateDir: string;
  git(...args: string[]): string;
  /** Commit everything in the root; returns the commit. */
  commit(message: string): string;
  /** `phoenix <argv> --root <root>` in-process with the rig's environment. */
  cli(...argv: string[]): Promise<CliResult>;
  /** The runs, newest first (with their rendered text). */
  runs(): RunRecord[];
  /** The bytes of every file of the history (database, its WAL and shared memory). */
  historyBytes(): Buffer;
}

/** Start the rig; `git: false` leaves the root out of git. */
export async function startGitLab(opts: { git?: boolean } = {}): Promise<GitLab> {
  const h = await startHomelab({ dnsmasq: false });
  const stateDir = join(h.dir, 'state');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', h.root, ...args], { encoding: 'utf8', env: GIT_ENV }).trim();
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  if (opts.git !== false) {
    writeFileSync(join(h.root, '.gitignore'), 'secrets/\n');
    git('init', '-q');
    commit('the homelab');
  }
  const runs = () => {
    if (!existsSync(join(stateDir, 'history.db'))) return [];
    const history = History.open(stateDir);
    try {
      return history.list(100).map((r) => history.get(r.id)!);
    } finally {
      history.close();
    }
  };
  const historyBytes = () =>
    Buffer.concat(
      ['history.db', 'history.db-wal', 'history.db-shm']
        .map((f) => join(stateDir, f))
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f)),
    );
  return {
    h,
    stateDir,
    git,
    commit,
    cli: (...argv) => runCli([...argv, '--root', h.root], { env: h.env }),
    runs,
    historyBytes,
  };
}
