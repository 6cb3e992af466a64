import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FirewallRule } from '../../src/desired/types.js';
import { parsePveFile, parsePveRule } from '../../src/providers/firewall/pve-parse.js';
import {
  isWhollyPhoenix,
  mergePveFile,
  policyOptions,
  pveHeader,
  renderPveRule,
  stripPhoenixRules,
} from '../../src/providers/firewall/pve-render.js';
import { homelabFirewall, rule } from './fixture.js';

const header = pveHeader('phoenix-lab.internal', '/srv/phoenix');
const policy = { enabled: true, policyIn: 'DROP', policyOut: 'ACCEPT' } as const;
const operatorFile = readFileSync(
  new URL('../fixtures/golden/firewall/1002.operator.fw', import.meta.url),
  'utf8',
);

describe('renderPveRule: one golden line per option', () => {
  it.each<[string, Omit<FirewallRule, 'origins'>, string]>([
    ['plain', { direction: 'in', action: 'ACCEPT' }, 'IN ACCEPT # phoenix: global'],
    ['out', { direction: 'out', action: 'DROP' }, 'OUT DROP # phoenix: global'],
    ['reject', { direction: 'in', action: 'REJECT' }, 'IN REJECT # phoenix: global'],
    ['macro', { direction: 'in', action: 'SSH(ACCEPT)' }, 'IN SSH(ACCEPT) # phoenix: global'],
    [
      'macro in its preferred spelling',
      { direction: 'in', action: 'https(DROP)' },
      'IN HTTPS(DROP) # phoenix: global',
    ],
    ['-i', { direction: 'in', action: 'ACCEPT', iface: 'net0' }, 'IN ACCEPT -i net0 # phoenix: global'],
    [
      '-source',
      { direction: 'in', action: 'ACCEPT', source: '10.0.0.0/24' },
      'IN ACCEPT -source 10.0.0.0/24 # phoenix: global',
    ],
    [
      '-source list',
      { direction: 'in', action: 'ACCEPT', source: '10.0.0.1,10.0.0.2' },
      'IN ACCEPT -source 10.0.0.1,10.0.0.2 # phoenix: global',
    ],
    [
      '-source range',
      { direction: 'in', action: 'ACCEPT', source: '10.0.0.1-10.0.0.9' },
      'IN ACCEPT -source 10.0.0.1-10.0.0.9 # phoenix: global',
    ],
    [
      '-dest',
      { direction: 'out', action: 'ACCEPT', dest: 'fd00::/64' },
      'OUT ACCEPT -dest fd00::/64 # phoenix: global',
    ],
    ['-p', { direction: 'in', action: 'ACCEPT', proto: 'gre' }, 'IN ACCEPT -p gre # phoenix: global'],
    [
      '-dport',
      { direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22' },
      'IN ACCEPT -p tcp -dport 22 # phoenix: global',
    ],
    [
      '-dport range and list',
      { direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: '80,8000:8100' },
      'IN ACCEPT -p tcp -dport 80,8000:8100 # phoenix: global',
    ],
    [
      '-sport',
      { direction: 'in', action: 'ACCEPT', proto: 'udp', sport: '53' },
      'IN ACCEPT -p udp -sport 53 # phoenix: global',
    ],
    ['-log', { direction: 'in', action: 'DROP', log: 'warning' }, 'IN DROP -log warning # phoenix: global'],
    [
      'comment',
      { direction: 'in', action: 'ACCEPT', comment: 'ssh for admins' },
      'IN ACCEPT # phoenix: ssh for admins',
    ],
    [
      'every option, in pve-firewall order',
      {
        direction: 'in',
        action: 'ACCEPT',
        iface: 'net1',
        source: '10.0.0.0/24',
        dest: '10.0.1.5',
        proto: 'tcp',
        dport: '443',
        sport: '1024:65535',
        log: 'info',
        comment: 'all of it',
      },
      'IN ACCEPT -i net1 -source 10.0.0.0/24 -dest 10.0.1.5 -p tcp -dport 443 -sport 1024:65535 -log info # phoenix: all of it',
    ],
  ])('%s', (_name, r, line) => {
    expect(renderPveRule(rule(r))).toBe(line);
    // pve-firewall reads back exactly the fields Phoenix meant.
    const parsed = parsePveRule(line);
    expect(parsed).toMatchObject({ enabled: true, type: r.direction.toUpperCase() });
    for (const k of ['iface', 'source', 'dest', 'proto', 'dport', 'sport', 'log'] as const)
      expect(parsed?.[k]).toBe(r[k]);
  });

  it('uses the origins when a rule has no comment', () => {
    expect(
      renderPveRule(
        rule({ direction: 'in', action: 'ACCEPT', origins: ['1002/qdrant-production', 'guest:1002'] }),
      ),
    ).toBe('IN ACCEPT # phoenix: 1002/qdrant-production, guest:1002');
  });
});

describe('golden files from the homelab firewall', () => {
  const fw = homelabFirewall();

  it('cluster.fw', async () => {
    const content = mergePveFile(
      undefined,
      { options: policyOptions(fw.cluster.policy), rules: fw.cluster.rules },
      header,
    );
    await expect(content).toMatchFileSnapshot('../fixtures/golden/firewall/cluster.fw');
  });

  it.each(fw.guests.map((g) => [g.guest.id, g] as const))('%s.fw', async (id, g) => {
    const content = mergePveFile(undefined, { options: policyOptions(g.policy), rules: g.rules }, header);
    await expect(content).toMatchFileSnapshot(`../fixtures/golden/firewall/${id}.fw`);
  });

  it('an operator file merged with the guest rules', async () => {
    const g = fw.guests.find((x) => x.guest.id === 1002)!;
    const merged = mergePveFile(operatorFile, { options: policyOptions(g.policy), rules: g.rules }, header);
    await expect(merged).toMatchFileSnapshot('../fixtures/golden/firewall/1002.merged.fw');
  });
});

/** Lines of `content` that are not Phoenix's rules or the options it manages. */
function foreignLines(content: string): string[] {
  return parsePveFile(content)
    .lines.filter(
      (l) =>
        !l.marked &&
        !(l.kind === 'option' && ['enable', 'policy_in', 'policy_out'].includes(l.option?.key ?? '')),
    )
    .map((l) => l.text);
}

describe('merging into a shared file', () => {
  const g = homelabFirewall().guests.find((x) => x.guest.id === 1002)!;
  const spec = { options: policyOptions(g.policy), rules: g.rules };

  it('keeps every hand-written line byte for byte, in order, over two syncs', () => {
    const once = mergePveFile(operatorFile, spec, header);
    const twice = mergePveFile(once, spec, header);
    expect(twice).toBe(once);
    expect(foreignLines(twice)).toEqual(foreignLines(operatorFile));
    // Untouched bytes: everything before the Phoenix block and the whole tail are identical.
    expect(twice.startsWith(operatorFile.slice(0, operatorFile.indexOf('enable: 0')))).toBe(true);
    expect(twice.endsWith(operatorFile.slice(operatorFile.indexOf('\n[group webservers]')))).toBe(true);
  });

  it('sets only the options it manages, in place, and adds missing ones at the end of [OPTIONS]', () => {
    const merged = mergePveFile(
      '[OPTIONS]\nenable: 1\nlog_level_in: info\n',
      { options: policyOptions(policy), rules: [] },
      header,
    );
    expect(merged).toBe('[OPTIONS]\nenable: 1\nlog_level_in: info\npolicy_in: DROP\npolicy_out: ACCEPT\n');
    const lower = mergePveFile(
      '[OPTIONS]\npolicy_in: drop\n',
      { options: [['policy_in', 'DROP']], rules: [] },
      header,
    );
    expect(lower).toBe('[OPTIONS]\npolicy_in: drop\n'); // pve-firewall reads it the same: left alone
  });

  it('replaces its block where it is and never moves foreign rules before it', () => {
    const live =
      '[RULES]\n\nIN DROP -source 10.9.9.9 # mine\nIN ACCEPT # phoenix: old\nIN ACCEPT -p tcp -dport 1 # mine too\nIN DROP # phoenix: old 2\n';
    const merged = mergePveFile(
      live,
      { options: [], rules: [rule({ direction: 'in', action: 'ACCEPT', proto: 'tcp', dport: '22' })] },
      header,
    );
    expect(merged).toBe(
      '[RULES]\n\nIN DROP -source 10.9.9.9 # mine\nIN ACCEPT -p tcp -dport 22 # phoenix: global\nIN ACCEPT -p tcp -dport 1 # mine too\n',
    );
  });

  it('removing a stack removes only its rules', () => {
    const once = mergePveFile(operatorFile, spec, header);
    const withoutQdrant = {
      ...spec,
      rules: g.rules.filter((r) => !r.origins.includes('1002/qdrant-production')),
    };
    const after = mergePveFile(once, withoutQdrant, header);
    const removed = once.split('\n').filter((l) => !after.split('\n').includes(l));
    expect(removed).toEqual(['IN ACCEPT -source 10.0.0.12 -p tcp -dport 6333:6334 # phoenix: qdrant']);
    expect(foreignLines(after)).toEqual(foreignLines(operatorFile));
  });

  it("strips its rules and keeps the rest, so a file with operator content is never wholly Phoenix's", () => {
    const once = mergePveFile(operatorFile, spec, header);
    const stripped = stripPhoenixRules(once);
    expect(parsePveFile(stripped).lines.some((l) => l.marked)).toBe(false);
    expect(foreignLines(stripped)).toEqual(foreignLines(operatorFile));
    expect(isWhollyPhoenix(once, 'phoenix-lab.internal')).toBe(false);
  });

  it('knows a file it created from nothing as wholly its own, and only for its owner', () => {
    const created = mergePveFile(undefined, spec, header);
    expect(isWhollyPhoenix(created, 'phoenix-lab.internal')).toBe(true);
    expect(isWhollyPhoenix(stripPhoenixRules(created), 'phoenix-lab.internal')).toBe(true);
    expect(isWhollyPhoenix(created, 'someone-else')).toBe(false);
    expect(isWhollyPhoenix(`${created}IN DROP # by hand\n`, 'phoenix-lab.internal')).toBe(false);
  });

  it('appends [RULES] to a file that has none, and keeps a missing final newline of foreign content', () => {
    const merged = mergePveFile(
      '[OPTIONS]\nenable: 1\npolicy_in: DROP\npolicy_out: ACCEPT',
      { options: policyOptions(policy), rules: [rule({ direction: 'in', action: 'DROP' })] },
      header,
    );
    expect(merged).toBe(
      '[OPTIONS]\nenable: 1\npolicy_in: DROP\npolicy_out: ACCEPT\n\n[RULES]\n\nIN DROP # phoenix: global\n',
    );
    expect(mergePveFile('# just a note', { options: [], rules: [] }, header)).toBe('# just a note');
  });
});
