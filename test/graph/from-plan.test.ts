/**
 * `phoenix graph --from-plan` against a running estate (the example on the Portainer test
 * double, PVE firewall, hosts and Traefik files in a temp dir): the picture is coloured by
 * the same plan `phoenix plan` makes, element by element, and drawing it changes nothing.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editJson, replaceIn } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { changedFiles, explain, phoenix, phoenixJson } from '../e2e/harness.js';

/** The label of node `id` in a Mermaid picture (its first line, with the status mark). */
function label(mmd: string, id: string): string | undefined {
  const line = mmd.split('\n').find((l) => l.trimStart().startsWith(`${id}`) && /^[\s]*\w+[[({]/.test(l));
  const m = line && new RegExp(`^\\s*${id}[^"]*"([^"]*)"`).exec(line);
  return m?.[1]?.split('<br/>')[0];
}

describe('phoenix graph --from-plan on a running estate', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab({ dnsmasq: false });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('before the first sync: everything a sync would create, marked so', async () => {
    const r = await phoenix(h, ['graph', '--from-plan']);
    expect(r.code, explain(r)).toBe(0);
    expect(label(r.out, 'dep_1002_qdrant_production')).toBe('+ qdrant · production');
    expect(label(r.out, 'dep_1001_portainer_production')).toBe('! portainer · production');
    expect(label(r.out, 'dns_qdrant_lab_internal')).toBe('+ qdrant.lab.internal');
    expect(label(r.out, 'route_http_qdrant_production_qdrant')).toBe('+ qdrant.lab.internal');
    expect(label(r.out, 'fw_1002')).toBe('+ firewall in DROP · out ACCEPT');
    expect(label(r.out, 'fw_cluster')).toBe('+ host firewall in DROP · out ACCEPT');
    expect(label(r.out, 'env_ai_worker')).toBe('+ Portainer environment');
  });

  it('after changes: what a sync would change, delete or hold back; the rest unmarked; nothing written', async () => {
    const first = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(first.code, explain(first)).toBe(0);
    // whoami gets a new image (both deployments change); n8n leaves vm 1003 (its stack, route,
    // name and firewall rule go, with --prune); step-ca's name points elsewhere.
    replaceIn(h.root, 'stacks/whoami/docker-compose.yml', 'traefik/whoami:v1.10', 'traefik/whoami:v1.11');
    replaceIn(h.root, 'etc/phoenix_lxc_configs.json', '"ip": "10.0.0.10" }', '"ip": "10.0.0.11" }');
    editJson(join(h.root, 'etc', 'phoenix_vm_configs.json'), (c) => {
      for (const vm of c.vms)
        if (vm.docker_stacks) vm.docker_stacks = vm.docker_stacks.filter((s: unknown) => s !== 'n8n');
    });
    h.double.resetCounters();
    const files = h.snapshot();

    const held = await phoenix(h, ['graph', '--from-plan']);
    expect(held.code, explain(held)).toBe(0);
    expect(label(held.out, 'dep_1003_n8n_production')).toBe('! n8n-production'); // awaits --prune
    // Its route and name stay while it runs: the file changes that remove them are held back too.
    expect(label(held.out, 'route_http_n8n_production_n8n')).toBe('! n8n.lab.internal');
    expect(label(held.out, 'dns_n8n_lab_internal')).toBe('! n8n.lab.internal');
    expect(label(held.out, 'dep_1002_whoami_production')).toBe('~ whoami · production');
    expect(label(held.out, 'dep_1003_whoami_staging')).toBe('~ whoami · staging');
    expect(label(held.out, 'dep_1002_qdrant_production')).toBe('qdrant · production');
    expect(label(held.out, 'dns_qdrant_lab_internal')).toBe('qdrant.lab.internal');
    expect(label(held.out, 'dns_step_ca_lab_internal')).toBe('~ step-ca.lab.internal');
    expect(held.out).toContain('dns_step_ca_lab_internal --> addr_101'); // the gateway's address now
    expect(label(held.out, 'fw_1002')).toBe('firewall in DROP · out ACCEPT');

    const pruned = await phoenix(h, ['graph', '--from-plan', '--prune']);
    expect(pruned.code, explain(pruned)).toBe(0);
    expect(label(pruned.out, 'dep_1003_n8n_production')).toBe('- n8n-production');
    expect(label(pruned.out, 'route_http_n8n_production_n8n')).toBe('- n8n.lab.internal');
    expect(pruned.out).toContain('route_http_n8n_production_n8n --> dep_1003_n8n_production');
    expect(label(pruned.out, 'dns_n8n_lab_internal')).toBe('- n8n.lab.internal');
    expect(pruned.out).toContain('dns_n8n_lab_internal --> route_http_n8n_production_n8n');
    expect(label(pruned.out, 'fw_1003')).toBe('~ firewall in DROP · out ACCEPT');
    expect(label(pruned.out, 'fw_1002')).toBe('firewall in DROP · out ACCEPT');
    expect(label(pruned.out, 'route_http_qdrant_production_qdrant')).toBe('qdrant.lab.internal');
    expect(pruned.out).toMatch(/^ {2}class .*\bdep_1003_n8n_production\b.* delete$/m);
    expect(pruned.out).toMatch(/^ {2}class .*\bfw_1003\b.* update$/m);

    // The colours are the plan's: the same changes `phoenix plan --prune` lists.
    const plan = await phoenixJson(h, ['plan', '--prune']);
    const acts = plan.report.changes.filter((c) => c.action !== 'noop').map((c) => `${c.action} ${c.id}`);
    expect(acts).toEqual(
      expect.arrayContaining([
        'update 1002/whoami-production',
        'update 1003/whoami-staging',
        'delete 1003/n8n-production',
      ]),
    );

    // Drawing planned only: no Portainer write, no file touched.
    expect(h.double.counts().writes).toBe(0);
    expect(changedFiles(files, h.snapshot())).toEqual([]);
  });

  it('a filter narrows the plan and the picture alike', async () => {
    const r = await phoenix(h, ['graph', '--from-plan', '--vm', '1002', '--format', 'dot']);
    expect(r.code, explain(r)).toBe(0);
    expect(r.out).toMatch(/dep_1002_whoami_production \[label="~ whoami · production"/);
    expect(r.out).not.toContain('1003');
    const none = await phoenix(h, ['graph', '--from-plan', '--stack', 'nope']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no stack named "nope"');
    expect(none.out).toBe('');
  });
});
