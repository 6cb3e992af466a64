import { describe, expect, it } from 'vitest';
import type { FirewallRule } from '../../src/desired/types.js';
import { renderNft, nftRuleLines } from '../../src/providers/firewall/nft-render.js';
import { homelabFirewall, rule } from './fixture.js';

describe('nftRuleLines: PVE rules in nft syntax, as nft lists them', () => {
  it.each<[string, Omit<FirewallRule, 'origins'>, string[]]>([
    ['accept all', { direction: 'in', action: 'ACCEPT' }, ['accept comment "phoenix: global"']],
    [
      'a port',
      { direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22' },
      ['tcp dport 22 accept comment "phoenix: global"'],
    ],
    [
      'a port list, sorted',
      { direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: '443,80' },
      ['tcp dport { 80, 443 } accept comment "phoenix: global"'],
    ],
    [
      'a range',
      { direction: 'in', action: 'ACCEPT', proto: 'udp', dport: '60000:61000' },
      ['udp dport 60000-61000 accept comment "phoenix: global"'],
    ],
    [
      'ranges merged',
      { direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22,20:25,8080' },
      ['tcp dport { 20-25, 8080 } accept comment "phoenix: global"'],
    ],
    [
      'a service name',
      { direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: 'https' },
      ['tcp dport 443 accept comment "phoenix: global"'],
    ],
    [
      'source and dest ports',
      { direction: 'in', action: 'ACCEPT', proto: 'udp', sport: '53', dport: '1024:65535' },
      ['udp sport 53 udp dport 1024-65535 accept comment "phoenix: global"'],
    ],
    [
      'a protocol without ports',
      { direction: 'in', action: 'ACCEPT', proto: '47' },
      ['meta l4proto gre accept comment "phoenix: global"'],
    ],
    [
      'icmpv6 spelled as PVE does',
      { direction: 'in', action: 'ACCEPT', proto: 'icmpv6' },
      ['meta l4proto ipv6-icmp accept comment "phoenix: global"'],
    ],
    [
      'an ICMP type',
      { direction: 'in', action: 'ACCEPT', proto: 'icmp', dport: 'echo-request' },
      ['icmp type echo-request accept comment "phoenix: global"'],
    ],
    [
      'an ICMPv6 type',
      { direction: 'in', action: 'ACCEPT', proto: 'icmpv6', dport: 'router-advertisement' },
      ['icmpv6 type nd-router-advert accept comment "phoenix: global"'],
    ],
    [
      'a source address',
      { direction: 'in', action: 'DROP', source: '10.0.0.7' },
      ['ip saddr 10.0.0.7 drop comment "phoenix: global"'],
    ],
    [
      'a source list, merged',
      { direction: 'in', action: 'DROP', source: '10.0.0.9,10.0.0.0/24,10.0.1.5' },
      ['ip saddr { 10.0.0.0/24, 10.0.1.5 } drop comment "phoenix: global"'],
    ],
    [
      'an address range',
      { direction: 'in', action: 'DROP', source: '10.0.0.1-10.0.0.9' },
      ['ip saddr 10.0.0.1-10.0.0.9 drop comment "phoenix: global"'],
    ],
    [
      'an IPv6 dest',
      { direction: 'out', action: 'ACCEPT', dest: 'FD00:0:0::1' },
      ['ip6 daddr fd00::1 accept comment "phoenix: global"'],
    ],
    [
      'an interface (cluster)',
      { direction: 'in', action: 'ACCEPT', iface: 'vmbr0' },
      ['iifname "vmbr0" accept comment "phoenix: global"'],
    ],
    [
      'an out interface (cluster)',
      { direction: 'out', action: 'ACCEPT', iface: 'vmbr0' },
      ['oifname "vmbr0" accept comment "phoenix: global"'],
    ],
    [
      'reject tcp',
      { direction: 'in', action: 'REJECT', proto: 'tcp', dport: '25' },
      ['tcp dport 25 reject with tcp reset comment "phoenix: global"'],
    ],
    [
      'reject udp',
      { direction: 'in', action: 'REJECT', proto: 'udp', dport: '53' },
      ['udp dport 53 reject comment "phoenix: global"'],
    ],
    [
      'log at info',
      { direction: 'in', action: 'DROP', log: 'info' },
      ['log prefix "phoenix input " level info drop comment "phoenix: global"'],
    ],
    [
      'log at warning (nft default level)',
      { direction: 'in', action: 'DROP', log: 'warning' },
      ['log prefix "phoenix input " drop comment "phoenix: global"'],
    ],
    ['nolog', { direction: 'in', action: 'DROP', log: 'nolog' }, ['drop comment "phoenix: global"']],
    [
      'a macro',
      { direction: 'in', action: 'SSH(ACCEPT)', source: '10.0.0.0/24' },
      ['ip saddr 10.0.0.0/24 tcp dport 22 accept comment "phoenix: global"'],
    ],
    [
      'a two-protocol macro',
      { direction: 'in', action: 'DNS(ACCEPT)' },
      ['udp dport 53 accept comment "phoenix: global"', 'tcp dport 53 accept comment "phoenix: global"'],
    ],
    [
      'Ping for both families',
      { direction: 'in', action: 'Ping(ACCEPT)' },
      [
        'icmp type echo-request accept comment "phoenix: global"',
        'icmpv6 type echo-request accept comment "phoenix: global"',
      ],
    ],
    [
      'Ping for IPv6 only',
      { direction: 'in', action: 'Ping(ACCEPT)', source: 'fd00::/8' },
      ['ip6 saddr fd00::/8 icmpv6 type echo-request accept comment "phoenix: global"'],
    ],
    [
      'a quoted comment',
      { direction: 'in', action: 'ACCEPT', comment: 'say "hi" \\ bye' },
      [`accept comment "phoenix: say 'hi' ' bye"`],
    ],
  ])('%s', (_name, r, lines) => expect(nftRuleLines(rule(r), 'cluster', 'input')).toEqual(lines));

  it('refuses what nftables cannot express', () => {
    expect(() =>
      nftRuleLines(rule({ direction: 'in', action: 'ACCEPT', source: '+trusted' }), 'guest', 'x'),
    ).toThrow(/PVE ipset/);
    expect(() => nftRuleLines(rule({ direction: 'in', action: 'Nope(ACCEPT)' }), 'guest', 'x')).toThrow(
      /invalid action/,
    );
  });

  it('caps comments at the 128 bytes nft allows', () => {
    const [line] = nftRuleLines(
      rule({ direction: 'in', action: 'ACCEPT', comment: 'é'.repeat(100) }),
      'cluster',
      'input',
    );
    const comment = /comment "(.*)"$/.exec(line ?? '')?.[1] ?? '';
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(128);
  });
});

describe('renderNft', () => {
  it('renders the homelab table (golden)', async () => {
    const { script, skipped } = renderNft(homelabFirewall(), {
      table: 'phoenix',
      ownerId: 'phoenix-lab.internal',
    });
    expect(skipped).toEqual([]);
    await expect(script).toMatchFileSnapshot('../fixtures/golden/firewall/homelab.nft');
  });

  it('leaves out guests without a static address, saying why', () => {
    const fw = homelabFirewall();
    fw.guests[0]!.guest.ip = undefined;
    const { skipped, listing } = renderNft(fw, { table: 'phoenix', ownerId: 'o' });
    expect(skipped).toEqual([
      { vmid: 101, reason: 'guest 101 (gateway) has no static address to match its rules on' },
    ]);
    expect(listing).not.toContain('guest_101');
  });

  it('a disabled cluster firewall is an empty table; a disabled guest has no chains', () => {
    const fw = homelabFirewall();
    fw.guests[1]!.policy = { ...fw.guests[1]!.policy, enabled: false };
    expect(renderNft(fw, { table: 'phoenix', ownerId: 'o' }).listing).not.toContain('guest_102');
    fw.cluster.policy = { ...fw.cluster.policy, enabled: false };
    expect(renderNft(fw, { table: 'phoenix', ownerId: 'o' }).listing).toBe(
      'table inet phoenix {\n\tcomment "Managed by Phoenix (owner: o)"\n}\n',
    );
  });

  it('a REJECT policy is drop plus explicit rejects', () => {
    const fw = homelabFirewall();
    fw.cluster.policy = { ...fw.cluster.policy, policyIn: 'REJECT' };
    const { listing } = renderNft(fw, { table: 'phoenix', ownerId: 'o' });
    expect(listing).toContain('\t\ttype filter hook input priority filter; policy drop;');
    expect(listing).toMatch(/meta l4proto tcp reject with tcp reset\n\t\treject\n\t}\n\n\tchain forward/);
  });
});
