/**
 * Redaction first, then truncation, and every form a secret travels in: secrets containing
 * `"`, `\` and `%`, echoed by a Portainer (the double) raw, JSON-escaped, URL-encoded and in
 * base64, and placed across the 500-character cut of an error body. Checked in the client's
 * errors and in what every renderer (text, live tree, JSON report, JSON stream) prints.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { JsonReporter } from '../../src/output/json-report.js';
import { LiveRenderer } from '../../src/output/live.js';
import { TextRenderer } from '../../src/output/text.js';
import { BODY_CHARS, PortainerClient } from '../../src/providers/portainer/client.js';
import { encodedForms, Redactor, REDACTED } from '../../src/secrets.js';
import { PortainerDouble } from '../portainer-double/server.js';
import { API_KEY, DB_PASSWORD, desired, estate, startRig, sync, type Rig } from './fixtures.js';

/** Secrets with the characters encoders change: a quote, a backslash, a percent sign. */
const SECRETS = ['q"uote\\back%25pct', 'Zx9%"\\:/+?&=<>é-long-enough', 'plain-but-long-0123456789'];

/** Every 6-character piece of each secret: none may survive in any output. */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 6 <= secret.length; i++) out.push(secret.slice(i, i + 6));
  return out;
}

function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.flatMap((s) => [
    ...pieces(s).filter((p) => text.includes(p)),
    ...encodedForms(s)
      .slice(1)
      .filter((f) => text.includes(f)),
  ]);
}

describe('the Redactor', () => {
  it.each(SECRETS)('redacts %j raw, JSON-escaped (twice), Go-escaped, URL- and form-encoded, base64', (s) => {
    const r = new Redactor();
    r.add(s);
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    const samples = [
      `raw ${s} end`,
      JSON.stringify({ message: `bad value ${s}` }),
      JSON.stringify(JSON.stringify({ Env: [{ name: 'X', value: s }] })),
      JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'),
      `GET /x?token=${encodeURIComponent(s)}&y=1`,
      `GET /x?token=${encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`,
      `form ${new URLSearchParams({ password: s }).toString()}`,
      // base64 at each of the three byte offsets, and base64url.
      `Authorization: Basic ${b64(`admin:${s}`)}`,
      `blob ${b64(`a${s}b`)}`,
      `blob ${b64(`ab${s}cd`)}`,
      `url-safe ${Buffer.from(`xy${s}`).toString('base64url')}`,
    ];
    for (const text of samples) {
      const out = r.redact(text);
      expect(out, text).toContain(REDACTED);
      expect(leaks(out, [s]), `${text} → ${out}`).toEqual([]);
    }
  });
});

describe('Portainer error bodies', () => {
  let double: PortainerDouble | undefined;
  let client: PortainerClient | undefined;
  afterEach(async () => {
    await client?.close();
    await double?.stop();
    double = client = undefined;
  });

  async function errorFor(body: { rawBody?: string; message?: string }, secrets: string[]): Promise<string> {
    double = await PortainerDouble.start({ apiKeys: [API_KEY] });
    const redactor = new Redactor();
    for (const s of secrets) redactor.add(s);
    client = new PortainerClient({
      url: double.url,
      apiKey: API_KEY,
      timeoutMs: 2000,
      retries: 0,
      concurrency: 1,
      redactor,
    });
    double.inject({ kind: 'status', status: 400, ...body });
    const err = (await client.get('/stacks').catch((e: unknown) => e)) as Error;
    return err.message;
  }

  it.each(SECRETS)(
    'a secret (%j) across the 500-character cut of a text body never shows in part',
    async (s) => {
      // The secret starts a few characters before the cut, so the cut falls inside it.
      for (const before of [
        BODY_CHARS - 3,
        BODY_CHARS - Math.floor(s.length / 2),
        BODY_CHARS - s.length + 2,
      ]) {
        const message = await errorFor({ rawBody: `${'x'.repeat(before)}${s}${'y'.repeat(100)}` }, [s]);
        expect(message).toMatch(/^Portainer GET \/api\/stacks failed: HTTP 400: x+/);
        expect(leaks(message, [s]), message).toEqual([]);
        await client?.close();
        await double?.stop();
        double = client = undefined;
      }
    },
  );

  it('a JSON body echoing secrets JSON-escaped and URL-encoded: redacted, then cut', async () => {
    const [a, b, c] = SECRETS as [string, string, string];
    const details = JSON.stringify({ Env: [{ name: 'DB', value: a }], url: `?k=${encodeURIComponent(b)}` });
    // The escaped secret ends just before the cut, the encoded one crosses it.
    const message = await errorFor({ message: `${'m'.repeat(440)} ${details} ${c}` }, SECRETS);
    expect(message).toContain(REDACTED);
    expect(message.endsWith('…')).toBe(true);
    expect(leaks(message, SECRETS)).toEqual([]);
  });
});

describe('every renderer', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('prints no piece of a secret that Portainer echoed in any form', async () => {
    rig = await startRig();
    const echoed = SECRETS.map(
      (s) => `${s} ${JSON.stringify(s)} ${encodeURIComponent(s)} ${Buffer.from(s).toString('base64')}`,
    );
    rig.double.inject({
      kind: 'status',
      status: 400,
      times: Infinity,
      rawBody: `${'e'.repeat(470)} ${echoed.join(' | ')}`,
      match: (c) => c.route === 'POST /stacks/create/standalone/string',
    });
    for (const s of SECRETS) rig.redactor.add(s);
    const { deployments, environments } = estate();
    const run = await sync(rig, desired(deployments, environments));
    expect(run.failed.length).toBeGreaterThan(0);
    const events = [
      { type: 'run-start' as const, command: 'sync all', root: '/r', dryRun: false },
      ...rig.reporter.events,
      { type: 'planned' as const, pending: 1 },
      {
        type: 'run-end' as const,
        exitCode: 4,
        durationMs: 1,
        error: { message: `some changes failed: ${run.failed[0]!.error!.message} ${SECRETS.join(' ')}` },
      },
    ];
    const printed: string[] = [];
    const out = (t: string) => void printed.push(t);
    const text = new TextRenderer(rig.redactor, {
      color: false,
      timestamps: true,
      verbose: true,
      width: 60,
      out,
      err: out,
    });
    const tty = Object.assign(new PassThrough(), { columns: 60 });
    tty.on('data', (d: Buffer) => printed.push(d.toString()));
    const live = new LiveRenderer(rig.redactor, tty, {
      color: true,
      verbose: true,
      width: 60,
      out,
      err: out,
    });
    const report = new JsonReporter(rig.redactor, out, false);
    const stream = new JsonReporter(rig.redactor, out, true);
    for (const e of events) for (const r of [text, live, report, stream]) r.onEvent(e);
    const all = printed.join('\n');
    expect(all).toContain(REDACTED);
    expect(leaks(all, [...SECRETS, DB_PASSWORD])).toEqual([]);
  });
});
