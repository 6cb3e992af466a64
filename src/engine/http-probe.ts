/**
 * The http readiness probe: GET a URL (with the internal CA added to the system roots) and
 * check its status and, optionally, one JSON field. A module of its own so the checks load
 * the HTTP client only when an http check runs; it imports undici statically because a
 * bundled dynamic import of a CommonJS package yields only its default export.
 */
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';

/** What an http probe needs of a check (checks.ts's CheckSpec has these and more). */
export interface HttpProbe {
  url?: string;
  timeoutMs: number;
  caFile?: string;
  expectStatus?: number;
  jsonField?: string;
  jsonValue?: string;
}

/** Probe one http check; resolves with what answered, throws why not. */
export async function probeHttp(c: HttpProbe): Promise<string> {
  const url = c.url ?? '';
  const ca = c.caFile ? [...rootCertificates, readFileSync(c.caFile, 'utf8')] : undefined;
  const dispatcher = new Agent({
    connect: { timeout: c.timeoutMs, ...(ca ? { ca } : {}) },
    headersTimeout: c.timeoutMs,
    bodyTimeout: c.timeoutMs,
  });
  try {
    const res = await request(url, { method: 'GET', dispatcher, signal: AbortSignal.timeout(c.timeoutMs) });
    const body = await res.body.text();
    const expect = c.expectStatus ?? 200;
    if (res.statusCode !== expect) throw new Error(`${url} answered ${res.statusCode}, expected ${expect}`);
    if (c.jsonField) {
      let value: unknown;
      try {
        value = c.jsonField
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], JSON.parse(body));
      } catch {
        throw new Error(`${url} did not answer JSON`);
      }
      if (value === undefined) throw new Error(`${url} answered without "${c.jsonField}"`);
      if (c.jsonValue !== undefined && String(value) !== c.jsonValue)
        throw new Error(`${url}: ${c.jsonField} is "${String(value)}", expected "${c.jsonValue}"`);
    }
    return `${url} answered ${res.statusCode}`;
  } catch (err) {
    const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
    if (e.message.startsWith(url)) throw e;
    throw new Error(`${url}: ${e.cause?.code ?? e.code ?? e.cause?.message ?? e.message}`, { cause: err });
  } finally {
    await dispatcher.close();
  }
}
