/** The chunked report writer must print exactly what one JSON.stringify(report, replacer, 2) did. */
import { describe, expect, it } from 'vitest';
import { writeJsonChunked, type Replacer } from '../../src/output/json-write.js';

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
