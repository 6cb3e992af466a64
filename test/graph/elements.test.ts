/**
 * A live plan's file changes split into the elements the picture colours, read with the
 * providers' own renderers: the DNS file (both layouts), the Traefik file, PVE firewall files
 * and the nftables table. Each case renders real before/after content from the example.
 */
import { describe, expect, it } from 'vitest';
import type { DesiredState } from '../../src/desired/types.js';
import { elementChanges, hostsOf } from '../../src/engine/graph-elements.js';
import type { Change } from '../../src/plan/change.js';
import { renderDnsFile } from '../../src/providers/dns/provider.js';
import { renderNft } from '../../src/providers/firewall/nft-render.js';
import { emptyEntries } from '../../src/providers/traefik/render.js';
import { renderTraefikFile } from '../../src/providers/traefik/provider.js';
import { exampleDesired } from '../helpers/example.js';

const fileChange = (
  kind: string,
  id: string,
  before: string | undefined,
  after: string | undefined,
): Change => ({
  stage: 'dns',
  kind,
  id,
  action: before === undefined ? 'create' : after === undefined ? 'delete' : 'update',
  label: id,
  ...(before !== undefined ? { before } : {}),
  ...(after !== undefined ? { after } : {}),
});

const summary = (changes: Change[]) =>
  changes.filter((c) => c.action !== 'noop').map((c) => `${c.action} ${c.kind} ${c.id}`);

/** The example (loaded afresh) with `edit` applied. */
function edited(edit: (d: DesiredState) => void): DesiredState {
  const d = exampleDesired();
  edit(d);
  return d;
}

describe('elementChanges', () => {
  it('a DNS file: one change per record that differs, in the hosts and the dnsmasq-conf layouts', () => {
    for (const layout of ['addn-hosts', 'dnsmasq-conf'] as const) {
      const before = edited((d) => (d.settings.dns.layout = layout));
      const after = edited((d) => {
        d.settings.dns.layout = layout;
        d.dns = d.dns.filter((r) => r.name !== 'n8n.lab.internal');
        d.dns.find((r) => r.name === 'step-ca.lab.internal')!.ip = '10.0.0.11';
        d.dns.push({ ...d.dns[0]!, name: 'new.lab.internal', ip: '10.0.0.50' });
      });
      const out = elementChanges([
        fileChange(
          'dns-file',
          '/x/phoenix.hosts',
          renderDnsFile(before, ['1.1.1.1']),
          renderDnsFile(after, ['1.1.1.1']),
        ),
      ]);
      expect(summary(out).sort(), layout).toEqual([
        'create dns-record new.lab.internal',
        'delete dns-record n8n.lab.internal',
        'update dns-record step-ca.lab.internal',
      ]);
      expect(out.find((c) => c.id === 'n8n.lab.internal')?.before).toEqual({ ip: '10.0.0.12' });
      expect(out.filter((c) => c.action === 'noop')).toHaveLength(before.dns.length - 2);
    }
  });

  it('the Traefik file: a route changes when its router or its service does; a deleted one keeps its hosts and origin', () => {
    const before = exampleDesired();
    const after = edited((d) => {
      d.routes.routers = d.routes.routers.filter((r) => r.name !== 'n8n-production-n8n');
      d.routes.services.find((s) => s.name === 'qdrant-production-qdrant')!.urls = ['http://10.0.0.102:7000'];
    });
    const render = (d: DesiredState) => renderTraefikFile(d, emptyEntries(), new Set());
    const out = elementChanges([fileChange('traefik-file', '/x/phoenix.yml', render(before), render(after))]);
    expect(summary(out).sort()).toEqual([
      'delete route n8n-production-n8n',
      'update route qdrant-production-qdrant',
    ]);
    expect(out.find((c) => c.id === 'n8n-production-n8n')?.before).toEqual({
      rule: 'Host(`n8n.lab.internal`)',
      hosts: ['n8n.lab.internal'],
      urls: ['http://10.0.0.103:5678'],
      origin: '1003/n8n-production',
    });
    // A first write: every route is a create.
    const first = elementChanges([fileChange('traefik-file', '/x/phoenix.yml', undefined, render(before))]);
    expect(summary(first)).toHaveLength(before.routes.routers.length);
  });

  it('PVE firewall files: a guest file is its ruleset, cluster.fw the host one, other files nothing', () => {
    const out = elementChanges([
      fileChange('pve-firewall-file', '/etc/pve/firewall/1002.fw', 'a', 'b'),
      fileChange('pve-firewall-file', '/etc/pve/firewall/cluster.fw', undefined, 'b'),
      fileChange('pve-firewall-file', '/etc/pve/firewall/notes.txt', 'a', 'b'),
    ]);
    expect(summary(out)).toEqual(['update firewall-ruleset 1002', 'create firewall-ruleset cluster']);
  });

  it("the nftables table: a guest's chains are its ruleset, the base chains the host's", () => {
    const opts = { table: 'phoenix', ownerId: 'homelab' };
    const before = renderNft(exampleDesired().firewall, opts).listing;
    const after = renderNft(
      edited((d) => {
        d.firewall.guests
          .find((g) => g.guest.id === 1002)!
          .rules.push({
            direction: 'in',
            action: 'ACCEPT',
            proto: 'tcp',
            dport: '9999',
            origins: ['guest:1002'],
          });
      }).firewall,
      opts,
    ).listing;
    const out = elementChanges([fileChange('nft-table', 'inet phoenix', before, after)]);
    expect(summary(out)).toEqual(['update firewall-ruleset 1002']);
    expect(out.map((c) => c.id).sort()).toEqual(['1001', '1002', '1003', '101', '102', 'cluster']);
  });

  it('stacks and environments pass through; a blocked file change marks its elements blocked', () => {
    const stack: Change = {
      stage: 'stacks',
      kind: 'stack',
      id: '1002/x',
      action: 'delete',
      label: 'x',
      blocked: 'prune',
    };
    const out = elementChanges([
      stack,
      { ...fileChange('dns-file', '/x/h', '10.0.0.1 a.lab\n', '10.0.0.2 a.lab\n'), blocked: 'no header' },
    ]);
    expect(out[0]).toBe(stack);
    expect(out[1]).toMatchObject({ kind: 'dns-record', id: 'a.lab', action: 'update', blocked: 'no header' });
  });

  it('hostsOf reads Host and HostSNI matchers', () => {
    expect(hostsOf('Host(`a.lab`) || Host(`b.lab`, `c.lab`)')).toEqual(['a.lab', 'b.lab', 'c.lab']);
    expect(hostsOf('HostSNI(`*`)')).toEqual([]);
    expect(hostsOf('PathPrefix(`/x`)')).toEqual([]);
  });
});
