/**
 * The status and run pages as HTML: what they show, that every text is escaped, that a secret
 * never reaches them (a canary in the records, redacted by the serve's Redactor), that they
 * load nothing from elsewhere; and the estate picture laid out by the real Graphviz `dot`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/secrets.js';
import { estatePicture, renderRunPage, renderStatusPage, type StatusModel } from '../../src/serve/page.js';
import { exampleDesired } from '../helpers/example.js';
import { CANARY, history, run } from './page-fixtures.js';

const redactor = new Redactor();
redactor.add(CANARY);
const redact = (t: string) => redactor.redact(t);

function model(over: Partial<StatusModel> = {}): StatusModel {
  return {
    runs: history(),
    drift: [
      { stage: 'dns', pending: 1, checkedAt: '2026-12-03T12:10:03.000Z' },
      { stage: 'stacks', pending: 1, checkedAt: '2026-12-03T12:10:03.000Z' },
      { stage: 'traefik', pending: 0, checkedAt: '2026-12-03T12:10:03.000Z' },
    ],
    generatedAt: '2026-12-03T12:25:00.000Z',
    ...over,
  };
}

/** The text of the element with `id` (tags stripped), to check what one section says. */
function section(html: string, id: string): string {
  const m = new RegExp(`<section id="${id}">([^]*?)</section>`).exec(html);
  if (!m?.[1]) throw new Error(`no section ${id}`);
  return m[1];
}

describe('status page', () => {
  it('lists the last runs newest first with id, time, trigger, commit, result, counts and a link', () => {
    const html = renderStatusPage(model({ runs: history().reverse() }), redact);
    const runs = section(html, 'runs');
    const ids = [...runs.matchAll(/<a href="\/runs\/(\d+)">#\1<\/a>/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([3, 2, 1]);
    expect(runs).toContain('2026-12-03 12:20:00 UTC');
    expect(runs).toContain('<code>3f1c2ab9d0</code>');
    for (const t of ['webhook', 'drift', 'poll']) expect(runs).toContain(`<td>${t}</td>`);
    for (const s of ['ok', 'drift', 'failed']) expect(runs).toContain(`<span class="badge ${s}">${s}</span>`);
    expect(runs).toContain('1 failed');
    expect(runs).toContain('1 min 5 s');
    // The summary: the last run is #3, the last success #3, drift 2 pending.
    expect(html).toMatch(
      /Last run<\/div><div class="value"><a href="\/runs\/3">#3<\/a> <span class="badge ok">/,
    );
    expect(html).toContain('2 pending');
  });

  it('shows the drift of every stage, the ones not checked too', () => {
    const drift = section(renderStatusPage(model(), redact), 'drift');
    const rows = [
      ...drift.matchAll(/<tr><td>([^<]+) <span class="muted mono">(\w+)<\/span><\/td><td>(.*?)<\/td>/g),
    ].map((m) => [m[2], m[3]?.replace(/<[^>]+>/g, '')]);
    expect(rows).toEqual([
      ['dns', 'drift'],
      ['firewall', 'not checked'],
      ['endpoints', 'not checked'],
      ['stacks', 'drift'],
      ['traefik', 'no-drift'],
    ]);
  });

  it('escapes every text and shows no secret', () => {
    const runs = history();
    runs[0]!.root = '/srv/<i>root</i>';
    const html = renderStatusPage(model({ runs }), redact);
    expect(html).not.toContain('<i>root');
    expect(html).toContain('/srv/&lt;i&gt;root&lt;/i&gt;');
    expect(html).not.toContain(CANARY);
  });

  it('loads nothing from elsewhere and runs no script', () => {
    const html = renderStatusPage(model(), redact);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<script|<link|\ssrc=|@import|url\(/i);
  });

  it('says so when there is no run and no picture yet', () => {
    const html = renderStatusPage({ runs: [], drift: [], generatedAt: '2026-12-03T12:25:00.000Z' });
    expect(html).toContain('No run recorded yet.');
    expect(html).toContain('not checked yet');
    expect(html).toContain('No picture: Graphviz');
  });
});

describe('run page', () => {
  it("shows the run's facts, each change with its result and error, and the plan as printed", () => {
    const failed = history()[2]!;
    const html = renderRunPage(failed, redact);
    expect(html).toContain('<h2>Run #1</h2>');
    expect(html).toContain('<span class="badge failed">failed</span>');
    expect(html).toContain('<code>3f1c2ab9d0e4c5b6a7f8091a2b3c4d5e6f708192</code>');
    expect(html).toContain('(43 s)');
    const changes = section(html, 'changes');
    expect(changes).toContain('web &lt;script&gt;alert(1)&lt;/script&gt; on vm 1002');
    expect(changes).toContain('HTTP 500 from Portainer: &lt;b&gt;boom&lt;/b&gt; password=«redacted»');
    expect(changes).toContain('<span class="badge skipped">skipped</span>');
    expect(changes).toContain('stacks failed');
    const plan = section(html, 'plan');
    expect(plan).toContain(
      '<pre class="plan">Stacks\n  ~ web &lt;script&gt;alert(1)&lt;/script&gt; on vm 1002',
    );
    expect(html).not.toContain(CANARY);
    expect(html).not.toMatch(/<script|<b>/);
  });

  it('orders changes by stage and says when there is no plan or no change', () => {
    const html = renderRunPage(run({ changes: [], rendered: undefined, commit: undefined }));
    expect(html).toContain('Nothing to change.');
    expect(html).toContain('No plan was recorded for this run.');
    expect(html).toContain('not a git work tree');
    const ordered = renderRunPage(run());
    expect(ordered.indexOf('phoenix.conf')).toBeLessThan(ordered.indexOf('qdrant-production on vm 1002'));
  });
});

describe('estate picture', () => {
  it('is the graph module laid out by the real dot: guests, stacks, routes and names, inline', async () => {
    const svg = await estatePicture(exampleDesired());
    expect(svg).toBeDefined();
    expect(svg!.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<\?xml|<!DOCTYPE|<script/);
    // One of each: a guest, a stack deployment, a route, a DNS name of the example.
    for (const text of ['DNS · lab.internal', 'Traefik routes', 'qdrant', 'chat.lab.internal'])
      expect(svg).toContain(text);
    const html = renderStatusPage(model({ estateSvg: svg }), redact);
    expect(section(html, 'estate')).toContain('<div class="picture" role="img"');
  });

  it('is absent, not an error, when dot is not installed', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      expect(await estatePicture(exampleDesired())).toBeUndefined();
    } finally {
      process.env['PATH'] = path;
    }
  });
});
