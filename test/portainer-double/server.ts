/**
 * A Portainer test double: a small HTTP(S) server on 127.0.0.1 that serves the endpoints
 * Phoenix uses with Portainer's behaviour (model.ts), checks every request against the
 * vendored contract (contract.ts), injects faults, and counts calls. See BEHAVIOUR.md.
 */
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Contract, type Operation } from './contract.js';
import { normaliseName, PortainerModel, type Reply } from './model.js';
import { dispatch } from './routes.js';

/** What a fault can match on. */
export interface CallInfo {
  method: string;
  /** `METHOD /template`, e.g. `PUT /stacks/{id}` or `GET /endpoints/{id}/docker/swarm`. */
  route: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** The stack a stack call is about (normalised name), when there is one. */
  stackName?: string;
}

/** An injected fault; it fires for the next `times` matching calls (default 1). */
export interface Fault {
  /**
   * status: answer with an error; reset: drop the connection before handling; lost-answer:
   * handle the request (it acts), then lose the answer: drop the connection, or, with
   * `status`, answer that status instead (a proxy's 502) with `message` as its body;
   * drop-response: lost-answer that always drops; hang: never answer; expire-tokens:
   * invalidate every JWT, then go on; delay: add latency.
   */
  kind: 'status' | 'reset' | 'lost-answer' | 'drop-response' | 'hang' | 'expire-tokens' | 'delay';
  match?: (call: CallInfo) => boolean;
  times?: number;
  /** kind status: the status and message to answer with (default 503); lost-answer: see kind. */
  status?: number;
  message?: string;
  /** status, or lost-answer with a status: the body as sent, verbatim (e.g. an HTML error page). */
  rawBody?: string;
  /** kind delay: extra latency of this call. */
  delayMs?: number;
}

/** A request that broke the contract (or a response of the double that did). */
export interface Violation {
  kind: 'request' | 'response';
  method: string;
  path: string;
  problems: string[];
}

/** One received call. */
export interface CallRecord {
  method: string;
  route: string;
  /** `lost`: it acted, then its answer was dropped or replaced (see `replaced`). */
  status: number | 'reset' | 'hang' | 'lost';
  /** lost-answer: the status sent instead of the real one. */
  replaced?: number;
  /** The calling process, from Phoenix's User-Agent `phoenix-sync (pid N)`. */
  pid?: number;
  /** When it arrived and when its answer went (or the connection closed), ms since the epoch. */
  start: number;
  end?: number;
}

/** Two processes whose write windows (first write to last answer) overlap. */
export interface Overlap {
  a: { pid: number; from: number; to: number };
  b: { pid: number; from: number; to: number };
}

/** Options of a double. */
export interface DoubleOptions {
  tls?: { key: string; cert: string };
  users?: Record<string, string>;
  apiKeys?: string[];
}

const PROXY = /^\/endpoints\/(\d+)\/docker(\/.*)$/;
/** The Docker proxy routes the double serves, with the query parameters each accepts. */
const PROXY_ROUTES: Record<string, string[]> = {
  'GET /swarm': [],
  'GET /containers/json': ['all', 'filters'],
};

/** The double. */
export class PortainerDouble {
  readonly model = new PortainerModel();
  readonly contract = Contract.shared();
  readonly violations: Violation[] = [];
  calls: CallRecord[] = [];
  latency = { perCallMs: 0, perDeployMs: 0 };
  /** Most requests in progress at once (what a client's concurrency limit allows). */
  maxInFlight = 0;
  private inFlight = 0;
  private faults: (Fault & { left: number })[] = [];
  private tokens = new Set<string>();
  private server!: Server;
  private scheme = 'http';
  readonly users: Record<string, string>;
  readonly apiKeys: Set<string>;

  private constructor(opts: DoubleOptions) {
    this.users = opts.users ?? { admin: 'admin-password-123' };
    this.apiKeys = new Set(opts.apiKeys ?? []);
  }

  /** Start on a free loopback port. */
  static async start(opts: DoubleOptions = {}): Promise<PortainerDouble> {
    const d = new PortainerDouble(opts);
    const handler = (req: IncomingMessage, res: ServerResponse) => void d.handle(req, res);
    d.server = opts.tls
      ? createHttps({ key: opts.tls.key, cert: opts.tls.cert }, handler)
      : createHttp(handler);
    d.scheme = opts.tls ? 'https' : 'http';
    await new Promise<void>((resolve) => d.server.listen(0, '127.0.0.1', resolve));
    return d;
  }

