import { describe, expect, it } from 'vitest';
import {
  isOwnedBy,
  ownershipHeader,
  parseHeader,
  stripHeader,
  withHeader,
} from '../../src/providers/files/index.js';

const info = { ownerId: 'phoenix-lab', root: '/srv/phoenix' };

describe('ownership header', () => {
  it('names Phoenix, the owner and the root on one comment line', () => {
    expect(ownershipHeader(info)).toBe(
      '# Managed by Phoenix (owner: phoenix-lab, root: /srv/phoenix). Manual edits are overwritten.',
    );
    expect(ownershipHeader(info, '//')).toMatch(/^\/\/ Managed by Phoenix/);
  });

  it('round-trips through parseHeader, with the comment syntax as a parameter', () => {
    const content = withHeader('a=1\n', info);
    expect(parseHeader(content)).toEqual(info);
    expect(parseHeader(content, ';')).toBeUndefined();
    expect(parseHeader(withHeader('x', info, ';'), ';')).toEqual(info);
  });

  it.each([
    ['no header', 'a=1\n', false],
    ['our header', withHeader('a=1\n', info), true],
    ['another owner', withHeader('a=1\n', { ...info, ownerId: 'other' }), false],
    ['header on the second line', `\n${withHeader('', info)}`, false],
    ['the root moved', withHeader('a=1\n', { ...info, root: '/elsewhere' }), true],
  ])('%s → owned %s', (_name, content, owned) => {
    expect(isOwnedBy(content, 'phoenix-lab')).toBe(owned);
  });

  it('replaces an old header rather than stacking headers', () => {
    const once = withHeader('body\n', { ...info, root: '/old' });
    expect(withHeader(once, info)).toBe(`${ownershipHeader(info)}\nbody\n`);
    expect(stripHeader(withHeader('body\n', info))).toBe('body\n');
    expect(stripHeader('body\n')).toBe('body\n');
  });

  it('keeps a root with a newline on one line', () => {
    expect(ownershipHeader({ ownerId: 'x', root: '/a\n/b' }).split('\n')).toHaveLength(1);
  });
});
