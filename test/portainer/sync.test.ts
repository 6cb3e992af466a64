/**
 * Stack and environment sync against the Portainer test double, over real HTTP on
 * 127.0.0.1: convergence, zero-write re-runs, exact updates, prune and its guards,
 * ownership and adoption. Every test ends with zero contract violations.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER_VAR, HASH_VAR } from '../../src/providers/portainer/index.js';
import { Redactor } from '../../src/secrets.js';
import {
  actions,
  agent,
  deployment,
  desired,
  estate,
  options,
  startRig,
  sync,
  type Rig,
} from './fixtures.js';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.close();
  expect(rig.double.violations).toEqual([]);
});

const stackByName = (name: string) => rig.double.model.stacks.find((s) => s.Name === name);
const deploysOf = () =>
  Object.fromEntries(rig.double.model.stacks.map((s) => [`${s.EndpointId}/${s.Name}`, s.deploys]));

describe('first and second sync', () => {
  it('creates every environment and stack, then changes nothing and writes nothing', async () => {
    const { deployments, environments } = estate();
    const state = desired(deployments, environments);
    const first = await sync(rig, state);
    expect(first.failed).toEqual([]);
    expect(actions(first.environments)).toEqual({ 'vm-1002': 'create', 'vm-1003': 'create' });
    expect(Object.values(actions(first.stacks))).toEqual(Array(6).fill('create'));
    expect(rig.double.model.endpoints.map((e) => [e.Name, e.Type, e.URL])).toEqual([
      ['local', 1, 'unix:///var/run/docker.sock'],
      ['vm-1002', 2, 'tcp://10.0.0.12:9001'],
      ['vm-1003', 2, 'tcp://10.0.0.13:9001'],
    ]);
    const api = stackByName('api-production');
    expect(api?.Env).toEqual([
      { name: 'API_PORT', value: '8081' },
      { name: 'DB_PASSWORD', value: expect.any(String) },
      { name: OWNER_VAR, value: 'phoenix-test.lan' },
      { name: HASH_VAR, value: deployments[2]?.hash },
    ]);
    expect(rig.double.model.stacks).toHaveLength(6);
    const healthLogs = rig.reporter.events.filter((e) => e.type === 'log' && e.scope === 'stacks');
    expect(healthLogs).toHaveLength(6);

    rig.double.resetCounters();
    const second = await sync(rig, state);
    expect(second.failed).toEqual([]);
    expect(second.results).toEqual([]);
    expect(new Set(Object.values(actions([...second.environments, ...second.stacks])))).toEqual(
      new Set(['noop']),
    );
    const n = rig.double.counts();
    expect(n.writes).toBe(0);
    // One environment list per stage, one stack list, one file per stack (and the login).
    expect(n.reads).toBe(3 + 6);
    expect(n.byRoute['GET /stacks/{id}/file']).toBe(6);
  });

  it('editing one stack’s compose updates exactly that stack', async () => {
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    const before = deploysOf();
    rig.double.resetCounters();
    const edited = deployments.map((d) =>
      d.id === '1003/web-staging'
        ? { ...d, compose: { standalone: d.compose.standalone + '# tuned\n', swarm: d.compose.swarm } }
        : d,
    );
    const run = await sync(rig, desired(edited, environments));
    expect(run.stacks.filter((c) => c.action !== 'noop').map((c) => [c.id, c.action, c.reason])).toEqual([
      ['1003/web-staging', 'update', 'compose file changed'],
    ]);
    expect(run.stacks.find((c) => c.id === '1003/web-staging')?.diff).toContain('+# tuned');
    expect(rig.double.counts().writes).toBe(1);
    expect(rig.double.counts().byRoute['PUT /stacks/{id}']).toBe(1);
    const after = deploysOf();
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual([`3/web-staging`]);
  });

  it('changing one variable updates exactly that stack and sends the full Env', async () => {
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    rig.double.resetCounters();
    const changed = deployments.map((d) =>
      d.id === '1002/api-production'
        ? { ...d, variables: d.variables.map((v) => (v.name === 'API_PORT' ? { ...v, value: '8082' } : v)) }
        : d,
    );
    const run = await sync(rig, desired(changed, environments));
    const update = run.stacks.filter((c) => c.action !== 'noop');
    expect(update.map((c) => [c.id, c.reason])).toEqual([
      ['1002/api-production', 'variables ~API_PORT (8081 → 8082)'],
    ]);
    expect(rig.double.counts().writes).toBe(1);
    expect(stackByName('api-production')?.Env.map((e) => e.name)).toEqual([
      'API_PORT',
      'DB_PASSWORD',
      OWNER_VAR,
      HASH_VAR,
    ]);
    expect(stackByName('api-production')?.Env[0]).toEqual({ name: 'API_PORT', value: '8082' });
  });

  it('normalises live values: line endings, trailing blank lines and Env order are not differences', async () => {
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    for (const s of rig.double.model.stacks) {
      s.file = s.file.replace(/\n/g, '\r\n') + '\r\n\r\n';
      s.Env = [...s.Env].reverse();
    }
    rig.double.resetCounters();
    const run = await sync(rig, desired(deployments, environments));
    expect(run.stacks.filter((c) => c.action !== 'noop').map((c) => c.reason)).toEqual([]);
    expect(rig.double.counts().writes).toBe(0);
  });
});

describe('prune', () => {
  it('plans the delete of a removed assignment, and deletes only with --prune', async () => {
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    const fewer = deployments.filter((d) => d.id !== '1002/web-production');
    const held = await sync(rig, desired(fewer, environments));
    const del = held.stacks.find((c) => c.action === 'delete');
    expect(del).toMatchObject({ id: '1002/web-production', blocked: expect.stringMatching(/--prune/) });
    expect(rig.double.counts().byRoute['DELETE /stacks/{id}']).toBeUndefined();
    expect(stackByName('web-production')).toBeDefined();

    const pruned = await sync(rig, desired(fewer, environments), options({ prune: true }));
    expect(pruned.failed).toEqual([]);
    expect(pruned.stacks.find((c) => c.action === 'delete')?.blocked).toBeUndefined();
    expect(rig.double.counts().byRoute['DELETE /stacks/{id}']).toBe(1);
    expect(stackByName('web-production')).toBeUndefined();
    expect(rig.double.model.stacks).toHaveLength(5);
  });

  it('refuses to prune an environment down to nothing unless --prune-all', async () => {
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    const without1003 = deployments.filter((d) => d.vmid !== 1003);
    const refused = await sync(rig, desired(without1003, environments), options({ prune: true }));
    const deletes = refused.stacks.filter((c) => c.action === 'delete');
    expect(deletes.map((c) => c.id).sort()).toEqual([
      '1003/api-staging',
      '1003/web-staging',
      '1003/worker-production',
    ]);
    for (const c of deletes) expect(c.blocked).toMatch(/wants nothing in environment vm-1003.*--prune-all/);
    expect(rig.double.model.stacks).toHaveLength(6);

    await sync(rig, desired(without1003, environments), options({ prune: true, pruneAll: true }));
    expect(rig.double.model.stacks.map((s) => s.Name).sort()).toEqual([
      'api-production',
      'monitoring-production',
      'web-production',
    ]);
  });

  it('never deletes a stack Phoenix did not make, nor any environment, even with --prune-all', async () => {
    const e = rig.double.model.addEndpoint({ Name: 'vm-1002', Type: 2, URL: 'tcp://10.0.0.12:9001' });
    rig.double.model.addEndpoint({ Name: 'someone-elses', Type: 2, URL: 'tcp://10.9.9.9:9001' });
    rig.double.model.createStack(
      e.Id,
      { Name: 'handmade', StackFileContent: 'services:\n  x:\n    image: y\n' },
      false,
    );
    const run = await sync(rig, desired([], [agent(1002)]), options({ prune: true, pruneAll: true }));
    expect(run.stacks).toEqual([]);
    expect(actions(run.environments)).toEqual({ 'vm-1002': 'noop' });
    expect(rig.double.counts().writes).toBe(0);
  });
});

describe('ownership', () => {
  it('never changes an unmarked stack of a desired name; with --adopt it becomes managed', async () => {
    const local = rig.double.model.endpoints[0]!;
    const foreign = 'services:\n  app:\n    image: hand/made:0\n';
    rig.double.model.createStack(
      local.Id,
      { Name: 'monitoring-production', StackFileContent: foreign, Env: [{ name: 'X', value: '1' }] },
      false,
    );
    const d = deployment({ stack: 'monitoring', vmid: 1001, env: 'local' });
    const run = await sync(rig, desired([d], []));
    expect(run.stacks).toHaveLength(1);
    expect(run.stacks[0]).toMatchObject({
      action: 'update',
      blocked: expect.stringMatching(/not made by Phoenix.*--adopt/),
    });
    expect(run.results).toEqual([]);
    expect(stackByName('monitoring-production')?.file).toBe(foreign);

    const adopted = await sync(rig, desired([d], []), options({ adopt: true }));
    expect(adopted.failed).toEqual([]);
    expect(adopted.stacks[0]).toMatchObject({
      action: 'update',
      reason: 'adopting a resource Phoenix did not make',
    });
    expect(stackByName('monitoring-production')?.Env).toContainEqual({
      name: OWNER_VAR,
      value: 'phoenix-test.lan',
    });
    const again = await sync(rig, desired([d], []));
    expect(actions(again.stacks)).toEqual({ '1001/monitoring-production': 'noop' });
  });

  it('reports a name taken by a foreign compose project as a failed create naming the 409', async () => {
    rig.double.model.addContainer(1, 'by-hand', { 'com.docker.compose.project': 'monitoring-production' });
    const run = await sync(rig, desired([deployment({ stack: 'monitoring', vmid: 1001, env: 'local' })], []));
    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]?.error?.message).toMatch(
      /POST \/api\/stacks\/create\/standalone\/string failed: HTTP 409: A stack with the normalized name 'monitoring-production' already exists/,
    );
  });

  it('holds back a stack that runs Portainer itself unless --include-portainer', async () => {
    const d = deployment({ stack: 'portainer', vmid: 1001, env: 'local', managesPortainer: true });
    const run = await sync(rig, desired([d], []));
    expect(run.stacks[0]?.blocked).toMatch(/runs Portainer itself/);
    expect(rig.double.model.stacks).toEqual([]);
    await sync(rig, desired([d], []), options({ includePortainer: true }));
    expect(rig.double.model.stacks).toHaveLength(1);
  });

  it('leaves an environment of the desired name but another address alone, blocked with the reason', async () => {
    rig.double.model.addEndpoint({ Name: 'vm-1002', Type: 2, URL: 'tcp://10.0.0.99:9001' });
    const run = await sync(rig, desired([], [agent(1002), agent(1003)]));
    expect(run.environments.find((c) => c.id === 'vm-1002')).toMatchObject({
      action: 'update',
      reason: 'exists as agent at tcp://10.0.0.99:9001; the config wants agent at tcp://10.0.0.12:9001',
      blocked: expect.stringMatching(/never modifies/),
    });
    expect(rig.double.model.endpoints.find((e) => e.Name === 'vm-1002')?.URL).toBe('tcp://10.0.0.99:9001');
    expect(rig.double.model.endpoints.map((e) => e.Name)).toContain('vm-1003');
  });
});

describe('modes', () => {
  it('--pull redeploys every managed stack with PullImage', async () => {
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    const before = deploysOf();
    rig.double.resetCounters();
    const run = await sync(rig, desired(deployments, environments), options({ pull: true }));
    expect(run.stacks.every((c) => c.action === 'update' && c.reason?.startsWith('--pull'))).toBe(true);
    expect(rig.double.counts().byRoute['PUT /stacks/{id}']).toBe(6);
    const after = deploysOf();
    expect(Object.keys(after).every((k) => after[k] === (before[k] ?? 0) + 1)).toBe(true);
  });

  it('deploys to a swarm manager as a swarm stack with its SwarmID and the swarm rendering', async () => {
    const mgr = rig.double.model.addEndpoint({
      Name: 'vm-1004',
      Type: 2,
      URL: 'tcp://10.0.0.14:9001',
      swarm: true,
    });
    const d = deployment({ stack: 'web', vmid: 1004 });
    await sync(rig, desired([d], []));
    const s = stackByName('web-production');
    expect(s).toMatchObject({ Type: 1, SwarmId: mgr.swarmId });
    expect(s?.file.startsWith('version: "3.8"')).toBe(true);
    const edited = { ...d, compose: { ...d.compose, swarm: d.compose.swarm + '# v2\n' } };
    const run = await sync(rig, desired([edited], []));
    expect(actions(run.stacks)).toEqual({ '1004/web-production': 'update' });
    expect(run.failed).toEqual([]);
  });

  it('--dry-run plans without writing', async () => {
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments), options({ dryRun: true }));
    expect(run.stacks.filter((c) => c.action === 'create')).toHaveLength(6);
    expect(run.stacks.find((c) => c.id === '1002/web-production')?.reason).toMatch(
      /created by the endpoints stage/,
    );
    expect(rig.double.counts().writes).toBe(0);
  });

  it('a --vm filter narrows the plan and never prunes what it filtered out', async () => {
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    const run = await sync(
      rig,
      desired(deployments, environments),
      options({ prune: true, filters: { vm: [1002] } }),
    );
    expect(Object.keys(actions(run.stacks)).sort()).toEqual(['1002/api-production', '1002/web-production']);
    const stackOnly = await sync(
      rig,
      desired(deployments.slice(0, 2), environments),
      options({ prune: true, filters: { stack: ['web'] } }),
    );
    expect(stackOnly.stacks.some((c) => c.action === 'delete')).toBe(false);
    expect(rig.double.model.stacks).toHaveLength(6);
  });
});

describe('secret rotation', () => {
  it('redacts the old value of a rotated secret variable, which still lives in the stack Env', async () => {
    const old = 'canary-rotated-old-5e1d';
    const fresh = 'canary-rotated-new-77b0';
    const spec = (value: string) => ({
      stack: 'db',
      vmid: 1002,
      variables: [{ name: 'DB_PASSWORD', value, secret: true }],
    });
    await sync(rig, desired([deployment(spec(old))], [agent(1002)]));
    const before = new Redactor();
    rig.redactor = before;
    const run = await sync(rig, desired([deployment(spec(fresh))], [agent(1002)]));
    expect(actions(run.stacks)).toEqual({ '1002/db-production': 'update' });
    // Nothing in this run's config mentions the old value; observing the live Env registered it.
    expect(before.redact(`Portainer said: DB_PASSWORD=${old}`)).not.toContain(old);
  });
});
