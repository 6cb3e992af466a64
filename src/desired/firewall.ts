/**
 * Firewall rulesets (pure): the cluster ruleset from the global rules and default policies,
 * and per guest its own rules plus the rules of every stack environment assigned to it.
 * Identical rules are merged (their origins are kept). Every field is validated.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import type { Located } from '../config/json.js';
import type { FirewallRuleInput } from '../config/schema.js';
import { isValidAction, isValidAddressSpec, isValidPortSpec, isValidProto } from '../providers/firewall/validate.js';
import type { DeploymentFacts } from './deployments.js';
import { interpolate } from './interpolate.js';
import type { Firewall, FirewallPolicy, FirewallRule, Guest, GuestFirewall } from './types.js';

type Path = (string | number)[];

/** Normalise and check one rule; undefined when it is invalid (errors reported). */
function rule(input: FirewallRuleInput, origin: string, doc: Located, path: Path, diags: Diagnostics, vars?: ReadonlyMap<string, string>): FirewallRule | undefined {
  const text = (v: string | number | undefined) => (v === undefined ? undefined : vars ? interpolate(String(v), vars).value : String(v));
  const r: FirewallRule = { direction: input.type, action: text(input.action)!, origins: [origin] };
  const fields: [keyof FirewallRule, string | undefined, (s: string) => boolean, string, string][] = [
    ['source', text(input.source), isValidAddressSpec, 'source', 'an IP, CIDR, range a-b, comma list, +ipset or alias'],
    ['dest', text(input.dest), isValidAddressSpec, 'dest', 'an IP, CIDR, range a-b, comma list, +ipset or alias'],
    ['proto', text(input.proto), isValidProto, 'proto', 'tcp, udp, icmp, icmpv6 or another protocol name/number'],
    ['dport', text(input.port), isValidPortSpec, 'port', 'a port, a range 8000:8100, or a comma list'],
    ['sport', text(input.sport), isValidPortSpec, 'sport', 'a port, a range 8000:8100, or a comma list'],
  ];
  let ok = true;
  if (!isValidAction(r.action)) {
    diags.error('firewall-rule', doc.at([...path, 'action']), `invalid firewall action "${r.action}"`, 'use ACCEPT, DROP, REJECT or a macro such as SSH(ACCEPT)');
    ok = false;
  }
  for (const [key, value, valid, name, hint] of fields) {
    if (value === undefined) continue;
    if (!valid(value)) {
      diags.error('firewall-rule', doc.at([...path, name]), `invalid firewall ${name} "${value}"`, `expected ${hint}`);
      ok = false;
    } else (r as unknown as Record<string, string>)[key] = value;
  }
  if ((r.dport || r.sport) && !r.proto && !/\(/.test(r.action)) {
    diags.error('firewall-rule', doc.at(path), 'a port needs a protocol', 'add "proto": "tcp" (or udp)');
    ok = false;
  }
  if (input.iface) r.iface = input.iface;
  if (input.log) r.log = input.log;
  if (input.comment) r.comment = text(input.comment)!;
  return ok ? r : undefined;
}

/** Identity of a rule for merging: everything but comment and origins. */
function ruleKey(r: FirewallRule): string {
  return JSON.stringify([r.direction, r.action, r.source, r.dest, r.proto, r.dport, r.sport, r.iface, r.log]);
}

/** Merge identical rules, keeping the first's position and comment and every origin. */
export function mergeRules(rules: FirewallRule[]): FirewallRule[] {
  const byKey = new Map<string, FirewallRule>();
  for (const r of rules) {
    const prev = byKey.get(ruleKey(r));
    if (prev) prev.origins = [...new Set([...prev.origins, ...r.origins])];
    else byKey.set(ruleKey(r), { ...r, origins: [...r.origins] });
  }
  return [...byKey.values()];
}

export function deriveFirewall(config: LoadedConfig, guests: Guest[], facts: DeploymentFacts[], diags: Diagnostics): Firewall {
  const g = config.global;
  const legacy = g.shared_volumes?.firewall;
  if (g.firewall && legacy) diags.warn('legacy-firewall', config.globalDoc.at(['shared_volumes', 'firewall']), 'both firewall and shared_volumes.firewall are set; shared_volumes.firewall is ignored', 'remove the legacy section');
  const fw = g.firewall ?? legacy;
  const fwPath: Path = g.firewall ? ['firewall'] : ['shared_volumes', 'firewall'];
  const policy: FirewallPolicy = { enabled: fw?.enabled ?? true, policyIn: fw?.default_input_policy ?? 'DROP', policyOut: fw?.default_output_policy ?? 'ACCEPT' };
  const clusterRules = (fw?.global_firewall_rules ?? []).flatMap((r, k) => rule(r, 'global', config.globalDoc, [...fwPath, 'global_firewall_rules', k], diags) ?? []);

  const guestsOut: GuestFirewall[] = [];
  const addGuest = (guest: Guest, gfw: { enabled?: boolean; policy_in?: FirewallPolicy['policyIn']; policy_out?: FirewallPolicy['policyOut']; rules?: FirewallRuleInput[] } | undefined, doc: Located, path: Path) => {
    const own = (gfw?.rules ?? []).flatMap((r, k) => rule(r, `guest:${guest.id}`, doc, [...path, 'firewall', 'rules', k], diags) ?? []);
    const fromStacks = facts
      .filter((f) => f.deployment.vmid === guest.id && guest.kind === 'vm')
      .flatMap((f) => (f.env.firewall_rules ?? []).flatMap((r, k) => rule(r, f.deployment.id, f.stack.manifestDoc, ['environments', f.deployment.environment, 'firewall_rules', k], diags, f.vars) ?? []));
    if (!gfw && fromStacks.length === 0) return;
    guestsOut.push({
      guest,
      policy: { enabled: gfw?.enabled ?? true, policyIn: gfw?.policy_in ?? policy.policyIn, policyOut: gfw?.policy_out ?? policy.policyOut },
      rules: mergeRules([...own, ...fromStacks]),
    });
  };
  config.vms.vms.forEach((vm, i) => {
    const guest = guests.find((x) => x.kind === 'vm' && x.id === vm.vmid);
    if (guest) addGuest(guest, vm.firewall, config.vmsDoc, ['vms', i]);
  });
  for (const [ctid, lxc] of Object.entries(config.lxcs?.lxc_configs ?? {})) {
    const guest = guests.find((x) => x.kind === 'lxc' && x.id === Number(ctid));
    if (guest) addGuest(guest, lxc.firewall, config.lxcDoc!, ['lxc_configs', ctid]);
  }
  return { cluster: { policy, rules: mergeRules(clusterRules) }, guests: guestsOut };
}
