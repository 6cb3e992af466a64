/**
 * The nftables backend's table (pure), rendered exactly as `nft list table inet <name>` prints
 * it, so live can be compared with desired text for text.
 *
 * The model (README "Firewall → nftables"):
 * - One table `inet <name>` that Phoenix owns (its comment names the owner id); every sync
 *   replaces it whole in one `nft -f` transaction: `table inet T {}` (declare, so the next
 *   line works when it does not exist yet), `delete table inet T`, then the full table.
 * - Base chains `input`, `forward` and `output` (priority filter). Each first accepts
 *   established/related traffic and drops invalid packets; input and output accept loopback.
 * - Cluster rules live in `input` (IN) and `output` (OUT), whose policies are the cluster's
 *   policy_in and policy_out. `forward` accepts by default: Phoenix does not own routing.
 * - Each guest with rules and a static address gets `guest_<vmid>_in` and `guest_<vmid>_out`,
 *   ending in the guest's policy. Packets *to* the guest's address jump to `_in`, packets *from*
 *   it to `_out`, in `forward` (the guest is routed through this host) and in `input`/`output`
 *   (the guest is this host), before the cluster rules: a guest's traffic meets its own rules.
 * - REJECT answers TCP with a reset and everything else with ICMP port-unreachable; a REJECT
 *   policy is `policy drop` plus those two rules at the end of the chain.
 * - A disabled cluster firewall is an empty table; a disabled guest gets no chains.
 */
import type { Firewall, FirewallPolicy, FirewallRule, GuestFirewall } from '../../desired/types.js';
import { nftAddressSet, nftPortSet, type Family } from '../../syntax/firewall/addresses.js';
import {
  ICMP_TYPES,
  ICMPV6_TYPES,
  MACRO_ONLY_FAMILY,
  PROTOCOLS,
  PVE_IPV6_MACROS,
  PVE_MACROS,
  type MacroEntry,
} from '../../syntax/firewall/macros.js';
import {
  nftRuleProblems,
  parseAction,
  parseAddressSpec,
  parsePortSpec,
  protoNumber,
  ruleFamily,
  ruleProblems,
  type RuleScope,
} from '../../syntax/firewall/validate.js';
import { UserError } from '../../errors.js';

/** The rendered table. */
export interface NftRender {
  /** Exactly what `nft list table inet <name>` prints once the script is loaded. */
  listing: string;
  /** The `nft -f` script: declare, delete, re-add (no header). */
  script: string;
  /** Guests left out, with the reason (reported as warnings, never silently). */
  skipped: { vmid: number; reason: string }[];
}

/** The comment that marks the table as Phoenix's. */
export function tableComment(ownerId: string): string {
  return `Managed by Phoenix (owner: ${ownerId})`;
}

/** Does a live listing carry this owner's table comment? */
export function listingOwnedBy(listing: string, ownerId: string): boolean {
  return listing.split('\n').some((l) => l.trim() === `comment "${tableComment(ownerId)}"`);
}