  /** Base URL, e.g. `http://127.0.0.1:41234` (Phoenix adds `/api`). */
  get url(): string {
    return `${this.scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stop, dropping hung connections. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  inject(f: Fault): void {
    this.faults.push({ ...f, left: f.times ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** Every JWT issued so far becomes invalid (the next call with one gets 401). */
  expireTokens(): void {
    this.tokens.clear();
  }

  resetCounters(): void {
    this.calls = [];
  }

  /**
   * Pairs of processes that were writing at the same time: each process's write window runs
   * from its first write's arrival to its last write's answer (logins excluded). Two syncs
   * holding the root's lock at once show up here.
   */
  overlappingWriters(): Overlap[] {
    const windows = new Map<number, { pid: number; from: number; to: number }>();
    for (const c of this.calls) {
      if (c.pid === undefined || c.method === 'GET' || c.route === 'POST /auth') continue;
      const w = windows.get(c.pid) ?? { pid: c.pid, from: c.start, to: c.end ?? Infinity };
      w.from = Math.min(w.from, c.start);
      w.to = Math.max(w.to, c.end ?? Infinity);
      windows.set(c.pid, w);
    }
    const list = [...windows.values()].sort((x, y) => x.from - y.from);
    const out: Overlap[] = [];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (list[j]!.from < list[i]!.to) out.push({ a: list[i]!, b: list[j]! });
    return out;
  }

  /** Calls by kind: reads (GET), writes (POST/PUT/DELETE but login), logins, per route. */
  counts(): { total: number; reads: number; writes: number; auth: number; byRoute: Record<string, number> } {
    const byRoute: Record<string, number> = {};
    let reads = 0;
    let writes = 0;
    let auth = 0;
    for (const c of this.calls) {
      byRoute[c.route] = (byRoute[c.route] ?? 0) + 1;
      if (c.route === 'POST /auth') auth++;
      else if (c.method === 'GET') reads++;
      else writes++;
    }
    return { total: this.calls.length, reads, writes, auth, byRoute };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    res.on('close', () => this.inFlight--);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://double');
    const path = url.pathname.replace(/^\/api(?=\/)/, '');
    const send = (r: Reply) => {
      res.writeHead(r.status, r.body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(r.body === undefined ? undefined : JSON.stringify(r.body));
    };
    const violate = (problems: string[], route = `${method} ${path}`) => {
      this.violations.push({ kind: 'request', method, path: url.pathname + url.search, problems });
      this.calls.push({ method, route, status: 400, start: Date.now(), end: Date.now() });
      send({ status: 400, body: { message: 'contract violation', details: problems.join('; ') } });
    };
    if (!url.pathname.startsWith('/api/')) return violate([`unknown route ${url.pathname} (not under /api)`]);

    let body: unknown;
    const type = req.headers['content-type'];
    try {
      body = await parseBody(raw, type, req.headers);
    } catch (e) {
      return violate([`unreadable body: ${(e as Error).message}`]);
    }

    let route: string;
    let op: Operation | undefined;
    let pathParams: Record<string, string>;
    const proxy = PROXY.exec(path);
    if (proxy) {
      const key = `${method} ${proxy[2]}`;
      const allowed = PROXY_ROUTES[key];
      if (!allowed) return violate([`Docker proxy route ${key} is not one the double serves`]);
      const extra = [...url.searchParams.keys()].filter((k) => !allowed.includes(k));
      if (extra.length > 0 || body !== undefined)
        return violate([`unexpected query ${extra.join(', ')} or body`]);
      route = `${method} /endpoints/{id}/docker${proxy[2]}`;
      pathParams = { id: proxy[1] as string };
    } else {
      const m = this.contract.match(method, path);
      if ('error' in m) return violate([m.error]);
      op = m.op;
      pathParams = m.pathParams;
      route = `${method} ${op.template}`;
      const problems = this.contract.checkRequest(op, pathParams, url.searchParams, type, body);
      if (problems.length > 0) return violate(problems, route);
    }

    const agent = /\(pid (\d+)\)/.exec(String(req.headers['user-agent'] ?? ''));
    const record: CallRecord = {
      method,
      route,
      status: 0,
      start: Date.now(),
      ...(agent ? { pid: Number(agent[1]) } : {}),
    };
    res.on('close', () => (record.end = Date.now()));
    this.calls.push(record);
    const info: CallInfo = {
      method,
      route,
      path,
      query: url.searchParams,
      body,
      ...this.stackOf(route, pathParams, body),
    };
    if (this.latency.perCallMs > 0) await delay(this.latency.perCallMs);
    let lost: Fault | undefined;
    for (const f of this.faults) {
      if (f.left <= 0 || (f.match && !f.match(info))) continue;
      f.left--;
      if (f.kind === 'expire-tokens') this.expireTokens();
      else if (f.kind === 'drop-response') lost = { kind: 'lost-answer' };
      else if (f.kind === 'lost-answer') lost = f;
      else if (f.kind === 'delay') await delay(f.delayMs ?? 0);
      else if (f.kind === 'reset') {
        record.status = 'reset';
        return void req.socket.destroy();
      } else if (f.kind === 'hang') {
        record.status = 'hang';
        return;
      } else {
        record.status = f.status ?? 503;
        if (f.rawBody !== undefined) {
          res.writeHead(record.status, { 'content-type': 'text/plain' });
          return void res.end(f.rawBody);
        }
        return send({ status: record.status, body: { message: f.message ?? 'injected failure' } });
      }
      break;
    }

    if ((op?.secured ?? Boolean(proxy)) && !this.authorised(req)) {
      record.status = 401;
      return send({ status: 401, body: { message: 'Unauthorized', details: 'Invalid JWT token' } });
    }
    const before = this.model.stacks.reduce((n, s) => n + s.deploys, 0);
    const reply = dispatch(
      this.model,
      { users: this.users, tokens: this.tokens },
      route,
      pathParams,
      url.searchParams,
      body,
    );
    const deployed = this.model.stacks.reduce((n, s) => n + s.deploys, 0) > before;
    if (deployed && this.latency.perDeployMs > 0) await delay(this.latency.perDeployMs);
    if (op) {
      const problems = this.contract.checkResponse(op, reply.status, reply.body);
      if (problems.length > 0)
        this.violations.push({ kind: 'response', method, path: url.pathname, problems });
    }
    if (!lost) {
      record.status = reply.status;
      return send(reply);
    }
    record.status = 'lost';
    if (lost.status === undefined) return void req.socket.destroy();
    record.replaced = lost.status;
    if (lost.rawBody !== undefined) {
      res.writeHead(lost.status, { 'content-type': 'text/html' });
      return void res.end(lost.rawBody);
    }
    send({ status: lost.status, body: { message: lost.message ?? 'Bad Gateway' } });
  }

  private authorised(req: IncomingMessage): boolean {
    const key = req.headers['x-api-key'];
    if (typeof key === 'string') return this.apiKeys.has(key);
    const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    return m !== null && this.tokens.has(m[1] as string);
  }

  private stackOf(route: string, params: Record<string, string>, body: unknown): { stackName?: string } {
    if (route.startsWith('POST /stacks/create/'))
      return { stackName: normaliseName(String((body as { Name?: unknown })?.Name ?? '')) };
    if (route.includes('/stacks/{id}')) {
      const s = this.model.stacks.find((x) => x.Id === Number(params.id));
      return s ? { stackName: s.Name } : {};
    }
    return {};
  }
}

/** JSON, multipart (through the WHATWG Request parser) or nothing. */
async function parseBody(
  raw: Buffer,
  type: string | undefined,
  headers: IncomingMessage['headers'],
): Promise<unknown> {
  if (raw.length === 0) return undefined;
  const media = type?.split(';')[0]?.trim().toLowerCase();
  if (media === 'application/json') return JSON.parse(raw.toString('utf8')) as unknown;
  if (media === 'multipart/form-data') {
    const form = await new Request('http://double/', {
      method: 'POST',
      headers: { 'content-type': String(headers['content-type']) },
      body: new Uint8Array(raw),
    }).formData();
    const out: Record<string, string> = {};
    for (const [k, v] of form.entries()) out[k] = typeof v === 'string' ? v : await v.text();
    return out;
  }
  return raw.toString('utf8');
}
