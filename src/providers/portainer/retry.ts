/**
 * Retry mechanics for the Portainer client: which failures are worth another attempt and
 * how long to wait before it (jittered exponential backoff). Pure, apart from `sleep`.
 */

/** Backoff shape: the delay before retry n (0-based) is random in [0, min(max, base·2ⁿ)]. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
  /** Source of jitter in [0, 1): injectable so tests are deterministic. */
  random: () => number;
}

/** "Full jitter": spreads retries of many clients instead of having them retry in lockstep. */
export function backoffDelay(attempt: number, b: Backoff): number {
  const cap = Math.min(b.maxMs, b.baseMs * 2 ** attempt);
  return Math.floor(b.random() * cap);
}

/** Wait `ms`, or reject as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Network error codes that say "the connection failed, the server may be fine a moment later". */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The first `code` found on an error or its causes. */
export function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Is this thrown network error worth a retry? */
export function isTransientNetworkError(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

/** Is this a certificate verification failure (never retried; needs a CA bundle)? */
export function isTlsError(err: unknown): boolean {
  const code = errorCode(err) ?? '';
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)
  );
}

/** Statuses retried: server errors and gateway trouble. Other 4xx never are. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 && status <= 599;
}
