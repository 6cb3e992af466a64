/**
 * The original's "adding a new Docker stack" walkthrough as a test: create the folder
 * with its two files, add the name to a VM's `docker_stacks`, run `sync all`. The stack is
 * deployed to that VM, its hostname resolves via dnsmasq to the gateway, its firewall
 * opening exists on that VM, and its route is in the Traefik file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTraefikFile } from '../../src/providers/traefik/provider.js';
import { editJson } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { doubleStacks, explain, fwFile, pending, phoenixJson, routeUrls, traefikFile } from './harness.js';

const COMPOSE = `# A new app: one service, one published port.
services:
  hello:
    image: traefik/whoami:v1.10
    restart: unless-stopped
    ports:
      - "8090:80"
`;

const MANIFEST = {
  description: 'Hello world',
  environments: {
    production: {
      services: {
        hello: {
          traefik_labels: [
            'traefik.enable=true',
            'traefik.http.routers.hello.rule=Host(`hello.lab.internal`)',
            'traefik.http.routers.hello.entrypoints=websecure',
            'traefik.http.routers.hello.tls.certresolver=internal',
            'traefik.http.services.hello.loadbalancer.server.port=80',
          ],
        },
      },
      firewall_rules: [
        {
          type: 'in',
          action: 'ACCEPT',
          proto: 'tcp',
          port: '8090',
          source: '10.0.0.12',
          comment: 'hello from Traefik',
        },
      ],
    },
  },
};

describe('adding a new stack (the original walkthrough)', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
    const first = await phoenixJson(h, ['sync', 'all', '--yes']);
    if (first.code !== 0)
      throw new Error(`the estate does not converge before the walkthrough: ${explain(first)}`);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('a folder with two files plus one line in the VM config is deployed, named, opened and routed', async () => {
    // 1. and 2.: the folder and its two files.
    const dir = join(h.root, 'stacks', 'hello');
    mkdirSync(dir);
    writeFileSync(join(dir, 'docker-compose.yml'), COMPOSE);
    writeFileSync(join(dir, 'phoenix.json'), JSON.stringify(MANIFEST, null, 2) + '\n');
    // 3.: assign it to VM 1002.
    editJson(join(h.root, 'etc', 'phoenix_vm_configs.json'), (c) => {
      c.vms.find((v: { vmid: number }) => v.vmid === 1002).docker_stacks.push('hello');
    });
    const deploysBefore = new Map(h.double.model.stacks.map((s) => [s.Name, s.deploys]));
    h.double.resetCounters();

    // 4.: run sync.
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(r.report.discovery?.stacks).toContain('hello');
    expect(
      pending(r.report)
        .map((c) => `${c.stage} ${c.action}`)
        .sort(),
    ).toEqual(['dns update', 'firewall update', 'stacks create', 'traefik update']);

    // Deployed to VM 1002's environment, and nothing else redeployed.
    expect(doubleStacks(h)['ai-worker']).toContain('hello-production');
    const hello = h.double.model.stacks.find((s) => s.Name === 'hello-production')!;
    expect(h.double.model.endpoints.find((e) => e.Id === hello.EndpointId)?.Name).toBe('ai-worker');
    expect(hello.file).toContain('traefik/whoami:v1.10');
    expect(h.double.counts().byRoute['POST /stacks/create/standalone/string']).toBe(1);
    expect(h.double.counts().writes).toBe(1);
    for (const s of h.double.model.stacks)
      if (s.Name !== 'hello-production') expect(s.deploys, s.Name).toBe(deploysBefore.get(s.Name));

    // Its hostname resolves via the real dnsmasq to the gateway.
    expect(await h.dns!.resolve4('hello.lab.internal')).toEqual(['10.0.0.12']);

    // Its firewall opening exists on that VM only.
    expect(fwFile(h, '1002.fw')).toMatch(
      /^IN ACCEPT -source 10\.0\.0\.12 -p tcp -dport 8090 # phoenix: hello from Traefik$/m,
    );
    expect(fwFile(h, '1003.fw')).not.toMatch(/8090/);

    // Its route goes to the VM's IP and the published port.
    expect(routeUrls(h)['hello-production-hello']).toEqual(['http://10.0.0.102:8090']);
    expect(traefikFile(h).http.routers['hello-production-hello']?.rule).toBe('Host(`hello.lab.internal`)');
    expect(checkTraefikFile(readFileSync(h.paths.traefik, 'utf8'))).toEqual([]);
    expect(h.double.violations).toEqual([]);

    // Converged: a second run has nothing to do.
    h.double.resetCounters();
    const again = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(again.code, explain(again)).toBe(0);
    expect(pending(again.report)).toEqual([]);
    expect(h.double.counts().writes).toBe(0);
  });
});
