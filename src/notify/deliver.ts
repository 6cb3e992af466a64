/**
 * Sending one notification: a POST, retried with exponential backoff while the failure may
 * pass (no answer, a timeout, 408, 425, 429, 5xx), a bounded number of times. Other answers
 * (4xx, a redirect) will not change by retrying and end the attempts at once.
 */
import type { OutgoingRequest } from './formats.js';

/** How hard to try. */
export interface RetryPolicy {
  /** Attempts in all (the first included). */
  attempts: number;
  /** Wait before the second attempt; doubled for each next one. */
  backoffMs: number;
  /** No wait is longer than this (a Retry-After included). */
  maxBackoffMs: number;
  /** Each attempt's bound, connection and answer included. */
  timeoutMs: number;
}

/** The defaults: 5 attempts over about 15 s, 10 s each at most. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  backoffMs: 1000,
  maxBackoffMs: 30_000,
  timeoutMs: 10_000,
};

/** How a delivery ended. */
export type Delivery = { ok: true; attempts: number } | { ok: false; attempts: number; reason: string };

/** One attempt's outcome: done, worth another try (after `retryAfterMs`, if the receiver said), or not. */
type Attempt = { done: true } | { done: false; retry: boolean; reason: string; retryAfterMs?: number };

/** POST `req` until it is accepted or the policy gives up; never throws. */
export async function deliver(
  req: OutgoingRequest,
  policy: RetryPolicy,
  onRetry: (attempt: number, reason: string, waitMs: number) => void = () => undefined,
): Promise<Delivery> {
  for (let n = 1; ; n++) {
    const a = await attempt(req, policy.timeoutMs);
    if (a.done) return { ok: true, attempts: n };
    if (!a.retry || n >= policy.attempts) return { ok: false, attempts: n, reason: a.reason };
    const wait = Math.min(policy.maxBackoffMs, a.retryAfterMs ?? policy.backoffMs * 2 ** (n - 1));
    onRetry(n, a.reason, wait);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function attempt(req: OutgoingRequest, timeoutMs: number): Promise<Attempt> {
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      // A redirect would carry the token to wherever it points: the operator fixes the URL instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    return { done: false, retry: true, reason: networkReason(err, timeoutMs) };
  }
  // The answer's body is not needed, but must be read for the connection to be reused.
  await res.arrayBuffer().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return { done: true };
  const reason = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  if (res.status >= 300 && res.status < 400)
    return { done: false, retry: false, reason: `${reason} (a redirect: use the URL it points to)` };
  const retry = res.status >= 500 || [408, 425, 429].includes(res.status);
  const after = retryAfter(res.headers.get('retry-after'));
  return { done: false, retry, reason, ...(after !== undefined ? { retryAfterMs: after } : {}) };
}

/** A Retry-After in seconds (the form ntfy and most proxies send); dates are ignored. */
function retryAfter(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}

/** Why fetch threw, in words: undici puts the system error (ECONNREFUSED, …) in `cause`. */
function networkReason(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause =
    err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
