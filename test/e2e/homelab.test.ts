/**
 * `phoenix sync all` end to end on examples/homelab (issue 5): a real dnsmasq on loopback,
 * PVE firewall files and a Traefik file in a temp dir, and the Portainer test double. The
 * runs build on each other like an operator's day: first run, idle run, one edit, a stack
 * leaving a VM (held back), then --prune.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTraefikFile } from '../../src/providers/traefik/provider.js';
import { deriveConfig, loadExample } from '../helpers/example.js';
import { editJson, replaceIn } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import {
  changedFiles,
  doubleStacks,
  explain,
  fwFile,
  pending,
  phoenix,
  phoenixJson,
  routeUrls,
  traefikFile,
} from './harness.js';
import { join } from 'node:path';

describe('sync all on examples/homelab', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the first run creates everything', async () => {
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(
      r.report.results.every((x) => x.status === 'ok'),
      explain(r),
    ).toBe(true);
    expect(r.report.stages.map((s) => `${s.stage}:${s.status}`).sort()).toEqual(
      ['checks:ok', 'dns:ok', 'endpoints:ok', 'firewall:ok', 'stacks:ok', 'traefik:ok'].sort(),
    );

    // Every derived DNS record answers through the real dnsmasq.
    const { config } = loadExample(h.root, h.env);
    const { desired } = deriveConfig(config);
    expect(desired.dns.length).toBeGreaterThan(10);
    for (const rec of desired.dns) expect(await h.dns!.resolve4(rec.name), rec.name).toEqual([rec.ip]);
    expect(await h.dns!.resolve4('n8n.lab.internal')).toEqual(['10.0.0.12']);
    expect(await h.dns!.resolve4('ai-worker-agent.lab.internal')).toEqual(['10.0.0.102']);
    expect(h.dns!.calls.hup).toBe(1);

    // One PVE file per guest with rules, plus the cluster file.
    for (const f of ['cluster.fw', '1001.fw', '1002.fw', '1003.fw', '101.fw', '102.fw'])
      expect(fwFile(h, f)).toContain('# phoenix:');
    expect(fwFile(h, '1002.fw')).toMatch(
      /IN ACCEPT -source 10\.0\.0\.12 -p tcp -dport 6333 # phoenix: Qdrant from Traefik/,
    );
    expect(fwFile(h, '1003.fw')).toMatch(/-dport 5678 # phoenix: n8n from Traefik/);
    expect(fwFile(h, 'cluster.fw')).toMatch(/policy_in: DROP/);

    // The Traefik file validates and routes every stack (Portainer's own route included).
    expect(checkTraefikFile(readFileSync(h.paths.traefik, 'utf8'))).toEqual([]);
    expect(routeUrls(h)).toMatchObject({
      'n8n-production-n8n': ['http://10.0.0.103:5678'],
      'whoami-production-whoami': ['http://10.0.0.102:8081'],
      'whoami-staging-whoami': ['http://10.0.0.103:8082'],
      'open-webui-production-chat': ['http://10.0.0.102:3001'],
      'guest-proxy': ['http://10.0.0.12:8080'],
    });
    expect(traefikFile(h).http.routers['n8n-production-n8n']?.rule).toBe('Host(`n8n.lab.internal`)');

    // Two Agent environments, six stacks; Portainer's own stack is held back, not deployed.
    const agents = h.double.model.endpoints.filter((e) => e.Type === 2).map((e) => `${e.Name} ${e.URL}`);
    expect(agents.sort()).toEqual([
      'ai-worker tcp://ai-worker-agent.lab.internal:9001',
      'services tcp://services-agent.lab.internal:9001',
    ]);
    expect(doubleStacks(h)).toEqual({
      'ai-worker': ['open-webui-production', 'qdrant-production', 'whoami-production'],
      services: ['monitoring-production', 'n8n-production', 'whoami-staging'],
    });
    const portainer = r.report.changes.find((c) => c.id === '1001/portainer-production');
    expect(portainer?.blocked).toMatch(/runs Portainer itself/);
    expect(r.report.results.find((x) => x.id === '1001/portainer-production')).toBeUndefined();
    expect(h.double.violations).toEqual([]);
  });

  it('the second run changes nothing: zero writes, zero file writes, zero reloads', async () => {
    h.double.resetCounters();
    const files = h.snapshot();
    const hups = h.dns!.calls.hup;
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(r.report.summary).toMatchObject({ create: 0, update: 0, delete: 0, failed: 0 });
    expect(r.report.results).toEqual([]);
    expect(h.double.counts().writes).toBe(0);
    expect(changedFiles(files, h.snapshot())).toEqual([]);
    expect(h.dns!.calls.hup).toBe(hups);
    expect(h.double.model.stacks.every((s) => s.deploys === 1)).toBe(true);

    // And the text renderer says so.
    const text = await phoenix(h, ['sync', 'all', '--yes']);
    expect(text.code, explain(text)).toBe(0);
    expect(text.out).toMatch(/Plan: 0 to create, 0 to update, 0 to delete, \d+ unchanged/);
    expect(h.double.counts().writes).toBe(0);
  });

  it("editing one stack's compose changes exactly that stack and its route", async () => {
    replaceIn(h.root, 'stacks/n8n/docker-compose.yml', '"5678:5678"', '"5679:5678"');
    const deploysBefore = new Map(h.double.model.stacks.map((s) => [s.Name, s.deploys]));
    h.double.resetCounters();
    const files = h.snapshot();
    const hups = h.dns!.calls.hup;

    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(pending(r.report).map((c) => `${c.stage} ${c.action} ${c.id}`)).toEqual([
      'stacks update 1003/n8n-production',
      `traefik update ${h.paths.traefik}`,
    ]);
    // A redeploy is labelled; a route whose backend port changes removes nothing.
    expect(pending(r.report).map((c) => c.impact)).toEqual(['replace', undefined]);
    expect(h.double.counts()).toMatchObject({
      writes: 1,
      byRoute: expect.objectContaining({ 'PUT /stacks/{id}': 1 }),
    });
    for (const s of h.double.model.stacks)
      expect(s.deploys, s.Name).toBe(
        (deploysBefore.get(s.Name) ?? 0) + (s.Name === 'n8n-production' ? 1 : 0),
      );
    expect(h.double.model.stacks.find((s) => s.Name === 'n8n-production')?.file).toContain('5679:5678');

    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5679']);
    // Only the Traefik file (and its one backup) was written; DNS was not reloaded.
    expect(
      changedFiles(files, h.snapshot()).every((f) => f.startsWith(join(h.dir, 'targets', 'traefik'))),
    ).toBe(true);
    expect(changedFiles(files, h.snapshot())).toContain(h.paths.traefik);
    expect(h.dns!.calls.hup).toBe(hups);
    expect(h.double.violations).toEqual([]);
  });

  it('a stack removed from a VM is planned for deletion with its DNS, firewall and route, but held back', async () => {
    editJson(join(h.root, 'etc', 'phoenix_vm_configs.json'), (c) => {
      const vm = c.vms.find((v: { vmid: number }) => v.vmid === 1003);
      vm.docker_stacks = vm.docker_stacks.filter((s: unknown) => s !== 'n8n');
    });
    h.double.resetCounters();
    const files = h.snapshot();
    const hups = h.dns!.calls.hup;

    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(pending(r.report)).toEqual([]);
    const held = r.report.changes.filter((c) => c.blocked && c.id !== '1001/portainer-production');
    expect(held.map((c) => `${c.stage} ${c.action}`).sort()).toEqual([
      'dns update',
      'firewall update',
      'stacks delete',
      'traefik update',
    ]);
    expect(held.find((c) => c.stage === 'stacks')?.id).toBe('1003/n8n-production');
    expect(held.find((c) => c.stage === 'firewall')?.id).toBe(join(h.paths.pveDir, '1003.fw'));
    for (const c of held) expect(c.blocked, `${c.stage} ${c.id}`).toMatch(/--prune/);
    expect(held.find((c) => c.stage === 'dns')?.diff).toMatch(/^-10\.0\.0\.12 n8n\.lab\.internal$/m);
    // What each held-back change would do, were it applied.
    expect(Object.fromEntries(held.map((c) => [c.stage, c.impact]))).toEqual({
      dns: 'removes-name',
      firewall: undefined,
      stacks: 'deletes',
      traefik: 'removes-route',
    });

    // Nothing of it is applied.
    expect(h.double.counts().writes).toBe(0);
    expect(changedFiles(files, h.snapshot())).toEqual([]);
    expect(h.dns!.calls.hup).toBe(hups);
    expect(doubleStacks(h).services).toContain('n8n-production');
    expect(await h.dns!.resolve4('n8n.lab.internal')).toEqual(['10.0.0.12']);

    // The human plan shows them as held back.
    const text = await phoenix(h, ['sync', 'all', '--dry-run']);
    expect(text.code, explain(text)).toBe(0);
    expect(text.out).toMatch(
      /! n8n-production on services \(vm 1003\)|! n8n-production in environment services/,
    );
    expect(text.out).toMatch(/held back: .*--prune/);
  });

  it('other changes to the same files apply while the departed entries stay', async () => {
    editJson(
      join(h.root, 'etc', 'phoenix_lxc_configs.json'),
      (c) => void c.lxc_configs['103'].dns_records.push({ hostname: 'nas', ip: '10.0.0.5' }),
    );
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(pending(r.report).map((c) => `${c.stage} ${c.action}`)).toEqual(['dns update']);
    expect(await h.dns!.resolve4('nas.lab.internal')).toEqual(['10.0.0.5']);
    expect(await h.dns!.resolve4('n8n.lab.internal')).toEqual(['10.0.0.12']);
    expect(r.report.changes.filter((c) => c.blocked && c.stage === 'dns')).toHaveLength(1);
  });

  it('--prune removes the stack, its DNS record, its firewall rule and its route', async () => {
    h.double.resetCounters();
    const r = await phoenixJson(h, ['sync', 'all', '--yes', '--prune']);
    expect(r.code, explain(r)).toBe(0);
    expect(
      pending(r.report)
        .map((c) => `${c.stage} ${c.action}`)
        .sort(),
    ).toEqual(['dns update', 'firewall update', 'stacks delete', 'traefik update']);

    expect(await h.dns!.resolve4('n8n.lab.internal')).toEqual([]);
    expect(await h.dns!.resolve4('whoami.lab.internal')).toEqual(['10.0.0.12']);
    expect(fwFile(h, '1003.fw')).not.toMatch(/n8n/);
    expect(fwFile(h, '1003.fw')).toMatch(/-dport 3000 # phoenix: Grafana from Traefik/);
    expect(traefikFile(h).http.routers['n8n-production-n8n']).toBeUndefined();
    expect(traefikFile(h).http.services['n8n-production-n8n']).toBeUndefined();
    expect(checkTraefikFile(readFileSync(h.paths.traefik, 'utf8'))).toEqual([]);
    expect(doubleStacks(h).services).toEqual(['monitoring-production', 'whoami-staging']);
    expect(h.double.counts().byRoute['DELETE /stacks/{id}']).toBe(1);

    // And then it is converged again.
    h.double.resetCounters();
    const again = await phoenixJson(h, ['sync', 'all', '--yes', '--prune']);
    expect(again.code, explain(again)).toBe(0);
    expect(pending(again.report)).toEqual([]);
    expect(h.double.counts().writes).toBe(0);
    expect(h.double.violations).toEqual([]);
  });
});
