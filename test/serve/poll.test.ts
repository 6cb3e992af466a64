/**
 * `phoenix serve` following git by polling (1 s), as a real process against the homelab:
 * on start it syncs the checked-out commit; a pushed commit is fetched, fast-forwarded and
 * synced within one poll interval, and the history shows that run with that commit; polls
 * with no new commit make no run; a dirty or diverged work tree is reported and left as it is.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { PORTAINER_PASSWORD } from '../rig/homelab.js';
import {
  git,
  push,
  runs,
  stackEnv,
  startGitLab,
  startServe,
  type GitLab,
  type ServeProc,
  stopLab,
} from './rig.js';

const WHOAMI = 'stacks/whoami/phoenix.json';

describe('phoenix serve: polling git', () => {
  let lab: GitLab | undefined;
  let serve: ServeProc | undefined;
  afterEach(async () => {
    await stopLab(lab, serve);
    lab = serve = undefined;
  });

  it('syncs on start, syncs a pushed commit within one poll, and makes no run for a poll with nothing new', async () => {
    lab = await startGitLab({ poll_seconds: 1, drift_seconds: 0 });
    const first = git(lab.h.root, 'rev-parse', 'HEAD');
    serve = await startServe(lab);
    await serve.waitFor(/poll sync \w+: run #\d+ ok \(exit 0\)/, 90_000);
    expect(stackEnv(lab, 'whoami-production', 'WHOAMI_NAME')).toBe('whoami-prod');
    const started = runs(lab);
    expect(started.map((r) => [r.trigger, r.status, r.commit])).toEqual([['poll', 'ok', first]]);

    // No webhook_secret: the hook is off.
    const hook = await fetch(`${serve.url}/hooks/git`, { method: 'POST', body: '{}' });
    expect(hook.status).toBe(404);
    await serve.waitFor(/webhook from \S+: refused \(404\): sync\.serve\.webhook_secret is not set/, 5_000);
    // Polls with nothing new: no run (3 polls at 1 s).
    await new Promise((r) => setTimeout(r, 3500));
    expect(runs(lab)).toHaveLength(1);

    const at = serve.lines.length;
    const pushedAt = Date.now();
    const commit = push(lab, WHOAMI, '"whoami-prod"', '"whoami-prod-v2"');
    await serve.waitFor(
      new RegExp(`git: fast-forwarded ${first.slice(0, 12)} → ${commit.slice(0, 12)}`),
      10_000,
      at,
    );
    // Seen within one poll interval (1 s), give or take the fetch itself.
    expect(Date.now() - pushedAt).toBeLessThan(3000);
    await serve.waitFor(/poll sync \w+: run #\d+ ok/, 60_000, at);
    expect(git(lab.h.root, 'rev-parse', 'HEAD')).toBe(commit);
    expect(stackEnv(lab, 'whoami-production', 'WHOAMI_NAME')).toBe('whoami-prod-v2');
    const [last, ...rest] = runs(lab);
    expect(rest).toHaveLength(1);
    expect(last).toMatchObject({ trigger: 'poll', status: 'ok', commit, exitCode: 0 });
    expect(
      last!.changes.some((c) => c.stage === 'stacks' && c.action === 'update' && c.status === 'ok'),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 2500));
    expect(runs(lab)).toHaveLength(2);
  }, 180_000);

  it('a failing commit is recorded, left checked out and notified; the next commit is tried normally, and its recovery notified', async () => {
    // A notification receiver on loopback.
    const notices: { event: string; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        notices.push({ event: (JSON.parse(body) as { event: string }).event, body });
        res.end('ok');
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const port = (receiver.address() as AddressInfo).port;
    onTestFinished(() => void receiver.close());
    lab = await startGitLab(
      { poll_seconds: 1, drift_seconds: 0 },
      { sync: { notify: [{ type: 'webhook', url: `http://127.0.0.1:${port}/hook` }] } },
    );
    serve = await startServe(lab);
    await serve.waitFor(/poll sync \w+: run #\d+ ok/, 90_000);
    const at = serve.lines.length;
    const bad = push(lab, WHOAMI, '"whoami-prod"', '"whoami-prod",,');
    await serve.waitFor(/poll sync \w+: run #\d+ failed \(exit 1\)/, 60_000, at);
    expect(git(lab.h.root, 'rev-parse', 'HEAD')).toBe(bad);
    expect(runs(lab)[0]).toMatchObject({ trigger: 'poll', status: 'failed', commit: bad, exitCode: 1 });
    // Not retried while the commit stays the same.
    await new Promise((r) => setTimeout(r, 2500));
    expect(runs(lab)).toHaveLength(2);
    const at2 = serve.lines.length;
    const good = push(lab, WHOAMI, '"whoami-prod",,', '"whoami-prod"');
    await serve.waitFor(/poll sync \w+: run #\d+ ok/, 60_000, at2);
    expect(runs(lab)[0]).toMatchObject({ trigger: 'poll', status: 'ok', commit: good });
    for (const end = Date.now() + 10_000; notices.length < 2 && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 50));
    expect(notices.map((n) => n.event)).toEqual(['failure', 'recovery']);
    expect(notices[0]!.body).toContain(bad);
    for (const n of notices) expect(n.body).not.toContain(PORTAINER_PASSWORD);
  }, 180_000);

  it('a dirty work tree is reported and never reset; a diverged one too', async () => {
    lab = await startGitLab({ poll_seconds: 1, drift_seconds: 0 });
    serve = await startServe(lab);
    await serve.waitFor(/poll sync \w+: run #\d+ ok/, 90_000);
    const head = git(lab.h.root, 'rev-parse', 'HEAD');
    // A hand edit in the root's clone, then a commit upstream.
    const edited = join(lab.h.root, 'stacks', 'whoami', 'docker-compose.yml');
    writeFileSync(edited, '# hand edit\n', { flag: 'a' });
    const at = serve.lines.length;
    push(lab, WHOAMI, '"whoami-prod"', '"whoami-prod-v3"');
    const line = await serve.waitFor(
      /git: 1 commit\(s\) behind its upstream, but tracked files have local changes/,
      10_000,
      at,
    );
    expect(line).toMatch(/stacks\/whoami\/docker-compose\.yml.*never reset/);
    await new Promise((r) => setTimeout(r, 2500));
    // Said once, not at every poll; nothing synced, nothing reset.
    expect(serve.count(/tracked files have local changes/)).toBe(1);
    expect(git(lab.h.root, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(lab.h.root, 'status', '--porcelain', '--untracked-files=no')).toMatch(/docker-compose\.yml/);
    expect(runs(lab)).toHaveLength(1);
    const health = (await (await fetch(`${serve.url}/healthz`)).json()) as { git: { state: string } };
    expect(health.git.state).toBe('dirty');

    // Committed locally instead: now the clone and its upstream have diverged.
    git(lab.h.root, 'commit', '--quiet', '-am', 'local commit');
    const local = git(lab.h.root, 'rev-parse', 'HEAD');
    await serve.waitFor(/git: diverged from its upstream \(1 local commit\(s\), 1 upstream\)/, 10_000, at);
    expect(git(lab.h.root, 'rev-parse', 'HEAD')).toBe(local);
    expect(runs(lab)).toHaveLength(1);
  }, 180_000);
});
