/**
 * Writing Proxmox VE firewall files (pure). These files are shared with the operator (and the
 * PVE GUI), so Phoenix never replaces them wholesale; it merges:
 *
 * - Rules: Phoenix owns exactly the [RULES] lines whose comment starts with `phoenix:`. They
 *   are written as one contiguous block: where the first marked line is today (the block is
 *   replaced in place; foreign lines that sat between marked ones end up after the block),
 *   or, the first time, at the end of [RULES] (after the operator's own rules, so theirs win;
 *   a missing [RULES] section is appended to the file).
 * - [OPTIONS]: Phoenix sets only `enable`, `policy_in` and `policy_out`. A line whose value is
 *   already right is left as it is; a wrong one is rewritten in place; a missing one is added
 *   at the end of [OPTIONS] (a missing section is inserted before the first section).
 * - Everything else (the operator's rules, [IPSET], [ALIASES], [GROUP] sections, comments,
 *   blank lines, other options) keeps its place and its bytes.
 * - A file Phoenix creates starts with a header naming the owner. It says the file is shared,
 *   not that edits are overwritten: shared files are merged, never refused for lacking it.
 */
import type { FirewallPolicy, FirewallRule } from '../../desired/types.js';
import { ruleComment } from './nft-render.js';
import { PHOENIX_MARK, parsePveFile, serializePve, type PveLine } from './pve-parse.js';
import { parseAction } from '../../syntax/firewall/validate.js';

/** What Phoenix wants in one .fw file. */
export interface PveFileSpec {
  /** Managed options in the order they are written, e.g. `[['enable', '1'], …]`. */
  options: [string, string][];
  rules: readonly FirewallRule[];
}

/** The options Phoenix manages for a policy. */
export function policyOptions(policy: FirewallPolicy): [string, string][] {
  return [
    ['enable', policy.enabled ? '1' : '0'],
    ['policy_in', policy.policyIn],
    ['policy_out', policy.policyOut],
  ];
}

/** Option keys Phoenix manages. */
export const MANAGED_OPTIONS: ReadonlySet<string> = new Set(['enable', 'policy_in', 'policy_out']);

const HEADER = /^# Created by Phoenix \(owner: ([^,\s]+), root: .*\)\. /;

/** The first line of a .fw file Phoenix creates. */
export function pveHeader(ownerId: string, root: string): string {
  return `# Created by Phoenix (owner: ${ownerId}, root: ${root.replace(/[\r\n]+/g, ' ')}). Phoenix manages only the rules marked "# ${PHOENIX_MARK}"; everything else here is yours.`;
}

/** The owner id in a file's Phoenix header, if it has one. */
export function pveHeaderOwner(content: string): string | undefined {
  return HEADER.exec(content.split('\n', 1)[0] ?? '')?.[1];
}

/** One rule in PVE's file syntax (pve-firewall's own field order), marked as Phoenix's. */
export function renderPveRule(rule: FirewallRule): string {
  const action = parseAction(rule.action);
  const parts = [
    rule.direction.toUpperCase(),
    action?.macro ? `${action.macro}(${action.verdict})` : rule.action,
  ];
  const flag = (name: string, value: string | undefined) =>
    value !== undefined && parts.push(`-${name} ${value}`);
  flag('i', rule.iface);
  flag('source', rule.source);
  flag('dest', rule.dest);
  flag('p', rule.proto);
  flag('dport', rule.dport);
  flag('sport', rule.sport);
  flag('log', rule.log);
  return `${parts.join(' ')} # ${PHOENIX_MARK} ${ruleComment(rule)}`;
}

const line = (text: string): PveLine => ({ text, kind: 'other', section: '' });

/** Merge Phoenix's options and rules into `live` (undefined: a new file, with `header`). */
export function mergePveFile(live: string | undefined, spec: PveFileSpec, header: string): string {
  const doc = live === '' ? { lines: [], finalNewline: true } : parsePveFile(live ?? `${header}\n`);
  const lines = mergeRules(mergeOptions(doc.lines, spec.options), spec.rules.map(renderPveRule));
  // A file that now ends with a line of ours ends with a newline, as PVE writes them.
  const last = lines[lines.length - 1];
  const endsWithOurs = last !== undefined && !doc.lines.includes(last);
  return serializePve({ lines, finalNewline: doc.finalNewline || endsWithOurs });
}

