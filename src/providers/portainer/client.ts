/**
 * A small typed HTTP client for the Portainer API, over undici.
 *
 * - TLS is always verified: against the system roots plus, when given, the configured CA
 *   bundle (the Step-CA root). There is no switch to turn verification off.
 * - Auth: an access token (`X-API-Key`), or username/password exchanged for a JWT. A 401
 *   on a JWT request re-authenticates once (shared by concurrent requests) and repeats it.
 * - Each attempt has a timeout; 5xx, connection errors and timeouts are retried with
 *   jittered exponential backoff; other 4xx never are. At most `concurrency` requests run
 *   at once.
 * - Errors name method, path, status and Portainer's message, with secrets redacted.
 */
import { rootCertificates } from 'node:tls';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, FormData, request } from 'undici';
import { ApplyError } from '../../errors.js';
import type { Redactor } from '../../secrets.js';
import {
  backoffDelay,
  isRetryableStatus,
  isTlsError,
  isTransientNetworkError,
  sleep,
  type Backoff,
} from './retry.js';

/** Already-resolved connection settings (the engine resolves `env:`/`file:` references). */
export interface PortainerClientOptions {
  /** Base URL, e.g. `https://portainer.lan:9443` (a trailing `/api` is accepted). */
  url: string;
  /** Extra CA bundle (PEM) trusted on top of the system roots. */
  caPem?: string;
  apiKey?: string;
  username?: string;
  password?: string;
  /** Timeout of one attempt of one request. */
  timeoutMs: number;
  /** Retries after the first attempt, for transient failures. */
  retries: number;
  /** Requests in flight at once. */
  concurrency: number;
  redactor: Redactor;
  /** Backoff tuning (tests shorten it); defaults 250 ms base, 8 s cap, Math.random. */
  backoff?: Partial<Backoff>;
}

/** One request's shape. `path` is relative to `/api`, e.g. `/stacks/3/file`. */
export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** A multipart/form-data body (values sent as text). */
  form?: Record<string, string | number | boolean | undefined>;
  /**
   * Non-2xx answers returned to the caller instead of thrown (e.g. Docker's 503 "not a swarm
   * manager"). `retried`: an earlier attempt of this call failed, so it may have acted (a
   * DELETE that meets 404 then is done).
   */
  accept?: (status: number, body: unknown, retried: boolean) => boolean;
  signal?: AbortSignal;
  /** This call's timeout, when it differs from the client's (deploys take longer). */
  timeoutMs?: number;
  /**
   * Retry after a timeout? Off for deploys: Portainer may still be deploying, and a second
   * create or update would race the first.
   */
  retryOnTimeout?: boolean;
  /**
   * Before repeating a write whose answer may have been lost (5xx, reset, timeout), look
   * for what it would have made: a result ends the call as if it had answered (status 200),
   * so a create that did happen is never sent twice.
   */
  lookup?: () => Promise<unknown>;
}

/** A response the caller accepted. */
export interface PortainerResponse<T> {
  status: number;
  body: T;
}

/** A failed Portainer call: what was asked, what came back, whether a retry may help. */
export class PortainerApiError extends ApplyError {
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    readonly status: number | undefined,
    opts: { cause?: unknown; hint?: string; transient?: boolean } = {},
  ) {
    super(message, opts);
  }
}

/** Longest piece of an error body an error message quotes. */
export const BODY_CHARS = 500;

/**
 * Portainer's error body (`{message, details}`, or any text), redacted and then cut to
 * BODY_CHARS: cutting first could leave part of a secret that no longer matches it.
 */
export function portainerMessage(body: unknown, redactor: Redactor): string | undefined {
  let text: string | undefined;
  if (body && typeof body === 'object') {
    const { message, details } = body as { message?: unknown; details?: unknown };
    const parts = [message, details].filter((x): x is string => typeof x === 'string' && x !== '');
    if (parts.length > 0) text = [...new Set(parts)].join(': ');
  }
  if (typeof body === 'string' && body.trim() !== '') text = body.trim();
  if (text === undefined) return undefined;
  const safe = redactor.redact(text);
  return safe.length > BODY_CHARS ? `${safe.slice(0, BODY_CHARS)}…` : safe;
}

