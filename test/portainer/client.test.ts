/**
 * The Portainer client on its own, against the double: retry policy, errors, the
 * concurrency limit, and TLS with a throwaway CA made by the real openssl.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  PortainerApiError,
  PortainerClient,
  type PortainerClientOptions,
} from '../../src/providers/portainer/client.js';
import { Redactor } from '../../src/secrets.js';
import { execOk } from '../../src/util/exec.js';
import { PortainerDouble } from '../portainer-double/server.js';
import { API_KEY, PASSWORD } from './fixtures.js';

let double: PortainerDouble | undefined;
let client: PortainerClient | undefined;
afterEach(async () => {
  await client?.close();
  await double?.stop();
  expect(double?.violations ?? []).toEqual([]);
  double = undefined;
  client = undefined;
});

function makeClient(url: string, o: Partial<PortainerClientOptions> = {}): PortainerClient {
  client = new PortainerClient({
    url,
    apiKey: API_KEY,
    timeoutMs: 2000,
    retries: 3,
    concurrency: 4,
    redactor: new Redactor(),
    backoff: { baseMs: 5 },
    ...o,
  });
  return client;
}

async function start(): Promise<PortainerDouble> {
  double = await PortainerDouble.start({ users: { admin: PASSWORD }, apiKeys: [API_KEY] });
  double.model.addEndpoint({ Name: 'local' });
  return double;
}

describe('retries', () => {
  it('retries 5xx with backoff and then succeeds', async () => {
    const d = await start();
    d.inject({ kind: 'status', status: 503, times: 3 });
    const c = makeClient(d.url);
    await expect(c.get('/stacks')).resolves.toEqual([]);
    expect(d.calls.map((x) => x.status)).toEqual([503, 503, 503, 200]);
  });

  it('gives up after the configured retries with a transient error naming method, path, status and message', async () => {
    const d = await start();
    d.inject({ kind: 'status', status: 502, times: Infinity, message: 'bad gateway upstream' });
    const c = makeClient(d.url, { retries: 2 });
    const err = await c.get('/stacks').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortainerApiError);
    expect(err).toMatchObject({
      message: 'Portainer GET /api/stacks failed: HTTP 502: bad gateway upstream',
      method: 'GET',
      path: '/stacks',
      status: 502,
      transient: true,
      exitCode: 4,
    });
    expect(d.calls).toHaveLength(3);
  });

  it('never retries other 4xx', async () => {
    const d = await start();
    const c = makeClient(d.url);
    const err = await c.get('/stacks/999').catch((e: unknown) => e);
    expect(err).toMatchObject({
      message: 'Portainer GET /api/stacks/999 failed: HTTP 404: Stack not found',
      transient: false,
    });
    expect(d.calls).toHaveLength(1);
  });

  it('does not log in with an API key, and a refused key fails at once with a hint', async () => {
    const d = await start();
    const c = makeClient(d.url, { apiKey: 'ptr_wrong_key_0000' });
    const err = await c.get('/stacks').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 401, hint: expect.stringMatching(/api_key/) });
    expect(d.counts()).toMatchObject({ total: 1, auth: 0 });
  });

  it('reports refused credentials without the password', async () => {
    const d = await start();
    const c = makeClient(d.url, {
      apiKey: undefined,
      username: 'admin',
      password: 'canary-wrong-password-1',
    });
    const err = (await c.get('/stacks').catch((e: unknown) => e)) as Error;
    expect(err.message).toBe('Portainer POST /api/auth failed: HTTP 422: Invalid credentials: Unauthorized');
    expect(JSON.stringify(err) + err.stack).not.toContain('canary-wrong-password-1');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const d = await start();
    d.latency.perCallMs = 30;
    const c = makeClient(d.url, { concurrency: 2 });
    await Promise.all(Array.from({ length: 8 }, () => c.get('/system/status')));
    expect(d.maxInFlight).toBe(2);
  });

  it('refuses to be built without credentials or with a non-http URL', () => {
    expect(() => makeClient('http://127.0.0.1:1', { apiKey: undefined })).toThrow(/API key or an admin user/);
    expect(() => makeClient('ftp://x')).toThrow(/must be http/);
  });
});

describe('TLS', () => {
  let dir: string;
  const pem = (name: string) => readFileSync(join(dir, name), 'utf8');

  /** A CA, and a server certificate for 127.0.0.1 signed by it. */
  async function makeCa(prefix: string, withServer: boolean): Promise<void> {
    const o = { timeoutMs: 30_000 };
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    await execOk(
      [
        'openssl',
        'req',
        '-x509',
        ...ec,
        '-keyout',
        join(dir, `${prefix}ca.key`),
        '-out',
        join(dir, `${prefix}ca.pem`),
        '-days',
        '1',
        '-subj',
        `/CN=${prefix}Phoenix Test CA`,
      ],
      o,
    );
    if (!withServer) return;
    await execOk(
      [
        'openssl',
        'req',
        ...ec,
        '-keyout',
        join(dir, 'server.key'),
        '-out',
        join(dir, 'server.csr'),
        '-subj',
        '/CN=127.0.0.1',
      ],
      o,
    );
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
    await execOk(
      [
        'openssl',
        'x509',
        '-req',
        '-in',
        join(dir, 'server.csr'),
        '-CA',
        join(dir, `${prefix}ca.pem`),
        '-CAkey',
        join(dir, `${prefix}ca.key`),
        '-CAcreateserial',
        '-out',
        join(dir, 'server.pem'),
        '-days',
        '1',
        '-extfile',
        join(dir, 'ext.cnf'),
      ],
      o,
    );
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'phoenix-tls-'));
    await makeCa('', true);
    await makeCa('other-', false);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function tlsDouble(): Promise<PortainerDouble> {
    double = await PortainerDouble.start({
      tls: { key: pem('server.key'), cert: pem('server.pem') },
      apiKeys: [API_KEY],
    });
    return double;
  }

  it('verifies Portainer against the configured CA bundle', async () => {
    const d = await tlsDouble();
    expect(d.url.startsWith('https://')).toBe(true);
    const c = makeClient(d.url, { caPem: pem('ca.pem') });
    await expect(c.get('/system/status')).resolves.toMatchObject({ Version: '2.44.0' });
  });

  it.each([
    ['another CA', 'other-ca.pem'],
    ['only the system roots', undefined],
  ])('fails verification with %s, without retrying, and says how to fix it', async (_what, ca) => {
    const d = await tlsDouble();
    const c = makeClient(d.url, ca ? { caPem: pem(ca) } : {});
    const err = await c.get('/system/status').catch((e: unknown) => e);
    expect(err).toMatchObject({
      message: expect.stringMatching(/^Portainer GET \/api\/system\/status: TLS verification failed/),
      transient: false,
      hint: expect.stringMatching(/ca_file/),
    });
    expect(d.calls).toEqual([]);
  });
});
