/**
 * The pages of `phoenix serve`, rendered on the server as plain HTML (no build step, no script,
 * no external asset): `/` with the last runs, the drift per stage and the estate as a picture;
 * `/runs/<id>` with one run's changes and its plan as it was printed. Every text is escaped;
 * the run records are redacted by the history, and `redact` (the serve's Redactor) is applied
 * once more to every text, so a secret the history missed still never reaches the page.
 */
import type { DesiredState } from '../desired/types.js';
import { renderGraph } from '../graph/index.js';
import type { RunChange, RunRecord } from '../history/types.js';
import { STAGES } from '../plan/change.js';
import { STAGE_TITLES } from '../output/plan-text.js';
import { exec } from '../util/exec.js';
import { ago, badge, duration, esc, inlineSvg, page, when } from './page-html.js';

/** What the status page shows. */
export interface StatusModel {
  /** The last runs, any order (shown newest first). */
  runs: RunRecord[];
  /** Pending changes per stage, as the last drift check found them. */
  drift: { stage: string; pending: number; checkedAt?: string }[];
  /** The estate as SVG (`estatePicture`); absent: Graphviz is missing or the root does not load. */
  estateSvg?: string;
  /** When the page was made (ISO): "5 min ago" is counted from it. */
  generatedAt: string;
}

/** Applied to every text before it is escaped. */
type Redact = (text: string) => string;

const same: Redact = (t) => t;

/** How often the status page reloads itself (a meta refresh: the page runs no script). */
const REFRESH_SECONDS = 30;

/** How long Graphviz may take to lay out the picture. */
const DOT_TIMEOUT_MS = 30_000;

/** The status page (`/`). */
export function renderStatusPage(m: StatusModel, redact: Redact = same): string {
  const r = (t: string | undefined) => esc(redact(t ?? ''));
  const runs = [...m.runs].sort((a, b) => b.id - a.id);
  const last = runs[0];
  const lastOk = runs.find((x) => x.status === 'ok');
  const pending = m.drift.reduce((n, d) => n + d.pending, 0);
  const checked = m.drift
    .map((d) => d.checkedAt)
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);

  const cards = [
    card(
      'Last run',
      last
        ? `<a href="/runs/${last.id}">#${last.id}</a> ${badge(last.status)}`
        : '<span class="muted">none yet</span>',
      last ? `${esc(last.trigger)} · ${esc(ago(last.startedAt, m.generatedAt))}` : '',
    ),
    card(
      'Last success',
      lastOk ? `<a href="/runs/${lastOk.id}">#${lastOk.id}</a>` : '<span class="muted">none in view</span>',
      lastOk ? esc(ago(lastOk.endedAt ?? lastOk.startedAt, m.generatedAt)) : '',
    ),
    card(
      'Drift',
      !checked
        ? '<span class="muted">not checked yet</span>'
        : pending === 0
          ? badge('no-drift')
          : `${badge('drift')} ${pending} pending`,
      checked ? `checked ${esc(ago(checked, m.generatedAt))}` : '',
    ),
  ];

  const body = `<section class="summary" aria-label="summary">${cards.join('')}</section>
<section id="runs"><h2>Last runs</h2>${runsTable(runs, r)}</section>
<section id="drift"><h2>Drift per stage</h2>${driftTable(m, r)}</section>
<section id="estate"><h2>The estate</h2>${
    m.estateSvg
      ? `<div class="picture" role="img" aria-label="guests, stacks, routes and names">${redact(inlineSvg(m.estateSvg))}</div>`
      : '<p class="muted">No picture: Graphviz (<code>dot</code>) is not installed, or the root does not load.</p>'
  }</section>
<p class="muted">Generated ${esc(when(m.generatedAt))}; reloads every ${REFRESH_SECONDS} s.</p>`;
  return page({
    title: last ? `Phoenix · ${last.status} · run #${last.id}` : 'Phoenix',
    ...(last ? { where: redact(last.root) } : {}),
    refreshSeconds: REFRESH_SECONDS,
    body,
  });
}

/** One run's page (`/runs/<id>`). */
export function renderRunPage(run: RunRecord, redact: Redact = same): string {
  const r = (t: string | undefined) => esc(redact(t ?? ''));
  const facts: [string, string][] = [
    ['Result', badge(run.status)],
    ['Trigger', r(run.trigger)],
    ['Command', `<code>${r(run.command)}</code>`],
    [
      'Commit',
      run.commit
        ? `<code>${r(run.commit)}</code>${run.dirty ? ' <span class="muted">with uncommitted changes</span>' : ''}`
        : '<span class="muted">not a git work tree</span>',
    ],
    ['Who', r(run.who)],
    ['Started', r(when(run.startedAt))],
    ['Ended', run.endedAt ? `${r(when(run.endedAt))} (${esc(duration(run.startedAt, run.endedAt))})` : ''],
    ['Exit code', run.exitCode === undefined ? '' : esc(run.exitCode)],
    ['Changes', counts(run)],
  ];
  const changes = [...run.changes].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
  const body = `<section><h2>Run #${run.id}</h2><table class="facts">${facts
    .map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`)
    .join('')}</table>${run.error ? `<p class="error">${r(run.error)}</p>` : ''}</section>
