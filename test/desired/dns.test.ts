import { describe, expect, it } from 'vitest';
import { fqdn } from '../../src/desired/dns.js';
import type { DnsRecord } from '../../src/desired/types.js';
import { deriveConfig, loadExample } from '../helpers/example.js';

const byName = (records: DnsRecord[]) => Object.fromEntries(records.map((r) => [r.name, [r.ip, r.why]]));

describe('DNS records of the example', () => {
  const { desired, errors } = deriveConfig(loadExample().config);
  const records = byName(desired.dns);

  it('derives without errors, sorted by name', () => {
    expect(errors).toEqual([]);
    expect(desired.dns.map((r) => r.name)).toEqual([...desired.dns.map((r) => r.name)].sort());
  });

  it.each([
    // guests with a static IP
    ['phoenix-primary.lab.internal', '10.0.0.101', 'guest'],
    ['ai-worker.lab.internal', '10.0.0.102', 'guest'],
    ['gateway.lab.internal', '10.0.0.11', 'guest'],
    ['traefik.lab.internal', '10.0.0.12', 'guest'],
    // routed hosts and traefik_service → the gateway
    ['grafana.lab.internal', '10.0.0.12', 'route'],
    ['whoami-staging.lab.internal', '10.0.0.12', 'route'],
    ['proxy.lab.internal', '10.0.0.12', 'route'],
    // Portainer agents → their VM
    ['ai-worker-agent.lab.internal', '10.0.0.102', 'agent'],
    ['services-agent.lab.internal', '10.0.0.103', 'agent'],
    // explicit
    ['step-ca.lab.internal', '10.0.0.10', 'explicit'],
  ])('%s → %s (%s)', (name, ip, why) => {
    expect(records[name]).toEqual([ip, why]);
  });

  it('has no record for a DHCP guest', () => {
    expect(Object.keys(records).some((n) => n.startsWith('ubuntu-template'))).toBe(false);
    expect(desired.dns).toHaveLength(18);
  });
});

describe('DNS: variations', () => {
  it('lower-cases guest names', () => {
    const { config } = loadExample();
    config.vms.vms[0]!.name = 'Phoenix-Primary';
    expect(byName(deriveConfig(config).desired.dns)['phoenix-primary.lab.internal']).toEqual([
      '10.0.0.101',
      'guest',
    ]);
  });

  it('routes resolve to sync.gateway_ip', () => {
    const { config } = loadExample();
    config.global.sync!.gateway_ip = '10.0.0.99';
    expect(byName(deriveConfig(config).desired.dns)['n8n.lab.internal']).toEqual(['10.0.0.99', 'route']);
  });

  it('the same name to the same address twice is one record', () => {
    const { config } = loadExample();
    config.vms.vms[0]!.dns_records = [{ hostname: 'grafana', ip: '10.0.0.12' }];
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    expect(desired.dns.filter((r) => r.name === 'grafana.lab.internal')).toHaveLength(1);
  });

  it('one name to two addresses is an error naming both', () => {
    const { config } = loadExample();
    config.vms.vms[0]!.dns_records = [{ hostname: 'grafana.lab.internal', ip: '10.0.0.50' }];
    const { diags } = deriveConfig(config);
    expect(diags.errors).toEqual([
      expect.objectContaining({
        code: 'dns-conflict',
        message: 'grafana.lab.internal would point to 10.0.0.50 (explicit) and to 10.0.0.12 (route)',
      }),
    ]);
    expect(diags.errors[0]?.hint).toMatch(/stacks\/monitoring\/phoenix\.json:12:13/);
  });

  it('routes without a gateway are an error; an invalid gateway is reported once', () => {
    const { config } = loadExample();
    delete config.global.sync!.gateway_ip;
    expect(deriveConfig(config).errors).toEqual(['routes exist but sync.gateway_ip is not set']);
    config.global.sync!.gateway_ip = 'traefik';
    expect(deriveConfig(config).errors).toEqual(['sync.gateway_ip "traefik" is not an IP address']);
  });

  it.each([
    ['grafana', 'lab.internal', 'grafana.lab.internal'],
    ['Grafana.', 'lab.internal', 'grafana.lab.internal'],
    ['ca.other.zone', 'lab.internal', 'ca.other.zone'],
  ])('fqdn(%s, %s) = %s', (name, domain, want) => {
    expect(fqdn(name, domain)).toBe(want);
  });
});
