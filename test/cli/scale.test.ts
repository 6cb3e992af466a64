/**
 * The generated estate (bench/generate.ts): small shapes validate cleanly, and 1,000 VMs ×
 * 5 stacks plan offline to completion. No timing assertions: speed belongs to the benchmark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../../bench/generate.js';
import { elementChanges } from '../../src/engine/graph-elements.js';
import type { JsonReport } from '../../src/output/json-report.js';
import { runCli } from '../helpers/cli.js';
import { removeDir, snapshotTree, tempDir } from '../helpers/root.js';

let parent: string;
beforeAll(() => {
  parent = tempDir('phoenix-scale-');
});
afterAll(() => removeDir(parent));

// Files are split into their elements (records, routes, rulesets) as the graph reads them.
const count = (report: JsonReport, kind: string) =>
  elementChanges(report.changes).filter((c) => c.kind === kind && c.action === 'create').length;

describe('generated estates', () => {
  it('a small shape is valid and plans every resource', async () => {
    const g = generateEstate(`${parent}/small`, { vms: 3, stacksPerVm: 4 });
    expect(g).toMatchObject({ vms: 3, deployments: 12, stacks: ['app0', 'app1', 'app2', 'app3'] });
    const v = await runCli(['validate', '--root', g.root]);
    expect(v.err).not.toMatch(/ (error|warning): /);
    expect(v.code).toBe(0);
    const r = await runCli(['plan', '--offline', '--json', '--root', g.root]);
    const report = JSON.parse(r.out) as JsonReport;
    expect(count(report, 'stack')).toBe(12);
    expect(count(report, 'route')).toBe(12 + 1); // one per deployment, plus the proxy's traefik_service
    expect(count(report, 'environment')).toBe(2); // every VM but the primary is an agent
    expect(count(report, 'firewall-ruleset')).toBe(1 + 3 + 1); // cluster, the VMs, the gateway LXC
    expect(count(report, 'dns-record')).toBe(3 + 2 + 12 + 1 + 2); // VMs, LXCs, routes, proxy, agents
    // One file per target, each a create carrying its content.
    for (const kind of ['dns-file', 'traefik-file'])
      expect(report.changes.filter((c) => c.kind === kind && typeof c.after === 'string')).toHaveLength(1);
  });

  it('is deterministic', () => {
    const a = generateEstate(`${parent}/a`, { vms: 4, stacksPerVm: 2 });
    const b = generateEstate(`${parent}/b`, { vms: 4, stacksPerVm: 2 });
    const strip = (m: Map<string, string>) => [...m].map(([k, v]) => [k, v.split(' ').slice(1).join(' ')]);
    expect(strip(snapshotTree(a.root)).filter(([k]) => !k!.endsWith('/'))).toEqual(
      strip(snapshotTree(b.root)).filter(([k]) => !k!.endsWith('/')),
    );
  });

  it('refuses a shape it cannot lay out', () => {
    expect(() => generateEstate(`${parent}/bad`, { vms: 0, stacksPerVm: 5 })).toThrow(/invalid shape/);
  });

  it('1,000 VMs × 5 stacks: plan --offline --json completes with 5,000 stack changes', async () => {
    const g = generateEstate(`${parent}/large`, { vms: 1000, stacksPerVm: 5 });
    const r = await runCli(['plan', '--offline', '--json', '--root', g.root]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.diagnostics).toEqual([]);
    expect(count(report, 'stack')).toBe(5000);
    expect(count(report, 'route')).toBe(5001);
    expect(count(report, 'environment')).toBe(999);
    expect(count(report, 'firewall-ruleset')).toBe(1002);
    expect(new Set(report.changes.filter((c) => c.kind === 'stack').map((c) => c.id)).size).toBe(5000);
  }, 180_000);
});
