/**
 * The HTTP side of serve, on node:http: `/` and `/runs/<id>` (HTML), `/metrics`
 * (Prometheus text), `/healthz` (small JSON, never guarded: a load balancer or systemd check
 * has no token), and `POST /hooks/git` (guarded by its signature instead, since forges send
 * no bearer token). With a token set, every other path needs `Authorization: Bearer <token>`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ServeLog } from './log.js';
import { hookEvent, readBody, validSignature } from './webhook.js';

/** What the routes answer with (built by start.ts from the service, the history and the pages). */
export interface Routes {
  status(): Promise<string>;
  run(id: number): Promise<string | undefined>;
  metrics(): Promise<{ contentType: string; body: string }>;
  health(): Record<string, unknown>;
  /** A webhook whose signature matched: what to answer. */
  hook(event: string | undefined): { code: number; message: string };
}

/** The server's guards. */
export interface Guards {
  token?: string;
  webhookSecret?: string;
}

/** A server answering `routes`; not yet listening. */
export function serveHttp(routes: Routes, guards: Guards, log: ServeLog): Server {
  const server = createServer((req, res) => {
    handle(req, res, routes, guards, log).catch((err: unknown) => {
      log.line(`http: ${req.method} ${path(req)}: ${(err as Error).message}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n');
      else res.destroy();
    });
  });
  // A slow client cannot hold a connection open for ever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}

function path(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Routes,
  guards: Guards,
  log: ServeLog,
): Promise<void> {
  const p = path(req);
  const from = req.socket.remoteAddress ?? '?';
  if (p === '/hooks/git') return hook(req, res, routes, guards, log, from);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'text/plain', 'method not allowed\n');
  }
  if (p === '/healthz') return send(res, 200, 'application/json', `${JSON.stringify(routes.health())}\n`);
  if (guards.token !== undefined && !bearerOk(req.headers.authorization, guards.token)) {
    log.line(`http: ${req.method} ${p} from ${from}: 401 (missing or wrong bearer token)`);
    res.setHeader('WWW-Authenticate', 'Bearer realm="phoenix"');
    return send(res, 401, 'text/plain', 'a bearer token is required (Authorization: Bearer …)\n');
  }
  if (p === '/') return send(res, 200, 'text/html; charset=utf-8', await routes.status());
  if (p === '/metrics') {
    const m = await routes.metrics();
    return send(res, 200, m.contentType, m.body);
  }
  const run = /^\/runs\/(\d{1,12})$/.exec(p);
  if (run) {
    const html = await routes.run(Number(run[1]));
    if (html !== undefined) return send(res, 200, 'text/html; charset=utf-8', html);
  }
  return send(res, 404, 'text/plain', 'not found\n');
}

async function hook(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Routes,
  guards: Guards,
  log: ServeLog,
  from: string,
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return send(res, 405, 'text/plain', 'POST only\n');
  }
  if (guards.webhookSecret === undefined) {
    req.resume();
    log.line(
      `webhook from ${from}: refused (404): sync.serve.webhook_secret is not set, so the webhook is off`,
    );
    return send(res, 404, 'text/plain', 'the webhook is off (no webhook_secret)\n');
  }
  const body = await readBody(req);
  if (body === undefined) {
    log.line(`webhook from ${from}: refused (413): the body is too large`);
    return send(res, 413, 'text/plain', 'body too large\n');
  }
  const sig = req.headers['x-hub-signature-256'];
  if (!validSignature(guards.webhookSecret, body, Array.isArray(sig) ? sig[0] : sig)) {
    log.line(
      `webhook from ${from}: refused (401): ${sig ? 'X-Hub-Signature-256 does not match' : 'no X-Hub-Signature-256 header'}; nothing triggered`,
    );
    return send(res, 401, 'text/plain', 'bad or missing X-Hub-Signature-256\n');
  }
  const answer = routes.hook(hookEvent(req));
  return send(res, answer.code, 'text/plain', `${answer.message}\n`);
}

/** Does the Authorization header carry the token? Compared in constant time (hashes: equal lengths). */
export function bearerOk(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m?.[1]) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1].trim()), digest(token));
}

function send(res: ServerResponse, code: number, type: string, body: string): void {
  res.writeHead(code, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
