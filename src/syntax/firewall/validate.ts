/**
 * Firewall rule validation (pure), with PVE's own rules (pve-firewall's verify_rule): a line
 * pve-firewall cannot parse is skipped with only a log warning, so Phoenix checks every
 * field itself before a rule reaches a file. Shared by config validation and both backends.
 */
import {
  parseAddress,
  parseAddressElement,
  type AddressElement,
  type Family,
  type Interval,
} from './addresses.js';
import {
  ICMP_TYPES,
  ICMPV6_TYPES,
  LOG_LEVELS,
  PORT_PROTOCOLS,
  PROTOCOLS,
  PVE_MACROS,
  SERVICES,
  macroName,
} from './macros.js';

/** Where a rule applies: cluster.fw (host interfaces) or a guest's file (`net<N>`). */
/** The fields of a firewall rule this grammar checks (Phoenix's normalised, PVE-vocabulary form). */
export interface RuleFields {
  direction: 'in' | 'out';
  /** ACCEPT, DROP, REJECT, or a PVE macro such as `SSH(ACCEPT)`. */
  action: string;
  source?: string;
  dest?: string;
  proto?: string;
  dport?: string;
  sport?: string;
  iface?: string;
  log?: string;
  comment?: string;
}

export type RuleScope = 'cluster' | 'guest';

/** One problem with one field of a rule. */
export interface RuleProblem {
  field:
    'direction' | 'action' | 'source' | 'dest' | 'proto' | 'dport' | 'sport' | 'iface' | 'log' | 'comment';
  message: string;
  hint?: string;
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]+$/;

/** A parsed address spec: a list of addresses of one family, or a PVE alias / `+ipset` name. */
export type AddressSpec =
  | { kind: 'list'; family: Family; elements: AddressElement[] }
  | { kind: 'alias'; name: string }
  | { kind: 'ipset'; name: string };

/** Parse an address spec as PVE does; undefined when PVE would refuse it. */
export function parseAddressSpec(spec: string): AddressSpec | undefined {
  if (spec.startsWith('+')) {
    const name = spec.slice(1);
    return NAME.test(name) && name.length <= 64 ? { kind: 'ipset', name } : undefined;
  }
  if (NAME.test(spec)) return spec.length <= 64 ? { kind: 'alias', name: spec } : undefined;
  const parts = spec.split(',');
  const elements = parts.map(parseAddressElement);
  if (elements.length === 0 || elements.some((e) => e === undefined)) return undefined;
  const list = elements as AddressElement[];
  const family = list[0]?.family ?? 4;
  if (list.some((e) => e.family !== family)) return undefined;
  if (list.length > 1 && list.some((e) => e.kind === 'range')) return undefined;
  // A prefix with host bits set (10.0.0.5/24) is refused by PVE (Net::IP "Invalid prefix").
  if (
    parts.some(
      (p, i) => list[i]?.kind === 'prefix' && parseAddress(p.split('/')[0] ?? '')?.value !== list[i]?.lo,
    )
  ) {
    return undefined;
  }
  return { kind: 'list', family, elements: list };
}

/** IP, CIDR, range `a-b`, comma list of one family, `+ipset` or alias. */
export function isValidAddressSpec(spec: string): boolean {
  return parseAddressSpec(spec) !== undefined;
}

/** Parse a port spec into intervals (service names resolved); undefined when invalid. */
export function parsePortSpec(spec: string): Interval[] | undefined {
  const out: Interval[] = [];
  let count = 0;
  for (const item of spec.split(',')) {
    const range = /^(\d{1,5}):(\d{1,5})$/.exec(item);
    if (range) {
      const lo = Number(range[1]);
      const hi = Number(range[2]);
      if (lo > 65535 || hi > 65535 || lo > hi) return undefined;
      out.push({ lo: BigInt(lo), hi: BigInt(hi) });
      count += 2;
      continue;
    }
    const n = /^\d{1,5}$/.test(item) ? Number(item) : SERVICES[item];
    if (n === undefined || n > 65535) return undefined;
    out.push({ lo: BigInt(n), hi: BigInt(n) });
    count += 1;
  }
  // PVE's limit (iptables multiport): 15 numbers, a range counting as two.
  return count <= 15 ? out : undefined;
}

