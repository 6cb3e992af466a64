/**
 * Notifications sent to real HTTP receivers on loopback: the generic webhook, ntfy and the
 * Apprise API each get the failure and then the recovery in their own format, with no secret
 * in the body; drift is told once; a receiver answering 500 twice gets the notice on the third
 * try; an unreachable or silent receiver never holds up the caller.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Notifier, type NotifierOptions, type NotifySetting } from '../../src/notify/index.js';
import { REDACTED, Redactor } from '../../src/secrets.js';
import { CANARY, history, run } from '../serve/page-fixtures.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver on 127.0.0.1 that records what it gets and answers `status(n)` to the n-th request. */
async function receiver(status: (n: number) => number = () => 200): Promise<{
  url: string;
  got: Received[];
  server: Server;
}> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      got.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(status(got.length), { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got, server };
}

const servers: Server[] = [];
afterEach(async () => {
  // A silent receiver's connections stay open until dropped: close would wait for them.
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s.closeAllConnections(), s.close(r)))));
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'phoenix-notify-'));
  writeFileSync(join(dir, 'ntfy.token'), 'tk_ntfy-token-5521\n', { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FAST: NotifierOptions['retry'] = { attempts: 3, backoffMs: 50, maxBackoffMs: 200, timeoutMs: 1000 };

function notifier(
  settings: NotifySetting[],
  env: NodeJS.ProcessEnv = {},
  retry = FAST,
): { n: Notifier; redactor: Redactor; log: string[] } {
  const redactor = new Redactor();
  redactor.add(CANARY);
  const log: string[] = [];
  const n = new Notifier(settings, dir, env, redactor, { log: (l) => log.push(l), retry });
  return { n, redactor, log };
}

const ALL: NotifySetting['on'] = ['failure', 'drift', 'recovery'];

describe('notifications', () => {
  it('webhook: the failure and the recovery as JSON, the token in the header only, no secret in the body', async () => {
    const rx = await receiver();
    const env = { HOOK_URL: `${rx.url}/hooks/phoenix`, HOOK_TOKEN: 'hook-token-9d2e41' };
    const { n, redactor } = notifier(
      [{ type: 'webhook', url: 'env:HOOK_URL', token: 'env:HOOK_TOKEN', on: ALL }],
      env,
    );
    // Both references are secrets now: a URL given by reference may hold one.
    expect(redactor.redact(`${env.HOOK_URL} ${env.HOOK_TOKEN}`)).toBe(`${REDACTED} ${REDACTED}`);
    const [ok, , failed] = history();
    const t0 = Date.now();
    n.onRun(failed!);
    n.onRun(ok!, failed);
    expect(Date.now() - t0).toBeLessThan(50);
    await n.flush();

    expect(rx.got.map((g) => [g.method, g.url, g.headers['content-type'], g.headers.authorization])).toEqual([
      ['POST', '/hooks/phoenix', 'application/json', 'Bearer hook-token-9d2e41'],
      ['POST', '/hooks/phoenix', 'application/json', 'Bearer hook-token-9d2e41'],
    ]);
    const [failure, recovery] = rx.got.map((g) => JSON.parse(g.body) as Record<string, unknown>);
    expect(failure).toMatchObject({
      event: 'failure',
      title: 'Phoenix: run #1 failed (sync all, poll)',
      run: { id: 1, status: 'failed', trigger: 'poll', exitCode: 4, commit: failed!.commit },
    });
    expect(String(failure!['message'])).toContain(
      `- stacks: update web <script>alert(1)</script> on vm 1002: HTTP 500`,
    );
    expect(recovery).toMatchObject({
      event: 'recovery',
      run: { id: 3, status: 'ok' },
      previous: { id: 1, status: 'failed' },
    });
    for (const g of rx.got) {
      expect(g.body).not.toContain(CANARY);
      expect(g.body).not.toContain('hook-token-9d2e41');
      expect(g.body).not.toContain('rendered');
    }
    expect(rx.got[0]!.body).toContain(REDACTED);
  });

  it('ntfy: a plain-text POST to the topic with Title, Priority and Tags headers; token from a file', async () => {
    const rx = await receiver();
    const { n, redactor } = notifier([
      { type: 'ntfy', url: `${rx.url}/phoenix-alerts`, token: 'file:ntfy.token', on: ALL },
    ]);
    expect(redactor.redact('tk_ntfy-token-5521')).toBe(REDACTED);
    const [ok, , failed] = history();
    n.onRun(failed!);
    n.onRun(ok!);
    await n.flush();
    expect(rx.got).toHaveLength(2);
    const [f, r] = rx.got;
    expect(f).toMatchObject({ method: 'POST', url: '/phoenix-alerts' });
    expect(f!.headers).toMatchObject({
      authorization: 'Bearer tk_ntfy-token-5521',
      title: 'Phoenix: run #1 failed (sync all, poll)',
      priority: 'high',
      tags: 'rotating_light,phoenix',
    });
    expect(f!.headers['content-type']).toMatch(/^text\/plain/);
    expect(f!.body).toMatch(
      /^Run #1 \(sync all, poll\) at commit 3f1c2ab9d0e4 by phoenix@hyper1 failed, exit code 4\./,
    );
    expect(f!.body).not.toContain(CANARY);
    // A recovery: the notifier remembered the failure (no `previous` given).
    expect(r!.headers).toMatchObject({ priority: 'default', tags: 'white_check_mark,phoenix' });
    expect(r!.headers.title).toBe('Phoenix: recovered, run #3 ok (sync all, webhook)');
  });

  it('apprise: the Apprise API JSON {title, body, type, format} to its /notify URL', async () => {
    const rx = await receiver();
    const { n } = notifier([{ type: 'apprise', url: `${rx.url}/notify/phoenix`, on: ALL }]);
    const [ok, drift, failed] = history();
    n.onRun(failed!);
    n.onRun(drift!);
    n.onRun(ok!, failed);
    await n.flush();
    expect(rx.got.map((g) => g.url)).toEqual(['/notify/phoenix', '/notify/phoenix', '/notify/phoenix']);
    const docs = rx.got.map((g) => JSON.parse(g.body) as Record<string, string>);
    expect(docs.map((d) => [Object.keys(d).sort().join(','), d['type'], d['format']])).toEqual([
      ['body,format,title,type', 'failure', 'text'],
      ['body,format,title,type', 'warning', 'text'],
      ['body,format,title,type', 'success', 'text'],
    ]);
    expect(docs[1]!['title']).toBe('Phoenix: drift, 2 change(s) pending (run #2)');
    expect(docs[1]!['body']).toContain('- dns: update phoenix.conf');
    // A change held back for the operator is not drift.
    expect(docs[1]!['body']).not.toContain('old on vm 1003');
    for (const g of rx.got) expect(g.body).not.toContain(CANARY);
  });

  it('tells the same drift once, each receiver only the events it asked for', async () => {
    const all = await receiver();
    const failures = await receiver();
    const { n } = notifier([
      { type: 'webhook', url: all.url, on: ALL },
      { type: 'webhook', url: failures.url, on: ['failure'] },
    ]);
    const [ok, drift, failed] = history();
    n.onRun(drift!);
    n.onRun({ ...drift!, id: 4 });
    n.onRun(run({ id: 5, trigger: 'drift', command: 'plan', status: 'no-drift', changes: [] }));
    n.onRun({ ...drift!, id: 6 });
    n.onRun(failed!);
    n.onRun(run({ id: 7, status: 'interrupted' }));
    n.onRun(ok!);
    await n.flush();
    const events = (rx: Received[]) =>
      rx.map((g) => {
        const d = JSON.parse(g.body) as { event: string; run: { id: number } };
        return `${d.event} #${d.run.id}`;
      });
    expect(events(all.got)).toEqual(['drift #2', 'drift #6', 'failure #1', 'recovery #3']);
    expect(events(failures.got)).toEqual(['failure #1']);
  });

  it('a receiver answering 500 twice gets the notice on the third try', async () => {
    const rx = await receiver((k) => (k <= 2 ? 500 : 200));
    const { n, log } = notifier([{ type: 'ntfy', url: `${rx.url}/t`, on: ALL }]);
    n.onRun(history()[2]!);
    await n.flush();
    expect(rx.got).toHaveLength(3);
    expect(new Set(rx.got.map((g) => g.body)).size).toBe(1);
    expect(log).toEqual([
      "notify: sync.notify[0] (ntfy): run #1's failure: attempt 1 of 3 failed (HTTP 500 Internal Server Error); again in 50 ms",
      "notify: sync.notify[0] (ntfy): run #1's failure: attempt 2 of 3 failed (HTTP 500 Internal Server Error); again in 100 ms",
    ]);
  });

  it('gives up after the bounded attempts, and at once on an answer retrying cannot change', async () => {
    const down = await receiver(() => 503);
    const refused = await receiver(() => 400);
    const { n, log } = notifier([
      { type: 'webhook', url: down.url, on: ALL },
      { type: 'webhook', url: refused.url, on: ALL },
    ]);
    n.onRun(history()[2]!);
    await n.flush();
    expect(down.got).toHaveLength(3);
    expect(refused.got).toHaveLength(1);
    expect(log).toContain(
      "notify: sync.notify[0] (webhook): run #1's failure not delivered after 3 attempt(s): HTTP 503 Service Unavailable",
    );
    expect(log).toContain(
      "notify: sync.notify[1] (webhook): run #1's failure not delivered after 1 attempt(s): HTTP 400 Bad Request",
    );
  });

  it('an unreachable or silent receiver never holds up the caller, and flush ends within the bounds', async () => {
    const closed = await receiver();
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise((r) => closed.server.close(r));
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    servers.push(silent);
    const ok = await receiver();
    const { n, log } = notifier(
      [
        { type: 'webhook', url: `http://127.0.0.1:${port}/`, on: ALL },
        { type: 'webhook', url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, on: ALL },
        { type: 'webhook', url: ok.url, on: ALL },
      ],
      {},
      { attempts: 2, backoffMs: 50, maxBackoffMs: 50, timeoutMs: 300 },
    );
    const t0 = Date.now();
    for (let i = 0; i < 6; i++) n.onRun({ ...history()[2]!, id: 100 + i });
    expect(Date.now() - t0).toBeLessThan(100);
    await n.flush();
    // The silent one: 6 notices × 2 attempts × 300 ms at most, plus the waits; the healthy one got all 6.
    expect(Date.now() - t0).toBeLessThan(6 * (2 * 300 + 50) + 2000);
    expect(ok.got).toHaveLength(6);
    expect(
      log.filter(
        (l) => l.includes('sync.notify[0]') && l.includes('not delivered after 2 attempt(s): ECONNREFUSED'),
      ),
    ).toHaveLength(6);
    expect(
      log.filter((l) => l.includes('sync.notify[1]') && l.includes('no answer within 0.3 s')),
    ).toHaveLength(12);
  });

  it('a reference that cannot be resolved turns that receiver off, says why, and throws nothing', async () => {
    const rx = await receiver();
    const { n, log } = notifier([
      { type: 'ntfy', url: 'env:NTFY_TOPIC_URL', on: ALL },
      { type: 'apprise', url: rx.url, token: 'file:missing.token', on: ALL },
      { type: 'webhook', url: 'ftp://example.invalid/x', on: ALL },
      { type: 'webhook', url: rx.url, on: ALL },
    ]);
    expect(n.problems).toEqual([
      'sync.notify[0] (ntfy) url: environment variable NTFY_TOPIC_URL is not set; this receiver is off',
      expect.stringMatching(
        /^sync\.notify\[1\] \(apprise\) token: .*missing\.token.*; this receiver is off$/,
      ),
      'sync.notify[2] (webhook) url: not an http:// or https:// URL; this receiver is off',
    ]);
    expect(log).toEqual(n.problems.map((p) => `notify: ${p}`));
    n.onRun(history()[2]!);
    await n.flush();
    expect(rx.got).toHaveLength(1);
  });
});
