/**
 * The status page of a real `phoenix serve` in a real headless browser (Debian's chromium,
 * driven by playwright-core). Serve follows the homelab's root in git (Portainer test double,
 * real dnsmasq, file targets in a temp dir): the first sync, a pushed commit whose stack
 * update Portainer refuses with an error that echoes the Portainer password, then a commit
 * that goes through. The page shows the last run, the failed run's changes with their error,
 * and the estate picture; it loads nothing from elsewhere, breaks no rule of its own
 * Content-Security-Policy and holds no secret. A webhook receiver on loopback gets the failure
 * and the recovery, with no secret in the body; `/metrics` parses and counts those runs. Screenshots are saved as test artefacts
 * (test-artifacts/status-page.png, run-page.png). A browser that cannot start fails the test.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import parse from 'parse-prometheus-text-format';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editJson, REPO } from '../helpers/root.js';
import { PORTAINER_PASSWORD } from '../rig/homelab.js';
import { git, push, runs, startGitLab, startServe, type GitLab, type ServeProc, stopLab } from './rig.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test-artifacts');
const WHOAMI = 'stacks/whoami/phoenix.json';

/** Start the browser; when it cannot start, say why loudly (this test is never skipped). */
async function launch(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM });
  } catch (err) {
    throw new Error(
      `headless chromium did not start from ${CHROMIUM} (Debian: apt-get install chromium): ${String(err)}`,
      { cause: err },
    );
  }
}

/** A webhook receiver on loopback: the JSON bodies it got. */
async function receiver(): Promise<{ server: Server; url: string; bodies: string[] }> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/phoenix`, bodies };
}

describe('status page of phoenix serve in a real browser', () => {
  let browser: Browser;
  let lab: GitLab;
  let serve: ServeProc;
  let rx: Awaited<ReturnType<typeof receiver>>;
  /** Every secret of the homelab: none may show on a page or in a notification. */
  let secrets: string[];

  beforeAll(async () => {
    browser = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
    rx = await receiver();
    lab = await startGitLab({ poll_seconds: 1, drift_seconds: 0 });
    // The receiver joins the root's settings as a commit of its own, pushed upstream.
    editJson(join(lab.h.root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      c.sync.notify = [{ type: 'webhook', url: rx.url, on: ['failure', 'recovery'] }];
    });
    git(lab.h.root, 'commit', '--quiet', '-am', 'notify');
    git(lab.h.root, 'push', '--quiet', 'origin', 'main');
    git(lab.dev, 'pull', '--quiet', '--ff-only');
    const dir = join(lab.h.root, 'secrets');
    secrets = [PORTAINER_PASSWORD, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8').trim())];

    serve = await startServe(lab);
    await serve.waitFor(/poll sync \w+: run #1 ok/, 90_000);
    // Portainer refuses the next update of whoami, echoing the password in its error.
    lab.h.double.inject({
      kind: 'status',
      status: 500,
      message: `redeploy failed: admin:${PORTAINER_PASSWORD} cannot pull`,
      times: Infinity,
      match: (c) => c.method === 'PUT' && c.stackName === 'whoami-production',
    });
    push(lab, WHOAMI, '"whoami-prod"', '"whoami-prod-v2"');
    await serve.waitFor(/poll sync \w+: run #2 failed/, 90_000);
    lab.h.double.clearFaults();
    push(lab, WHOAMI, '"whoami-prod-v2"', '"whoami-prod-v3"');
    await serve.waitFor(/poll sync \w+: run #3 ok/, 90_000);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stopLab(lab, serve);
    await new Promise((r) => rx?.server.close(r));
  });

  it('shows the last run, its changes and the picture, loads nothing from elsewhere, holds no secret', async () => {
    expect(runs(lab).map((r) => [r.id, r.trigger, r.status])).toEqual([
      [3, 'poll', 'ok'],
      [2, 'poll', 'failed'],
      [1, 'poll', 'ok'],
    ]);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${serve.url}/`);
    await expect.poll(() => page.title()).toBe('Phoenix · ok · run #3');
    const head = git(lab.h.root, 'rev-parse', 'HEAD').slice(0, 10);
    const rows = (await page.locator('#runs tbody tr').allInnerTexts()).map((r) =>
      r.split('\t').map((c) => c.trim()),
    );
    expect(rows.map((r) => [r[0], r[2], r[4]])).toEqual([
      ['#3', 'poll', 'ok'],
      ['#2', 'poll', 'failed'],
      ['#1', 'poll', 'ok'],
    ]);
    expect(rows[0]![3]).toBe(head);
    expect(rows[1]![5]).toMatch(/~1\b.*1 failed/);
    // The picture: inline SVG, laid out and visible, with guests, stacks, routes and names in it.
    const svg = page.locator('#estate svg');
    await expect.poll(() => svg.isVisible()).toBe(true);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(200);
    const svgText = await svg.textContent();
    for (const t of ['vm 1002', 'whoami · production', 'Traefik routes', 'whoami.lab.internal'])
      expect(svgText).toContain(t);
    await page.screenshot({ path: join(ARTIFACTS, 'status-page.png'), fullPage: true });
    const statusHtml = await page.content();

    // Follow the failed run: the refused update with Portainer's error, and the plan as printed.
    await page.locator('#runs a', { hasText: '#2' }).click();
    await expect.poll(() => page.url()).toBe(`${serve.url}/runs/2`);
    const failed = await page.locator('#changes tbody tr', { hasText: 'whoami' }).innerText();
    expect(failed).toMatch(/stacks\s+whoami/);
    expect(failed).toMatch(/update[^]*failed[^]*redeploy failed: admin:«redacted» cannot pull/);
    expect(await page.locator('#plan pre').innerText()).toMatch(/whoami/);
    await page.screenshot({ path: join(ARTIFACTS, 'run-page.png'), fullPage: true });
    const runHtml = await page.content();

    for (const s of secrets) {
      expect(statusHtml).not.toContain(s);
      expect(runHtml).not.toContain(s);
    }
    expect(requests.filter((u) => !u.startsWith(`${serve.url}/`))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('the notification receiver got the failure and the recovery, with no secret in the body', async () => {
    await expect.poll(() => rx.bodies.length, { timeout: 30_000 }).toBe(2);
    const events = rx.bodies.map((b) => JSON.parse(b) as { event: string; run: { id: number } });
    expect(events.map((e) => `${e.event} #${e.run.id}`)).toEqual(['failure #2', 'recovery #3']);
    expect(rx.bodies[0]).toContain('redeploy failed: admin:«redacted» cannot pull');
    for (const b of rx.bodies) for (const s of secrets) expect(b).not.toContain(s);
  });

  it('/metrics parses and counts the three runs and the stack update that failed, then went through', async () => {
    const res = await fetch(`${serve.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = new Map(parse(await res.text()).map((f) => [f.name, f]));
    const value = (name: string, labels: Record<string, string>) =>
      Number(
        families.get(name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
          ?.value ?? NaN,
      );
    expect(value('phoenix_runs_total', { trigger: 'poll', result: 'ok' })).toBe(2);
    expect(value('phoenix_runs_total', { trigger: 'poll', result: 'failed' })).toBe(1);
    expect(value('phoenix_changes_total', { stage: 'stacks', action: 'update', result: 'failed' })).toBe(1);
    expect(value('phoenix_changes_total', { stage: 'stacks', action: 'update', result: 'ok' })).toBe(1);
    const ended = Date.parse(runs(lab)[0]!.endedAt!) / 1000;
    expect(value('phoenix_last_success_timestamp_seconds', {})).toBe(ended);
  });
});
