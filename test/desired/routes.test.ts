import { describe, expect, it } from 'vitest';
import { INTERNAL_CA_TRANSPORT } from '../../src/desired/routes.js';
import type { DesiredState } from '../../src/desired/types.js';
import { deriveConfig, loadExample } from '../helpers/example.js';

/** Routers as `name → backend URLs`, the way an operator reads them. */
function backends(d: DesiredState): Record<string, string[]> {
  return Object.fromEntries(
    d.routes.routers.map((r) => [r.name, d.routes.services.find((s) => s.name === r.service)?.urls ?? []]),
  );
}

describe('routes of the example', () => {
  const { config } = loadExample();
  const { desired, errors } = deriveConfig(config);

  it('derives without errors', () => {
    expect(errors).toEqual([]);
  });

  it('routes every labelled service and traefik_service to <scheme>://<VM IP>:<published port>', () => {
    expect(backends(desired)).toEqual({
      'portainer-production-portainer': ['https://10.0.0.101:9443'],
      'qdrant-production-qdrant': ['http://10.0.0.102:6333'],
      'open-webui-production-chat': ['http://10.0.0.102:3001'],
      'whoami-production-whoami': ['http://10.0.0.102:8081'],
      'monitoring-production-grafana': ['http://10.0.0.103:3000'],
      'monitoring-production-prometheus': ['http://10.0.0.103:9090'],
      'n8n-production-n8n': ['http://10.0.0.103:5678'],
      'whoami-staging-whoami': ['http://10.0.0.103:8082'],
      'guest-proxy': ['http://10.0.0.12:8080'],
    });
  });

  it('a stack in two environments gives two routers, to two VMs and two ports', () => {
    const whoami = desired.routes.routers.filter((r) => r.name.startsWith('whoami-'));
    expect(whoami.map((r) => [r.name, r.rule, r.origin])).toEqual([
      ['whoami-production-whoami', 'Host(`whoami.lab.internal`)', '1002/whoami-production'],
      ['whoami-staging-whoami', 'Host(`whoami-staging.lab.internal`)', '1003/whoami-staging'],
    ]);
  });

  it('the backend port is the published host port, not the container port', () => {
    // open-webui publishes "3001:8080" and routes loadbalancer.server.port=8080
    expect(backends(desired)['open-webui-production-chat']).toEqual(['http://10.0.0.102:3001']);
  });

  it('keeps entry points, tls, cert resolver and middlewares', () => {
    const byName = new Map(desired.routes.routers.map((r) => [r.name, r]));
    expect(byName.get('monitoring-production-grafana')).toMatchObject({
      entryPoints: ['websecure'],
      tls: { certResolver: 'internal' },
    });
    expect(byName.get('monitoring-production-prometheus')).toMatchObject({
      middlewares: ['lan-only@file'],
      tls: {},
    });
    expect(byName.get('guest-proxy')).toMatchObject({
      rule: 'Host(`proxy.lab.internal`)',
      entryPoints: ['websecure'],
      tls: { certResolver: 'internal' },
    });
  });

  it('an HTTPS backend trusts the internal CA through a servers transport', () => {
    const portainer = desired.routes.services.find((s) => s.name === 'portainer-production-portainer');
    expect(portainer?.serversTransport).toBe(INTERNAL_CA_TRANSPORT);
    expect(
      desired.routes.services.find((s) => s.name === 'n8n-production-n8n')?.serversTransport,
    ).toBeUndefined();
  });

  it('locates each router at its rule label', () => {
    const n8n = desired.routes.routers.find((r) => r.name === 'n8n-production-n8n');
    expect(n8n?.source).toMatchObject({ line: 10, column: 13 });
    expect(n8n?.source.file).toMatch(/stacks\/n8n\/phoenix\.json$/);
  });
});

describe('routes: variations', () => {
  it("traefik.enable=false turns a service's routes off", () => {
    const { config } = loadExample();
    config.stacks.get('n8n')!.manifest.environments['production']!.services!['n8n']!.traefik_labels[0] =
      'traefik.enable=false';
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    expect(desired.routes.routers.map((r) => r.name)).not.toContain('n8n-production-n8n');
  });

  it('moving the staging deployment to the production VM moves its backend', () => {
    const { config } = loadExample();
    const services = config.vms.vms.find((v) => v.vmid === 1003)!;
    services.docker_stacks = ['monitoring', 'n8n'];
    config.vms.vms
      .find((v) => v.vmid === 1002)!
      .docker_stacks!.push({ name: 'whoami', environment: 'staging' });
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    expect(backends(desired)['whoami-staging-whoami']).toEqual(['http://10.0.0.102:8082']);
  });

  it('the same Host claimed by two deployments is an error naming both', () => {
    const { config } = loadExample();
    const labels =
      config.stacks.get('n8n')!.manifest.environments['production']!.services!['n8n']!.traefik_labels;
    labels[1] = 'traefik.http.routers.n8n.rule=Host(`grafana.lab.internal`)';
    const { errors } = deriveConfig(config);
    expect(errors).toEqual([
      'host grafana.lab.internal is claimed by 1003/n8n-production and by 1003/monitoring-production',
    ]);
  });

  it('a service with two published ports and no port label is ambiguous', () => {
    const { config } = loadExample();
    const labels =
      config.stacks.get('qdrant')!.manifest.environments['production']!.services!['qdrant']!.traefik_labels;
    labels.splice(
      labels.findIndex((l) => l.includes('server.port')),
      1,
    );
    const { errors } = deriveConfig(config);
    expect(errors).toEqual([
      'service qdrant of qdrant-production publishes 2 ports, so the routed port is ambiguous',
    ]);
  });

  it('a VM with routes needs a static IP', () => {
    const { config } = loadExample();
    config.vms.vms.find((v) => v.vmid === 1003)!.network_config = { ip: 'dhcp' };
    config.vms.vms.find((v) => v.vmid === 1003)!.portainer_agent_hostname = 'services-agent';
    const { errors } = deriveConfig(config);
    expect(errors).toContain('n8n-production has routes but VM 1003 has no static IP');
  });
});
