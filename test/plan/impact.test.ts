import { describe, expect, it } from 'vitest';
import { IMPACT_READERS } from '../../src/engine/impact-readers.js';
import { formatPlan } from '../../src/output/plan-text.js';
import { renderDnsmasqConf, renderHosts } from '../../src/providers/dns/render.js';
import type { Change } from '../../src/plan/change.js';
import { impactOf, withImpacts } from '../../src/plan/impact.js';

const change = (c: Partial<Change> & Pick<Change, 'kind' | 'action'>): Change => ({
  stage: 'firewall',
  id: 'x',
  label: 'x',
  ...c,
});
const impact = (c: Parameters<typeof change>[0]) => impactOf(change(c), IMPACT_READERS);

const pve = (rules: string[], options: string[] = ['enable: 1', 'policy_in: DROP']) =>
  ['[OPTIONS]', ...options, '', '[RULES]', ...rules, ''].join('\n');
const nft = (input: string[], guest: string[] = ['drop']) =>
  [
    'table inet phoenix {',
    '\tchain input {',
    ...['type filter hook input priority filter; policy drop;', ...input].map((l) => `\t\t${l}`),
    '\t}',
    '\tchain output {',
    '\t\ttype filter hook output priority filter; policy accept;',
    '\t\ttcp dport 25 accept',
    '\t}',
    '\tchain guest_1001_in {',
    ...guest.map((l) => `\t\t${l}`),
    '\t}',
    '}',
    '',
  ].join('\n');

