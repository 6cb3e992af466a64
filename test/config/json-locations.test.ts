/**
 * parseJson finds positions with its own scan of valid text: it must agree with
 * jsonc-parser's visitor (the reference it replaced) offset for offset, and invalid text must
 * still be located by jsonc-parser.
 */
import { describe, expect, it } from 'vitest';
import { locate, parseJson, scanLocations } from '../../src/config/json.js';

const TRICKY = [
  '{}',
  '[]',
  '"just a string"',
  '  42  ',
  'null',
  '{"a":1,"b":[true,false,null,-1.5e+3,"x"],"c":{}}',
  '{\n\t"k\\"ey": "va\\\\lue\\"", "\\u00e9t\\u00e9": [ [ ], { } , "" ],\r\n "101": {"x": 0}}',
  '[{"a":"b:c"},{"a" : "\\"}:,["}, 1 ,2 ,[3,[4,{"z":[]}]]]',
  '{"dup":1,"dup":2,"emoji":"😀","s":"a\\/b\\n"}',
];

describe('JSON locations', () => {
  it.each(TRICKY)('the scan agrees with jsonc-parser on %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(scanLocations(text)).toEqual(locate(text, []));
  });

  it('locates keys and values after escaped keys and strings with colons and brackets', () => {
    const text = '{\n  "a\\"b": "x:]}",\n  "vms": [\n    { "vmid": 101 },\n    { "vmid": "oops" }\n  ]\n}';
    const { doc } = parseJson('f.json', text);
    expect(doc!.at(['vms', 1, 'vmid'])).toEqual({ file: 'f.json', line: 5, column: 15 });
    expect(doc!.keyAt(['vms', 0], 'vmid')).toEqual({ file: 'f.json', line: 4, column: 7 });
    expect(doc!.keyAt([], 'a"b')).toEqual({ file: 'f.json', line: 2, column: 3 });
    // A path that does not exist falls back to its closest ancestor.
    expect(doc!.at(['vms', 7, 'vmid'])).toEqual({ file: 'f.json', line: 3, column: 10 });
  });

  it('invalid text: every syntax error located by jsonc-parser, no value', () => {
    const r = parseJson('f.json', '{\n  "a": 1,\n  "b": ,\n}');
    expect(r.doc).toBeUndefined();
    expect(r.errors.map((e) => [e.source.line, e.source.column, e.message])).toEqual([
      [3, 8, 'invalid JSON: ValueExpected'],
      [4, 1, 'invalid JSON: PropertyNameExpected'],
      [4, 1, 'invalid JSON: ValueExpected'],
    ]);
    expect(parseJson('f.json', '').errors.map((e) => [e.source.line, e.source.column, e.message])).toEqual([
      [1, 1, 'invalid JSON: ValueExpected'],
    ]);
  });
});
