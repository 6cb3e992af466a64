import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEPLOYMENT_LABEL, HASH_LABEL, OWNER_LABEL } from '../../src/desired/compose-render.js';
import type { DesiredState, StackDeployment } from '../../src/desired/types.js';
import { deriveConfig, loadExample } from '../helpers/example.js';

const hashes = (d: DesiredState) => Object.fromEntries(d.deployments.map((x) => [x.id, x.hash]));
const byId = (d: DesiredState, id: string): StackDeployment => d.deployments.find((x) => x.id === id)!;

describe('deployments of the example', () => {
  const { desired, errors } = deriveConfig(loadExample().config);

  it('one per VM and assigned stack, named <stack>-<environment>', () => {
    expect(errors).toEqual([]);
    expect(desired.deployments.map((d) => [d.id, d.name, d.portainerEnvironment, d.backend])).toEqual([
      ['1001/portainer-production', 'portainer-production', 'local', 'portainer'],
      ['1002/qdrant-production', 'qdrant-production', 'ai-worker', 'portainer'],
      ['1002/open-webui-production', 'open-webui-production', 'ai-worker', 'portainer'],
      ['1002/whoami-production', 'whoami-production', 'ai-worker', 'portainer'],
      ['1003/monitoring-production', 'monitoring-production', 'services', 'portainer'],
      ['1003/n8n-production', 'n8n-production', 'services', 'portainer'],
      ['1003/whoami-staging', 'whoami-staging', 'services', 'portainer'],
    ]);
  });

  it('flags the stack that runs Portainer itself, and only it', () => {
    expect(desired.deployments.filter((d) => d.managesPortainer).map((d) => d.id)).toEqual([
      '1001/portainer-production',
    ]);
  });

  it('resolves file: variables as secrets and keeps plain ones visible', () => {
    expect(byId(desired, '1003/monitoring-production').variables).toEqual([
      { name: 'GRAFANA_ADMIN_PASSWORD', value: 'change-me-grafana', secret: true },
    ]);
    expect(byId(desired, '1002/whoami-production').variables).toContainEqual({
      name: 'WHOAMI_PORT',
      value: '8081',
      secret: false,
    });
  });

  it('renders the manifest labels (interpolated) and the ownership labels into the compose file', () => {
    const staging = parse(byId(desired, '1003/whoami-staging').compose.standalone);
    expect(staging.services.whoami.labels).toMatchObject({
      'traefik.http.routers.whoami.rule': 'Host(`whoami-staging.lab.internal`)',
      [OWNER_LABEL]: 'homelab',
      [DEPLOYMENT_LABEL]: 'whoami-staging',
      [HASH_LABEL]: byId(desired, '1003/whoami-staging').hash,
    });
    // the compose text itself is not interpolated: Portainer/Docker do that with the variables
    expect(staging.services.whoami.ports).toEqual(['${WHOAMI_PORT}:80']);
  });

  it('delivers manifest files as configs into the named service', () => {
    const d = byId(desired, '1003/monitoring-production');
    expect(d.files).toEqual([
      expect.objectContaining({
        source: 'prometheus.yml',
        destination: '/etc/prometheus/prometheus.yml',
        services: ['prometheus'],
      }),
    ]);
    const standalone = parse(d.compose.standalone);
    expect(standalone.configs['phoenix_prometheus.yml'].content).toContain('scrape_interval: 30s');
    const swarm = parse(d.compose.swarm);
    expect(Object.values(swarm.configs)).toEqual([{ external: true }]);
    expect(swarm.services.prometheus.configs[0].source).toBe(
      `monitoring-production-prometheus.yml-${d.files[0]!.hash}`,
    );
  });
});

describe('deployment hashes', () => {
  it('are stable across runs', () => {
    expect(hashes(deriveConfig(loadExample().config).desired)).toEqual(
      hashes(deriveConfig(loadExample().config).desired),
    );
  });

  it('change for the edited stack environment only when a variable changes', () => {
    const before = hashes(deriveConfig(loadExample().config).desired);
    const { config } = loadExample();
    config.stacks
      .get('whoami')!
      .manifest.environments['staging']!.variables!.find((v) => v.name === 'WHOAMI_NAME')!.value = 'renamed';
    const after = hashes(deriveConfig(config).desired);
    const changed = Object.keys(before).filter((id) => before[id] !== after[id]);
    expect(changed).toEqual(['1003/whoami-staging']);
  });

  it('change when a delivered file changes', () => {
    const before = hashes(deriveConfig(loadExample().config).desired);
    const { config } = loadExample();
    config.stacks.get('monitoring')!.files.set('prometheus.yml', { content: 'global: {}\n' });
    const after = hashes(deriveConfig(config).desired);
    expect(Object.keys(before).filter((id) => before[id] !== after[id])).toEqual([
      '1003/monitoring-production',
    ]);
  });

  it('change when a secret value changes (through env:) only with a marker key', () => {
    // secrets are resolved at load time, so load twice with different environments
    const load = (value: string, key?: string) => {
      const { config } = loadExample(undefined, { N8N_KEY: value });
      config.stacks.get('n8n')!.manifest.environments['production']!.variables = [
        { name: 'N8N_KEY', value: 'env:N8N_KEY' },
      ];
      config.secrets.set('env:N8N_KEY', { ok: true, value, reference: true });
      if (key) {
        config.global.sync!.marker_key = 'env:MARKER_KEY';
        config.secrets.set('env:MARKER_KEY', { ok: true, value: key, reference: true });
      }
      return byId(deriveConfig(config).desired, '1003/n8n-production');
    };
    const a = load('first-secret');
    const b = load('second-secret');
    expect(a.variables).toEqual([{ name: 'N8N_KEY', value: 'first-secret', secret: true }]);
    // Without a key the marker leaves secret values out (Portainer sees the change in the Env).
    expect(a.hash).toBe(b.hash);
    const key = 'a-marker-key-of-32-characters-ok';
    expect(load('first-secret', key).hash).not.toBe(load('second-secret', key).hash);
  });
});

