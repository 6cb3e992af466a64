/**
 * The root is a jail: hostile files in a root (links out of it, devices, FIFOs, hard links,
 * huge files) are refused with a located error and exit 1, nothing is read past the root,
 * nothing hangs and nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagnostics, runCli } from '../helpers/cli.js';
import { copyExample, removeDir, snapshotTree, tempDir } from '../helpers/root.js';

let parent: string;
let outside: string;
beforeAll(() => {
  parent = tempDir('phoenix-jail-');
  outside = tempDir('phoenix-outside-');
  writeFileSync(join(outside, 'docker-compose.yml'), 'services:\n  leak:\n    image: OUTSIDE-CANARY\n');
  writeFileSync(join(outside, 'phoenix.json'), '{ "environments": { "production": {} } }\n');
});
afterAll(() => {
  removeDir(parent);
  removeDir(outside);
});

interface JailCase {
  name: string;
  /** Make the root hostile; returns the path (relative to the root) the error must name. */
  edit(root: string): string;
  message: RegExp;
  /** The tree holds a FIFO or a device: not even the test's snapshot may read it. */
  unreadable?: boolean;
}

const WHOAMI = join('stacks', 'whoami');
const compose = (root: string) => join(root, WHOAMI, 'docker-compose.yml');

const cases: JailCase[] = [
  {
    name: 'a compose file that is a symlink to /etc/shadow',
    edit: (root) => {
      rmSync(compose(root));
      symlinkSync('/etc/shadow', compose(root));
      return join(WHOAMI, 'docker-compose.yml');
    },
    message: /resolves outside the root/,
  },
  {
    name: 'a compose file that is a symlink to /dev/zero',
    edit: (root) => {
      rmSync(compose(root));
      symlinkSync('/dev/zero', compose(root));
      return join(WHOAMI, 'docker-compose.yml');
    },
    message: /resolves outside the root/,
    unreadable: true,
  },
  {
    name: 'a compose file that is a FIFO',
    edit: (root) => {
      rmSync(compose(root));
      execFileSync('mkfifo', [compose(root)]);
      return join(WHOAMI, 'docker-compose.yml');
    },
    message: /is not a regular file/,
    unreadable: true,
  },
  {
    name: 'a compose file over the size limit',
    edit: (root) => {
      writeFileSync(compose(root), `services:\n  big:\n    image: x\n# ${'x'.repeat(5 * 1024 * 1024)}\n`);
      return join(WHOAMI, 'docker-compose.yml');
    },
    message: /over the limit of 4194304/,
  },
  {
    name: 'a compose file with a second hard link',
    edit: (root) => {
      linkSync(compose(root), join(root, 'other-name.yml'));
      return join(WHOAMI, 'docker-compose.yml');
    },
    message: /has 2 hard links/,
  },
  {
    name: 'a stack folder that is a symlink out of the root',
    edit: (root) => {
      rmSync(join(root, WHOAMI), { recursive: true });
      symlinkSync(outside, join(root, WHOAMI));
      return WHOAMI;
    },
    message: /resolves outside the root/,
  },
  {
    name: 'stacks/ itself a symlink out of the root',
    edit: (root) => {
      const elsewhere = join(outside, `stacks-${Math.random().toString(36).slice(2)}`);
      renameSync(join(root, 'stacks'), elsewhere);
      symlinkSync(elsewhere, join(root, 'stacks'));
      return 'stacks';
    },
    message: /resolves outside the root/,
  },
  {
    name: 'a config file that is a symlink out of the root',
    edit: (root) => {
      const target = join(outside, `vms-${Math.random().toString(36).slice(2)}.json`);
      renameSync(join(root, 'etc', 'phoenix_vm_configs.json'), target);
      symlinkSync(target, join(root, 'etc', 'phoenix_vm_configs.json'));
      return join('etc', 'phoenix_vm_configs.json');
    },
    message: /resolves outside the root/,
  },
  {
    name: 'a manifest file source with a second hard link',
    edit: (root) => {
      const source = join(root, 'stacks', 'monitoring', 'prometheus.yml');
      mkdirSync(join(root, 'elsewhere'));
      linkSync(source, join(root, 'elsewhere', 'prometheus.yml'));
      return join('stacks', 'monitoring', 'phoenix.json');
    },
    message: /file source "prometheus.yml" has 2 hard links/,
  },
];

describe('the root is a jail', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: exit 1, located, nothing read or written',
    async (_name, c) => {
      const root = copyExample(parent);
      const file = c.edit(root);
      const before = c.unreadable ? undefined : snapshotTree(root);
      const rss = process.memoryUsage().rss;
      for (const argv of [['validate'], ['plan', '--offline']]) {
        const r = await runCli([...argv, '--root', root], { cwd: root });
        expect(r.code, r.err).toBe(1);
        const errors = parseDiagnostics(r.err).filter((d) => d.severity === 'error');
        expect(errors).toContainEqual(
          expect.objectContaining({ file, message: expect.stringMatching(c.message) }),
        );
        expect(r.out + r.err).not.toMatch(/OUTSIDE-CANARY|root:[*!$]/);
      }
      expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
      if (before) expect(snapshotTree(root)).toEqual(before);
    },
    15_000,
  );
});
