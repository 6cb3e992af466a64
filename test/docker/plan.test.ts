/**
 * Planning for the docker backend, as tables: desired deployments against observed engines,
 * plus the parsers of `docker inspect` output and the readiness rules of the health wait.
 */
import { describe, expect, it } from 'vitest';
import type { StackDeployment } from '../../src/desired/types.js';
import { standaloneProblems, swarmProblems } from '../../src/providers/docker/health.js';
import {
  groupProjects,
  parseContainers,
  parseServices,
  type EngineLive,
  type LiveProject,
} from '../../src/providers/docker/live.js';
import { enginesToObserve, planDockerStacks } from '../../src/providers/docker/plan.js';
import { OWNER, actions, deployment, desiredState, options, type SettingsOverrides } from './fixtures.js';
import { applyPolicy } from '../../src/plan/policy.js';

const H1 = 'unix:///var/run/docker.sock';
const H2 = 'ssh://ops@10.0.0.12';

const web = deployment({ stack: 'web', host: H1, vmid: 1001, services: { web: { image: 'nginx' } } });
const api = deployment({
  stack: 'api',
  host: H1,
  vmid: 1001,
  services: { api: { image: 'api' }, worker: { image: 'w' } },
});
const mon = deployment({ stack: 'mon', host: H2, vmid: 1002, services: { agent: { image: 'agent' } } });

/** The live project a deployment leaves behind when it was applied. */
function applied(d: StackDeployment, over: Partial<LiveProject> = {}): LiveProject {
  const services = d.id === api.id ? ['api', 'worker'] : d.id === mon.id ? ['agent'] : ['web'];
  return {
    name: d.name,
    mode: 'standalone',
    owner: OWNER,
    deployment: d.name,
    hashes: [d.hash],
    services,
    notRunning: [],
    containerIds: [],
    ...over,
  };
}

const engine = (host: string, projects: LiveProject[], over: Partial<EngineLive> = {}): EngineLive => ({
  host,
  swarm: false,
  projects,
  ...over,
});

function planOf(
  desired: StackDeployment[],
  engines: EngineLive[],
  opts = options(),
  settings: SettingsOverrides = {},
) {
  return applyPolicy(planDockerStacks(desiredState(desired, settings), { engines }, opts), opts);
}

