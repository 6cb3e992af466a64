/**
 * Stack assignments as the original wrote them (pure: roots built in memory): which
 * environment a bare name deploys, plain-compose stacks, swarm placement constraints, and
 * where Portainer is reached.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { portainerAccess } from '../../src/desired/derive.js';
import {
  baseGlobal,
  compose,
  deriveMemory,
  loc,
  memoryConfig,
  vm,
  VMS_FILE,
  type MemoryRoot,
  type MemoryStack,
} from './memory.js';

const envs = (...names: string[]) => ({ environments: Object.fromEntries(names.map((n) => [n, {}])) });
const app = (manifest?: Record<string, unknown>): MemoryStack => ({
  compose: compose('app', ['8080:80']),
  ...(manifest ? { manifest } : {}),
});

function assigned(
  stack: MemoryStack,
  entry: unknown = 'app',
  sync: Record<string, unknown> = {},
): MemoryRoot {
  return {
    global: baseGlobal(sync),
    vms: [vm(1002, 'worker', { docker_stacks: [entry] })],
    stacks: { app: stack },
  };
}

describe('the environment of a docker_stacks entry', () => {
  it.each([
    [
      'a bare name: the default environment when the stack has it',
      envs('production', 'dev'),
      'app',
      {},
      'production',
    ],
    [
      'a bare name: sync.default_environment',
      envs('prod', 'dev'),
      'app',
      { default_environment: 'prod' },
      'prod',
    ],
    ['a bare name: the only environment', envs('prod'), 'app', {}, 'prod'],
    ['a name with an environment', envs('prod', 'dev'), { name: 'app', environment: 'dev' }, {}, 'dev'],
    [
      'a manifest without environments: any',
      { description: 'no envs' },
      { name: 'app', environment: 'lab' },
      {},
      'lab',
    ],
    [
      'a manifest without environments, bare name: the default',
      { description: 'no envs' },
      'app',
      {},
      'production',
    ],
  ])('%s', (_name, manifest, entry, sync, env) => {
    const { desired, rows } = deriveMemory(assigned(app(manifest), entry, sync));
    expect(rows).toEqual([]);
    expect(desired.deployments.map((d) => [d.name, d.environment])).toEqual([[`app-${env}`, env]]);
  });

  it.each([
    [
      'a bare name, several environments, none the default',
      'app',
      'stack "app" has no environment "production" (the default) and 2 environments to choose from',
      'name one: { "name": "app", "environment": "prod" }; environments: prod, dev',
    ],
    [
      'a named environment the stack lacks',
      { name: 'app', environment: 'qa' },
      'stack "app" has no environment "qa"',
      'known environments: prod, dev',
    ],
  ])('%s is an error at the entry', (_name, entry, message, hint) => {
    const root = assigned(app(envs('prod', 'dev')), entry);
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      {
        severity: 'error',
        code: 'unknown-environment',
        at: loc(root, VMS_FILE, ['vms', 0, 'docker_stacks', 0]),
        message,
        hint,
      },
    ]);
    expect(desired.deployments).toEqual([]);
  });
});

describe('a stack folder with only a compose file', () => {
  it('deploys as plain compose in any environment, with one warning however often it is assigned', () => {
    const root: MemoryRoot = {
      global: baseGlobal(),
      vms: [
        vm(1002, 'a', { docker_stacks: ['plain'] }),
        vm(1003, 'b', { docker_stacks: [{ name: 'plain', environment: 'lab' }] }),
        vm(1004, 'c', { docker_stacks: ['plain'] }),
      ],
      stacks: { plain: { compose: compose('web', ['8080:80']) } },
    };
    const { desired, rows } = deriveMemory(root);
    expect(rows).toEqual([
      {
        severity: 'warning',
        code: 'no-manifest',
        at: loc(root, VMS_FILE, ['vms', 0, 'docker_stacks', 0]),
        message:
          'stack plain has no phoenix.json: deployed as plain compose, with no routes or firewall rules',
        hint: 'add stacks/plain/phoenix.json (or an entry in etc/phoenix_stacks_config.json) to give it variables, routes or firewall rules',
      },
    ]);
    expect(desired.deployments.map((d) => [d.id, d.variables, d.files])).toEqual([
      ['1002/plain-production', [], []],
      ['1003/plain-lab', [], []],
      ['1004/plain-production', [], []],
    ]);
    expect(desired.routes.routers).toEqual([]);
    expect(desired.firewall.guests).toEqual([]);
  });

  it('an unassigned one is no warning', () => {
    const root: MemoryRoot = { vms: [], stacks: { plain: { compose: compose('web', ['8080:80']) } } };
    expect(deriveMemory(root).rows).toEqual([]);
  });
});

describe('placement constraints', () => {
  const constrained = (extraCompose = '') => ({
    compose:
      compose('app', ['8080:80'], extraCompose) + 'worker:\n    image: example/worker\n'.replace(/^/, '  '),
    manifest: {
      placement_constraints: ['node.labels.gpu == true'],
      environments: {
        production: { placement_constraints: ['node.role == worker', 'node.labels.gpu == true'] },
      },
    },
  });

  it('become deploy.placement.constraints of every service in the swarm rendering only', () => {
    const { desired, rows } = deriveMemory(assigned(constrained()));
    expect(rows).toEqual([]);
    const d = desired.deployments[0]!;
    expect(d.placementConstraints).toEqual(['node.labels.gpu == true', 'node.role == worker']);
    const swarm = parse(d.compose.swarm) as { services: Record<string, { deploy?: unknown }> };
    for (const svc of ['app', 'worker'])
      expect(swarm.services[svc]?.deploy).toEqual({
        placement: { constraints: ['node.labels.gpu == true', 'node.role == worker'] },
      });
    const standalone = parse(d.compose.standalone) as { services: Record<string, { deploy?: unknown }> };
    expect(standalone.services['app']?.deploy).toBeUndefined();
  });

  it("keep a service's own deploy settings and constraints, without repeating them", () => {
    const own =
      '    deploy:\n      replicas: 2\n      placement:\n        constraints: ["node.role == worker"]\n';
    const { desired } = deriveMemory(assigned(constrained(own)));
    const swarm = parse(desired.deployments[0]!.compose.swarm) as {
      services: Record<string, { deploy?: unknown }>;
    };
    expect(swarm.services['app']?.deploy).toEqual({
      replicas: 2,
      placement: { constraints: ['node.role == worker', 'node.labels.gpu == true'] },
    });
  });

  it('change the hash; a stack without them keeps the hash it had', () => {
    const without = deriveMemory(assigned(app(envs('production')))).desired.deployments[0]!;
    const withThem = deriveMemory(
      assigned(app({ ...envs('production'), placement_constraints: ['node.role == worker'] })),
    ).desired.deployments[0]!;
    expect(withThem.hash).not.toBe(without.hash);
    expect(without.placementConstraints).toBeUndefined();
    expect(without.compose.swarm).toBe(without.compose.standalone);
  });
});

describe('Portainer access', () => {
  const access = (global: Record<string, unknown>) => {
    const config = memoryConfig({ global: { domain_name: 'lab.test', ...global }, vms: [] });
    return portainerAccess(config, config.global.sync!);
  };

  it.each([
    [
      'server ip and port',
      { network: { portainer_server_ip: '10.0.0.101', portainer_server_port: 9443 } },
      'https://10.0.0.101:9443',
    ],
    [
      'server ip alone: the HTTP port',
      { network: { portainer_server_ip: '10.0.0.101' } },
      'http://10.0.0.101:9000',
    ],
    [
      'server ip before the host name',
      {
        network: { portainer_server_ip: '10.0.0.101' },
        portainer_api: { portainer_hostname: 'portainer.lab.test' },
      },
      'http://10.0.0.101:9000',
    ],
    [
      'the host name alone',
      { portainer_api: { portainer_hostname: 'portainer.lab.test' } },
      'https://portainer.lab.test:9443',
    ],
    [
      'sync.portainer.url before all',
      { network: { portainer_server_ip: '10.0.0.101' }, sync: { portainer: { url: 'https://p.lab.test' } } },
      'https://p.lab.test',
    ],
    ['nothing', {}, undefined],
  ])('URL from %s', (_name, global, url) => {
    expect(access(global).url).toBe(url);
  });

  it.each([
    ['portainer_api.api_key', { portainer_api: { api_key: 'ptr_abc' } }, 'ptr_abc'],
    [
      'sync.portainer.api_key first',
      { portainer_api: { api_key: 'ptr_abc' }, sync: { portainer: { api_key: 'env:KEY' } } },
      'env:KEY',
    ],
    ['a null api_key', { portainer_api: { api_key: null } }, undefined],
    ['an empty api_key', { portainer_api: { api_key: '  ' } }, undefined],
  ])('API key: %s', (_name, global, key) => {
    expect(access(global).apiKey).toBe(key);
  });

  it('the API key the original writes in plain text is no warning', () => {
    const root: MemoryRoot = { global: { ...baseGlobal(), portainer_api: { api_key: 'ptr_abc' } }, vms: [] };
    expect(deriveMemory(root).rows).toEqual([]);
  });
});
