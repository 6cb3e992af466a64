/**
 * Targets and filters: a filter narrows the plan and never causes a prune of
 * what it filtered out; `sync stack <name> to <vmid>` deploys that one deployment; a filter
 * that names nothing is invalid input (exit 1), not a silent no-op.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editJson, replaceIn } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { changedFiles, doubleStacks, explain, pending, phoenix, phoenixJson, routeUrls } from './harness.js';

const fileOf = (h: Homelab, name: string) => h.double.model.stacks.find((s) => s.Name === name)?.file ?? '';

describe('sync stacks --vm', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
    const first = await phoenixJson(h, ['sync', 'all', '--yes']);
    if (first.code !== 0) throw new Error(`the estate does not converge: ${explain(first)}`);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("touches only that VM's stacks, and --prune prunes only there", async () => {
    // Pending on both VMs: whoami changes (1002 and 1003), qdrant leaves 1002, n8n leaves 1003.
    replaceIn(h.root, 'stacks/whoami/docker-compose.yml', 'traefik/whoami:v1.10', 'traefik/whoami:v1.11');
    editJson(join(h.root, 'etc', 'phoenix_vm_configs.json'), (c) => {
      for (const vm of c.vms)
        if (vm.docker_stacks)
          vm.docker_stacks = vm.docker_stacks.filter((s: unknown) => s !== 'qdrant' && s !== 'n8n');
    });
    h.double.resetCounters();
    const files = h.snapshot();

    const r = await phoenixJson(h, ['sync', 'stacks', '--yes', '--vm', '1002', '--prune']);
    expect(r.code, explain(r)).toBe(0);
    expect(
      pending(r.report)
        .map((c) => `${c.action} ${c.id}`)
        .sort(),
    ).toEqual(['delete 1002/qdrant-production', 'update 1002/whoami-production']);
    expect(r.report.changes.every((c) => c.stage === 'stacks')).toBe(true);
    expect(r.report.changes.some((c) => c.id.startsWith('1003/') || c.id.startsWith('1001/'))).toBe(false);

    expect(doubleStacks(h)).toEqual({
      'ai-worker': ['open-webui-production', 'whoami-production'],
      services: ['monitoring-production', 'n8n-production', 'whoami-staging'],
    });
    expect(fileOf(h, 'whoami-production')).toContain('whoami:v1.11');
    expect(fileOf(h, 'whoami-staging')).toContain('whoami:v1.10');
    expect(h.double.counts().byRoute).toMatchObject({ 'PUT /stacks/{id}': 1, 'DELETE /stacks/{id}': 1 });
    expect(h.double.counts().writes).toBe(2);
    // Only the stacks stage ran: no file was written.
    expect(changedFiles(files, h.snapshot())).toEqual([]);
  });

  it('--env narrows to the deployments of that environment and never deletes', async () => {
    h.double.resetCounters();
    const r = await phoenixJson(h, ['sync', 'stacks', '--yes', '--env', 'staging', '--prune']);
    expect(r.code, explain(r)).toBe(0);
    expect(pending(r.report).map((c) => `${c.action} ${c.id}`)).toEqual(['update 1003/whoami-staging']);
    expect(fileOf(h, 'whoami-staging')).toContain('whoami:v1.11');
    expect(doubleStacks(h).services).toContain('n8n-production');
    expect(h.double.counts().writes).toBe(1);
  });
});

describe('sync stack <name> to <vmid>', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('deploys only that stack to that VM (and its environment first)', async () => {
    const files = h.snapshot();
    const r = await phoenixJson(h, ['sync', 'stack', 'whoami', 'to', '1003', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(r.report.command).toBe('sync stack whoami to 1003');
    expect(pending(r.report).map((c) => `${c.stage} ${c.action} ${c.id}`)).toEqual([
      'endpoints create services',
      'stacks create 1003/whoami-staging',
    ]);
    expect(doubleStacks(h)).toEqual({ services: ['whoami-staging'] });
    expect(h.double.model.endpoints.map((e) => e.Name).sort()).toEqual(['local', 'services']);
    expect(changedFiles(files, h.snapshot())).toEqual([]);
  });

  it('a stack the VM does not run is invalid input, with a clear message', async () => {
    h.double.resetCounters();
    const r = await phoenix(h, ['sync', 'stack', 'qdrant', 'to', '1003', '--yes']);
    expect(r.code, explain(r)).toBe(1);
    expect(r.err).toMatch(
      /error: stack qdrant is not assigned to vm 1003 \(services\): qdrant is deployed on vm 1002 \(ai-worker, production\)/,
    );
    expect(r.err).toMatch(/hint: to deploy it there, add "qdrant" to that VM's docker_stacks/);
    expect(h.double.counts().total).toBe(0);
  });

  it.each([
    [['sync', 'stack', 'nope', 'to', '1003'], /no stack named "nope" under stacks\//],
    [['sync', 'stack', 'scratch', 'to', '1003'], /stack scratch is not assigned to vm 1003/],
    [['sync', 'stacks', '--vm', '4242'], /--vm 4242: no VM with that vmid/],
    [['sync', 'stacks', '--env', 'qa'], /--env qa: no stack is deployed in an environment of that name/],
    [['sync', 'stack', 'qdrant', 'to', 'vm1003'], /usage: phoenix sync stack <name> to <vmid>/],
    [['sync', 'everything'], /unknown sync target "everything"/],
  ])('%j is refused with exit 1', async (argv, message) => {
    h.double.resetCounters();
    const r = await phoenix(h, argv);
    expect(r.code, explain(r)).toBe(1);
    expect(r.err).toMatch(message);
    expect(h.double.counts().total).toBe(0);
  });
});

describe('a filter never prunes the DNS records, firewall rules and routes of what it filtered out', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
    const first = await phoenixJson(h, ['sync', 'all', '--yes']);
    if (first.code !== 0) throw new Error(`the estate does not converge: ${explain(first)}`);
    // qdrant leaves VM 1002 and n8n leaves VM 1003.
    editJson(join(h.root, 'etc', 'phoenix_vm_configs.json'), (c) => {
      for (const vm of c.vms)
        if (vm.docker_stacks)
          vm.docker_stacks = vm.docker_stacks.filter((s: unknown) => s !== 'qdrant' && s !== 'n8n');
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const n8nIsThere = async () => {
    expect(doubleStacks(h).services).toContain('n8n-production');
    expect(await h.dns!.resolve4('n8n.lab.internal')).toEqual(['10.0.0.12']);
    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5678']);
    expect(readFileSync(join(h.paths.pveDir, '1003.fw'), 'utf8')).toMatch(
      /-dport 5678 # phoenix: n8n from Traefik/,
    );
  };

  it('without --prune, a filtered run keeps the entries of stacks that left the config outside it', async () => {
    h.double.resetCounters();
    const files = h.snapshot();
    for (const argv of [
      ['sync', 'all', '--yes', '--vm', '1002'],
      ['sync', 'all', '--yes', '--stack', 'whoami'],
      ['sync', 'dns', '--yes'],
      ['sync', 'traefik', '--yes'],
    ]) {
      const r = await phoenixJson(h, argv);
      expect(r.code, `${argv.join(' ')}: ${explain(r)}`).toBe(0);
      expect(pending(r.report), argv.join(' ')).toEqual([]);
    }
    expect(changedFiles(files, h.snapshot())).toEqual([]);
    expect(h.double.counts().writes).toBe(0);
    await n8nIsThere();
  });

  it('--prune with --vm removes what it deletes on that VM, and keeps the rest', async () => {
    const r = await phoenixJson(h, ['sync', 'all', '--yes', '--vm', '1002', '--prune']);
    expect(r.code, explain(r)).toBe(0);
    expect(
      pending(r.report)
        .map((c) => `${c.stage} ${c.action}`)
        .sort(),
    ).toEqual(['dns update', 'firewall update', 'stacks delete', 'traefik update']);
    const held = r.report.changes.filter((c) => c.blocked && c.stage !== 'stacks');
    expect(held.map((c) => c.stage).sort()).toEqual(['dns', 'traefik']);
    for (const c of held) expect(c.blocked).toMatch(/not deleted in this run/);

    expect(doubleStacks(h)['ai-worker']).not.toContain('qdrant-production');
    expect(await h.dns!.resolve4('qdrant.lab.internal')).toEqual([]);
    expect(routeUrls(h)['qdrant-production-qdrant']).toBeUndefined();
    expect(readFileSync(join(h.paths.pveDir, '1002.fw'), 'utf8')).not.toMatch(/Qdrant/);
    await n8nIsThere();
  });

  it('--prune with --vm of the other VM removes the rest', async () => {
    const r = await phoenixJson(h, ['sync', 'all', '--yes', '--vm', '1003', '--prune']);
    expect(r.code, explain(r)).toBe(0);
    expect(doubleStacks(h).services).toEqual(['monitoring-production', 'whoami-staging']);
    expect(await h.dns!.resolve4('n8n.lab.internal')).toEqual([]);
    expect(routeUrls(h)['n8n-production-n8n']).toBeUndefined();
    expect(readFileSync(join(h.paths.pveDir, '1003.fw'), 'utf8')).not.toMatch(/n8n/);
    const again = await phoenixJson(h, ['plan', '--detailed-exitcode']);
    expect(again.code, explain(again)).toBe(0);
  });
});