describe('planning docker stacks', () => {
  it('plans the live state against itself as nothing to do', () => {
    const changes = planOf(
      [web, api, mon],
      [engine(H1, [applied(web), applied(api)]), engine(H2, [applied(mon)])],
    );
    expect(actions(changes)).toEqual({ [web.id]: 'noop', [api.id]: 'noop', [mon.id]: 'noop' });
  });

  it.each<[string, LiveProject[], string, RegExp | undefined]>([
    ['missing', [], 'create', undefined],
    ['other hash', [applied(web, { hashes: ['old'] })], 'update', /content hash old → /],
    [
      'two hashes (half updated)',
      [applied(web, { hashes: ['old', web.hash] })],
      'update',
      /content hash old,/,
    ],
    ['a service stopped', [applied(web, { notRunning: ['web'] })], 'update', /services not running: web/],
    ['a service missing', [applied(web, { services: [] })], 'update', /services missing: web/],
    [
      'other deployment label',
      [applied(web, { deployment: 'renamed' })],
      'update',
      /deployment renamed → web-production/,
    ],
    ['runs as swarm', [applied(web, { mode: 'swarm' })], 'update', /runs as swarm, wanted standalone/],
    [
      'foreign project of that name',
      [applied(web, { owner: undefined, deployment: undefined })],
      'blocked:update',
      undefined,
    ],
    ['another root owns it', [applied(web, { owner: 'phoenix-other' })], 'blocked:update', undefined],
  ])('%s → %s', (_, projects, want, reason) => {
    const [change] = planOf([web], [engine(H1, projects)]);
    expect(change && (change.blocked ? `blocked:${change.action}` : change.action)).toBe(want);
    if (reason) expect(change?.reason).toMatch(reason);
  });

  it('adopts a foreign project of that name only with --adopt', () => {
    const foreign = applied(web, { owner: undefined, deployment: undefined });
    expect(actions(planOf([web], [engine(H1, [foreign])], options({ adopt: true })))).toEqual({
      [web.id]: 'update',
    });
  });

  it('deletes owned stacks that left the config only with --prune, and never foreign ones', () => {
    const foreign: LiveProject = {
      ...applied(api),
      name: 'hand-made',
      owner: undefined,
      deployment: undefined,
    };
    const live = [engine(H1, [applied(web), applied(api), foreign])];
    expect(actions(planOf([web], live))).toEqual({ [web.id]: 'noop', [api.id]: 'blocked:delete' });
    expect(actions(planOf([web], live, options({ prune: true })))).toEqual({
      [web.id]: 'noop',
      [api.id]: 'delete',
    });
  });

  it('refuses to delete every stack of an engine unless --prune-all', () => {
    const live = [engine(H1, [applied(web), applied(api)]), engine(H2, [applied(mon)])];
    // H2 is known from sync.docker.hosts only: its stacks are VM 1002's.
    const hosts = { docker: { hosts: { '1002': H2 } } };
    const guarded = planOf([web, api], live, options({ prune: true }), hosts);
    expect(actions(guarded)).toEqual({ [web.id]: 'noop', [api.id]: 'noop', [mon.id]: 'blocked:delete' });
    expect(guarded.find((c) => c.id === mon.id)?.blocked).toMatch(
      /wants nothing in engine ssh:\/\/ops@10\.0\.0\.12.*--prune-all/,
    );
    expect(actions(planOf([web, api], live, options({ prune: true, pruneAll: true }), hosts))[mon.id]).toBe(
      'delete',
    );
  });

  it('never prunes what a filter left out', () => {
    const live = [engine(H1, [applied(web), applied(api)]), engine(H2, [applied(mon)])];
    const byVm = planOf([web, api, mon], live, options({ prune: true, filters: { vm: [1002] } }));
    expect(actions(byVm)).toEqual({ [mon.id]: 'noop' });
    const byStack = planOf(
      [web],
      [engine(H1, [applied(web), applied(api)])],
      options({ prune: true, filters: { stack: ['web'] } }),
    );
    expect(actions(byStack)).toEqual({ [web.id]: 'noop' });
  });

  it('fails the deployments of an engine it could not observe, and prunes nothing there', () => {
    const changes = planOf(
      [web, mon],
      [engine(H1, [applied(web)]), engine(H2, [], { error: 'ssh: connect refused' })],
      options({ prune: true }),
    );
    expect(actions(changes)).toEqual({ [web.id]: 'noop', [mon.id]: 'update' });
    expect(changes.find((c) => c.id === mon.id)?.reason).toMatch(
      /cannot observe engine ssh:\/\/ops@10\.0\.0\.12: ssh: connect refused/,
    );
  });

  it('blocks a second deployment that takes a used name on the same engine', () => {
    const twin = { ...web, id: '1003/web-production', vmid: 1003 };
    const changes = planOf([web, twin], [engine(H1, [])]);
    expect(actions(changes)).toEqual({ [web.id]: 'create', [twin.id]: 'blocked:create' });
    expect(changes.find((c) => c.id === twin.id)?.blocked).toMatch(
      /already used on .* by 1001\/web-production/,
    );
  });

  it('refreshes unchanged stacks with --pull', () => {
    const [change] = planOf([web], [engine(H1, [applied(web)])], options({ pull: true }));
    expect(change).toMatchObject({ action: 'update', reason: '--pull: pull images and redeploy' });
  });

  it('plans swarm stacks on swarm managers', () => {
    const [change] = planOf([web], [engine(H1, [], { swarm: true })]);
    expect(change?.after).toMatchObject({
      mode: 'swarm',
      services: ['web'],
      engine: H1,
      name: 'web-production',
    });
  });

  it('observes the engines of deployments and of docker VMs configured in sync.docker.hosts', () => {
    const s = (o: SettingsOverrides) => desiredState([web], o);
    expect(enginesToObserve(s({ docker: { hosts: { '1002': H2 } } }), [web])).toEqual([H2, H1].sort());
    expect(
      enginesToObserve(s({ docker: { hosts: { '1002': H2 } }, backends: { '1002': 'portainer' } }), [web]),
    ).toEqual([H1]);
  });
});

