/**
 * Writes whose answer is lost after Portainer acted (the double's `lost-answer` fault: the
 * connection dropped, or a proxy's 502 in place of the real answer) are retried
 * idempotently: a create looks for what it would have made before it is sent again, a 409
 * for an environment that now exists with our URL is success, and a delete that meets 404
 * on its retry is done. Each case converges in one run and makes nothing twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInfo, Fault } from '../portainer-double/server.js';
import { agent, deployment, desired, estate, options, startRig, sync, type Rig } from './fixtures.js';
import { applyPolicy } from '../../src/plan/policy.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  expect(rig?.double.violations).toEqual([]);
  rig = undefined;
});

const on = (route: string, stack?: string) => (c: CallInfo) =>
  c.route === route && (stack === undefined || c.stackName === stack);

const LOST: Record<string, Pick<Fault, 'status' | 'message'>> = {
  'a dropped connection': {},
  "a proxy's 502": { status: 502, message: 'Bad Gateway' },
};

const statuses = (r: Rig, route: string) =>
  r.double.calls.filter((c) => c.route === route).map((c) => c.status);

describe.each(Object.entries(LOST))('a lost answer (%s)', (_name, fault) => {
  it('environment create: found before the retry, created once, stacks deploy', async () => {
    rig = await startRig();
    rig.double.inject({ kind: 'lost-answer', ...fault, match: on('POST /endpoints') });
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments));
    expect(run.failed.map((r) => r.error?.message)).toEqual([]);
    expect(rig.double.model.endpoints.map((e) => e.Name).sort()).toEqual(['local', 'vm-1002', 'vm-1003']);
    expect(statuses(rig, 'POST /endpoints')).toEqual(['lost', 200]);
    expect(rig.double.model.stacks).toHaveLength(6);
  });

  it('environment create: a 409 on the retry is success when the environment has our URL', async () => {
    rig = await startRig();
    rig.double.inject({ kind: 'lost-answer', ...fault, match: on('POST /endpoints') });
    // The look before the retry fails too (through all of its own retries), so the create
    // is sent again and meets 409.
    rig.double.inject({
      times: 5,
      kind: 'status',
      status: 500,
      match: (c) => c.route === 'GET /endpoints' && c.query.has('name'),
    });
    const env = agent(1002);
    const run = await sync(rig, desired([deployment({ stack: 'web', vmid: 1002 })], [env]));
    expect(run.failed.map((r) => r.error?.message)).toEqual([]);
    expect(statuses(rig, 'POST /endpoints')).toEqual(['lost', 409]);
    expect(rig.double.model.endpoints.filter((e) => e.Name === 'vm-1002')).toHaveLength(1);
    expect(rig.double.model.stacks.map((s) => s.Name)).toEqual(['web-production']);
  });

  it('stack create: found (ours, same hash) before the retry; created once', async () => {
    rig = await startRig();
    rig.double.inject({
      kind: 'lost-answer',
      ...fault,
      match: on('POST /stacks/create/standalone/string', 'api-staging'),
    });
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments));
    expect(run.failed).toEqual([]);
    expect(rig.double.model.stacks.filter((s) => s.Name === 'api-staging')).toHaveLength(1);
    const creates = rig.double.calls.filter(
      (c) => c.route === 'POST /stacks/create/standalone/string' && c.status !== 200,
    );
    expect(creates.map((c) => c.status)).toEqual(['lost']);
  });

  it('stack delete (--prune): a 404 on the retry is done', async () => {
    rig = await startRig();
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    rig.double.resetCounters();
    rig.double.inject({ kind: 'lost-answer', ...fault, match: on('DELETE /stacks/{id}') });
    const fewer = deployments.filter((d) => d.id !== '1003/worker-production');
    const run = await sync(rig, desired(fewer, environments), options({ prune: true }));
    expect(run.failed.map((r) => r.error?.message)).toEqual([]);
    expect(statuses(rig, 'DELETE /stacks/{id}')).toEqual(['lost', 404]);
    expect(rig.double.model.stacks.map((s) => s.Name)).not.toContain('worker-production');
    rig.double.resetCounters();
    await sync(rig, desired(fewer, environments), options({ prune: true }));
    expect(rig.double.counts().writes).toBe(0);
  });
});

describe('what a lost answer must not excuse', () => {
  it('an environment of our name with another URL is a conflict, not success', async () => {
    rig = await startRig();
    const state = desired([], [agent(1002)]);
    const ctx = {
      desired: state,
      options: options(),
      reporter: rig.reporter,
      redactor: rig.redactor,
      signal: new AbortController().signal,
      failedDeployments: new Set<string>(),
    };
    const p = rig.providers.environments;
    const live = await p.observe(ctx);
    const changes = applyPolicy(p.plan(ctx, live), ctx.options);
    // Someone creates vm-1002 elsewhere between our plan and our create.
    rig.double.model.addEndpoint({ Name: 'vm-1002', Type: 2, URL: 'tcp://10.9.9.9:9001' });
    const results = await p.apply(ctx, changes, live);
    expect(results.map((r) => r.error?.message)).toEqual([
      'environment vm-1002 (vm 1002): Portainer POST /api/endpoints failed: HTTP 409: Name is not unique',
    ]);
  });

  it('a delete that meets 404 on its first attempt still fails (the plan saw it a moment ago)', async () => {
    rig = await startRig();
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    rig.double.inject({
      kind: 'status',
      status: 404,
      message: 'Unable to find a stack with the specified identifier inside the database',
      match: on('DELETE /stacks/{id}'),
    });
    const fewer = deployments.filter((d) => d.id !== '1003/worker-production');
    const run = await sync(rig, desired(fewer, environments), options({ prune: true }));
    expect(run.failed.map((r) => r.error?.message)).toEqual([
      expect.stringMatching(/worker-production .*DELETE \/api\/stacks\/\d+ failed: HTTP 404/),
    ]);
  });
});
