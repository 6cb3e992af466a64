import { describe, expect, it } from 'vitest';
import {
  isValidAction,
  isValidAddressSpec,
  isValidPortSpec,
  isValidProto,
  nftRuleProblems,
  ruleProblems,
} from '../../src/syntax/firewall/validate.js';
import { rule } from './fixture.js';

describe('isValidAddressSpec', () => {
  it.each([
    ['10.0.0.1', true],
    ['10.0.0.0/24', true],
    ['0.0.0.0/0', true],
    ['10.0.0.1-10.0.0.9', true],
    ['10.0.0.1,10.0.1.0/24', true],
    ['fd00::1', true],
    ['fd00::/64', true],
    ['+management', true],
    ['myalias', true],
    ['10.0.0.5/24', false], // host bits set: PVE refuses it
    ['10.0.0.256', false],
    ['10.0.0.1/33', false],
    ['10.0.0.9-10.0.0.1', false], // backwards range
    ['10.0.0.1-fd00::1', false],
    ['10.0.0.1,fd00::1', false], // mixed families
    ['10.0.0.1-10.0.0.5,10.0.1.1', false], // a range in a list
    ['10.0.0.1,', false],
    ['', false],
    ['+', false],
    ['1abc', false],
    ['10.0.0.1 ', false],
    ['10.0.0.1#x', false],
  ])('%j → %s', (spec, ok) => expect(isValidAddressSpec(spec)).toBe(ok));
});

describe('isValidPortSpec', () => {
  it.each([
    ['22', true],
    ['0', true],
    ['65535', true],
    ['8000:8100', true],
    ['80,443', true],
    ['22,80,8000:8100', true],
    ['ssh', true],
    ['https', true],
    ['65536', false],
    ['100:10', false],
    ['8000-8100', false], // PVE writes ranges with a colon
    ['80,', false],
    ['no-such-service', false],
    ['1,2,3,4,5,6,7,8,9,10,11,12,13,14,15', true],
    ['1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16', false], // more than 15
    ['1:2,3:4,5:6,7:8,9:10,11:12,13:14,15', true],
    ['1:2,3:4,5:6,7:8,9:10,11:12,13:14,15:16', false], // a range counts twice
  ])('%j → %s', (spec, ok) => expect(isValidPortSpec(spec)).toBe(ok));
});

describe('isValidProto and isValidAction', () => {
  it.each([
    ['tcp', true],
    ['udp', true],
    ['icmp', true],
    ['icmpv6', true],
    ['ipv6-icmp', true],
    ['gre', true],
    ['6', true],
    ['47', true],
    ['254', false], // not in /etc/protocols
    ['TCP', false],
    ['foo', false],
  ])('proto %j → %s', (p, ok) => expect(isValidProto(p)).toBe(ok));

  it.each([
    ['ACCEPT', true],
    ['DROP', true],
    ['REJECT', true],
    ['SSH(ACCEPT)', true],
    ['ssh(DROP)', true], // PVE matches macro names case-insensitively
    ['HTTPS(REJECT)', true],
    ['accept', false],
    ['SSH(accept)', false],
    ['NoSuchMacro(ACCEPT)', false],
    ['SSH', false],
    ['GROUP', false],
  ])('action %j → %s', (a, ok) => expect(isValidAction(a)).toBe(ok));
});

describe('ruleProblems (PVE semantics)', () => {
  const fields = (r: Parameters<typeof rule>[0], scope: 'cluster' | 'guest' = 'guest') =>
    ruleProblems(rule(r), scope).map((p) => p.field);

  it.each([
    ['a valid rule', { direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22' }, []],
    ['a port without protocol', { direction: 'in', action: 'ACCEPT', dport: '22' }, ['proto']],
    [
      'a port on a protocol without ports',
      { direction: 'in', action: 'ACCEPT', proto: 'gre', dport: '22' },
      ['dport'],
    ],
    ['an ICMP type', { direction: 'in', action: 'ACCEPT', proto: 'icmp', dport: 'echo-request' }, []],
    [
      'a wrong ICMP type',
      { direction: 'in', action: 'ACCEPT', proto: 'icmp', dport: 'neighbor-solicitation' },
      ['dport'],
    ],
    ['a macro with its own port', { direction: 'in', action: 'SSH(ACCEPT)', dport: '2222' }, ['dport']],
    ['a macro with the same port', { direction: 'in', action: 'SSH(ACCEPT)', dport: '22' }, []],
    [
      'a macro with a conflicting protocol',
      { direction: 'in', action: 'DNS(ACCEPT)', proto: 'tcp' },
      ['proto'],
    ],
    ['mixed families', { direction: 'in', action: 'ACCEPT', source: '10.0.0.1', dest: 'fd00::1' }, ['dest']],
    [
      'icmp with an IPv6 source',
      { direction: 'in', action: 'ACCEPT', proto: 'icmp', source: 'fd00::1' },
      ['dest'],
    ],
    ['a NIC name', { direction: 'in', action: 'ACCEPT', iface: 'net0' }, []],
    ['a host interface in a guest file', { direction: 'in', action: 'ACCEPT', iface: 'vmbr0' }, ['iface']],
    ['an unknown log level', { direction: 'in', action: 'ACCEPT', log: 'loud' }, ['log']],
    ['a newline in a comment', { direction: 'in', action: 'ACCEPT', comment: 'a\nb' }, ['comment']],
  ] as const)('%s', (_name, r, expected) =>
    expect(fields(r as Parameters<typeof rule>[0])).toEqual(expected),
  );

  it('accepts a host interface in cluster.fw', () => {
    expect(fields({ direction: 'in', action: 'ACCEPT', iface: 'vmbr0' }, 'cluster')).toEqual([]);
  });
});

describe('nftRuleProblems (what nftables cannot express)', () => {
  it.each([
    ['an ipset', { direction: 'in', action: 'ACCEPT', source: '+mgmt' }, ['source']],
    ['an alias', { direction: 'in', action: 'ACCEPT', dest: 'myhost' }, ['dest']],
    ['a NIC name', { direction: 'in', action: 'ACCEPT', iface: 'net0' }, ['iface']],
    [
      'an ICMP code',
      { direction: 'in', action: 'ACCEPT', proto: 'icmp', dport: 'port-unreachable' },
      ['dport'],
    ],
    [
      'plain addresses and ports',
      { direction: 'in', action: 'ACCEPT', source: '10.0.0.0/24', proto: 'tcp', dport: '22' },
      [],
    ],
  ] as const)('%s', (_name, r, expected) =>
    expect(nftRuleProblems(rule(r as Parameters<typeof rule>[0]), 'guest').map((p) => p.field)).toEqual(
      expected,
    ),
  );
});