describe('deployments: variations', () => {
  it('a per-VM backend override deploys through docker on that VM', () => {
    const { config } = loadExample();
    config.global.sync!.backends = { '1003': 'docker' };
    config.global.sync!.docker.hosts = { '1003': 'ssh://root@10.0.0.103' };
    const { desired, errors } = deriveConfig(config);
    expect(errors).toEqual([]);
    expect(desired.deployments.filter((d) => d.vmid === 1003).map((d) => [d.backend, d.dockerHost])).toEqual([
      ['docker', 'ssh://root@10.0.0.103'],
      ['docker', 'ssh://root@10.0.0.103'],
      ['docker', 'ssh://root@10.0.0.103'],
    ]);
    expect(byId(desired, '1002/qdrant-production').backend).toBe('portainer');
  });

  it("a bare stack name uses sync.default_environment, else the stack's only environment", () => {
    const { config } = loadExample();
    config.global.sync!.default_environment = 'staging';
    config.vms.vms.find((v) => v.vmid === 1002)!.docker_stacks = [
      { name: 'qdrant', environment: 'production' },
      'open-webui',
    ];
    config.vms.vms.find((v) => v.vmid === 1003)!.docker_stacks = ['whoami'];
    const { desired, errors } = deriveConfig(config);
    // portainer and open-webui have only production; whoami has staging
    expect(errors).toEqual([]);
    expect(desired.deployments.map((d) => d.id)).toEqual([
      '1001/portainer-production',
      '1002/qdrant-production',
      '1002/open-webui-production',
      '1003/whoami-staging',
    ]);
  });

  it('a bare name of a stack with several environments, none the default, is an error listing them', () => {
    const { config } = loadExample();
    config.global.sync!.default_environment = 'qa';
    config.vms.vms.find((v) => v.vmid === 1002)!.docker_stacks = [];
    config.vms.vms.find((v) => v.vmid === 1003)!.docker_stacks = ['whoami'];
    const { diags } = deriveConfig(config);
    expect(diags.errors.map((e) => [e.code, e.message, e.hint])).toEqual([
      [
        'unknown-environment',
        'stack "whoami" has no environment "qa" (the default) and 2 environments to choose from',
        'name one: { "name": "whoami", "environment": "production" }; environments: production, staging',
      ],
    ]);
  });
});

describe('Portainer environments', () => {
  it('one Agent environment per agent VM, at tcp://<agent hostname>:<agent port>', () => {
    const { desired } = deriveConfig(loadExample().config);
    expect(desired.environments.map(({ source: _s, ...e }) => e)).toEqual([
      { name: 'ai-worker', url: 'tcp://ai-worker-agent.lab.internal:9001', vmid: 1002 },
      { name: 'services', url: 'tcp://services-agent.lab.internal:9001', vmid: 1003 },
    ]);
  });

  it('uses the configured agent port, and the VM IP when there is no agent hostname', () => {
    const { config } = loadExample();
    config.global.network!.portainer_agent_port = 9101;
    delete config.vms.vms.find((v) => v.vmid === 1003)!.portainer_agent_hostname;
    const { desired } = deriveConfig(config);
    expect(desired.environments.map((e) => e.url)).toEqual([
      'tcp://ai-worker-agent.lab.internal:9101',
      'tcp://10.0.0.103:9101',
    ]);
  });

  it('the environment name defaults to the VM name', () => {
    const { config } = loadExample();
    delete config.vms.vms.find((v) => v.vmid === 1002)!.portainer_environment_name;
    const { desired } = deriveConfig(config);
    expect(desired.environments[0]?.name).toBe('ai-worker');
    expect(byId(desired, '1002/qdrant-production').portainerEnvironment).toBe('ai-worker');
  });
});
