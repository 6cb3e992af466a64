import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedPatch } from '../../src/util/patch.js';

/** What jsdiff writes for the same call: the output unifiedPatch must reproduce byte for byte. */
const library = (oldName: string, newName: string, before: string, after: string) =>
  createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, { context: 3 });

const texts = [
  'a\n',
  'a',
  '\n',
  '\n\n',
  'a\n\nb\n',
  'a\n\nb',
  'services:\n  web:\n    image: x\n',
  'line one\r\nline two\r\n',
  'crlf without end\r\nlast',
  'lone\rcarriage\n',
  'ends in cr\r',
  'ünïcödé «marker»\n— dash\n',
  '  leading spaces\n\ttab\n\\ No newline at end of file\n',
  '+plus\n-minus\n@@ -1 +1 @@\n',
  'x\n'.repeat(500),
];

describe('unifiedPatch', () => {
  it.each(texts.map((t) => [JSON.stringify(t).slice(0, 40), t]))(
    'a create and a delete of %s are jsdiff’s text',
    (_n, text) => {
      expect(unifiedPatch('/dev/null', 'b/etc/x', '', text)).toBe(library('/dev/null', 'b/etc/x', '', text));
      expect(unifiedPatch('a/etc/x', '/dev/null', text, '')).toBe(library('a/etc/x', '/dev/null', text, ''));
      expect(unifiedPatch('1/app (live)', '1/app (desired)', '', text)).toBe(
        library('1/app (live)', '1/app (desired)', '', text),
      );
    },
  );

  it('both sides empty: the header alone, as jsdiff writes it', () => {
    expect(unifiedPatch('/dev/null', 'b/x', '', '')).toBe(library('/dev/null', 'b/x', '', ''));
  });

  it('the same name on both sides gets jsdiff’s Index line', () => {
    expect(unifiedPatch('x', 'x', '', 'a\n')).toBe(library('x', 'x', '', 'a\n'));
    expect(unifiedPatch('x', 'x', '', 'a\n')).toMatch(/^Index: x\n/);
  });

  it('names jsdiff quotes are quoted the same', () => {
    for (const name of ['b/ä', 'b/"q"', 'b/back\\slash', 'b/tab\there'])
      expect(unifiedPatch('/dev/null', name, '', 'a\n')).toBe(library('/dev/null', name, '', 'a\n'));
  });

  it('an update is jsdiff’s own diff', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nH';
    expect(unifiedPatch('a/x', 'b/x', before, after)).toBe(library('a/x', 'b/x', before, after));
  });

  it('random texts of lines, blank lines, CR and missing final newlines', () => {
    let seed = 14;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['a', 'bc', ' ', '\n', '\n', '\r', '\r\n', 'é', '\\', '+', '-'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      const len = next(40);
      for (let i = 0; i < len; i++) text += pieces[next(pieces.length)];
      expect(unifiedPatch('/dev/null', 'b/r', '', text)).toBe(library('/dev/null', 'b/r', '', text));
      expect(unifiedPatch('a/r', '/dev/null', text, '')).toBe(library('a/r', '/dev/null', text, ''));
    }
  });
});
