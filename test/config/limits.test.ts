/**
 * Bounded input: files of a stack and string values are capped (`sync.limits`), each refusal
 * located, exit 1, nothing written, and the oversized content never held in memory whole
 * when a file cap can refuse it first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagnostics, runCli } from '../helpers/cli.js';
import { copyExample, editJson, removeDir, snapshotTree, tempDir } from '../helpers/root.js';

let parent: string;
beforeAll(() => {
  parent = tempDir('phoenix-limits-');
});
afterAll(() => removeDir(parent));

const GLOBAL = join('etc', 'phoenix_hypervisor_config.json');
const MANIFEST = join('stacks', 'whoami', 'phoenix.json');

async function validate(root: string) {
  const r = await runCli(['validate', '--root', root], { cwd: root });
  return { ...r, errors: parseDiagnostics(r.err).filter((d) => d.severity === 'error') };
}

describe('sync.limits', () => {
  it('a manifest with a 50 MB string is refused by its size before it is parsed', async () => {
    const root = copyExample(parent);
    editJson(join(root, MANIFEST), (m) => {
      m.environments.production.variables[1].value = 'x'.repeat(50 * 1024 * 1024);
    });
    const before = snapshotTree(root);
    const rss = process.memoryUsage().rss;
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.errors).toContainEqual(
      expect.objectContaining({
        file: MANIFEST,
        line: 1,
        column: 1,
        message: expect.stringMatching(/is \d+ bytes, over the limit of 4194304/),
      }),
    );
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a string over value_bytes is located at the value, in any JSON file', async () => {
    const root = copyExample(parent);
    editJson(join(root, GLOBAL), (c) => {
      c.sync.limits = { value_bytes: 1024 };
      c.users.comment = 'y'.repeat(2000);
    });
    const r = await validate(root);
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: GLOBAL,
        message: 'users.comment is 2000 bytes, over the limit of 1024',
        hint: 'shorten it, or raise sync.limits.value_bytes',
      }),
    ]);
    expect(r.errors[0]!.line).toBeGreaterThan(1);
  });

  it('stack_file_bytes bounds compose files, and raising it lets them through', async () => {
    const root = copyExample(parent);
    const compose = join('stacks', 'whoami', 'docker-compose.yml');
    writeFileSync(
      join(root, compose),
      `services:\n  whoami:\n    image: traefik/whoami\n    ports: ["\${WHOAMI_PORT}:80"]\n# ${'z'.repeat(3000)}\n`,
    );
    editJson(join(root, GLOBAL), (c) => {
      c.sync.limits = { stack_file_bytes: 2048 };
    });
    const refused = await validate(root);
    expect(refused.code).toBe(1);
    expect(refused.errors).toContainEqual(
      expect.objectContaining({ file: compose, message: expect.stringMatching(/over the limit of 2048/) }),
    );
    editJson(join(root, GLOBAL), (c) => {
      c.sync.limits = { stack_file_bytes: 8192 };
    });
    expect((await validate(root)).errors).toEqual([]);
  });
});
