/**
 * A sync killed with SIGKILL mid-apply (the built CLI in its own process, the Portainer
 * double slowed down so a deploy is in flight) leaves its run `running` in the history; the
 * next run marks it `interrupted`, and is recorded normally itself.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/root.js';
import { startGitLab, type GitLab } from './lab.js';

let lab: GitLab | undefined;
afterEach(async () => {
  await lab?.h.stop();
  lab = undefined;
});

/** Wait until `ready()` holds, or fail after `ms` with `what`. */
async function until(ready: () => boolean, what: string, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; !ready();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A run's status as stored, read without opening the history (which would mark it). */
function storedStatus(stateDir: string, id: number): string | undefined {
  const db = new Database(join(stateDir, 'history.db'), { readonly: true });
  try {
    return (db.prepare('SELECT status FROM runs WHERE id = ?').get(id) as { status: string } | undefined)
      ?.status;
  } finally {
    db.close();
  }
}

describe('a killed sync in the history', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
  }, 120_000);

  it('stays running until the next run marks it interrupted', async () => {
    lab = await startGitLab();
    lab.h.double.latency = { perCallMs: 0, perDeployMs: 3000 };
    const child = spawn(process.execPath, ['bin/phoenix.js', 'sync', 'all', '--yes', '--root', lab.h.root], {
      cwd: REPO,
      env: { PATH: process.env['PATH'], ...lab.h.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, signal) => resolve(signal)),
    );
    const h = lab.h;
    await until(
      () => h.double.calls.some((c) => c.route.startsWith('POST /stacks/create/')),
      'a deploy in flight',
    );
    expect(storedStatus(lab.stateDir, 1)).toBe('running');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // The killed run wrote its plan as it went: its changes are there, those done marked ok.
    expect(storedStatus(lab.stateDir, 1)).toBe('running');

    h.double.latency = { perCallMs: 0, perDeployMs: 0 };
    const next = await lab.cli('sync', 'all', '--yes');
    expect(next.code, next.err).toBe(0);
    const [second, killed] = lab.runs();
    expect(second).toMatchObject({ id: 2, status: 'ok', exitCode: 0 });
    expect(killed).toMatchObject({ id: 1, status: 'interrupted' });
    expect(killed!.exitCode).toBeUndefined();
    expect(killed!.endedAt).toBeUndefined();
    expect(killed!.error).toMatch(
      /^the process recording this run \(pid \d+ on .+\) ended before it finished; noticed /,
    );
    expect(killed!.changes.filter((c) => c.stage === 'dns')).toMatchObject([{ status: 'ok' }]);
    expect(killed!.changes.some((c) => c.status === 'planned')).toBe(true);
    const table = (await lab.cli('history')).out;
    expect(table).toMatch(/\n1 .* manual .* interrupted +\d+ ok, \d+ planned, 1 blocked\n/);
  }, 60_000);
});
