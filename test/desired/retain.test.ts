/**
 * Departed deployments as an input of derivation (derive's `retain`): a stack that left the
 * config keeps its DNS records, firewall rules and routes while it still runs, and the
 * retention policy shows their removal as one held-back change per file.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/config/diagnostics.js';
import type { LoadedConfig } from '../../src/config/load.js';
import { derive } from '../../src/desired/derive.js';
import type { Change } from '../../src/plan/change.js';
import { holdBackRemovals } from '../../src/plan/retention.js';
import { loadExample } from '../helpers/example.js';

/** The example with n8n no longer assigned to VM 1003. */
function withoutN8n(): LoadedConfig {
  const { config } = loadExample();
  const vm = config.vms.vms.find((v) => v.vmid === 1003)!;
  vm.docker_stacks = vm.docker_stacks!.filter((s) => s !== 'n8n');
  return config;
}

const N8N = '1003/n8n-production';
const facts = (d: ReturnType<typeof derive>) => ({
  dns: d.dns.some((r) => r.name === 'n8n.lab.internal'),
  route: d.routes.routers.some((r) => r.name === 'n8n-production-n8n'),
  rule: d.firewall.guests.find((g) => g.guest.id === 1003)!.rules.some((r) => r.dport === '5678'),
  deployment: d.deployments.some((x) => x.id === N8N),
});

describe('derive with departed deployments to retain', () => {
  it('keeps their DNS record, firewall rule and route, not the deployment itself', () => {
    const config = withoutN8n();
    const diags = new Diagnostics();
    expect(facts(derive(config, diags))).toEqual({
      dns: false,
      route: false,
      rule: false,
      deployment: false,
    });
    const kept = derive(config, diags, { retain: [N8N] });
    expect(diags.hasErrors).toBe(false);
    expect(facts(kept)).toEqual({ dns: true, route: true, rule: true, deployment: false });
    expect(kept.retained).toEqual({ kept: [N8N], lost: [] });
  });

  it('cannot keep what the config no longer knows: a gone folder or VM is lost, with why', () => {
    const config = withoutN8n();
    config.stacks.delete('n8n');
    const d = derive(config, new Diagnostics(), { retain: [N8N, '4242/whoami-production'] });
    expect(facts(d)).toMatchObject({ dns: false, route: false, rule: false });
    expect(d.retained).toEqual({
      kept: [],
      lost: [
        { id: N8N, reason: 'its stack folder or environment is gone' },
        { id: '4242/whoami-production', reason: 'VM 4242 is no longer in the config' },
      ],
    });
  });

  it('drops the retention when the departed entries clash with the config as it is now', () => {
    const config = withoutN8n();
    // A copy of n8n now runs on the same VM and publishes the same host port.
    config.stacks.set('n8n2', config.stacks.get('n8n')!);
    config.vms.vms.find((v) => v.vmid === 1003)!.docker_stacks!.push('n8n2');
    const diags = new Diagnostics();
    const plain = derive(config, diags);
    expect(diags.hasErrors).toBe(false);
    const d = derive(config, diags, { retain: [N8N] });
    expect(d.retained?.kept).toEqual([]);
    expect(d.retained?.lost).toEqual([{ id: N8N, reason: expect.stringMatching(/port/) }]);
    expect(d.dns).toEqual(plain.dns);
    expect(d.firewall).toEqual(plain.firewall);
    // The clash never reaches the config's own diagnostics.
    expect(diags.hasErrors).toBe(false);
  });
});

describe('holdBackRemovals', () => {
  const file = (c: Partial<Change>): Change => ({
    stage: 'dns',
    kind: 'dns-file',
    id: '/etc/hosts.phoenix',
    label: 'dnsmasq file',
    action: 'noop',
    ...c,
  });
  const opts = {
    kept: [N8N],
    why: 'they left the config',
    diff: (_: string, a: string, b: string) => `-${a}+${b}`,
  };

  it('applies the plan with the kept entries and holds back their removal, opt-in', () => {
    const asWritten = [file({ action: 'update', before: 'a n8n', after: 'a' })];
    const withKept = [file({ action: 'noop', before: 'a n8n', after: 'a n8n' })];
    const out = holdBackRemovals(asWritten, withKept, opts);
    expect(out).toEqual([
      withKept[0],
      {
        ...file({ action: 'update', before: 'a n8n', after: 'a' }),
        label: `dnsmasq file: entries of ${N8N}`,
        blocked: 'they left the config',
        optIn: true,
        diff: '-a n8n+a',
      },
    ]);
  });

  it('holds back nothing for a file the kept entries do not change', () => {
    const same = [file({ action: 'update', before: 'a', after: 'a b' })];
    expect(holdBackRemovals(same, same, opts)).toEqual(same);
  });
});