/** The Portainer API client. */
export class PortainerClient {
  private readonly base: string;
  private readonly agent: Agent;
  private readonly limit: LimitFunction;
  private readonly backoff: Backoff;
  private jwt: string | undefined;
  /** Incremented on each login, so a 401 for an old token does not trigger a second login. */
  private tokenGeneration = 0;
  private login: Promise<void> | undefined;
  /** Logins performed: tests assert "re-authenticates once". */
  authCount = 0;

  constructor(private readonly opts: PortainerClientOptions) {
    this.base = opts.url.replace(/\/+$/, '').replace(/\/api$/, '') + '/api';
    if (!/^https?:\/\//.test(this.base))
      throw new ApplyError(`Portainer URL must be http(s)://…, got ${opts.url}`);
    if (!opts.apiKey && !(opts.username && opts.password)) {
      throw new ApplyError('Portainer needs an API key or an admin user and password');
    }
    for (const s of [opts.apiKey, opts.password]) opts.redactor.add(s);
    // A bare `ca` replaces Node's roots; keep them and add the configured bundle.
    this.agent = new Agent(opts.caPem ? { connect: { ca: [...rootCertificates, opts.caPem] } } : {});
    this.limit = pLimit(Math.max(1, opts.concurrency));
    this.backoff = { baseMs: 250, maxMs: 8000, random: Math.random, ...opts.backoff };
  }

  /** Release pooled connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }

  /** GET, returning the parsed body. */
  get<T>(path: string, opts: Omit<RequestOptions, 'json' | 'form'> = {}): Promise<T> {
    return this.request<T>('GET', path, opts).then((r) => r.body);
  }

  /** Send one request with auth, timeout, retries and the concurrency limit. */
  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<PortainerResponse<T>> {
    const isAuth = path === '/auth';
    let reauthed = false;
    let lastError: unknown;
    for (let attempt = 0; ; attempt++) {
      if (!isAuth && !this.opts.apiKey && !this.jwt)
        await this.authenticate(this.tokenGeneration, opts.signal);
      const generation = this.tokenGeneration;
      try {
        const res = await this.limit(() => this.once(method, path, opts));
        if (res.status === 401 && !isAuth && !this.opts.apiKey && !reauthed) {
          // The JWT expired or was revoked: log in again, once, and repeat without using a retry.
          reauthed = true;
          await this.authenticate(generation, opts.signal);
          attempt--;
          continue;
        }
        if ((res.status >= 200 && res.status < 300) || opts.accept?.(res.status, res.body, attempt > 0)) {
          return res as PortainerResponse<T>;
        }
        throw this.httpError(method, path, opts, res.status, res.body, lastError);
      } catch (err) {
        const transient = err instanceof ApplyError ? err.transient : false;
        if (!transient || attempt >= this.opts.retries || opts.signal?.aborted) throw err;
        lastError = err;
        await sleep(backoffDelay(attempt, this.backoff), opts.signal);
        // A failed look settles nothing: the retry goes ahead and its answer decides.
        const found = await opts.lookup?.().catch(() => undefined);
        if (found !== undefined) return { status: 200, body: found as T };
      }
    }
  }

  /** Log in with username/password unless another request already did since `generation`. */
  private async authenticate(generation: number, signal?: AbortSignal): Promise<void> {
    if (this.login) return this.login;
    if (generation !== this.tokenGeneration && this.jwt) return;
    this.login = (async () => {
      const res = await this.request<{ jwt?: string }>('POST', '/auth', {
        // The contract names the fields in lower case; Portainer decodes them case-insensitively.
        json: { username: this.opts.username, password: this.opts.password },
        signal,
      });
      if (!res.body?.jwt) throw new ApplyError('Portainer POST /api/auth returned no token');
      this.opts.redactor.add(res.body.jwt);
      this.jwt = res.body.jwt;
      this.tokenGeneration++;
      this.authCount++;
    })().finally(() => {
      this.login = undefined;
    });
    return this.login;
  }

  /** One attempt: the raw status and parsed body, or a transient/permanent ApplyError. */
  private async once(
    method: string,
    path: string,
    opts: RequestOptions,
  ): Promise<PortainerResponse<unknown>> {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(opts.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, String(v));
    // The pid tells one run's calls from another's in Portainer's logs (and the test double's).
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': `phoenix-sync (pid ${process.pid})`,
    };
    if (this.opts.apiKey) headers['x-api-key'] = this.opts.apiKey;
    else if (this.jwt && path !== '/auth') headers.authorization = `Bearer ${this.jwt}`;
    let body: string | FormData | undefined;
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      const form = new FormData();
      for (const [k, v] of Object.entries(opts.form)) if (v !== undefined) form.append(k, String(v));
      body = form;
    }
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new Error('timeout')),
      opts.timeoutMs ?? this.opts.timeoutMs,
    );
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
    try {
      const res = await request(url, {
        method: method as 'GET',
        headers,
        body,
        dispatcher: this.agent,
        signal,
      });
      const text = await res.body.text();
      const type = String(res.headers['content-type'] ?? '');
      let parsed: unknown = text;
      if (text !== '' && (type.includes('json') || /^[[{]/.test(text))) {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { status: res.statusCode, body: text === '' ? undefined : parsed };
    } catch (err) {
      throw this.networkError(method, path, opts, err, timeout.signal.aborted && !opts.signal?.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  private where(method: string, path: string): string {
    return `Portainer ${method} /api${path}`;
  }

  private httpError(
    method: string,
    path: string,
    opts: RequestOptions,
    status: number,
    body: unknown,
    prev: unknown,
  ) {
    const msg = portainerMessage(body, this.opts.redactor);
    const hint =
      status === 401
        ? this.opts.apiKey
          ? 'check the Portainer API key (sync.portainer.api_key)'
          : 'check the Portainer admin user and password'
        : status === 403
          ? 'the Portainer user lacks the rights for this call (administrator access is needed)'
          : undefined;
    const text = `${this.where(method, path)} failed: HTTP ${status}${msg ? `: ${msg}` : ''}`;
    return new PortainerApiError(this.opts.redactor.redact(text), method, path, status, {
      transient: isRetryableStatus(status),
      ...(hint ? { hint } : {}),
      ...(prev ? { cause: prev } : {}),
    });
  }

  private networkError(method: string, path: string, opts: RequestOptions, err: unknown, timedOut: boolean) {
    if (opts.signal?.aborted) {
      return new PortainerApiError(`${this.where(method, path)} cancelled`, method, path, undefined, {
        cause: err,
      });
    }
    if (timedOut) {
      const text = `${this.where(method, path)} timed out after ${opts.timeoutMs ?? this.opts.timeoutMs} ms`;
      const transient = opts.retryOnTimeout !== false;
      return new PortainerApiError(text, method, path, undefined, { transient, cause: err });
    }
    const detail = this.opts.redactor.redact(err instanceof Error ? err.message : String(err));
    if (isTlsError(err)) {
      return new PortainerApiError(
        `${this.where(method, path)}: TLS verification failed: ${detail}`,
        method,
        path,
        undefined,
        {
          cause: err,
          hint: 'set sync.portainer.ca_file to the CA that signed Portainer’s certificate (the Step-CA root)',
        },
      );
    }
    const text = `${this.where(method, path)}: connection failed: ${detail}`;
    return new PortainerApiError(text, method, path, undefined, {
      transient: isTransientNetworkError(err),
      cause: err,
    });
  }
}
