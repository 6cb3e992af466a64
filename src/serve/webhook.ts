/**
 * `POST /hooks/git`: GitHub, Forgejo and Gitea sign the raw body with the shared secret and
 * send `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`. Only a body whose signature matches
 * triggers anything; the comparison takes the same time whatever the signature holds.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The largest body read (push events of big pushes stay well under it); more is refused (413). */
export const MAX_HOOK_BODY = 2 * 1024 * 1024;

/** Does `header` carry the HMAC-SHA256 of `body` under `secret`? */
export function validSignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length).trim(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  // A malformed hex string decodes short: the lengths differ, and that says nothing secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The forge's event name, whichever forge sent it (`push`, `ping`, …). */
export function hookEvent(req: IncomingMessage): string | undefined {
  const h = req.headers['x-github-event'] ?? req.headers['x-gitea-event'] ?? req.headers['x-forgejo-event'];
  return Array.isArray(h) ? h[0] : h;
}

/** The body, or undefined once it passes `limit` (the rest is not read). */
export function readBody(req: IncomingMessage, limit = MAX_HOOK_BODY): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