<section id="changes"><h2>Changes</h2>${
    changes.length
      ? `<table><thead><tr><th>Stage</th><th>Change</th><th>Action</th><th>Result</th><th>Error</th></tr></thead><tbody>${changes
          .map((c) => changeRow(c, r))
          .join('')}</tbody></table>`
      : '<p class="muted">Nothing to change.</p>'
  }</section>
<section id="plan"><h2>Plan</h2>${
    run.rendered
      ? `<pre class="plan">${r(run.rendered)}</pre>`
      : '<p class="muted">No plan was recorded for this run.</p>'
  }</section>
<p><a href="/">← all runs</a></p>`;
  return page({ title: `Phoenix · run #${run.id} · ${run.status}`, where: redact(run.root), body });
}

/**
 * The estate as SVG: the graph module's DOT (guests, stacks, routes, names) laid out by
 * Graphviz's `dot`. Undefined when `dot` is missing, fails or takes too long: the page then
 * says so instead of failing.
 */
export async function estatePicture(desired: DesiredState): Promise<string | undefined> {
  try {
    const dot = renderGraph(desired, 'dot');
    const r = await exec(['dot', '-Tsvg'], { input: dot, timeoutMs: DOT_TIMEOUT_MS });
    if (r.code !== 0 || r.timedOut || !r.stdout.includes('<svg')) return undefined;
    return inlineSvg(r.stdout);
  } catch {
    // `dot` is not installed (spawn failed): the picture is optional.
    return undefined;
  }
}

function card(label: string, value: string, note: string): string {
  return `<div class="card"><div class="label">${esc(label)}</div><div class="value">${value}</div>${
    note ? `<div class="muted">${note}</div>` : ''
  }</div>`;
}

function runsTable(runs: RunRecord[], r: (t: string | undefined) => string): string {
  if (!runs.length) return '<p class="muted">No run recorded yet.</p>';
  const rows = runs.map(
    (run) =>
      `<tr><td><a href="/runs/${run.id}">#${run.id}</a></td><td>${r(when(run.startedAt))}</td><td>${r(
        run.trigger,
      )}</td><td>${run.commit ? `<code>${r(run.commit.slice(0, 10))}</code>` : '<span class="muted">—</span>'}</td><td>${badge(
        run.status,
      )}</td><td class="counts">${counts(run)}</td><td class="num">${esc(
        duration(run.startedAt, run.endedAt),
      )}</td></tr>`,
  );
  return `<table><thead><tr><th>Run</th><th>Started</th><th>Trigger</th><th>Commit</th><th>Result</th><th>Changes</th><th>Took</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

/** `+1 ~2 -0 !1` and how many changes failed. */
function counts(run: RunRecord): string {
  const s = run.summary;
  const failed = run.changes.filter((c) => c.status === 'failed').length;
  return `<span class="counts"><span class="c-create" title="create">+${s.create}</span><span class="c-update" title="update">~${
    s.update
  }</span><span class="c-delete" title="delete">-${s.delete}</span>${
    s.blocked ? `<span class="c-blocked" title="held back">!${s.blocked}</span>` : ''
  }${failed ? `<span class="c-delete">${failed} failed</span>` : ''}</span>`;
}

function driftTable(m: StatusModel, r: (t: string | undefined) => string): string {
  const byStage = new Map(m.drift.map((d) => [d.stage, d]));
  // Every stage gets a row, in the order stages run; stages only the model knows come last.
  const stages = [
    ...STAGES,
    ...m.drift.map((d) => d.stage).filter((s) => !(STAGES as readonly string[]).includes(s)),
  ];
  const rows = stages.map((stage) => {
    const d = byStage.get(stage);
    const title = (STAGE_TITLES as Record<string, string>)[stage] ?? stage;
    const state = !d
      ? '<span class="muted">not checked</span>'
      : d.pending
        ? badge('drift')
        : badge('no-drift');
    return `<tr><td>${r(title)} <span class="muted mono">${r(stage)}</span></td><td>${state}</td><td class="num">${
      d ? d.pending : ''
    }</td><td>${d?.checkedAt ? `${r(when(d.checkedAt))} <span class="muted">(${esc(ago(d.checkedAt, m.generatedAt))})</span>` : ''}</td></tr>`;
  });
  return `<table><thead><tr><th>Stage</th><th>State</th><th>Pending</th><th>Checked</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function changeRow(c: RunChange, r: (t: string | undefined) => string): string {
  return `<tr><td>${r(c.stage)}</td><td>${r(c.label)}<br><span class="muted mono">${r(c.kind)} ${r(c.id)}</span></td><td>${r(
    c.action,
  )}${c.impact ? ` <span class="muted">(${r(c.impact)})</span>` : ''}</td><td>${badge(c.status)}</td><td>${
    c.error ? `<span class="error">${r(c.error)}</span>` : ''
  }</td></tr>`;
}

function stageIndex(stage: string): number {
  const i = (STAGES as readonly string[]).indexOf(stage);
  return i < 0 ? STAGES.length : i;
}
