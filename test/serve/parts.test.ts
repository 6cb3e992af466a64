/**
 * The small parts of `phoenix serve` on their own: the listen address, the webhook signature,
 * the bearer token, the one-job queue and the log lines.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bearerOk } from '../../src/serve/http.js';
import { ServeLog } from '../../src/serve/log.js';
import { Scheduler, type Want } from '../../src/serve/scheduler.js';
import { isLoopback, parseListen } from '../../src/serve/settings.js';
import { validSignature } from '../../src/serve/webhook.js';
import { Redactor } from '../../src/secrets.js';

describe('listen addresses', () => {
  it('splits host:port and [v6]:port; refuses anything else', () => {
    expect(parseListen('127.0.0.1:9440')).toEqual({ host: '127.0.0.1', port: 9440 });
    expect(parseListen('[::1]:9440')).toEqual({ host: '::1', port: 9440 });
    expect(parseListen('localhost:0')).toEqual({ host: 'localhost', port: 0 });
    for (const bad of ['localhost', ':9440', '127.0.0.1:99999', '::1:9440', '1.2.3.4:80 x', ''])
      expect(parseListen(bad), bad).toBeUndefined();
  });

  it('loopback: localhost, 127.0.0.0/8 and ::1 only', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '::1']) expect(isLoopback(h), h).toBe(true);
    for (const h of [
      '0.0.0.0',
      '::',
      '10.0.0.13',
      'phoenix.lab.internal',
      '127.example.com',
      '::ffff:127.0.0.1',
    ])
      expect(isLoopback(h), h).toBe(false);
  });
});

describe('X-Hub-Signature-256', () => {
  const body = Buffer.from('{"ref":"refs/heads/main"}');
  const sig = (secret: string, b: Buffer = body) =>
    `sha256=${createHmac('sha256', secret).update(b).digest('hex')}`;

  it('holds only for this body under this secret', () => {
    expect(validSignature('s3cret', body, sig('s3cret'))).toBe(true);
    expect(validSignature('s3cret', body, sig('other'))).toBe(false);
    expect(validSignature('s3cret', body, sig('s3cret', Buffer.from(`${body.toString()} `)))).toBe(false);
  });

  it('a missing, truncated, malformed or SHA-1 signature does not hold', () => {
    const good = sig('s3cret');
    for (const bad of [
      undefined,
      '',
      good.slice(0, -2),
      'sha256=zz',
      good.replace('sha256=', 'sha1='),
      'sha256=',
    ])
      expect(validSignature('s3cret', body, bad), String(bad)).toBe(false);
  });
});

describe('bearer token', () => {
  it('needs "Bearer <token>" with exactly the token', () => {
    expect(bearerOk('Bearer tok-123', 'tok-123')).toBe(true);
    expect(bearerOk('bearer tok-123', 'tok-123')).toBe(true);
    for (const bad of [
      undefined,
      '',
      'tok-123',
      'Basic tok-123',
      'Bearer tok-12',
      'Bearer tok-1234',
      'Bearer ',
    ])
      expect(bearerOk(bad, 'tok-123'), String(bad)).toBe(false);
  });
});

describe('the one-job queue', () => {
  it('runs one job, keeps one waiting that later requests join, and merges what they ask', async () => {
    const done: Want[] = [];
    let release!: () => void;
    const q = new Scheduler(async (w) => {
      done.push(w);
      if (done.length === 1) await new Promise<void>((r) => (release = r));
    });
    expect(q.request({ git: 'poll' })).toBe('started');
    expect(q.busy).toBe(true);
    expect(q.request({ git: 'poll' })).toBe('queued');
    expect(q.request({ drift: true })).toBe('joined');
    expect(q.request({ git: 'webhook' })).toBe('joined');
    expect(q.request({ git: 'poll' })).toBe('joined');
    expect(q.waiting).toBe(true);
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toEqual([{ git: 'poll' }, { git: 'webhook', drift: true }]);
    expect(q.busy).toBe(false);
  });

  it('close drops the waiting job, waits for the running one, and refuses more', async () => {
    const done: Want[] = [];
    let release!: () => void;
    const q = new Scheduler(async (w) => {
      done.push(w);
      await new Promise<void>((r) => (release = r));
    });
    q.request({ git: 'poll' });
    q.request({ drift: true });
    const closed = q.close();
    expect(q.request({ git: 'webhook' })).toBe('closed');
    release();
    await closed;
    expect(done).toEqual([{ git: 'poll' }]);
  });

  it('a job that throws does not stop the queue', async () => {
    const done: Want[] = [];
    let fail = true;
    const q = new Scheduler((w) => {
      done.push(w);
      if (fail) {
        fail = false;
        return Promise.reject(new Error('boom'));
      }
      return Promise.resolve();
    });
    q.request({ git: 'poll' });
    q.request({ drift: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toEqual([{ git: 'poll' }, { drift: true }]);
  });
});

describe('the log', () => {
  it('one redacted line per event, prefixed; silenced warning codes left out', () => {
    const out: string[] = [];
    const redactor = new Redactor();
    redactor.add('hunter2-secret');
    const log = new ServeLog((t) => out.push(t), redactor);
    log.line('two\nlines with hunter2-secret');
    const r = log.reporter('poll sync 1a2b');
    r.emit({ type: 'warning-policy', ignore: ['pve-nic-firewall'] });
    r.emit({ type: 'log', level: 'warn', message: 'nic', code: 'pve-nic-firewall' });
    r.emit({ type: 'log', level: 'warn', message: 'other', code: 'something-else' });
    r.emit({ type: 'planned', pending: 1 });
    expect(out.every((l) => /^\d{4}-\d\d-\d\dT\S+Z [^\n]*\n$/.test(l))).toBe(true);
    expect(out.map((l) => l.slice(25))).toEqual([
      'two · lines with «redacted»\n',
      'poll sync 1a2b: warning: other [something-else]\n',
      'poll sync 1a2b: planned: 1 change\n',
    ]);
  });
});
