/**
 * Stopping `phoenix serve`, as a real process against the homelab with slow deploys (1.5 s
 * each in the Portainer double), so a run is in flight when the signal comes:
 * - SIGTERM with stop_seconds 0: the run is interrupted at once (the deploys in flight finish),
 *   recorded as interrupted, the lock released, serve exits 0.
 * - SIGTERM with time to spare: the run finishes, recorded ok, serve exits 0.
 * - SIGKILL: the run stays `running` in the file; the next serve marks it interrupted and,
 *   its commit never having been synced to the end, syncs it again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawStatuses, runs, startGitLab, startServe, type GitLab, type ServeProc, stopLab } from './rig.js';

const deploying = (lab: GitLab) => lab.h.double.calls.some((c) => c.route.startsWith('POST /stacks/create/'));

async function until(ready: () => boolean, what: string, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !ready();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('phoenix serve: SIGTERM and SIGKILL mid-run', () => {
  let lab: GitLab | undefined;
  let serve: ServeProc | undefined;
  afterEach(async () => {
    await stopLab(lab, serve);
    lab = serve = undefined;
  });

  it('SIGTERM, stop_seconds 0: the run is interrupted, recorded, the lock released; exit 0', async () => {
    lab = await startGitLab({ poll_seconds: 0, drift_seconds: 0, stop_seconds: 0 });
    lab.h.double.latency = { perCallMs: 0, perDeployMs: 1500 };
    serve = await startServe(lab);
    await until(() => deploying(lab!), 'the first stack deploy');
    serve.child.kill('SIGTERM');
    const exit = await serve.exit;
    expect(exit, serve.lines.join('\n')).toEqual({ code: 0, signal: null });
    const log = serve.lines.join('\n');
    expect(log).toMatch(
      /serve: SIGTERM: stopping; the run in flight has 0 s \(sync\.serve\.stop_seconds\) to finish/,
    );
    expect(log).toMatch(
      /poll sync \w+: interrupted by SIGTERM: \d+ applied, 0 failed or cut short, \d+ not started/,
    );
    expect(log).toMatch(/poll sync \w+: run #1 interrupted \(exit 143\)/);
    expect(serve.lines.at(-1)).toMatch(/serve: stopped$/);
    const [run] = runs(lab);
    expect(run).toMatchObject({ id: 1, trigger: 'poll', status: 'interrupted', exitCode: 143 });
    expect(lab.h.double.model.stacks.length).toBeLessThan(6);
    expect(existsSync(join(lab.h.root, '.phoenix.lock'))).toBe(false);
  }, 120_000);

  it('SIGTERM with stop_seconds to spare: the run finishes and is recorded ok; exit 0', async () => {
    lab = await startGitLab({ poll_seconds: 0, drift_seconds: 0, stop_seconds: 60 });
    lab.h.double.latency = { perCallMs: 0, perDeployMs: 1000 };
    serve = await startServe(lab);
    await until(() => deploying(lab!), 'the first stack deploy');
    serve.child.kill('SIGTERM');
    const exit = await serve.exit;
    expect(exit, serve.lines.join('\n')).toEqual({ code: 0, signal: null });
    expect(serve.lines.join('\n')).not.toMatch(/interrupt/);
    expect(runs(lab)).toMatchObject([{ id: 1, status: 'ok', exitCode: 0 }]);
    expect(lab.h.double.model.stacks).toHaveLength(6);
  }, 120_000);

  it('SIGKILL mid-run: the next serve marks the run interrupted and syncs the commit again', async () => {
    lab = await startGitLab({ poll_seconds: 0, drift_seconds: 0 });
    lab.h.double.latency = { perCallMs: 0, perDeployMs: 1500 };
    serve = await startServe(lab);
    await until(() => deploying(lab!), 'the first stack deploy');
    serve.child.kill('SIGKILL');
    expect((await serve.exit).signal).toBe('SIGKILL');
    // Read without History.open, which would itself mark the run.
    expect(rawStatuses(lab)).toEqual([{ id: 1, status: 'running', trigger: 'poll' }]);

    lab.h.double.latency = { perCallMs: 0, perDeployMs: 0 };
    serve = await startServe(lab);
    await serve.waitFor(/poll sync \w+: run #2 ok/, 90_000);
    const [again, killed] = runs(lab);
    expect(killed).toMatchObject({ id: 1, status: 'interrupted' });
    expect(killed!.error).toMatch(/ended before it finished/);
    expect(again).toMatchObject({ id: 2, trigger: 'poll', status: 'ok', commit: killed!.commit });
    expect(lab.h.double.model.stacks).toHaveLength(6);
  }, 180_000);
});
