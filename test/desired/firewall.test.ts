import { describe, expect, it } from 'vitest';
import { mergeRules } from '../../src/desired/firewall.js';
import type { FirewallRule } from '../../src/desired/types.js';
import { deriveConfig, loadExample } from '../helpers/example.js';

/** A guest's rules as `origin: port`, compact enough to compare as a table. */
function rulesOf(desired: ReturnType<typeof deriveConfig>['desired'], id: number): string[] {
  const g = desired.firewall.guests.find((x) => x.guest.id === id);
  return (g?.rules ?? []).map((r) =>
    `${r.origins.join('+')}: ${r.action} ${r.proto ?? ''} ${r.dport ?? ''} from ${r.source ?? 'any'}`.replace(
      / +/g,
      ' ',
    ),
  );
}

describe('firewall of the example', () => {
  const { desired, errors } = deriveConfig(loadExample().config);

  it('derives without errors', () => {
    expect(errors).toEqual([]);
  });

  it('cluster ruleset: the global rules and default policies', () => {
    expect(desired.firewall.cluster.policy).toEqual({ enabled: true, policyIn: 'DROP', policyOut: 'ACCEPT' });
    expect(desired.firewall.cluster.rules.map((r) => [r.action, r.dport, r.source, r.origins])).toEqual([
      ['ACCEPT', '22', '10.0.0.0/24', ['global']],
      ['ACCEPT', '8006', '10.0.0.0/24', ['global']],
      ['Ping(ACCEPT)', undefined, undefined, ['global']],
    ]);
  });

  it('stack rules are merged into the VM they are assigned to, after its own, by deploy name', () => {
    expect(rulesOf(desired, 1002)).toEqual([
      'guest:1002: ACCEPT tcp 9001 from 10.0.0.101',
      '1002/open-webui-production: ACCEPT tcp 3001 from 10.0.0.12',
      '1002/qdrant-production: ACCEPT tcp 6333 from 10.0.0.12',
      '1002/qdrant-production: ACCEPT tcp 6334 from 10.0.0.0/24',
      '1002/whoami-production: ACCEPT tcp 8081 from 10.0.0.12',
    ]);
  });

  it('stack rules are interpolated per environment', () => {
    expect(rulesOf(desired, 1003)).toContain('1003/whoami-staging: ACCEPT tcp 8082 from 10.0.0.12');
  });

  it('LXCs keep their own rules; guests without rules get no ruleset', () => {
    expect(rulesOf(desired, 101)).toEqual(['guest:101: DNS(ACCEPT) from 10.0.0.0/24']);
    expect(desired.firewall.guests.map((g) => g.guest.id)).toEqual([1001, 1002, 1003, 101, 102]);
  });

  it('guests inherit the default policies', () => {
    expect(desired.firewall.guests.find((g) => g.guest.id === 1002)?.policy).toEqual({
      enabled: true,
      policyIn: 'DROP',
      policyOut: 'ACCEPT',
    });
  });
});