describe('reading the engine', () => {
  const inspect = JSON.stringify([
    {
      Id: 'c1',
      Config: {
        Labels: {
          'com.docker.compose.project': 'web-production',
          'com.docker.compose.service': 'web',
          'io.phoenix.owner': OWNER,
          'io.phoenix.hash': 'h1',
          'io.phoenix.deployment': 'web-production',
        },
      },
      State: { Status: 'running', ExitCode: 0, Health: { Status: 'starting' } },
      HostConfig: { RestartPolicy: { Name: 'unless-stopped' } },
    },
    {
      Id: 'c2',
      Config: {
        Labels: {
          'com.docker.compose.project': 'web-production',
          'com.docker.compose.service': 'migrate',
          'io.phoenix.hash': 'h1',
        },
      },
      State: { Status: 'exited', ExitCode: 0 },
      HostConfig: { RestartPolicy: { Name: '' } },
    },
    {
      Id: 'c3',
      Config: { Labels: { 'com.docker.compose.project': 'hand-made', 'com.docker.compose.service': 'x' } },
      State: { Status: 'exited', ExitCode: 137 },
    },
  ]);

  it('groups containers into projects with their ownership', () => {
    const projects = groupProjects(parseContainers(inspect), []);
    expect(projects).toEqual([
      {
        name: 'hand-made',
        mode: 'standalone',
        owner: undefined,
        deployment: undefined,
        hashes: [''],
        services: ['x'],
        notRunning: ['x'],
        containerIds: ['c3'],
      },
      {
        name: 'web-production',
        mode: 'standalone',
        owner: OWNER,
        deployment: 'web-production',
        hashes: ['h1'],
        services: ['migrate', 'web'],
        notRunning: [],
        containerIds: ['c1', 'c2'],
      },
    ]);
  });

  it('reads swarm services with labels from the service and its containers', () => {
    const services = parseServices(
      JSON.stringify([
        {
          ID: 's1',
          Spec: {
            Name: 'site-production_web',
            Labels: { 'com.docker.stack.namespace': 'site-production', 'traefik.enable': 'true' },
            TaskTemplate: {
              ContainerSpec: { Labels: { 'io.phoenix.owner': OWNER, 'io.phoenix.hash': 'h2' } },
            },
          },
          UpdateStatus: { State: 'updating' },
        },
      ]),
      new Map([['site-production_web', '0/1']]),
    );
    expect(services).toEqual([
      {
        id: 's1',
        stack: 'site-production',
        service: 'web',
        labels: {
          'com.docker.stack.namespace': 'site-production',
          'traefik.enable': 'true',
          'io.phoenix.owner': OWNER,
          'io.phoenix.hash': 'h2',
        },
        running: 0,
        desired: 1,
        updating: true,
      },
    ]);
    expect(groupProjects([], services)[0]).toMatchObject({
      name: 'site-production',
      mode: 'swarm',
      owner: OWNER,
      hashes: ['h2'],
      notRunning: ['web'],
    });
    expect(swarmProblems(services, { hash: 'h2', services: ['web', 'db'] })).toEqual([
      'web: update in progress',
      'db: no service',
    ]);
  });

  it('waits for health, accepts finished one-shot containers, and fails containers that died', () => {
    const containers = parseContainers(inspect);
    expect(standaloneProblems(containers, { hash: 'h1', services: ['web', 'migrate'] })).toEqual({
      waiting: ['web (c1): health starting'],
      fatal: [],
    });
    expect(standaloneProblems(containers, { hash: 'h2', services: ['web'] }).waiting).toEqual([
      'web: no container with the new content yet',
    ]);
    const died = containers.map((c) => (c.id === 'c2' ? { ...c, exitCode: 2 } : { ...c, health: 'healthy' }));
    expect(standaloneProblems(died, { hash: 'h1', services: ['web', 'migrate'] })).toEqual({
      waiting: [],
      fatal: ['migrate (c2): exited with code 2'],
    });
  });
});
