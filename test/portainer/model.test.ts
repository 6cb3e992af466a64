/**
 * The pure parts of Portainer sync, as tables: names, normalisation, explanations that
 * never show secrets, container health, backoff, agent URLs, and the planner property that
 * the live state planned against itself changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { endpointKind, normaliseAgentUrl } from '../../src/providers/portainer/environments.js';
import { assessContainers, stackLabel } from '../../src/providers/portainer/health.js';
import { backoffDelay, isRetryableStatus } from '../../src/providers/portainer/retry.js';
import {
  desiredValue,
  envMap,
  explainStack,
  maskedValue,
  normaliseCompose,
  portainerStackName,
  type StackValue,
} from '../../src/providers/portainer/stack-model.js';
import { planStacks, type StacksLive } from '../../src/providers/portainer/stacks-plan.js';
import { REDACTED } from '../../src/secrets.js';
import { DB_PASSWORD, OWNER, desired, estate, options } from './fixtures.js';
import { applyPolicy } from '../../src/plan/policy.js';

describe('names and normalisation', () => {
  it.each([
    ['web-production', 'web-production'],
    ['My_Stack v2!', 'my_stackv2'],
    ['ÄPI.prod', 'piprod'],
  ])('Portainer stores %j as %j', (given, stored) => expect(portainerStackName(given)).toBe(stored));

  it.each([
    ['a: 1\n', 'a: 1\n'],
    ['a: 1', 'a: 1\n'],
    ['a: 1\r\nb: 2\r\n\r\n', 'a: 1\nb: 2\n'],
    ['a: 1\n\n\n  \n', 'a: 1\n'],
  ])('compose %j normalises to %j', (given, want) => expect(normaliseCompose(given)).toBe(want));

  it('turns Env into a sorted map; a repeated name keeps its last value; null is empty', () => {
    expect(
      envMap([
        { name: 'B', value: '2' },
        { name: 'A', value: '1' },
        { name: 'B', value: '3' },
      ]),
    ).toEqual({ A: '1', B: '3' });
    expect(
      Object.keys(
        envMap([
          { name: 'b', value: '' },
          { name: 'a', value: '' },
        ]),
      ),
    ).toEqual(['a', 'b']);
    expect(envMap(null)).toEqual({});
  });

  it.each([
    ['tcp://10.0.0.12:9001', 'tcp://10.0.0.12:9001'],
    ['10.0.0.12:9001', 'tcp://10.0.0.12:9001'],
    ['https://Agent.LAN:9001/', 'tcp://agent.lan:9001'],
  ])('agent URL %j compares as %j', (given, want) => expect(normaliseAgentUrl(given)).toBe(want));

  it.each([
    [1, 'docker'],
    [2, 'agent'],
    [4, 'edge'],
    [6, 'kubernetes'],
    [3, 'other'],
  ] as const)('endpoint type %d is %s', (type, kind) => expect(endpointKind(type)).toBe(kind));
});

describe('explanations never show secret values', () => {
  const v = (env: Record<string, string>, compose = 'a\n'): StackValue => ({
    name: 's',
    environment: 'e',
    mode: 'standalone',
    compose,
    env,
  });
  it.each([
    ['compose only', v({}, 'b\n'), v({}), () => true, 'compose file changed'],
    ['a visible variable', v({ PORT: '2' }), v({ PORT: '1' }), () => true, 'variables ~PORT (1 → 2)'],
    [
      'a secret variable',
      v({ PW: 'new-secret' }),
      v({ PW: 'old-secret' }),
      () => false,
      'variables ~PW (secret changed)',
    ],
    ['added and removed', v({ NEW: 'x' }), v({ OLD: 'y' }), () => true, 'variables +NEW, -OLD'],
    ['only the hash marker', v({ PHOENIX_HASH: 'b' }), v({ PHOENIX_HASH: 'a' }), () => true, undefined],
  ])('%s', (_name, d, l, visible, want) => expect(explainStack(d, l, visible)).toBe(want));

  it('masks secret and unknown variables, keeps the markers and declared ones', () => {
    const value = {
      name: 's',
      environment: 'e',
      mode: 'standalone' as const,
      compose: '',
      env: { PW: 'x', PORT: '1', FOREIGN: 'f', PHOENIX_OWNER: 'o' },
    };
    expect(maskedValue(value, new Set(['PW']), new Set(['PW', 'PORT'])).env).toEqual({
      PW: REDACTED,
      PORT: '1',
      FOREIGN: REDACTED,
      PHOENIX_OWNER: 'o',
    });
  });
});

describe('container health', () => {
  const c = (State: string, Status: string, name = 'x') => ({ Id: name, Names: [`/${name}`], State, Status });
  it.each([
    ['nothing yet', [], false, 'no containers found'],
    ['running, no healthcheck', [c('running', 'Up 3 seconds')], true, undefined],
    ['healthy', [c('running', 'Up 3 seconds (healthy)')], true, undefined],
    ['still starting', [c('running', 'Up 1 second (health: starting)')], false, 'x: running, starting'],
    ['unhealthy', [c('running', 'Up 1 minute (unhealthy)')], false, 'x: running, unhealthy'],
    [
      'a finished one-shot job',
      [c('running', 'Up'), c('exited', 'Exited (0) 2 seconds ago', 'init')],
      true,
      undefined,
    ],
    [
      'a crashed container',
      [c('exited', 'Exited (1) 2 seconds ago')],
      false,
      'x: exited (Exited (1) 2 seconds ago)',
    ],
  ] as const)('%s', (_what, list, done, pending) => {
    const a = assessContainers(list, false);
    expect(a.done).toBe(done);
    expect(a.pending[0]).toBe(pending);
  });

  it('reads the Health field of newer Docker APIs, and ignores replaced swarm tasks', () => {
    expect(
      assessContainers([{ Id: 'a', State: 'running', Status: 'Up', Health: { Status: 'starting' } }], false)
        .done,
    ).toBe(false);
    const swarm = [c('running', 'Up 1 second'), c('exited', 'Exited (137) 1 minute ago', 'old-task')];
    expect(assessContainers(swarm, true).done).toBe(true);
    expect(stackLabel('web', true)).toBe('com.docker.stack.namespace=web');
    expect(stackLabel('web', false)).toBe('com.docker.compose.project=web');
  });
});

describe('retry policy', () => {
  it('grows the backoff cap exponentially up to the maximum, jittered below it', () => {
    const b = { baseMs: 100, maxMs: 1000, random: () => 0.999 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, b))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, { ...b, random: () => 0 })).toBe(0);
  });

  it.each([
    [500, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [429, false],
  ])('status %d retried: %s', (status, yes) => expect(isRetryableStatus(status)).toBe(yes));
});

describe('planning', () => {
  it('the live state planned against itself changes nothing', () => {
    const { deployments, environments } = estate();
    const state = desired(deployments, environments);
    const envNames = ['local', 'vm-1002', 'vm-1003'];
    const live: StacksLive = {
      environments: envNames.map((name, i) => ({
        name,
        endpointId: i + 1,
        stacks: deployments
          .filter((d) => d.portainerEnvironment === name)
          .map((d, k) => {
            const v = desiredValue(d, OWNER, 'standalone');
            return {
              id: 10 * i + k,
              name: v.name,
              type: 2,
              endpointId: i + 1,
              env: v.env,
              owned: true,
              compose: v.compose,
            };
          }),
      })),
    };
    const changes = applyPolicy(planStacks(state, options({ prune: true }), live), options({ prune: true }));
    expect(changes).toHaveLength(6);
    expect(changes.every((c) => c.action === 'noop' && !c.blocked)).toBe(true);
    expect(JSON.stringify(changes)).not.toContain(DB_PASSWORD);
  });
});
