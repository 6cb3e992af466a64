/**
 * Sync under injected faults: transient failures are retried until the estate converges,
 * a permanent failure stays with its stack, expired tokens re-authenticate once, hung
 * requests time out, and no secret reaches any output.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApplyError, ExitCode } from '../../src/errors.js';
import type { CallInfo } from '../portainer-double/server.js';
import {
  API_KEY,
  DB_PASSWORD,
  PASSWORD,
  desired,
  estate,
  settings,
  startRig,
  sync,
  type Rig,
} from './fixtures.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  expect(rig?.double.violations).toEqual([]);
  rig = undefined;
});

const on = (route: string, stack?: string) => (c: CallInfo) =>
  c.route === route && (stack === undefined || c.stackName === stack);

describe('transient faults', () => {
  it('retries through 5xx bursts and connection resets and converges', async () => {
    rig = await startRig();
    const d = rig.double;
    d.inject({ kind: 'status', status: 502, times: 3 });
    d.inject({ kind: 'reset', times: 2, match: on('GET /stacks') });
    d.inject({ kind: 'status', status: 503, times: 2, match: on('POST /stacks/create/standalone/string') });
    d.inject({
      kind: 'status',
      status: 500,
      times: 1,
      match: on('GET /endpoints/{id}/docker/containers/json'),
    });
    const { deployments, environments } = estate();
    const first = await sync(rig, desired(deployments, environments));
    expect(first.failed.map((r) => r.error?.message)).toEqual([]);
    expect(d.model.stacks).toHaveLength(6);
    // Docker's own 503 to the swarm probe ("not a swarm manager") is an answer, not a fault.
    const injected = d.calls.filter(
      (c) => !c.route.endsWith('/docker/swarm') && typeof c.status === 'number' && c.status >= 500,
    );
    expect(injected).toHaveLength(6);
    expect(d.calls.filter((c) => c.status === 'reset')).toHaveLength(2);

    d.inject({ kind: 'reset', times: 2, match: on('PUT /stacks/{id}') });
    d.inject({ kind: 'status', status: 504, times: 2, match: on('GET /stacks/{id}/file') });
    const edited = deployments.map((x) =>
      x.id === '1001/monitoring-production'
        ? { ...x, compose: { ...x.compose, standalone: `${x.compose.standalone}# v2\n` } }
        : x,
    );
    const second = await sync(rig, desired(edited, environments));
    expect(second.failed).toEqual([]);
    expect(d.model.stacks.find((s) => s.Name === 'monitoring-production')?.file).toMatch(/# v2\n$/);
    expect(d.calls.filter((c) => c.route === 'PUT /stacks/{id}').map((c) => c.status)).toEqual([
      'reset',
      'reset',
      200,
    ]);

    d.resetCounters();
    const third = await sync(rig, desired(edited, environments));
    expect(third.failed).toEqual([]);
    expect(d.counts().writes).toBe(0);
  });

  it('treats a create whose answer was lost as done: it finds its own stack before retrying', async () => {
    rig = await startRig();
    rig.double.inject({
      kind: 'drop-response',
      match: on('POST /stacks/create/standalone/string', 'web-production'),
    });
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments));
    expect(run.failed).toEqual([]);
    expect(rig.double.model.stacks.filter((s) => s.Name === 'web-production')).toHaveLength(1);
    const creates = rig.double.calls.filter(
      (c) => c.route === 'POST /stacks/create/standalone/string' && c.status !== 200,
    );
    expect(creates.map((c) => c.status)).toEqual(['lost']);
  });
});

describe('permanent failure of one stack', () => {
  it('deploys the others, reports the failure with its cause, and converges once the fault clears', async () => {
    rig = await startRig();
    rig.double.inject({
      kind: 'status',
      status: 500,
      times: Infinity,
      message: 'failed to deploy a stack: image example/api:1 not found',
      match: on('POST /stacks/create/standalone/string', 'api-production'),
    });
    const { deployments, environments } = estate();
    const state = desired(deployments, environments);
    const first = await sync(rig, state);
    expect(first.failed).toHaveLength(1);
    const failure = first.failed[0]!;
    expect(failure.change.id).toBe('1002/api-production');
    expect(failure.error).toBeInstanceOf(ApplyError);
    expect((failure.error as ApplyError).exitCode).toBe(ExitCode.applyFailed);
    expect(failure.error?.message).toBe(
      'api-production on vm1002 (vm 1002): Portainer POST /api/stacks/create/standalone/string failed: HTTP 500: failed to deploy a stack: image example/api:1 not found',
    );
    const end = rig.reporter.events.find((e) => e.type === 'change-end' && e.status === 'failed');
    expect(end).toMatchObject({ error: failure.error?.message });
    expect(rig.double.model.stacks.map((s) => s.Name).sort()).toEqual([
      'api-staging',
      'monitoring-production',
      'web-production',
      'web-staging',
      'worker-production',
    ]);

    rig.double.clearFaults();
    rig.double.resetCounters();
    const second = await sync(rig, state);
    expect(second.failed).toEqual([]);
    expect(second.stacks.filter((c) => c.action !== 'noop').map((c) => `${c.action} ${c.id}`)).toEqual([
      'create 1002/api-production',
    ]);
    rig.double.resetCounters();
    await sync(rig, state);
    expect(rig.double.counts().writes).toBe(0);
  });

  it('reports a stack whose containers never become healthy, after the health timeout', async () => {
    rig = await startRig({ s: settings({ health_timeout_seconds: 0.2 }) });
    rig.double.model.behaviour.set('worker-production', { health: 'unhealthy' });
    const { deployments, environments } = estate();
    const run = await sync(
      rig,
      desired(deployments, environments, settings({ health_timeout_seconds: 0.2 })),
    );
    expect(run.failed.map((r) => r.error?.message)).toEqual([
      'worker-production on vm1003 (vm 1003): deployed, but not running after 0.2s: worker-production-worker-1: running, unhealthy',
    ]);
  });

  it('waits for containers that start slowly', async () => {
    rig = await startRig();
    rig.double.model.behaviour.set('worker-production', { healthyAfterPolls: 3 });
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments));
    expect(run.failed).toEqual([]);
    const log = rig.reporter.events.find(
      (e) => e.type === 'log' && e.message.startsWith('worker-production'),
    );
    expect(log).toMatchObject({
      message: 'worker-production on vm1003 (vm 1003): 2 containers, 2 running, 1 healthy',
    });
  });
});

describe('authentication', () => {
  it('re-authenticates exactly once when the JWT expires mid-run', async () => {
    rig = await startRig();
    const { deployments, environments } = estate();
    await sync(rig, desired(deployments, environments));
    expect(rig.providers.client.authCount).toBe(1);
    rig.double.resetCounters();
    // Every token dies while the files are being read, several requests in flight at once.
    rig.double.inject({ kind: 'expire-tokens', match: on('GET /stacks/{id}/file') });
    const edited = deployments.map((d) =>
      d.id === '1002/web-production'
        ? { ...d, compose: { ...d.compose, standalone: `${d.compose.standalone}# v2\n` } }
        : d,
    );
    const run = await sync(rig, desired(edited, environments));
    expect(run.failed).toEqual([]);
    expect(rig.double.counts().auth).toBe(1);
    expect(rig.providers.client.authCount).toBe(2);
    expect(rig.double.counts().writes).toBe(1);
  });

  it('gives up after one re-authentication when the new token is refused too', async () => {
    rig = await startRig();
    rig.double.inject({ kind: 'expire-tokens', times: Infinity, match: on('GET /stacks') });
    const { deployments, environments } = estate();
    await expect(sync(rig, desired(deployments, environments))).rejects.toThrow(
      /GET \/api\/stacks failed: HTTP 401: Unauthorized/,
    );
    expect(rig.double.counts().byRoute['POST /auth']).toBe(2);
  });
});

describe('timeouts', () => {
  it('bounds a hung request by the timeout, retries it, and converges', async () => {
    const s = settings({ request_timeout_seconds: 0.3 });
    rig = await startRig({ s });
    rig.double.inject({ kind: 'hang', match: on('GET /stacks') });
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments, s));
    expect(run.failed).toEqual([]);
    expect(rig.double.calls.filter((c) => c.route === 'GET /stacks').map((c) => c.status)).toEqual([
      'hang',
      200,
    ]);
  });

  it('fails with a clear error after the last retry when Portainer never answers', async () => {
    const s = settings({ request_timeout_seconds: 0.2, retries: 2 });
    rig = await startRig({ s });
    rig.double.inject({ kind: 'hang', times: Infinity, match: on('GET /stacks') });
    const { deployments, environments } = estate();
    await expect(sync(rig, desired(deployments, environments, s))).rejects.toThrow(
      'Portainer GET /api/stacks timed out after 200 ms',
    );
    expect(rig.double.counts().byRoute['GET /stacks']).toBe(3);
  });
});

describe('deploy timeouts', () => {
  it('does not repeat a deploy that timed out: Portainer may still be deploying it', async () => {
    const s = settings({ request_timeout_seconds: 0.2, health_timeout_seconds: 0.3 });
    rig = await startRig({ s });
    rig.double.inject({ kind: 'hang', match: on('POST /stacks/create/standalone/string', 'web-production') });
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments, s));
    expect(run.failed.map((r) => r.error?.message)).toEqual([
      'web-production on vm1002 (vm 1002): Portainer POST /api/stacks/create/standalone/string timed out after 300 ms',
    ]);
    expect(rig.double.counts().byRoute['POST /stacks/create/standalone/string']).toBe(6);
  });
});

describe('secrets', () => {
  it.each(['password', 'apiKey'] as const)(
    'never lets the %s or a secret variable reach events, errors or changes',
    async (auth) => {
      rig = await startRig({ auth });
      // A Portainer that echoes secrets back in its error messages.
      const echo = `bad Env: DB_PASSWORD=${DB_PASSWORD}; auth ${PASSWORD} ${API_KEY}`;
      rig.double.inject({
        kind: 'status',
        status: 500,
        times: Infinity,
        message: echo,
        match: on('POST /stacks/create/standalone/string', 'api-staging'),
      });
      rig.double.inject({
        kind: 'status',
        status: 400,
        times: Infinity,
        message: echo,
        match: on('POST /stacks/create/standalone/string', 'api-production'),
      });
      const { deployments, environments } = estate();
      const run = await sync(rig, desired(deployments, environments));
      expect(run.failed).toHaveLength(2);
      const errors: string[] = [];
      for (const r of run.failed)
        for (let e: unknown = r.error; e instanceof Error; e = e.cause)
          errors.push(e.message, String(e.stack));
      const texts = [
        JSON.stringify(rig.reporter.events),
        JSON.stringify(run.stacks),
        JSON.stringify(run.environments),
        ...errors,
      ];
      const everything = texts.join('\n');
      expect(everything).toContain('«redacted»');
      // Each run knows only the credential it was given; that one and the variable must not leak.
      for (const canary of [auth === 'password' ? PASSWORD : API_KEY, DB_PASSWORD])
        expect(everything).not.toContain(canary);
    },
  );
});
