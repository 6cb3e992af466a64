/**
 * The status page in a real headless browser (Debian's chromium, driven by playwright-core):
 * it shows the last run, its changes and the estate picture, loads nothing from elsewhere and
 * breaks no rule of its own Content-Security-Policy. Screenshots are saved as test artefacts
 * (test-artifacts/status-page.png, run-page.png). A browser that cannot start fails the test.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { History } from '../../src/history/index.js';
import { Redactor } from '../../src/secrets.js';
import { estatePicture, renderRunPage, renderStatusPage } from '../../src/serve/page.js';
import { exampleDesired } from '../helpers/example.js';
import { REPO, removeDir, tempDir } from '../helpers/root.js';
import { CANARY, history } from './page-fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test-artifacts');

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

describe('status page in a real browser', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let dir: string;
  let hist: History;

  beforeAll(async () => {
    browser = await launch();
    // A real history on disk, holding a failed sync, a drift check and the recovery.
    dir = tempDir('phoenix-page-');
    hist = History.open(dir);
    for (const r of history().reverse()) {
      const id = hist.begin({ ...r, locked: r.trigger !== 'drift' });
      hist.update(id, r);
      hist.setChanges(id, r.changes);
    }
    const redactor = new Redactor();
    redactor.add(CANARY);
    const redact = (t: string) => redactor.redact(t);
    const svg = await estatePicture(exampleDesired());
    server = createServer((req, res) => {
      const m = /^\/runs\/(\d+)$/.exec(req.url ?? '');
      const run = m ? hist.get(Number(m[1])) : undefined;
      const html =
        req.url === '/'
          ? renderStatusPage(
              {
                runs: hist.list(20),
                drift: [
                  { stage: 'dns', pending: 1, checkedAt: '2026-12-03T12:10:03.000Z' },
                  { stage: 'stacks', pending: 1, checkedAt: '2026-12-03T12:10:03.000Z' },
                ],
                ...(svg ? { estateSvg: svg } : {}),
                generatedAt: new Date().toISOString(),
              },
              redact,
            )
          : run
            ? renderRunPage(run, redact)
            : undefined;
      res
        .writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
        .end(html ?? 'not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    hist?.close();
    if (dir) removeDir(dir);
  });

  it('shows the last run, its changes and the picture; nothing loads from elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${base}/`);
    await expect.poll(() => page.title()).toBe('Phoenix · ok · run #3');
    // The runs table, newest first: #3 ok (webhook), #2 drift, #1 failed.
    const rows = await page.locator('#runs tbody tr').allInnerTexts();
    expect(
      rows.map((r) =>
        r
          .split('\t')
          .slice(0, 5)
          .map((c) => c.trim()),
      ),
    ).toEqual([
      ['#3', '2026-12-03 12:20:00 UTC', 'webhook', '3f1c2ab9d0', 'ok'],
      ['#2', '2026-12-03 12:10:00 UTC', 'drift', '3f1c2ab9d0', 'drift'],
      ['#1', '2026-12-03 12:00:00 UTC', 'poll', '3f1c2ab9d0', 'failed'],
    ]);
    expect(await page.locator('#drift tbody tr', { hasText: 'Stacks' }).innerText()).toContain('drift');
    // The picture: inline SVG, laid out and visible, with a guest's stack, a route and a name in it.
    const svg = page.locator('#estate svg');
    await expect.poll(() => svg.isVisible()).toBe(true);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(200);
    const svgText = await svg.textContent();
    for (const t of ['qdrant', 'chat.lab.internal', 'Traefik routes']) expect(svgText).toContain(t);
    await page.screenshot({ path: join(ARTIFACTS, 'status-page.png'), fullPage: true });

    // Follow the failed run: its changes with result and error, and its plan as printed.
    await page.locator('#runs a', { hasText: '#1' }).click();
    await expect.poll(() => page.url()).toBe(`${base}/runs/1`);
    const changes = await page.locator('#changes tbody tr').allInnerTexts();
    expect(changes[0]).toMatch(/stacks\s+web <script>alert\(1\)<\/script> on vm 1002/);
    expect(changes[0]).toMatch(/failed\s+HTTP 500 from Portainer: <b>boom<\/b> password=«redacted»/);
    expect(changes[1]).toMatch(/traefik\s+phoenix\.yml[^]*skipped\s+stacks failed/);
    expect(await page.locator('#plan pre').innerText()).toContain('PASSWORD: «redacted»');
    // The label's markup is text: no element was made of it.
    expect(await page.locator('#changes script, #changes b').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'run-page.png'), fullPage: true });

    const body = (await page.content()) + (await page.goto(`${base}/`).then((r) => r!.text()));
    expect(body).not.toContain(CANARY);
    expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
