/**
 * The double's own tests: it honours the contract, rejects what breaks it, behaves like
 * Portainer where Phoenix depends on it, and injects the faults it promises. Plain fetch
 * here, so these tests do not depend on Phoenix's client.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PortainerDouble } from './server.js';

let double: PortainerDouble;
const API_KEY = 'ptr_double_test_key';

beforeEach(async () => {
  double = await PortainerDouble.start({ apiKeys: [API_KEY] });
  double.model.addEndpoint({ Name: 'local' });
});
afterEach(async () => {
  await double.stop();
  // Whatever a test did, the double's own answers honoured the contract.
  expect(double.violations.filter((v) => v.kind === 'response')).toEqual([]);
});

async function call(
  method: string,
  path: string,
  init: { json?: unknown; form?: FormData; headers?: Record<string, string>; raw?: string } = {},
) {
  const headers: Record<string, string> = { 'x-api-key': API_KEY, ...init.headers };
  let body: string | FormData | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) body = init.form;
  else if (init.raw !== undefined) body = init.raw;
  const res = await fetch(`${double.url}/api${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const compose = (image = 'nginx:1.27', extra = '') => `services:\n  web:\n    image: ${image}\n${extra}`;

describe('contract checking', () => {
  it('serves every operation of the vendored contract', () => {
    const routes = double.contract.operations.map((o) => `${o.method} ${o.template}`).sort();
    expect(routes).toEqual(
      [
        'DELETE /stacks/{id}',
        'GET /endpoints',
        'GET /endpoints/{id}',
        'GET /stacks',
        'GET /stacks/{id}',
        'GET /stacks/{id}/file',
        'GET /system/status',
        'POST /auth',
        'POST /endpoints',
        'POST /stacks/create/standalone/string',
        'POST /stacks/create/swarm/string',
        'PUT /stacks/{id}',
      ].sort(),
    );
  });

  it.each([
    ['an unknown route', 'GET', '/nothing/here', {}, /unknown route/],
    ['a wrong method', 'PATCH', '/stacks/1', {}, /method PATCH not allowed/],
    [
      'a wrong content type',
      'POST',
      '/stacks/create/standalone/string?endpointId=1',
      { raw: 'Name=x', headers: { 'content-type': 'text/plain' } },
      /content type text\/plain/,
    ],
    [
      'a body that breaks its schema',
      'POST',
      '/stacks/create/standalone/string?endpointId=1',
      { json: { Name: 'x', StackFileContent: 5 } },
      /must be string/,
    ],
    [
      'a missing required field',
      'POST',
      '/stacks/create/standalone/string?endpointId=1',
      { json: { Name: 'x' } },
      /StackFileContent/,
    ],
    [
      'an unknown body field',
      'POST',
      '/stacks/create/standalone/string?endpointId=1',
      { json: { Name: 'x', StackFileContent: 'a', stackfilecontent: 'b' } },
      /unknown field stackfilecontent/,
    ],
    [
      'a missing required query parameter',
      'POST',
      '/stacks/create/standalone/string',
      { json: { Name: 'x', StackFileContent: compose() } },
      /endpointId/,
    ],
    ['an unknown query parameter', 'GET', '/stacks?endpointId=1', {}, /additional/],
    ['a non-integer path id', 'GET', '/stacks/abc', {}, /integer/],
    [
      'a Docker proxy route the double does not serve',
      'GET',
      '/endpoints/1/docker/images/json',
      {},
      /Docker proxy route/,
    ],
    [
      'the old deprecated stack create',
      'POST',
      '/stacks?type=2&method=string&endpointId=1',
      { json: { Name: 'x' } },
      /method POST not allowed/,
    ],
  ] as const)('answers 400 and records a violation for %s', async (_what, method, path, init, problem) => {
    const r = await call(method, path, init);
    expect(r.status).toBe(400);
    expect(double.violations).toHaveLength(1);
    expect(double.violations[0]?.problems.join('\n')).toMatch(problem);
  });

  it('accepts multipart for POST /endpoints, coercing form text to the declared types', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      Name: 'vm-1002',
      EndpointCreationType: '2',
      URL: 'tcp://10.0.0.12:9001',
      GroupID: '1',
      TLS: 'true',
      TLSSkipVerify: 'true',
      TLSSkipClientVerify: 'true',
    }))
      form.append(k, v);
    const r = await call('POST', '/endpoints', { form });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ Name: 'vm-1002', Type: 2, URL: 'tcp://10.0.0.12:9001' });
    const bad = new FormData();
    bad.append('Name', 'x');
    bad.append('EndpointCreationType', 'agent');
    expect((await call('POST', '/endpoints', { form: bad })).status).toBe(400);
    expect(double.violations).toHaveLength(1);
  });

  it('rejects JSON where the contract wants multipart', async () => {
    const r = await call('POST', '/endpoints', { json: { Name: 'x', EndpointCreationType: 2 } });
    expect(r.status).toBe(400);
    expect(double.violations[0]?.problems.join()).toMatch(/expected multipart\/form-data/);
  });
});

describe('auth', () => {
  it('logs in with username and password (no apiKey, the documented exception) and honours the JWT', async () => {
    const login = await call('POST', '/auth', {
      json: { username: 'admin', password: 'admin-password-123' },
      headers: { 'x-api-key': '' },
    });
    expect(login.status).toBe(200);
    const jwt = String(login.body?.jwt);
    const ok = await fetch(`${double.url}/api/stacks`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(ok.status).toBe(200);
    double.expireTokens();
    const expired = await fetch(`${double.url}/api/stacks`, { headers: { authorization: `Bearer ${jwt}` } });
    expect(expired.status).toBe(401);
    expect(double.violations).toEqual([]);
  });

  it('answers 422 to a wrong password and 401 without credentials; status is public', async () => {
    expect((await call('POST', '/auth', { json: { username: 'admin', password: 'nope' } })).status).toBe(422);
    expect((await fetch(`${double.url}/api/stacks`)).status).toBe(401);
    expect((await call('GET', '/stacks', { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    expect((await fetch(`${double.url}/api/system/status`)).status).toBe(200);
  });
});

describe('Portainer behaviour', () => {
  const create = (
    name: string,
    endpointId = 1,
    file = compose(),
    env: { name: string; value: string }[] = [],
  ) =>
    call('POST', `/stacks/create/standalone/string?endpointId=${endpointId}`, {
      json: { Name: name, StackFileContent: file, Env: env },
    });

  it('lowercases and strips stack names; names are unique per environment; 409 on duplicates', async () => {
    const other = double.model.addEndpoint({ Name: 'vm-1003', Type: 2, URL: 'tcp://10.0.0.13:9001' });
    expect((await create('My Stack!.v2')).body?.Name).toBe('mystackv2');
    const dup = await create('mystackv2');
    expect(dup.status).toBe(409);
    expect(dup.body?.message).toBe("A stack with the normalized name 'mystackv2' already exists");
    expect((await create('mystackv2', other.Id)).status).toBe(200);
  });

  it('counts a name as taken by any container labelled with it, even a foreign one', async () => {
    double.model.addContainer(1, 'handmade', { 'com.docker.compose.project': 'grafana-prod' });
    expect((await create('grafana-prod')).status).toBe(409);
  });

  it('replaces Env wholesale on update, and ignores an identical update unless images are pulled', async () => {
    const s = (
      await create('app', 1, compose(), [
        { name: 'A', value: '1' },
        { name: 'B', value: '2' },
      ])
    ).body as { Id: number };
    const stack = () => double.model.stacks.find((x) => x.Id === s.Id);
    const put = (json: unknown) => call('PUT', `/stacks/${s.Id}?endpointId=1`, { json });
    await put({ StackFileContent: compose(), Env: [{ name: 'A', value: '1' }] });
    expect(stack()?.Env).toEqual([{ name: 'A', value: '1' }]);
    expect(stack()?.deploys).toBe(2);
    await put({ StackFileContent: compose(), Env: [{ name: 'A', value: '1' }] });
    expect(stack()?.deploys).toBe(2);
    await put({ StackFileContent: compose(), Env: [{ name: 'A', value: '1' }], PullImage: true });
    expect(stack()?.deploys).toBe(3);
    const file = await call('GET', `/stacks/${s.Id}/file`);
    expect(file.body).toEqual({ StackFileContent: compose() });
  });

  it('shows a stack’s containers through the Docker proxy, with configurable state and health', async () => {
    await create('db', 1, compose('postgres:16', '    healthcheck:\n      test: ["CMD", "true"]\n'));
    double.model.behaviour.set('db', { healthyAfterPolls: 1 });
    const filters = encodeURIComponent(JSON.stringify({ label: ['com.docker.compose.project=db'] }));
    const list = async () =>
      (await call('GET', `/endpoints/1/docker/containers/json?all=1&filters=${filters}`)).body as unknown as {
        State: string;
        Status: string;
      }[];
    expect((await list())[0]?.Status).toMatch(/health: starting/);
    expect((await list())[0]).toMatchObject({
      State: 'running',
      Status: expect.stringMatching(/\(healthy\)/),
    });
    double.model.behaviour.set('db', { state: 'exited', status: 'Exited (1) 2 seconds ago' });
    expect((await list())[0]).toMatchObject({ State: 'exited' });
  });

  it('answers the swarm probe like Docker: 503 on a standalone engine, the swarm ID on a manager', async () => {
    const mgr = double.model.addEndpoint({ Name: 'swarm', swarm: true });
    const no = await call('GET', '/endpoints/1/docker/swarm');
    expect(no.status).toBe(503);
    expect(String(no.body?.message)).toMatch(/not a swarm manager/);
    expect((await call('GET', `/endpoints/${mgr.Id}/docker/swarm`)).body?.ID).toBe(mgr.swarmId);
  });

  it('fails a deploy of a file compose cannot read, like Portainer (500), and keeps nothing', async () => {
    const r = await create('broken', 1, 'services: [');
    expect(r.status).toBe(500);
    expect(double.model.stacks).toEqual([]);
  });

  it('answers agent creation with 409 on a duplicate name and 500 when the agent is unreachable', async () => {
    const form = (name: string, url: string) => {
      const f = new FormData();
      f.append('Name', name);
      f.append('EndpointCreationType', '2');
      f.append('URL', url);
      return f;
    };
    expect((await call('POST', '/endpoints', { form: form('local', 'tcp://10.0.0.9:9001') })).status).toBe(
      409,
    );
    double.model.unreachableAgents.add('10.0.0.9:9001');
    expect((await call('POST', '/endpoints', { form: form('vm-9', '10.0.0.9:9001') })).status).toBe(500);
  });
});

describe('faults and counters', () => {
  it('injects status bursts, resets, hangs, latency and token expiry, matched by route', async () => {
    double.inject({ kind: 'status', status: 502, times: 2, match: (c) => c.route === 'GET /stacks' });
    expect((await call('GET', '/stacks')).status).toBe(502);
    expect((await call('GET', '/stacks')).status).toBe(502);
    expect((await call('GET', '/stacks')).status).toBe(200);
    double.inject({ kind: 'reset' });
    await expect(call('GET', '/stacks')).rejects.toThrow();
    double.inject({ kind: 'hang' });
    await expect(
      fetch(`${double.url}/api/system/status`, { signal: AbortSignal.timeout(200) }),
    ).rejects.toThrow();
    double.inject({ kind: 'delay', delayMs: 300, match: (c) => c.route === 'GET /system/status' });
    const order: string[] = [];
    await Promise.all([
      call('GET', '/system/status').then(() => order.push('delayed')),
      call('GET', '/stacks').then(() => order.push('prompt')),
    ]);
    expect(order).toEqual(['prompt', 'delayed']);
  });

  it('loses answers after acting: a dropped connection, or a 502 (or any body) in place of the reply', async () => {
    const create = (name: string) =>
      call('POST', '/stacks/create/standalone/string?endpointId=1', {
        json: { Name: name, StackFileContent: compose() },
      });
    double.inject({ kind: 'lost-answer', match: (c) => c.stackName === 'a' });
    await expect(create('a')).rejects.toThrow();
    double.inject({
      kind: 'lost-answer',
      status: 502,
      message: 'Bad Gateway',
      match: (c) => c.stackName === 'b',
    });
    expect(await create('b')).toEqual({ status: 502, body: { message: 'Bad Gateway' } });
    double.inject({ kind: 'lost-answer', status: 504, rawBody: '<html>gateway timeout</html>' });
    const raw = await fetch(`${double.url}/api/stacks/1?endpointId=1`, {
      method: 'DELETE',
      headers: { 'x-api-key': API_KEY },
    });
    expect([raw.status, await raw.text()]).toEqual([504, '<html>gateway timeout</html>']);
    // Each acted: a and b exist, stack 1 (a) is gone.
    expect(double.model.stacks.map((s) => s.Name)).toEqual(['b']);
    expect(double.calls.map((c) => [c.route, c.status, c.replaced])).toEqual([
      ['POST /stacks/create/standalone/string', 'lost', undefined],
      ['POST /stacks/create/standalone/string', 'lost', 502],
      ['DELETE /stacks/{id}', 'lost', 504],
    ]);
  });

  it('tells which processes were writing at the same time, from the pid in the User-Agent', async () => {
    const write = (pid: number, name: string) =>
      call('POST', '/stacks/create/standalone/string?endpointId=1', {
        json: { Name: name, StackFileContent: compose() },
        headers: { 'user-agent': `phoenix-sync (pid ${pid})` },
      });
    double.inject({ kind: 'delay', delayMs: 200, match: (c) => c.stackName === 'slow' });
    await write(101, 'one');
    await write(102, 'two');
    expect(double.overlappingWriters()).toEqual([]);
    await Promise.all([
      write(103, 'slow'),
      new Promise((r) => setTimeout(r, 50)).then(() => write(104, 'fast')),
    ]);
    expect(double.overlappingWriters().map((o) => [o.a.pid, o.b.pid])).toEqual([[103, 104]]);
    expect(double.calls.every((c) => c.end !== undefined && c.end >= c.start)).toBe(true);
  });

  it('counts reads, writes and logins per route', async () => {
    await call('POST', '/auth', { json: { username: 'admin', password: 'admin-password-123' } });
    await call('GET', '/stacks');
    await call('POST', '/stacks/create/standalone/string?endpointId=1', {
      json: { Name: 'a', StackFileContent: compose() },
    });
    expect(double.counts()).toMatchObject({
      total: 3,
      reads: 1,
      writes: 1,
      auth: 1,
      byRoute: { 'GET /stacks': 1, 'POST /auth': 1, 'POST /stacks/create/standalone/string': 1 },
    });
  });
});
