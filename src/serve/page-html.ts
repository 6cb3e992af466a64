/**
 * The pieces every page of `phoenix serve` is made of: HTML escaping, the one inline style
 * sheet, the frame around a page, status badges and times. No external asset is ever linked
 * (the page must work offline, on an air-gapped host), and a Content-Security-Policy meta tag
 * says so to the browser: no script at all, styles and images only from the page itself.
 */

/** Text made safe for HTML element content and quoted attribute values. */
export function esc(text: string | number | undefined): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/** The browser may load nothing beyond the page: no script, no remote style, image or font. */
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { color-scheme: light dark; --fg:#202124; --muted:#5f6368; --bg:#fff; --card:#f8f9fa; --line:#dadce0;
  --ok:#1e8e3e; --bad:#d93025; --warn:#e37400; --info:#1a73e8; --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media (prefers-color-scheme: dark) { :root { --fg:#e8eaed; --muted:#9aa0a6; --bg:#202124; --card:#292a2d; --line:#3c4043; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; align-items: baseline; gap: 1rem; padding: .8rem 1.5rem; border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 1.25rem; }
header .where { color: var(--muted); font-family: var(--mono); font-size: .85rem; overflow-wrap: anywhere; }
main { padding: 1rem 1.5rem 2rem; max-width: 1400px; }
section { margin: 0 0 1.6rem; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
a { color: var(--info); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; }
table.facts { width: auto; } table.facts th { padding-right: 2rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: var(--mono); font-size: .85rem; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
.badge.ok, .badge.no-drift { background: var(--ok); }
.badge.failed, .badge.interrupted { background: var(--bad); }
.badge.drift, .badge.skipped { background: var(--warn); }
.badge.running, .badge.planned { background: var(--info); }
.summary { display: flex; flex-wrap: wrap; gap: .6rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .9rem; min-width: 10rem; }
.card .label { color: var(--muted); font-size: .8rem; }
.card .value { font-size: 1.1rem; font-weight: 600; }
.counts span { margin-right: .5rem; font-family: var(--mono); font-size: .85rem; }
.c-create { color: var(--ok); } .c-update { color: var(--warn); } .c-delete { color: var(--bad); } .c-blocked { color: var(--muted); }
.error { color: var(--bad); white-space: pre-wrap; overflow-wrap: anywhere; }
pre.plan { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .8rem; overflow-x: auto; font-family: var(--mono); font-size: .8rem; line-height: 1.35; }
.picture { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .5rem; overflow: auto; }
.picture svg { max-width: 100%; height: auto; }
`;

/** A whole HTML document: the frame, the style sheet, `body` as given (already escaped). */
export function page(opts: { title: string; where?: string; refreshSeconds?: number; body: string }): string {
  const refresh = opts.refreshSeconds ? `<meta http-equiv="refresh" content="${opts.refreshSeconds}">\n` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
${refresh}<title>${esc(opts.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1><a href="/" style="color:inherit;text-decoration:none">Phoenix</a></h1>${
    opts.where ? `<span class="where">${esc(opts.where)}</span>` : ''
  }</header>
<main>
${opts.body}
</main>
</body>
</html>
`;
}

/** A coloured word for a run's or a change's status (the word itself carries the meaning). */
export function badge(status: string): string {
  const cls = status.replace(/[^a-z-]/g, '');
  return `<span class="badge ${cls}">${esc(status)}</span>`;
}

/** `2026-12-03 12:30:05 UTC` from an ISO timestamp; the input as is when it does not parse. */
export function when(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** How long from `start` to `end` (ISO), as `2.4 s`, `3 min 5 s`; empty when unknown. */
export function duration(start: string, end: string | undefined): string {
  if (!end) return '';
  const ms = Date.parse(end) - Date.parse(start);
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const s = Math.round(ms / 1000);
  return s < 3600
    ? `${Math.floor(s / 60)} min ${s % 60} s`
    : `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/** `5 min ago` for `iso` as seen at `now` (both ISO). */
export function ago(iso: string | undefined, now: string): string {
  if (!iso) return '';
  const s = Math.round((Date.parse(now) - Date.parse(iso)) / 1000);
  if (!Number.isFinite(s)) return '';
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

/**
 * Graphviz's SVG made fit to sit inside the page: the XML prolog, doctype and comments go;
 * anything that could run or fetch (script elements, event attributes, links that leave the
 * document) is dropped, though the page's policy already forbids them.
 */
export function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  if (start < 0) return '';
  return svg
    .slice(start)
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<script\b[^]*?<\/script\s*>/gi, '')
    .replace(/<(script|foreignObject)\b[^>]*\/?>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
    .trim();
}
