/** The chunked report writer must print exactly what one JSON.stringify(report, replacer, 2) did. */
import { describe, expect, it } from 'vitest';
import { writeJsonChunked, type Replacer } from '../../src/output/json-write.js';
import { Redactor } from '../../src/secrets.js';

function both(report: object, replacer: Replacer) {
  const pieces: string[] = [];
  writeJsonChunked(report, replacer, (t) => void pieces.push(t));
  return { pieces, text: pieces.join(''), reference: JSON.stringify(report, replacer, 2) + '\n' };
}

describe('writeJsonChunked', () => {
  // Marks every string it sees: a string passed through twice would show two marks.
  const mark: Replacer = (_k, v) => (typeof v === 'string' ? `${v}!` : v);

  it('matches JSON.stringify byte for byte, every string replaced exactly once', () => {
    const report = {
      version: 1,
      command: 'plan',
      missing: undefined,
      dryRun: true,
      empty: [],
      none: {},
      nothing: null,
      diagnostics: [
        { file: 'a.json', line: 1, message: 'line one\nline "two"', nested: { deep: [1, [2, {}]] } },
      ],
      changes: [{ id: 'vm:1', before: null, after: { labels: ['a', 'b'] } }, 'plain', 3, null, []],
      summary: { create: 2, update: 0 },
    };
    const { text, reference } = both(report, mark);
    expect(text).toBe(reference);
    expect(text).not.toContain('!!');
    expect(text).not.toContain('missing');
  });

  it('writes a large report in pieces of about 64 KB, none of them the whole text', () => {
    const changes = Array.from({ length: 5000 }, (_, i) => ({ id: `stack:app${i}`, action: 'create', n: i }));
    const { pieces, text, reference } = both({ version: 1, changes, results: [] }, mark);
    expect(text).toBe(reference);
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(70 * 1024);
  });

  it('an empty report is {}', () => {
    expect(both({}, mark).text).toBe('{}\n');
  });
});

describe('writeJsonChunked with a redactor deciding which pieces need the replacer', () => {
  // Secrets in awkward forms: with a quote and a backslash (escaped by JSON), with `<` (which
  // Go's encoder escapes), and one that only ever appears base64-encoded or percent-encoded.
  const secrets = ['pa"ss\\word', 'a<b&c>d-secret', 'base64-only-secret', 'url encoded/secret'] as const;
  const redactor = new Redactor();
  for (const s of secrets) redactor.add(s);
  const replacer: Replacer = (_k, v) => (typeof v === 'string' ? redactor.redact(v) : v);
  const write = (report: object) => {
    const pieces: string[] = [];
    writeJsonChunked(
      report,
      replacer,
      (t) => void pieces.push(t),
      (t) => redactor.foundInJson(t),
    );
    return pieces.join('');
  };

  it('prints what the replacer on every string prints, byte for byte', () => {
    const strings = [
      'plain',
      `raw ${secrets[0]} inside`,
      `go-escaped ${JSON.stringify(secrets[1]).slice(1, -1).replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')} echoed`,
      `json-escaped ${JSON.stringify(secrets[0]).slice(1, -1)} echoed`,
      `Authorization: Basic ${Buffer.from(`user:${secrets[2]}`).toString('base64')}`,
      `https://x.test/?q=${encodeURIComponent(secrets[3])}`,
    ];
    const changes = strings.map((s, i) => ({ id: `c${i}`, label: s, after: { nested: [s] } }));
    const report = { version: 1, changes, note: strings[1], clean: 'nothing here' };
    const text = write(report);
    expect(text).toBe(JSON.stringify(report, replacer, 2) + '\n');
    for (const s of secrets) expect(text).not.toContain(s);
    expect(text.match(/«redacted»/g)?.length).toBeGreaterThanOrEqual(2 * (strings.length - 1));
  });

  it('leaves a report without secrets as JSON.stringify prints it', () => {
    const report = { version: 1, changes: [{ id: 'a', label: 'no secret', n: 1 }] };
    expect(write(report)).toBe(JSON.stringify(report, null, 2) + '\n');
  });
});
