/**
 * A sync of some targets runs only the readiness checks those targets need: `sync dns`
 * does not need Portainer (nor Traefik, nor Step-CA). Pure table over `checksFor`, then the
 * real thing: the homelab with its Portainer double stopped still syncs DNS and firewall.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checksFor } from '../../src/engine/checks.js';
import { STAGES, type Stage } from '../../src/plan/change.js';
import { startHomelab } from '../rig/homelab.js';
import { explain, phoenixJson } from '../e2e/harness.js';
import { desired, settings } from '../files/fixture.js';

const estate = desired({
  settings: settings({
    step_ca_url: 'https://ca.lab.test:9000',
    traefik: { ping_url: 'http://10.0.0.2:8082/ping' },
    checks: [{ name: 'nas', kind: 'tcp', host: '10.0.0.9', port: 2049 }],
  }),
  environments: [
    {
      name: 'agent1',
      url: 'tcp://agent1.lab.test:9001',
      vmid: 1002,
      source: { file: 'x', line: 1, column: 1 },
    },
  ],
});
const names = (stages: readonly Stage[]) =>
  checksFor(estate, 'https://10.0.0.101:9443', '10.0.0.53', stages).map((c) => c.name);

describe('the checks each target needs', () => {
  it.each<[string, Stage[], string[]]>([
    ['dns', ['dns'], ['dns', 'nas']],
    ['firewall', ['firewall'], ['nas']],
    ['traefik', ['traefik'], ['traefik', 'step-ca', 'nas']],
    ['endpoints', ['endpoints'], ['portainer', 'dns', 'step-ca', 'nas']],
    ['stacks', ['stacks'], ['portainer', 'dns', 'step-ca', 'nas']],
    ['stack <name> to <vmid>', ['endpoints', 'stacks'], ['portainer', 'dns', 'step-ca', 'nas']],
    ['all', [...STAGES], ['portainer', 'dns', 'traefik', 'step-ca', 'nas']],
  ])('sync %s', (_target, stages, want) => {
    expect(names(stages)).toEqual(want);
  });

  it('without stages (phoenix check) every check runs', () => {
    expect(checksFor(estate, 'https://10.0.0.101:9443', '10.0.0.53').map((c) => c.name)).toEqual([
      'portainer',
      'dns',
      'traefik',
      'step-ca',
      'nas',
    ]);
  });
});

describe('with Portainer down', () => {
  it('sync dns and sync firewall still run; sync all stops at its checks (exit 3)', async () => {
    const h = await startHomelab();
    try {
      await h.double.stop();
      const dns = await phoenixJson(h, ['sync', 'dns', '--yes']);
      expect(dns.code, explain(dns)).toBe(0);
      expect(dns.report.checks.map((c) => `${c.name} ${c.ok}`)).toEqual(['dns true']);
      expect(dns.report.results.map((r) => `${r.stage} ${r.action} ${r.status}`)).toEqual(['dns create ok']);
      // The records it wrote answer (the first line after the header, as an example).
      const [ip, name] = readFileSync(h.paths.hosts, 'utf8').split('\n')[1]!.split(' ');
      expect(await h.dns!.resolve4(name!)).toEqual([ip]);

      const fw = await phoenixJson(h, ['sync', 'firewall', '--yes']);
      expect(fw.code, explain(fw)).toBe(0);
      expect(fw.report.checks).toEqual([]);

      const all = await phoenixJson(h, ['sync', 'all', '--yes']);
      expect(all.code, explain(all)).toBe(3);
      expect(all.report.checks.find((c) => c.name === 'portainer')?.ok).toBe(false);
    } finally {
      await h.stop();
    }
  });
});
