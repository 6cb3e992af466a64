/**
 * A compose file must have a non-empty `services` mapping whose entries are mappings:
 * anything else is a located validation error (exit 1) instead of a deploy that Portainer
 * fails 20 s later, leaving a broken stack behind. Checked on the parser and through
 * `phoenix validate` and `phoenix sync all` on a copy of the example, which write nothing
 * and contact nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCompose } from '../../src/config/compose-file.js';
import { parseDiagnostics, runCli } from '../helpers/cli.js';
import { copyExample, removeDir, snapshotTree, tempDir, writeIn } from '../helpers/root.js';

const CASES: [name: string, text: string, line: number, column: number, message: RegExp][] = [
  ['no services key', 'version: "3.8"\nvolumes:\n  data: {}\n', 1, 1, /needs a `services` mapping/],
  ['services: with nothing', 'version: "3.8"\nservices:\n', 2, 1, /`services` must be a mapping/],
  ['services as a list', 'services:\n  - web\n', 1, 1, /`services` must be a mapping/],
  ['services as text', '# c\nservices: web\n', 2, 1, /`services` must be a mapping/],
  ['an empty services mapping', 'x-common: &c {}\nservices: {}\n', 2, 1, /`services` is empty/],
  [
    'a service with no definition',
    'services:\n  web:\n    image: nginx\n  db:\n',
    4,
    3,
    /service db must be a mapping .* not empty/,
  ],
  [
    'a service that is a list',
    'services:\n  web:\n    - nginx\n',
    2,
    3,
    /service web must be a mapping .* not a list/,
  ],
];

describe('parseCompose: services', () => {
  it.each(CASES)('%s: located error', (_name, text, line, column, message) => {
    const r = parseCompose('stacks/x/docker-compose.yml', text);
    expect(r.compose).toBeUndefined();
    expect(r.errors).toEqual([
      expect.objectContaining({
        source: { file: 'stacks/x/docker-compose.yml', line, column },
        message: expect.stringMatching(message),
        hint: expect.stringContaining('services:'),
      }),
    ]);
  });

  it('accepts one service or more, extension keys and anchors included', () => {
    const text = 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx\n';
    const r = parseCompose('docker-compose.yml', text);
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.compose?.value.services as object)).toEqual(['web']);
  });
});

describe('phoenix validate and sync all with a compose file without services', () => {
  let parent: string;
  beforeAll(() => {
    parent = tempDir('phoenix-compose-');
  });
  afterAll(() => removeDir(parent));

  it.each([['validate'], ['sync', 'all', '--yes']])(
    '%s: exit 1, file:line:col, nothing written or contacted',
    async (...cmd) => {
      const root = copyExample(parent);
      writeIn(root, 'stacks/whoami/docker-compose.yml', '# whoami\nservices:\n');
      const before = snapshotTree(root);
      // A Portainer URL nobody listens on: a contact would fail differently (exit 3 or 4).
      const r = await runCli([...cmd, '--root', root], {
        env: { PHOENIX_PORTAINER_PASSWORD: 'unused-password' },
      });
      expect(r.code, r.err).toBe(1);
      const errors = parseDiagnostics(r.err).filter((d) => d.severity === 'error');
      expect(errors).toContainEqual(
        expect.objectContaining({
          file: expect.stringMatching(/stacks\/whoami\/docker-compose\.yml$/),
          line: 2,
          column: 1,
          message: expect.stringMatching(/`services` must be a mapping/),
        }),
      );
      expect(r.err).toMatch(/nothing was changed/);
      expect(snapshotTree(root)).toEqual(before);
    },
  );
});