/** A port `22`, range `8000:8100`, known service name, or comma list of them (at most 15). */
export function isValidPortSpec(spec: string): boolean {
  return parsePortSpec(spec) !== undefined;
}

/** The protocol's number, or undefined when PVE does not know it. */
export function protoNumber(proto: string): number | undefined {
  if (/^\d{1,3}$/.test(proto)) {
    const n = Number(proto);
    return Object.values(PROTOCOLS).includes(n) ? n : undefined;
  }
  return PROTOCOLS[proto];
}

/** A protocol name of /etc/protocols (or `icmpv6`), or a number listed there. */
export function isValidProto(proto: string): boolean {
  return protoNumber(proto) !== undefined;
}

/** A parsed action: the verdict and, for `SSH(ACCEPT)`, the macro's preferred name. */
export interface ParsedAction {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  macro?: string;
}

/** Parse `ACCEPT|DROP|REJECT` or `Macro(ACCEPT|DROP|REJECT)`; undefined when invalid. */
export function parseAction(action: string): ParsedAction | undefined {
  if (action === 'ACCEPT' || action === 'DROP' || action === 'REJECT') return { verdict: action };
  const m = /^(\S+)\((ACCEPT|DROP|REJECT)\)$/.exec(action);
  const macro = m?.[1] && macroName(m[1]);
  return macro ? { verdict: m[2] as ParsedAction['verdict'], macro } : undefined;
}

/** ACCEPT, DROP, REJECT, or a PVE macro such as `SSH(ACCEPT)`. */
export function isValidAction(action: string): boolean {
  return parseAction(action) !== undefined;
}

/** A PVE log level. */
export function isValidLogLevel(level: string): boolean {
  return (LOG_LEVELS as readonly string[]).includes(level);
}

/** `net<N>` in a guest's file; a host interface name (pve-iface) in cluster.fw. */
export function isValidIface(iface: string, scope: RuleScope): boolean {
  return scope === 'guest' ? /^net\d+$/.test(iface) : /^[a-z][a-z0-9_]{1,20}([:.]\d+)?$/i.test(iface);
}

const ICMP = new Set(['icmp']);
const ICMPV6 = new Set(['icmpv6', 'ipv6-icmp']);

/** Is `type` an ICMP type PVE accepts for this protocol (a name, or a number 0-255)? */
function isIcmpType(proto: string, type: string): boolean {
  if (/^\d{1,3}$/.test(type)) return Number(type) <= 255;
  return ICMP.has(proto) ? type in ICMP_TYPES : type in ICMPV6_TYPES;
}

/** The family a rule is pinned to by its addresses or ICMP protocol, or 'mixed'. */
export function ruleFamily(rule: RuleFields): Family | 'mixed' | undefined {
  const families = new Set<Family>();
  for (const spec of [rule.source, rule.dest]) {
    const p = spec === undefined ? undefined : parseAddressSpec(spec);
    if (p?.kind === 'list') families.add(p.family);
  }
  if (rule.proto && ICMP.has(rule.proto)) families.add(4);
  if (rule.proto && ICMPV6.has(rule.proto)) families.add(6);
  if (families.size > 1) return 'mixed';
  return [...families][0];
}

