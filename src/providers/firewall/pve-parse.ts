/**
 * Reading Proxmox VE firewall files (pure) the way pve-firewall does (generic_fw_config_parser):
 * lines are trimmed, `#` lines and blank lines are ignored, `[SECTION]` headers switch the
 * section, and a rule's comment starts at its first `#`. Every line keeps its exact bytes so
 * that Phoenix can rewrite only its own lines and leave the operator's untouched.
 */

/** Phoenix's rules carry this at the start of their comment: `IN ACCEPT … # phoenix: why`. */
export const PHOENIX_MARK = 'phoenix:';

/** One line of a .fw file. */
export interface PveLine {
  /** The line exactly as in the file, without its `\n` (a `\r` stays). */
  text: string;
  kind: 'blank' | 'comment' | 'section' | 'option' | 'rule' | 'other';
  /** The section the line is in, upper case (`OPTIONS`, `RULES`, `IPSET`…); '' before the first. */
  section: string;
  /** Option lines: key (lower case) and value. */
  option?: { key: string; value: string };
  /** Rule lines in [RULES]: does the comment carry Phoenix's mark? */
  marked?: boolean;
}

/** A parsed file: its lines and whether the last one ended with a newline. */
export interface PveDocument {
  lines: PveLine[];
  finalNewline: boolean;
}

/** A rule line's fields, as pve-firewall's parse_fw_rule reads them. */
export interface PveRuleLine {
  enabled: boolean;
  type: 'IN' | 'OUT' | 'GROUP';
  action: string;
  iface?: string;
  source?: string;
  dest?: string;
  proto?: string;
  dport?: string;
  sport?: string;
  log?: string;
  icmpType?: string;
  comment?: string;
}

const SECTION = /^\[(options|aliases|rules|group\s+\S+|ipset\s+\S+)\]\s*(#.*)?$/i;

/** Split a file into classified lines. */
export function parsePveFile(content: string): PveDocument {
  const raw = content.split('\n');
  const finalNewline = content.endsWith('\n');
  if (finalNewline) raw.pop();
  let section = '';
  const lines = raw.map((text): PveLine => {
    const line = text.trim();
    if (line === '') return { text, kind: 'blank', section };
    if (line.startsWith('#')) return { text, kind: 'comment', section };
    const header = SECTION.exec(line);
    if (header?.[1]) {
      section = (header[1].split(/\s+/)[0] ?? '').toUpperCase();
      return { text, kind: 'section', section };
    }
    if (section === 'OPTIONS') {
      const m = /^(\w+):\s*(.*?)$/.exec(line);
      if (m?.[1])
        return { text, kind: 'option', section, option: { key: m[1].toLowerCase(), value: m[2] ?? '' } };
    }
    if (section === 'RULES') {
      const rule = parsePveRule(line);
      if (rule) return { text, kind: 'rule', section, marked: isMarked(rule.comment) };
    }
    return { text, kind: 'other', section };
  });
  return { lines, finalNewline };
}

/** Join lines back into file content. */
export function serializePve(doc: PveDocument): string {
  if (doc.lines.length === 0) return '';
  return doc.lines.map((l) => l.text).join('\n') + (doc.finalNewline ? '\n' : '');
}

/** Is this rule comment Phoenix's mark? */
export function isMarked(comment: string | undefined): boolean {
  return comment !== undefined && comment.startsWith(PHOENIX_MARK);
}

const FLAGS: Record<string, keyof PveRuleLine> = {
  i: 'iface',
  source: 'source',
  dest: 'dest',
  p: 'proto',
  proto: 'proto',
  dport: 'dport',
  sport: 'sport',
  log: 'log',
  'icmp-type': 'icmpType',
};

/** Parse one rule line (`|IN SSH(ACCEPT) -source 10.0.0.0/24 # comment`); undefined if it is none. */
export function parsePveRule(line: string): PveRuleLine | undefined {
  let rest = line.trim();
  let comment: string | undefined;
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    comment = rest.slice(hash + 1).trim();
    rest = rest.slice(0, hash).trim();
  }
  const enabled = !rest.startsWith('|');
  if (!enabled) rest = rest.slice(1);
  const words = rest.split(/\s+/).filter((w) => w !== '');
  const [type, action, ...params] = words;
  const upper = type?.toUpperCase();
  if ((upper !== 'IN' && upper !== 'OUT' && upper !== 'GROUP') || !action) return undefined;
  const rule: PveRuleLine = { enabled, type: upper, action, ...(comment !== undefined ? { comment } : {}) };
  for (let i = 0; i < params.length; i += 2) {
    const flag = /^--?([a-z-]+)$/.exec(params[i] ?? '')?.[1];
    const key = flag === undefined ? undefined : FLAGS[flag];
    const value = params[i + 1];
    if (!key || value === undefined) return undefined;
    (rule as unknown as Record<string, string>)[key] = value;
  }
  return rule;
}