describe('impact labels', () => {
  it('labels a stack redeploy replace, any delete deletes, and creates and noops nothing', () => {
    expect(impact({ kind: 'stack', stage: 'stacks', action: 'update' })).toBe('replace');
    expect(impact({ kind: 'stack', stage: 'stacks', action: 'create' })).toBeUndefined();
    expect(impact({ kind: 'stack', stage: 'stacks', action: 'delete' })).toBe('deletes');
    expect(impact({ kind: 'dns-file', stage: 'dns', action: 'delete', before: 'a' })).toBe('deletes');
    expect(impact({ kind: 'environment', stage: 'endpoints', action: 'create' })).toBeUndefined();
    expect(impact({ kind: 'stack', stage: 'stacks', action: 'noop' })).toBeUndefined();
  });

  it('PVE firewall: a new inbound accept, an inbound policy of ACCEPT or the firewall off opens access; narrowing does not', () => {
    const ssh = '|IN SSH(ACCEPT) -source 10.0.0.0/24 # off';
    const base = ['IN SSH(ACCEPT) -source 10.0.0.0/24 # phoenix: ssh', 'OUT ACCEPT -dest 10.0.0.1'];
    const upd = (before: string, after: string) =>
      impact({ kind: 'pve-firewall-file', action: 'update', before, after });
    // A new port, a wider source, a disabled rule turned on: more gets in.
    expect(upd(pve(base), pve([...base, 'IN ACCEPT -p tcp -dport 443']))).toBe('opens-access');
    expect(upd(pve(base), pve(['IN SSH(ACCEPT) -source 0.0.0.0/0', base[1]!]))).toBe('opens-access');
    expect(upd(pve([ssh]), pve([ssh.slice(1)]))).toBe('opens-access');
    expect(upd(pve(base), pve(base, ['enable: 1', 'policy_in: ACCEPT']))).toBe('opens-access');
    expect(upd(pve(base), pve(base, ['enable: 0', 'policy_in: DROP']))).toBe('opens-access');
    // Removing a rule, an outbound rule, a drop rule, a comment: nothing more gets in.
    expect(upd(pve(base), pve([base[0]!]))).toBeUndefined();
    expect(upd(pve(base), pve([...base, 'OUT ACCEPT -dest 10.0.0.2']))).toBeUndefined();
    expect(upd(pve(base), pve([...base, 'IN DROP -source 10.9.0.0/16']))).toBeUndefined();
    expect(
      upd(pve(base), pve(['IN SSH(ACCEPT) -source 10.0.0.0/24 # phoenix: renamed', base[1]!])),
    ).toBeUndefined();
    expect(upd(pve(base), pve(base, ['enable: 1', 'policy_in: REJECT']))).toBeUndefined();
    // A firewall file that did not exist filtered nothing: a new one only narrows.
    expect(impact({ kind: 'pve-firewall-file', action: 'create', after: pve(base) })).toBeUndefined();
    expect(
      impact({ kind: 'nft-table', action: 'create', after: nft(['tcp dport 443 accept']) }),
    ).toBeUndefined();
  });

  it('nftables: accepts added to the input or a guest inbound chain open access; output and removals do not', () => {
    const upd = (before: string, after: string) =>
      impact({ kind: 'nft-table', action: 'update', before, after });
    const before = nft(['ip saddr 10.0.0.0/24 tcp dport 22 accept comment "phoenix: ssh"']);
    expect(upd(before, nft(['ip saddr 10.0.0.0/24 tcp dport 22 accept', 'tcp dport 443 accept']))).toBe(
      'opens-access',
    );
    expect(upd(before, nft(['ip saddr 10.0.0.0/24 tcp dport 22 accept'], ['accept']))).toBe('opens-access');
    expect(upd(before, before.replace('policy drop', 'policy accept'))).toBe('opens-access');
    expect(upd(before, nft([]))).toBeUndefined();
    expect(upd(before, nft(['ip saddr 10.0.0.0/24 tcp dport 22 accept comment "renamed"']))).toBeUndefined();
    expect(upd(before, before.replace('tcp dport 25 accept', 'tcp dport 587 accept'))).toBeUndefined();
  });

  it('DNS: a name that goes is removes-name (both layouts); an address change or a new name is not', () => {
    const hosts = (r: { name: string; ip: string }[]) => renderHosts(r);
    const conf = (r: { name: string; ip: string }[]) =>
      renderDnsmasqConf(r, { domain: 'lab', upstreams: [] });
    const a = { name: 'a.lab', ip: '10.0.0.1' };
    const b = { name: 'b.lab', ip: '10.0.0.2' };
    for (const render of [hosts, conf]) {
      const upd = (x: (typeof a)[], y: (typeof a)[]) =>
        impact({ kind: 'dns-file', stage: 'dns', action: 'update', before: render(x), after: render(y) });
      expect(upd([a, b], [a])).toBe('removes-name');
      expect(upd([a], [a, b])).toBeUndefined();
      expect(upd([a], [{ ...a, ip: '10.0.0.9' }])).toBeUndefined();
    }
  });

  it('Traefik: a router that goes is removes-route, HTTP and TCP apart', () => {
    const file = (http: string[], tcp: string[] = []) =>
      [
        'http:',
        '  routers:',
        ...http.map((n) => `    ${n}:\n      rule: Host(\`${n}.lab\`)\n      service: s`),
        '  services:',
        '    s:',
        '      loadBalancer:',
        '        servers:',
        '          - url: http://10.0.0.1:80',
        ...(tcp.length
          ? [
              'tcp:',
              '  routers:',
              ...tcp.map((n) => `    ${n}:\n      rule: HostSNI(\`*\`)\n      service: t`),
              '  services:',
              '    t:',
              '      loadBalancer:',
              '        servers:',
              '          - address: 10.0.0.1:5432',
            ]
          : []),
        '',
      ].join('\n');
    const upd = (before: string, after: string) =>
      impact({ kind: 'traefik-file', stage: 'traefik', action: 'update', before, after });
    expect(upd(file(['a', 'b']), file(['a']))).toBe('removes-route');
    expect(upd(file(['a'], ['a']), file(['a']))).toBe('removes-route');
    expect(upd(file(['a']), file(['a'], ['a']))).toBeUndefined();
    expect(upd(file(['a']), file(['a', 'b']))).toBeUndefined();
  });

  it('is shown beside the change in the human plan, with a count of what a sync would apply', () => {
    const changes = withImpacts(
      [
        change({ kind: 'stack', stage: 'stacks', action: 'update', label: 'qdrant-prod on vm 1002' }),
        change({
          kind: 'stack',
          stage: 'stacks',
          action: 'delete',
          label: 'old on vm 1002',
          blocked: 'no --prune',
        }),
      ],
      IMPACT_READERS,
    );
    expect(changes.map((c) => c.impact)).toEqual(['replace', 'deletes']);
    const text = formatPlan(changes, { color: false, verbose: false, width: 100 });
    expect(text).toContain('~ qdrant-prod on vm 1002 [replace]');
    expect(text).toContain('! old on vm 1002 [deletes]');
    // The held-back delete is not counted: the sync would not do it.
    expect(text).toContain('Impact: 1 replace.');
  });
});