/** Render the whole table. Throws UserError on a rule nftables cannot express. */
export function renderNft(firewall: Firewall, opts: { table: string; ownerId: string }): NftRender {
  const { policy, rules } = firewall.cluster;
  const skipped: NftRender['skipped'] = [];
  const chains: string[][] = [];
  if (policy.enabled) {
    const guests = firewall.guests.filter((g) => {
      if (!g.policy.enabled || g.rules.length === 0) return false;
      if (g.guest.ip) return true;
      skipped.push({
        vmid: g.guest.id,
        reason: `guest ${g.guest.id} (${g.guest.name}) has no static address to match its rules on`,
      });
      return false;
    });
    guests.sort((a, b) => a.guest.id - b.guest.id);
    const jumps = (dir: 'in' | 'out') => guests.map((g) => guestJump(g, dir));
    const established = ['ct state established,related accept', 'ct state invalid drop'];
    chains.push([
      'chain input {',
      baseChain('input', policy.policyIn),
      ...established,
      'iifname "lo" accept',
      ...jumps('in'),
      ...ruleLines(rules, 'in', 'cluster', 'input'),
      ...policyTail(policy.policyIn),
    ]);
    chains.push([
      'chain forward {',
      baseChain('forward', 'ACCEPT'),
      ...established,
      ...jumps('in'),
      ...jumps('out'),
    ]);
    chains.push([
      'chain output {',
      baseChain('output', policy.policyOut),
      ...established,
      'oifname "lo" accept',
      ...jumps('out'),
      ...ruleLines(rules, 'out', 'cluster', 'output'),
      ...policyTail(policy.policyOut),
    ]);
    for (const g of guests) {
      for (const dir of ['in', 'out'] as const) {
        const name = guestChain(g.guest.id, dir);
        const final = dir === 'in' ? g.policy.policyIn : g.policy.policyOut;
        chains.push([`chain ${name} {`, ...ruleLines(g.rules, dir, 'guest', name), ...verdictLines(final)]);
      }
    }
  }
  const body = chains.map((c) => [`\t${c[0]}`, ...c.slice(1).map((l) => `\t\t${l}`), '\t}'].join('\n'));
  const listing = [
    `table inet ${opts.table} {`,
    `\tcomment "${tableComment(opts.ownerId)}"`,
    body.join('\n\n'),
    '}',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
  const script = `table inet ${opts.table} {}\ndelete table inet ${opts.table}\n${listing}`;
  return { listing, script, skipped };
}

/** `guest_<vmid>_in` / `guest_<vmid>_out`. */
export function guestChain(vmid: number, dir: 'in' | 'out'): string {
  return `guest_${vmid}_${dir}`;
}

function guestJump(g: GuestFirewall, dir: 'in' | 'out'): string {
  const ip = parseAddressSpec(g.guest.ip ?? '');
  const family = ip?.kind === 'list' ? ip.family : 4;
  return `${family === 4 ? 'ip' : 'ip6'} ${dir === 'in' ? 'daddr' : 'saddr'} ${g.guest.ip ?? ''} jump ${guestChain(g.guest.id, dir)}`;
}

function baseChain(hook: string, policy: FirewallPolicy['policyIn']): string {
  return `type filter hook ${hook} priority filter; policy ${policy === 'ACCEPT' ? 'accept' : 'drop'};`;
}

/** A base chain's policy is accept or drop; REJECT becomes drop plus explicit rejects. */
function policyTail(policy: FirewallPolicy['policyIn']): string[] {
  return policy === 'REJECT' ? verdictLines('REJECT') : [];
}

function verdictLines(policy: FirewallPolicy['policyIn']): string[] {
  if (policy === 'REJECT') return ['meta l4proto tcp reject with tcp reset', 'reject'];
  return [policy === 'ACCEPT' ? 'accept' : 'drop'];
}

function ruleLines(
  rules: readonly FirewallRule[],
  dir: 'in' | 'out',
  scope: RuleScope,
  chain: string,
): string[] {
  const lines = rules.filter((r) => r.direction === dir).flatMap((r) => nftRuleLines(r, scope, chain));
  return [...new Set(lines)];
}

/** nft's spelling of a protocol: the first name /etc/protocols gives its number. */
function protoName(proto: string): string {
  const n = protoNumber(proto);
  return Object.entries(PROTOCOLS).find(([, v]) => v === n)?.[0] ?? String(n);
}

const NFT_LOG_LEVELS: Record<string, string | undefined> = { warning: undefined, nolog: undefined };

/** One PVE rule as nft rule lines (a macro can expand to several). Throws UserError if invalid. */
export function nftRuleLines(rule: FirewallRule, scope: RuleScope, chain: string): string[] {
  const problems = [...ruleProblems(rule, scope), ...nftRuleProblems(rule, scope)];
  if (problems.length > 0) {
    const what = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    throw new UserError(`firewall rule "${describe(rule)}" cannot be written for nftables: ${what}`, {
      hint: problems.find((p) => p.hint)?.hint,
    });
  }
  const action = parseAction(rule.action)!;
  const family = ruleFamily(rule) as Family | undefined;
  const prefix: string[] = [];
  if (rule.iface) prefix.push(`${rule.direction === 'in' ? 'iifname' : 'oifname'} "${rule.iface}"`);
  for (const [field, key] of [
    ['source', 'saddr'],
    ['dest', 'daddr'],
  ] as const) {
    const spec = rule[field] === undefined ? undefined : parseAddressSpec(rule[field]);
    if (spec?.kind === 'list')
      prefix.push(`${spec.family === 4 ? 'ip' : 'ip6'} ${key} ${nftAddressSet(spec.family, spec.elements)}`);
  }
  const suffix: string[] = [];
  if (rule.log && rule.log !== 'nolog') {
    const level = rule.log in NFT_LOG_LEVELS ? NFT_LOG_LEVELS[rule.log] : rule.log;
    suffix.push(`log prefix "phoenix ${chain} "${level ? ` level ${level}` : ''}`);
  }
  const comment = sanitizeComment(ruleComment(rule));
  const lines = entriesFor(rule, action.macro, family).map((e) => {
    const match = [...prefix, ...protoMatch(e)].join(' ');
    const verdict =
      action.verdict === 'ACCEPT' ? 'accept' : action.verdict === 'DROP' ? 'drop' : rejectFor(e);
    return [match, ...suffix, verdict, `comment "${comment}"`].filter((s) => s !== '').join(' ');
  });
  return [...new Set(lines)];
}

/** The protocol/port part of each line: the rule's own, or one per macro entry. */
function entriesFor(rule: FirewallRule, macro: string | undefined, family: Family | undefined): MacroEntry[] {
  const own = {
    proto: rule.proto ?? '',
    ...(rule.dport ? { dport: rule.dport } : {}),
    ...(rule.sport ? { sport: rule.sport } : {}),
  };
  if (!macro) return [own];
  const only = MACRO_ONLY_FAMILY[macro];
  if (only && family !== undefined && family !== only) return [];
  const v4 = PVE_MACROS[macro] ?? [];
  const v6 = PVE_IPV6_MACROS[macro] ?? v4;
  const entries = family === 4 ? v4 : family === 6 ? v6 : [...v4, ...v6];
  // The rule's own fields may only repeat what the macro says (checked by ruleProblems).
  return entries.map((e) => ({ ...e, ...(rule.sport && !e.sport ? { sport: rule.sport } : {}) }));
}

function protoMatch(e: MacroEntry): string[] {
  if (!e.proto) return [];
  const name = protoName(e.proto);
  if (name === 'icmp' || name === 'ipv6-icmp') {
    const table = name === 'icmp' ? ICMP_TYPES : ICMPV6_TYPES;
    const type = e.dport === undefined ? null : table[e.dport];
    return type ? [`${name === 'icmp' ? 'icmp' : 'icmpv6'} type ${type}`] : [`meta l4proto ${name}`];
  }
  const parts: string[] = [];
  if (e.sport) parts.push(`${name} sport ${nftPortSet(parsePortSpec(e.sport) ?? [])}`);
  if (e.dport) parts.push(`${name} dport ${nftPortSet(parsePortSpec(e.dport) ?? [])}`);
  return parts.length > 0 ? parts : [`meta l4proto ${name}`];
}

function rejectFor(e: MacroEntry): string {
  return e.proto && protoName(e.proto) === 'tcp' ? 'reject with tcp reset' : 'reject';
}

/** The comment Phoenix writes for a rule: its own, or where it came from. */
export function ruleComment(rule: FirewallRule): string {
  return (rule.comment ?? '').trim() || rule.origins.join(', ');
}

/** nft strings cannot escape quotes or backslashes, and comments hold at most 128 bytes. */
function sanitizeComment(text: string): string {
  const out = `phoenix: ${text}`.replace(/["\\]/g, "'").replace(/\p{Cc}/gu, ' ');
  const chars = Array.from(out);
  while (Buffer.byteLength(chars.join(''), 'utf8') > 128) chars.pop();
  return chars.join('');
}

function describe(rule: FirewallRule): string {
  return [rule.direction.toUpperCase(), rule.action, rule.source, rule.dest, rule.proto, rule.dport]
    .filter(Boolean)
    .join(' ');
}
