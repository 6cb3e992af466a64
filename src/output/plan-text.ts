/**
 * The human plan (pure): changes grouped by stage, `+ ~ -` markers, unified diffs for file
 * content, impact labels (`[opens-access]`) and their count, a summary line. A stage that could not be observed is listed as unknown, and the
 * summary line then starts "Plan incomplete". Fits an 80-column terminal; long labels wrap,
 * never truncate.
 */
import { createColors } from 'picocolors';
import { actionable, countActions, type Change } from '../plan/change.js';
import { IMPACTS, type Impact } from '../plan/impact.js';
import { STAGES, stageTitle, type Stage } from '../plan/stages.js';
import { nameChanges, unmet } from '../plan/policy.js';

/** Each stage's title, from the stage table. */
export const STAGE_TITLES = Object.fromEntries(STAGES.map((s) => [s, stageTitle(s)])) as Record<
  Stage,
  string
>;

export interface PlanTextOptions {
  color: boolean;
  /** Show unchanged resources too. */
  verbose: boolean;
  width: number;
  /**
   * Applied to every piece of text before lines are wrapped: a secret split across two
   * lines would no longer match the redactor.
   */
  redact?: (text: string) => string;
  /** Stages that could not be observed, with why: shown as unknown, and the plan as incomplete. */
  incomplete?: ReadonlyMap<Stage, string>;
}

/** Render a plan as text lines. */
export function formatPlan(changes: readonly Change[], opts: PlanTextOptions): string {
  const c = createColors(opts.color);
  const r = opts.redact ?? ((text: string) => text);
  const marker = (ch: Change) =>
    ch.blocked
      ? c.yellow('!')
      : ch.action === 'create'
        ? c.green('+')
        : ch.action === 'update'
          ? c.yellow('~')
          : ch.action === 'delete'
            ? c.red('-')
            : c.dim('=');
  const out: string[] = [];
  const incomplete = opts.incomplete ?? new Map<Stage, string>();
  for (const stage of STAGES) {
    const list = changes.filter((ch) => ch.stage === stage);
    const unknown = incomplete.get(stage);
    if (unknown !== undefined) {
      // Its changes are unknown, not absent: say so where the stage's changes would be.
      out.push(c.bold(STAGE_TITLES[stage]) + c.yellow(' (unknown: not observed)'));
      out.push(...wrap(c.yellow(`? ${r(unknown)}`), opts.width, '    '));
      out.push('');
      continue;
    }
    if (list.length === 0) continue;
    const n = countActions(list);
    const counts = [
      n.create && `${n.create} to create`,
      n.update && `${n.update} to update`,
      n.delete && `${n.delete} to delete`,
      n.blocked && `${n.blocked} held back`,
      n.noop && `${n.noop} unchanged`,
    ]
      .filter(Boolean)
      .join(', ');
    out.push(c.bold(`${STAGE_TITLES[stage]}`) + c.dim(` (${counts})`));
    for (const ch of list) {
      if (ch.action === 'noop' && !opts.verbose) continue;
      const notes = [ch.reason, ch.blocked && `held back: ${ch.blocked}`].filter(Boolean) as string[];
      const impact = ch.impact ? ` ${c.magenta(`[${ch.impact}]`)}` : '';
      out.push(...wrap(`${marker(ch)} ${r(ch.label)}${impact}`, opts.width, '    '));
      for (const note of notes) out.push(...wrap(c.dim(`    ${r(note)}`), opts.width, '      '));
      // A held-back change's diff is noise on every run; --verbose shows it.
      if (ch.diff && ch.action !== 'noop' && (!ch.blocked || opts.verbose))
        out.push(...formatDiff(r(ch.diff), c));
    }
    out.push('');
  }
  const n = countActions(changes);
  const unknown = STAGES.filter((s) => incomplete.has(s)).map((s) => STAGE_TITLES[s]);
  out.push(
    (unknown.length ? c.bold(c.yellow('Plan incomplete: ')) : c.bold('Plan: ')) +
      `${c.green(`${n.create} to create`)}, ${c.yellow(`${n.update} to update`)}, ${c.red(`${n.delete} to delete`)}` +
      `, ${n.noop} unchanged` +
      (n.blocked ? `, ${c.yellow(`${n.blocked} held back`)}` : '') +
      (unknown.length ? `; not observed: ${unknown.join(', ')}` : '') +
      '.',
  );
  const impacts = impactCounts(changes);
  if (impacts) out.push(...wrap(c.magenta(`Impact: ${impacts}.`), opts.width, '  '));
  const refused = unmet(changes);
  if (refused.length > 0)
    out.push(
      ...wrap(
        c.yellow(
          `${refused.length} of them the config wants, but Phoenix will not apply: ${r(nameChanges(refused))}.`,
        ),
        opts.width,
        '  ',
      ),
    );
  return out.join('\n');
}

/** `1 opens-access, 3 replace` over the changes a sync would apply; '' when none. */
function impactCounts(changes: readonly Change[]): string {
  const n = new Map<Impact, number>();
  for (const ch of actionable(changes)) if (ch.impact) n.set(ch.impact, (n.get(ch.impact) ?? 0) + 1);
  return IMPACTS.filter((i) => n.has(i))
    .map((i) => `${n.get(i)} ${i}`)
    .join(', ');
}

function formatDiff(diff: string, c: ReturnType<typeof createColors>): string[] {
  return diff
    .split('\n')
    .filter((l) => !l.startsWith('===') && !l.startsWith('Index:'))
    .map((l) => {
      const line = `      ${l}`;
      if (l.startsWith('+++') || l.startsWith('---')) return c.bold(line);
      if (l.startsWith('+')) return c.green(line);
      if (l.startsWith('-')) return c.red(line);
      if (l.startsWith('@@')) return c.cyan(line);
      return c.dim(line);
    });
}

/** Visible length, ignoring ANSI colour codes. */
function visible(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}

/** Wrap at spaces to `width` columns, continuing with `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
  if (visible(text) <= width) return [text];
  const lead = /^\s*/.exec(text)![0];
  const words = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let line = lead;
  for (const w of words) {
    if (line.trim() && visible(line) + 1 + visible(w) > width) {
      lines.push(line);
      line = indent + w;
    } else line = line.trim() ? `${line} ${w}` : line + w;
  }
  if (line.trim()) lines.push(line);
  return lines;
}