describe('firewall: variations', () => {
  it('an identical rule from a VM and from a stack on it is one rule with both origins', () => {
    const { config } = loadExample();
    config.vms.vms
      .find((v) => v.vmid === 1003)!
      .firewall!.rules!.push({
        type: 'in',
        action: 'ACCEPT',
        proto: 'tcp',
        port: '5678',
        source: '10.0.0.12',
        comment: 'n8n, by hand',
      });
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    const rules = desired.firewall.guests
      .find((g) => g.guest.id === 1003)!
      .rules.filter((r) => r.dport === '5678');
    expect(rules).toEqual([
      expect.objectContaining({ comment: 'n8n, by hand', origins: ['guest:1003', '1003/n8n-production'] }),
    ]);
  });

  it('a stack on a VM brings its rules to that VM only', () => {
    const { config } = loadExample();
    config.vms.vms.find((v) => v.vmid === 1001)!.docker_stacks!.push('n8n');
    config.vms.vms.find((v) => v.vmid === 1003)!.docker_stacks = [
      'monitoring',
      { name: 'whoami', environment: 'staging' },
    ];
    config.stacks.get('n8n')!.manifest.environments['production']!.services = {};
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    expect(rulesOf(desired, 1001)).toContain('1001/n8n-production: ACCEPT tcp 5678 from 10.0.0.12');
    expect(rulesOf(desired, 1003).some((r) => r.includes('5678'))).toBe(false);
  });

  it('the legacy shared_volumes.firewall section is read when firewall is absent', () => {
    const { config } = loadExample();
    const fw = config.global.firewall!;
    delete config.global.firewall;
    config.global.shared_volumes = { firewall: { ...fw, default_input_policy: 'REJECT' } };
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    expect(desired.firewall.cluster.policy.policyIn).toBe('REJECT');
    expect(desired.firewall.cluster.rules).toHaveLength(3);
  });

  it.each([
    ['source', { source: '10.0.0.300' }, 'firewall rule: invalid source "10.0.0.300"'],
    ['CIDR with host bits', { source: '10.0.0.5/24' }, 'firewall rule: invalid source "10.0.0.5/24"'],
    ['port', { port: '70000' }, 'firewall rule: invalid port "70000"'],
    ['port range', { port: '9000:8000' }, 'firewall rule: invalid port "9000:8000"'],
    ['protocol', { proto: 'tpc' }, 'firewall rule: unknown protocol "tpc"'],
    ['action', { action: 'ALLOW' }, 'firewall rule: invalid action "ALLOW"'],
    ['ports on a protocol without ports', { proto: 'gre' }, 'firewall rule: protocol gre has no ports'],
    ['mixed address families', { dest: 'fd00::1' }, 'firewall rule: the rule mixes IPv4 and IPv6'],
    ['guest interface', { iface: 'eth0' }, 'firewall rule: invalid interface "eth0"'],
    ['log level', { log: 'loud' }, 'firewall rule: invalid log level "loud"'],
  ])('an invalid %s is an error', (_name, change, message) => {
    const { config } = loadExample();
    Object.assign(config.vms.vms.find((v) => v.vmid === 1002)!.firewall!.rules![0]!, change);
    expect(deriveConfig(config).errors).toEqual([message]);
  });

  it('an unset variable in a stack rule is reported as such', () => {
    const { config } = loadExample();
    const vars = config.stacks.get('whoami')!.manifest.environments['staging']!.variables!;
    vars.find((v) => v.name === 'WHOAMI_PORT')!.value = '8082';
    config.stacks.get('whoami')!.manifest.environments['staging']!.firewall_rules![0]!.port =
      '${WHOAMI_FW_PORT}';
    expect(deriveConfig(config).errors).toEqual([
      'firewall rule uses WHOAMI_FW_PORT, which environment "staging" does not set',
    ]);
  });
});

describe('mergeRules', () => {
  const rule = (partial: Partial<FirewallRule>): FirewallRule => ({
    direction: 'in',
    action: 'ACCEPT',
    proto: 'tcp',
    dport: '80',
    origins: ['a'],
    ...partial,
  });

  it.each([
    [
      'identical rules merge, origins kept in order',
      [rule({}), rule({ origins: ['b'] })],
      [rule({ origins: ['a', 'b'] })],
    ],
    [
      'the first comment wins',
      [rule({ comment: 'one' }), rule({ comment: 'two', origins: ['b'] })],
      [rule({ comment: 'one', origins: ['a', 'b'] })],
    ],
    ['an origin is listed once', [rule({}), rule({})], [rule({})]],
    ['different ports stay apart', [rule({}), rule({ dport: '81' })], [rule({}), rule({ dport: '81' })]],
    [
      'different directions stay apart',
      [rule({}), rule({ direction: 'out' })],
      [rule({}), rule({ direction: 'out' })],
    ],
    [
      'order is kept',
      [rule({ dport: '2' }), rule({ dport: '1' }), rule({ dport: '2', origins: ['c'] })],
      [rule({ dport: '2', origins: ['a', 'c'] }), rule({ dport: '1' })],
    ],
  ])('%s', (_name, input, want) => {
    expect(mergeRules(input)).toEqual(want);
  });

  it('does not change its input', () => {
    const input = [rule({}), rule({ origins: ['b'] })];
    mergeRules(input);
    expect(input[0]!.origins).toEqual(['a']);
  });
});
