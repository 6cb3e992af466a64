import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/desired/interpolate.js';

const vars = new Map([
  ['PORT', '8081'],
  ['HOST', 'whoami.lab.internal'],
  ['EMPTY', ''],
]);

describe('interpolate', () => {
  it.each([
    // text, value, missing
    ['${PORT}:80', '8081:80', []],
    ['$PORT:80', '8081:80', []],
    ['Host(`${HOST}`)', 'Host(`whoami.lab.internal`)', []],
    ['${NOPE:-8080}', '8080', []],
    ['${EMPTY:-8080}', '8080', []],
    ['${PORT:-8080}', '8081', []],
    ['${NOPE-8080}', '8080', []],
    ['${EMPTY-8080}', '', []],
    ['${PORT:+set}', 'set', []],
    ['${EMPTY:+set}', '', []],
    ['${EMPTY+set}', 'set', []],
    ['${NOPE+set}', '', []],
    ['${PORT:?must be set}', '8081', []],
    ['${NOPE:?must be set}', '', ['NOPE']],
    ['${EMPTY:?must be set}', '', ['EMPTY']],
    ['${EMPTY?must be set}', '', []],
    ['$$', '$', []],
    ['$${PORT}', '${PORT}', []],
    ['cost: $$5', 'cost: $5', []],
    ['${NOPE}', '', ['NOPE']],
    ['${NOPE}:${ALSO_NOPE}', ':', ['NOPE', 'ALSO_NOPE']],
    ['no variables here', 'no variables here', []],
    ['${EMPTY}', '', []],
  ] as const)('%s → %j', (text, value, missing) => {
    expect(interpolate(text, vars)).toEqual({ value, missing });
  });
});
