/**
 * Firewall rulesets (pure): the cluster ruleset from the global rules and default policies,
 * and per guest its own rules plus the rules of every stack environment assigned to it.
 * Identical rules are merged (their origins are kept). Every field is validated.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import type { Located } from '../config/json.js';
import type { FirewallRuleInput } from '../config/schema.js';
import {
  nftRuleProblems,
  ruleProblems,
  type RuleProblem,
  type RuleScope,
} from '../syntax/firewall/validate.js';
import type { DeploymentFacts } from './deployments.js';
import { interpolate } from './interpolate.js';
import type { Firewall, FirewallPolicy, FirewallRule, Guest, GuestFirewall } from './types.js';
import { byText } from '../util/text.js';

/** What a rule is checked against: PVE's rules, and the nftables backend's limits when it is used. */
interface RuleCheck {
  scope: RuleScope;
  nftables: boolean;
}

type Path = (string | number)[];

/** The key of the original format that holds each field of a normalised rule. */
const INPUT_KEY: Record<RuleProblem['field'], keyof FirewallRuleInput> = {
  direction: 'type',
  action: 'action',
  source: 'source',
  dest: 'dest',
  proto: 'proto',
  dport: 'port',
  sport: 'sport',
  iface: 'iface',
  log: 'log',
  comment: 'comment',
};

/**
 * Normalise and check one rule with PVE's own rules (a rule pve-firewall cannot parse is
 * silently skipped there, so it must never reach a file); undefined when it is invalid.
 * Stack rules are interpolated with their environment's variables first.
 */
function rule(
  input: FirewallRuleInput,
  origin: string,
  doc: Located,
  path: Path,
  check: RuleCheck,
  diags: Diagnostics,
  env?: { name: string; vars: ReadonlyMap<string, string> },
): FirewallRule | undefined {
  let ok = true;
  const text = (key: keyof FirewallRuleInput): string | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if (!env) return String(v);
    const r = interpolate(String(v), env.vars);
    if (r.missing.length) {
      diags.error(
        'unset-variable',
        doc.at([...path, key]),
        `firewall rule uses ${r.missing.join(', ')}, which environment "${env.name}" does not set`,
        `add it to environments.${env.name}.variables`,
      );
      ok = false;
    }
    return r.value;
  };
  const r: FirewallRule = { direction: input.type, action: text('action')!, origins: [origin] };
  const fields: [Exclude<keyof FirewallRule, 'direction' | 'action' | 'origins'>, keyof FirewallRuleInput][] =
    [
      ['source', 'source'],
      ['dest', 'dest'],
      ['proto', 'proto'],
      ['dport', 'port'],
      ['sport', 'sport'],
      ['iface', 'iface'],
      ['log', 'log'],
      ['comment', 'comment'],
    ];
  for (const [field, key] of fields) {
    const v = text(key);
    if (v !== undefined) r[field] = v;
  }
  if (!ok) return undefined;
  // The nftables backend cannot translate everything PVE can (aliases, ipsets): refuse it here.
  const problems = [
    ...ruleProblems(r, check.scope),
    ...(check.nftables ? nftRuleProblems(r, check.scope) : []),
  ];
  for (const p of problems)
    diags.error(
      'firewall-rule',
      doc.at([...path, INPUT_KEY[p.field]]),
      `firewall rule: ${p.message}`,
      p.hint,
    );
  return problems.length ? undefined : r;
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

export function deriveFirewall(
  config: LoadedConfig,
  guests: Guest[],
  facts: DeploymentFacts[],
  diags: Diagnostics,
): Firewall {
  const nftables = config.global.sync?.firewall.backend === 'nftables';
  const g = config.global;
  const legacy = g.shared_volumes?.firewall;
  if (g.firewall && legacy)
    diags.warn(
      'legacy-firewall',
      config.globalDoc.at(['shared_volumes', 'firewall']),
      'both firewall and shared_volumes.firewall are set; shared_volumes.firewall is ignored',
      'remove the legacy section',
    );
  const fw = g.firewall ?? legacy;
  const fwPath: Path = g.firewall ? ['firewall'] : ['shared_volumes', 'firewall'];
  const policy: FirewallPolicy = {
    enabled: fw?.enabled ?? true,
    policyIn: fw?.default_input_policy ?? 'DROP',
    policyOut: fw?.default_output_policy ?? 'ACCEPT',
  };
  const clusterRules = (fw?.global_firewall_rules ?? []).flatMap(
    (r, k) =>
      rule(
        r,
        'global',
        config.globalDoc,
        [...fwPath, 'global_firewall_rules', k],
        { scope: 'cluster', nftables },
        diags,
      ) ?? [],
  );

  const guestsOut: GuestFirewall[] = [];
  // Grouped once: filtering every deployment per guest was quadratic in the size of the estate.
  const factsByVm = new Map<number, DeploymentFacts[]>();
  for (const f of facts) {
    const list = factsByVm.get(f.deployment.vmid);
    if (list) list.push(f);
    else factsByVm.set(f.deployment.vmid, [f]);
  }
  const addGuest = (
    guest: Guest,
    gfw:
      | {
          enabled?: boolean;
          policy_in?: FirewallPolicy['policyIn'];
          policy_out?: FirewallPolicy['policyOut'];
          rules?: FirewallRuleInput[];
        }
      | undefined,
    doc: Located,
    path: Path,
  ) => {
    const own = (gfw?.rules ?? []).flatMap(
      (r, k) =>
        rule(
          r,
          `guest:${guest.id}`,
          doc,
          [...path, 'firewall', 'rules', k],
          { scope: 'guest', nftables },
          diags,
        ) ?? [],
    );
    const fromStacks = [...((guest.kind === 'vm' && factsByVm.get(guest.id)) || [])]
      // by deploy name, not assignment order: stable when an assignment moves or is kept for --prune
      .sort((a, b) => byText(a.deployment.name, b.deployment.name))
      .flatMap((f) =>
        (f.env.firewall_rules ?? []).flatMap(
          (r, k) =>
            rule(
              r,
              f.deployment.id,
              f.stack.manifestDoc,
              ['environments', f.deployment.environment, 'firewall_rules', k],
              { scope: 'guest', nftables },
              diags,
              { name: f.deployment.environment, vars: f.vars },
            ) ?? [],
        ),
      );
    if (!gfw && fromStacks.length === 0) return;
    guestsOut.push({
      guest,
      policy: {
        enabled: gfw?.enabled ?? true,
        policyIn: gfw?.policy_in ?? policy.policyIn,
        policyOut: gfw?.policy_out ?? policy.policyOut,
      },
      rules: mergeRules([...own, ...fromStacks]),
    });
  };
  // The first guest of each kind and id, as find() gave: a search per guest was quadratic.
  const byKindId = new Map<string, Guest>();
  for (const g of guests) if (!byKindId.has(`${g.kind}:${g.id}`)) byKindId.set(`${g.kind}:${g.id}`, g);
  config.vms.vms.forEach((vm, i) => {
    const guest = byKindId.get(`vm:${vm.vmid}`);
    if (guest) addGuest(guest, vm.firewall, config.vmsDoc, ['vms', i]);
  });
  for (const [ctid, lxc] of Object.entries(config.lxcs?.lxc_configs ?? {})) {
    const guest = byKindId.get(`lxc:${Number(ctid)}`);
    if (guest) addGuest(guest, lxc.firewall, config.lxcDoc!, ['lxc_configs', ctid]);
  }
  return { cluster: { policy, rules: mergeRules(clusterRules) }, guests: guestsOut };
}
