/**
 * `phoenix serve` woken by the git webhook (polling off), as a real process against the
 * homelab: a bad or missing signature is 401 and triggers nothing; a valid one fetches and
 * syncs at once; ten webhooks in one second make one run. And the bearer token: required on
 * `/`, `/runs/<id>` and `/metrics`, never on `/healthz`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  git,
  postHook,
  push,
  runs,
  sign,
  stackEnv,
  startGitLab,
  startServe,
  TOKEN,
  type GitLab,
  type ServeProc,
  stopLab,
} from './rig.js';

const WHOAMI = 'stacks/whoami/phoenix.json';
const body = (ref: string) => JSON.stringify({ ref: 'refs/heads/main', after: ref });

/** Wait until serve runs nothing and has nothing queued. */
async function idle(serve: ServeProc): Promise<void> {
  for (const end = Date.now() + 60_000; Date.now() < end;) {
    const h = (await (await fetch(`${serve.url}/healthz`)).json()) as { running: boolean; queued: boolean };
    if (!h.running && !h.queued) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('serve did not become idle');
}

describe('phoenix serve: webhook and token', () => {
  let lab: GitLab;
  let serve: ServeProc;
  beforeAll(async () => {
    lab = await startGitLab({
      poll_seconds: 0,
      drift_seconds: 0,
      webhook_secret: 'env:PHOENIX_HOOK_SECRET',
      token: 'env:PHOENIX_SERVE_TOKEN',
    });
    serve = await startServe(lab);
    await serve.waitFor(/poll sync \w+: run #1 ok/, 90_000);
  }, 120_000);
  afterAll(async () => {
    await stopLab(lab, serve);
  });

  it('a bad or missing signature is 401, logged, and triggers nothing', async () => {
    const head = git(lab.h.root, 'rev-parse', 'HEAD');
    const commit = push(lab, WHOAMI, '"whoami-prod"', '"whoami-prod-hook"');
    const b = body(commit);
    expect(await postHook(serve.url, b)).toBe(401);
    expect(await postHook(serve.url, b, sign(b, 'not-the-secret'))).toBe(401);
    expect(await postHook(serve.url, b, 'sha256=zz')).toBe(401);
    // Signed, but not this body.
    expect(await postHook(serve.url, b, sign(`${b} `))).toBe(401);
    expect(
      serve.count(/webhook from \S+: refused \(401\): no X-Hub-Signature-256 header; nothing triggered/),
    ).toBe(1);
    expect(serve.count(/webhook from \S+: refused \(401\): X-Hub-Signature-256 does not match/)).toBe(3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(git(lab.h.root, 'rev-parse', 'HEAD')).toBe(head);
    expect(runs(lab)).toHaveLength(1);
    expect(serve.lines.join('\n')).not.toContain('HOOK_SECRET');
  });

  it('a body over 2 MiB is refused (413); a ping is answered and syncs nothing', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) });
    expect(await postHook(serve.url, big, sign(big))).toBe(413);
    await serve.waitFor(/webhook from \S+: refused \(413\): the body is too large/, 5_000);
    const ping = await fetch(`${serve.url}/hooks/git`, {
      method: 'POST',
      headers: { 'X-Gitea-Event': 'ping', 'X-Hub-Signature-256': sign('{}') },
      body: '{}',
    });
    expect(ping.status).toBe(200);
    await serve.waitFor(/webhook: ping received/, 5_000);
    expect((await fetch(`${serve.url}/hooks/git`)).status).toBe(405);
    await new Promise((r) => setTimeout(r, 1000));
    expect(runs(lab)).toHaveLength(1);
  });

  it('a valid signature fetches and syncs at once', async () => {
    const commit = git(lab.dev, 'rev-parse', 'HEAD'); // pushed by the test before
    const at = serve.lines.length;
    const sent = Date.now();
    const b = body(commit);
    expect(await postHook(serve.url, b, sign(b))).toBe(202);
    await serve.waitFor(/webhook \(push\): fetching now/, 5_000, at);
    await serve.waitFor(/git: fast-forwarded/, 5_000, at);
    expect(Date.now() - sent).toBeLessThan(3_000);
    await serve.waitFor(/webhook sync \w+: run #2 ok/, 60_000, at);
    expect(runs(lab)[0]).toMatchObject({ id: 2, trigger: 'webhook', status: 'ok', commit });
    expect(stackEnv(lab, 'whoami-production', 'WHOAMI_NAME')).toBe('whoami-prod-hook');
  }, 90_000);

  it('ten webhooks in one second make one run', async () => {
    const commit = push(lab, WHOAMI, '"whoami-prod-hook"', '"whoami-prod-burst"');
    // A deploy that takes a while, as a real one does: the burst arrives while it runs.
    lab.h.double.latency = { perCallMs: 0, perDeployMs: 3000 };
    const at = serve.lines.length;
    const b = body(commit);
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      codes.push(await postHook(serve.url, b, sign(b)));
      await new Promise((r) => setTimeout(r, 90));
    }
    expect(codes).toEqual(Array(10).fill(202));
    await idle(serve);
    lab.h.double.latency = { perCallMs: 0, perDeployMs: 0 };
    const after = runs(lab);
    expect(after.map((r) => [r.id, r.trigger, r.status, r.commit])[0]).toEqual([3, 'webhook', 'ok', commit]);
    expect(after).toHaveLength(3);
    // The first started the run; the second queued one check behind it, the rest joined that check.
    const said = serve.lines.slice(at);
    expect(said.filter((l) => /webhook \(push\): fetching now/.test(l))).toHaveLength(1);
    expect(said.filter((l) => /webhook \(push\): queued after the run in flight/.test(l))).toHaveLength(1);
    expect(said.filter((l) => /webhook \(push\): joined the check already queued/.test(l))).toHaveLength(8);
    expect(said.filter((l) => /git: no new commit/.test(l))).toHaveLength(1);
    expect(stackEnv(lab, 'whoami-production', 'WHOAMI_NAME')).toBe('whoami-prod-burst');
  }, 120_000);

  it('the token guards /, /runs/<id> and /metrics, never /healthz', async () => {
    const get = (path: string, token?: string) =>
      fetch(`${serve.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    for (const path of ['/', '/runs/1', '/metrics']) {
      const none = await get(path);
      expect(none.status, path).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await get(path, 'wrong-token')).status, path).toBe(401);
    }
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      running: false,
      lastRun: { id: 3, status: 'ok' },
    });

    const page = await get('/', TOKEN);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<html/i);
    expect((await get('/runs/2', TOKEN)).status).toBe(200);
    expect((await get('/runs/999', TOKEN)).status).toBe(404);
    const metrics = await get('/metrics', TOKEN);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^phoenix_runs_total\{[^}]*trigger="webhook"[^}]*\} 2$/m);
    expect(serve.lines.join('\n')).not.toContain(TOKEN);
  }, 60_000);
});