/** Every problem PVE would find with this rule (an empty list: the rule is valid). */
export function ruleProblems(rule: RuleFields, scope: RuleScope): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (field: RuleProblem['field'], message: string, hint?: string) =>
    problems.push({ field, message, ...(hint ? { hint } : {}) });

  if (rule.direction !== 'in' && rule.direction !== 'out')
    add('direction', `invalid direction "${String(rule.direction)}"`, 'use in or out');
  const action = parseAction(rule.action);
  if (!action)
    add(
      'action',
      `invalid action "${rule.action}"`,
      'use ACCEPT, DROP, REJECT or a PVE macro such as SSH(ACCEPT)',
    );
  for (const field of ['source', 'dest'] as const) {
    const v = rule[field];
    if (v !== undefined && !isValidAddressSpec(v)) {
      add(
        field,
        `invalid ${field} "${v}"`,
        'an IP, a CIDR without host bits, a range a-b, a comma list of one family, +ipset or alias',
      );
    }
  }
  if (ruleFamily(rule) === 'mixed')
    add('dest', 'the rule mixes IPv4 and IPv6', 'split it into one rule per family');
  const proto = rule.proto;
  const num = proto === undefined ? undefined : protoNumber(proto);
  if (proto !== undefined && num === undefined)
    add(
      'proto',
      `unknown protocol "${proto}"`,
      'a name or number of /etc/protocols, e.g. tcp, udp, icmp, icmpv6',
    );
  const icmp = proto !== undefined && (ICMP.has(proto) || ICMPV6.has(proto));

  if (rule.dport !== undefined) {
    if (icmp && proto) {
      if (!isIcmpType(proto, rule.dport))
        add('dport', `"${rule.dport}" is not an ICMP type for ${proto}`, 'e.g. echo-request');
    } else if (!isValidPortSpec(rule.dport)) {
      add(
        'dport',
        `invalid port "${rule.dport}"`,
        'a port, a range 8000:8100, or a comma list (at most 15 ports, a range counts 2)',
      );
    }
  }
  if (rule.sport !== undefined && !isValidPortSpec(rule.sport))
    add('sport', `invalid port "${rule.sport}"`, 'a port, a range 1024:65535, or a comma list');
  if (!action?.macro) {
    if ((rule.dport !== undefined || rule.sport !== undefined) && proto === undefined)
      add('proto', 'a port needs a protocol', 'add proto tcp (or udp)');
    if (num !== undefined && !PORT_PROTOCOLS.has(num)) {
      if (rule.dport !== undefined && !icmp) add('dport', `protocol ${proto} has no ports`);
      if (rule.sport !== undefined) add('sport', `protocol ${proto} has no ports`);
    }
  } else {
    // PVE fills the macro's fields in; a rule may not set one of them to something else.
    for (const entry of PVE_MACROS[action.macro] ?? []) {
      for (const key of ['proto', 'dport', 'sport'] as const) {
        const mine = rule[key];
        if (mine !== undefined && entry[key] !== undefined && entry[key] !== mine) {
          add(
            key,
            `macro ${action.macro} already sets ${key} (${entry[key]})`,
            `remove ${key}, or use a plain ${action.verdict} rule`,
          );
        }
      }
    }
  }
  if (rule.iface !== undefined && !isValidIface(rule.iface, scope)) {
    add(
      'iface',
      `invalid interface "${rule.iface}"`,
      scope === 'guest' ? 'a guest rule names its NIC: net0, net1, …' : 'a host interface such as vmbr0',
    );
  }
  if (rule.log !== undefined && !isValidLogLevel(rule.log))
    add('log', `invalid log level "${rule.log}"`, LOG_LEVELS.join(', '));
  if (rule.comment !== undefined && /[\p{Cc}]/u.test(rule.comment))
    add('comment', 'a comment must be one line without control characters');
  return dedupe(problems);
}

function dedupe(problems: RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the nftables backend cannot translate, on top of `ruleProblems`. */
export function nftRuleProblems(rule: RuleFields, scope: RuleScope): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const field of ['source', 'dest'] as const) {
    const spec = rule[field] === undefined ? undefined : parseAddressSpec(rule[field]);
    if (spec && spec.kind !== 'list') {
      problems.push({
        field,
        message: `${rule[field]} is a PVE ${spec.kind}, which nftables does not know`,
        hint: 'write the addresses',
      });
    }
  }
  if (rule.iface !== undefined && scope === 'guest') {
    problems.push({
      field: 'iface',
      message: `${rule.iface} names a PVE NIC, which nftables cannot match`,
      hint: 'leave iface out',
    });
  }
  const proto = rule.proto;
  if (proto && rule.dport !== undefined && (ICMP.has(proto) || ICMPV6.has(proto))) {
    const table = ICMP.has(proto) ? ICMP_TYPES : ICMPV6_TYPES;
    if (!table[rule.dport] && rule.dport !== 'any') {
      problems.push({
        field: 'dport',
        message: `ICMP type "${rule.dport}" has no nftables equivalent`,
        hint: 'use a type name such as echo-request',
      });
    }
  }
  return problems;
}
