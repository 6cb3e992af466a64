/**
 * Drift checks of `phoenix serve` (every 2 s here), as a real process against the homelab:
 * a hand edit in the Portainer double is found on the next check, recorded as a drift run,
 * set on the metrics' drift gauge, and left alone; with `self_heal` it is applied. A root that
 * is not a git work tree still gets drift checks, and its webhook is refused (409).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { phoenix } from '../e2e/harness.js';
import {
  postHook,
  runs,
  sign,
  stackEnv,
  startGitLab,
  startServe,
  type GitLab,
  type ServeProc,
  stopLab,
} from './rig.js';

/** Change the whoami production stack's WHOAMI_NAME in the double, as someone in Portainer's UI would. */
function handEdit(lab: GitLab, value: string): void {
  const s = lab.h.double.model.stacks.find((x) => x.Name === 'whoami-production')!;
  s.Env = s.Env.map((e) => (e.name === 'WHOAMI_NAME' ? { ...e, value } : e));
}

describe('phoenix serve: drift', () => {
  let lab: GitLab | undefined;
  let serve: ServeProc | undefined;
  afterEach(async () => {
    await stopLab(lab, serve);
    lab = serve = undefined;
  });

  it('not a git tree: drift is found on the next check, recorded, on the gauge, not healed; the webhook is refused', async () => {
    lab = await startGitLab({ drift_seconds: 2, webhook_secret: 'env:PHOENIX_HOOK_SECRET' }, { git: false });
    const synced = await phoenix(lab.h, ['sync', 'all', '--yes']);
    expect(synced.code, synced.err).toBe(0);
    serve = await startServe(lab);
    expect(serve.lines.join('\n')).toMatch(
      /not following git \(the root is not inside a git work tree\): no polling, webhooks refused/,
    );
    const b = '{}';
    expect(await postHook(serve.url, b, sign(b))).toBe(409);
    await serve.waitFor(/webhook: refused \(409\): the root is not inside a git work tree/, 5_000);
    await serve.waitFor(/drift: none/, 30_000);

    const at = serve.lines.length;
    handEdit(lab, 'changed-by-hand');
    await serve.waitFor(/drift: stacks 1 pending$/, 30_000, at);
    const [check] = runs(lab);
    expect(check).toMatchObject({ trigger: 'drift', status: 'drift', exitCode: 2 });
    expect(check!.changes.filter((c) => c.action !== 'noop' && c.status !== 'blocked')).toMatchObject([
      { stage: 'stacks', action: 'update', status: 'planned' },
    ]);
    const metrics = await (await fetch(`${serve.url}/metrics`)).text();
    expect(metrics).toMatch(/^phoenix_drift_pending_changes\{stage="stacks"\} 1$/m);
    expect(metrics).toMatch(/^phoenix_drift_pending_changes\{stage="dns"\} 0$/m);
    // The next check finds it again; nothing applies it.
    await serve.waitFor(/drift: stacks 1 pending$/, 30_000, serve.lines.length);
    expect(stackEnv(lab, 'whoami-production', 'WHOAMI_NAME')).toBe('changed-by-hand');
    expect(
      runs(lab).filter((r) => r.trigger === 'drift' && r.status !== 'drift' && r.status !== 'no-drift'),
    ).toEqual([]);
    // No git: nothing was ever polled.
    expect(serve.count(/^\S+ (git|poll)/)).toBe(0);
  }, 120_000);

  it('self_heal: the drift found is applied by a sync run of trigger drift', async () => {
    lab = await startGitLab({ poll_seconds: 0, drift_seconds: 2, self_heal: true });
    serve = await startServe(lab);
    await serve.waitFor(/poll sync \w+: run #1 ok/, 90_000);
    const at = serve.lines.length;
    handEdit(lab, 'changed-by-hand');
    await serve.waitFor(/drift: stacks 1 pending; healing it \(self_heal\)/, 30_000, at);
    await serve.waitFor(/drift sync \w+: run #\d+ ok \(exit 0\), 1 change$/, 60_000, at);
    expect(stackEnv(lab, 'whoami-production', 'WHOAMI_NAME')).toBe('whoami-prod');
    const [heal, check] = runs(lab);
    expect(check).toMatchObject({ trigger: 'drift', status: 'drift' });
    expect(heal).toMatchObject({ trigger: 'drift', status: 'ok', command: 'serve sync all' });
    expect(heal!.changes.filter((c) => c.action !== 'noop' && c.status !== 'blocked')).toMatchObject([
      { stage: 'stacks', action: 'update', status: 'ok' },
    ]);
    await serve.waitFor(/drift: none/, 30_000, serve.lines.length);
  }, 120_000);
});
