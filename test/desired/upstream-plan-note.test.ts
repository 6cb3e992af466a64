/**
 * Placement constraints of a standalone deployment are ignored, and the plan says so: the
 * stack change of both backends carries a note; a swarm deployment's does not (pure
 * planning against hand-made observations).
 */
import { describe, expect, it } from 'vitest';
import { planDockerStacks } from '../../src/providers/docker/plan.js';
import { planStacks } from '../../src/providers/portainer/stacks-plan.js';
import { syncOptions } from '../helpers/desired.js';
import { baseGlobal, compose, deriveMemory, vm } from './memory.js';

const NOTE = 'placement constraints ignored for a standalone deployment (node.labels.gpu == true)';

function desired(backend: 'docker' | 'portainer', constraints: string[]) {
  const { desired, rows } = deriveMemory({
    global: baseGlobal({ backend }),
    vms: [vm(1002, 'worker', { docker_stacks: ['app'] })],
    stacks: {
      app: {
        compose: compose('app', ['8080:80']),
        manifest: { placement_constraints: constraints, environments: { production: {} } },
      },
    },
  });
  expect(rows).toEqual([]);
  return desired;
}

describe('the plan notes placement constraints a standalone deployment ignores', () => {
  it.each([
    [false, [NOTE]],
    [true, [undefined]],
  ])('docker backend, swarm %s', (swarm, reasons) => {
    const d = desired('docker', ['node.labels.gpu == true']);
    const engine = { host: d.deployments[0]!.dockerHost, swarm, projects: [] };
    const changes = planDockerStacks(d, { engines: [engine] }, syncOptions());
    expect(changes.map((c) => [c.action, c.reason])).toEqual([['create', reasons[0]]]);
  });

  it.each([
    [undefined, [NOTE]],
    ['swarm-1', [undefined]],
  ])('portainer backend, swarm id %s', (swarmId, reasons) => {
    const d = desired('portainer', ['node.labels.gpu == true']);
    const env = { name: 'worker', vmid: 1002, endpointId: 3, ...(swarmId ? { swarmId } : {}), stacks: [] };
    const changes = planStacks(d, syncOptions(), { environments: [env] });
    expect(changes.map((c) => [c.action, c.reason])).toEqual([['create', reasons[0]]]);
  });

  it('a deployment without constraints gets no note', () => {
    const d = desired('docker', []);
    const engine = { host: d.deployments[0]!.dockerHost, swarm: false, projects: [] };
    expect(planDockerStacks(d, { engines: [engine] }, syncOptions()).map((c) => c.reason)).toEqual([
      undefined,
    ]);
  });
});
