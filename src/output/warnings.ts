/**
 * Folding warnings (pure): every warning of one code becomes one line, so five guests with
 * the same problem read as "5 guests need firewall=1 on their NIC: 1001, 1002, …" instead of
 * five long paragraphs. Exact repeats are dropped; ignored codes are left out. The long form
 * (each warning with its hint) is what `--verbose` prints instead.
 */
import type { Diagnostic } from '../config/diagnostics.js';
import { formatSource } from '../config/source.js';
import type { PhoenixEvent } from './events.js';

/** One warning, from a config diagnostic or a provider's log event. */
export interface WarningItem {
  /** Stable code; a log warning without one is keyed by its own message (never folded with others). */
  code?: string;
  message: string;
  hint?: string;
  /** What it is about (a guest, a stack); diagnostics use their location. */
  subject?: string;
  /** `file:line:col` of a config diagnostic. */
  location?: string;
}

/** One printed line and the warnings it stands for. */
export interface FoldedWarning {
  code?: string;
  line: string;
  items: WarningItem[];
  /** Something (a hint, further items) is left to `--verbose`. */
  shortened: boolean;
}

/** How many subjects a folded line names before "…". */
const MAX_SUBJECTS = 6;

/** How a folded line starts for codes whose warnings share one meaning (n ≥ 2). */
const SUMMARIES: Record<string, (n: number) => string> = {
  'pve-nic-firewall': (n) =>
    `${n} guests need firewall=1 on their NIC (Phoenix does not change guest configs)`,
  'unknown-key': (n) => `${n} unknown keys are ignored`,
  'secret-file-mode': (n) => `${n} secret files are readable by others`,
};

/** A warning from a `diagnostic` or `log` event, or undefined for anything else. */
export function warningOf(e: PhoenixEvent): WarningItem | undefined {
  if (e.type === 'diagnostic' && e.diagnostic.severity === 'warning') return fromDiagnostic(e.diagnostic);
  if (e.type === 'log' && e.level === 'warn')
    return {
      message: e.message,
      ...(e.code !== undefined ? { code: e.code } : {}),
      ...(e.subject !== undefined ? { subject: e.subject } : {}),
    };
  return undefined;
}

function fromDiagnostic(d: Diagnostic): WarningItem {
  return {
    code: d.code,
    message: d.message,
    location: formatSource(d.source),
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
  };
}

/** The long form of one warning, as `--verbose` prints it (message, code, hint). */
export function longWarning(w: WarningItem): string {
  const tag = w.code !== undefined ? ` [${w.code}]` : '';
  const head = w.location !== undefined ? `${w.location}: warning: ${w.message}` : `warning: ${w.message}`;
  return `${head}${tag}${w.hint !== undefined ? `\n  hint: ${w.hint}` : ''}`;
}

/** Fold warnings into one line per code, in the order each code first appeared. */
export function foldWarnings(
  items: readonly WarningItem[],
  ignore: ReadonlySet<string> = new Set(),
): FoldedWarning[] {
  const groups = new Map<string, WarningItem[]>();
  const seen = new Set<string>();
  for (const w of items) {
    if (w.code !== undefined && ignore.has(w.code)) continue;
    const exact = JSON.stringify([w.code, w.subject, w.location, w.message]);
    if (seen.has(exact)) continue;
    seen.add(exact);
    const key = w.code !== undefined ? `code:${w.code}` : `message:${w.message}`;
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  return [...groups.values()].map(foldGroup);
}

function foldGroup(items: WarningItem[]): FoldedWarning {
  const first = items[0]!;
  const tag = first.code !== undefined ? ` [${first.code}]` : '';
  if (items.length === 1) {
    const head =
      first.location !== undefined
        ? `${first.location}: warning: ${first.message}`
        : `warning: ${first.message}`;
    return { ...codeOf(first), line: head + tag, items, shortened: first.hint !== undefined };
  }
  const subjects = [...new Set(items.flatMap((w) => w.subject ?? w.location ?? []))];
  const named = subjects.slice(0, MAX_SUBJECTS).join(', ') + (subjects.length > MAX_SUBJECTS ? ', …' : '');
  const summary = first.code !== undefined ? SUMMARIES[first.code] : undefined;
  const line = summary
    ? `warning: ${summary(items.length)}${named ? `: ${named}` : ''}${tag}`
    : `warning: ${first.message} (${items.length} in all${named ? `: ${named}` : ''})${tag}`;
  return { ...codeOf(first), line, items, shortened: true };
}

function codeOf(w: WarningItem): { code?: string } {
  return w.code !== undefined ? { code: w.code } : {};
}