/** `live` without Phoenix's rules (options are left as they are). */
export function stripPhoenixRules(live: string): string {
  return mergePveFile(live, { options: [], rules: [] }, '');
}

/** Lines [start, end) of the first section named `name`, or undefined. */
function sectionRange(lines: readonly PveLine[], name: string): { start: number; end: number } | undefined {
  const start = lines.findIndex((l) => l.kind === 'section' && l.section === name);
  if (start === -1) return undefined;
  let end = lines.findIndex((l, i) => i > start && l.kind === 'section');
  if (end === -1) end = lines.length;
  return { start, end };
}

/** Index after the last non-blank line of a section (its header at least). */
function sectionTail(lines: readonly PveLine[], range: { start: number; end: number }): number {
  let at = range.end;
  while (at > range.start + 1 && lines[at - 1]?.kind === 'blank') at--;
  return at;
}

/** Insert a new section's lines at `at`, separated from its neighbours by blank lines. */
function insertSection(lines: PveLine[], at: number, body: string[]): PveLine[] {
  const before = at > 0 && lines[at - 1]?.kind !== 'blank' ? [line('')] : [];
  const after = at < lines.length && lines[at]?.kind !== 'blank' ? [line('')] : [];
  return [...lines.slice(0, at), ...before, ...body.map(line), ...after, ...lines.slice(at)];
}

function mergeOptions(input: PveLine[], options: readonly [string, string][]): PveLine[] {
  const lines = [...input];
  const missing: string[] = [];
  for (const [key, value] of options) {
    const found = lines.filter((l) => l.kind === 'option' && l.option?.key === key);
    // pve-firewall upper-cases policies and reads `enable: 1`; compare the way it reads them.
    for (const l of found)
      if (l.option?.value.toUpperCase() !== value.toUpperCase()) l.text = `${key}: ${value}`;
    if (found.length === 0) missing.push(`${key}: ${value}`);
  }
  if (missing.length === 0) return lines;
  const range = sectionRange(lines, 'OPTIONS');
  if (!range) {
    const first = lines.findIndex((l) => l.kind === 'section');
    return insertSection(lines, first === -1 ? lines.length : first, ['[OPTIONS]', '', ...missing]);
  }
  const at = sectionTail(lines, range);
  const gap = at === range.start + 1 ? [line('')] : [];
  return [...lines.slice(0, at), ...gap, ...missing.map(line), ...lines.slice(at)];
}

function mergeRules(input: PveLine[], block: readonly string[]): PveLine[] {
  const first = input.findIndex((l) => l.marked);
  if (first !== -1) {
    const kept = input.filter((l, i) => !l.marked || i === first);
    const at = kept.indexOf(input[first] as PveLine);
    return [...kept.slice(0, at), ...block.map(line), ...kept.slice(at + 1)];
  }
  if (block.length === 0) return input;
  const range = sectionRange(input, 'RULES');
  if (!range) return insertSection(input, input.length, ['[RULES]', '', ...block]);
  const at = sectionTail(input, range);
  const gap = at === range.start + 1 ? [line('')] : [];
  return [...input.slice(0, at), ...gap, ...block.map(line), ...input.slice(at)];
}

/**
 * Is this file wholly Phoenix's: our header (this owner), and nothing but [OPTIONS] with the
 * options Phoenix manages, [RULES] with marked rules, and blank lines? Only such a file is
 * ever deleted (with --prune); any operator content makes the file theirs to keep.
 */
export function isWhollyPhoenix(content: string, ownerId: string): boolean {
  if (pveHeaderOwner(content) !== ownerId) return false;
  const { lines } = parsePveFile(content);
  return lines.every((l, i) => {
    if (i === 0 || l.kind === 'blank') return true;
    if (l.kind === 'section') return l.section === 'OPTIONS' || l.section === 'RULES';
    if (l.kind === 'option') return MANAGED_OPTIONS.has(l.option?.key ?? '');
    return l.kind === 'rule' && l.marked === true;
  });
}
