/**
 * Apply only when asked. With no terminal on stdin (CI, cron, a pipe) a sync that has
 * changes needs --yes: exit 1, a one-line hint, nothing touched; --json never asks. A sync
 * with nothing to do, a dry run and a plan need no --yes. On a real terminal (tmux) the
 * question is asked even when stdout is piped (`sync all | cat`), and reaches the terminal
 * when stderr is redirected too; Ctrl-C at the question stops the run (exit 130).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson, targetFiles } from './harness.js';

describe('no terminal on stdin: a sync with changes needs --yes', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it.each([[[]], [['--json']], [['--json=stream']]])(
    'sync all %j refuses without --yes: exit 1, a one-line hint, nothing changed',
    async (mode) => {
      h.double.resetCounters();
      const r = await phoenix(h, ['sync', 'all', ...mode]);
      expect(r.code, explain(r)).toBe(1);
      const why = mode.length ? /--json never asks, so applying needs --yes/ : /stdin is not a terminal/;
      expect(r.out + r.err).toMatch(/16 changes planned, nothing applied: /);
      expect(r.out + r.err).toMatch(why);
      if (mode.length === 0) {
        // The plan is shown, then the refusal and its hint: one line each.
        expect(r.out).toMatch(/^Plan: 16 to create/m);
        const tail = r.err.trimEnd().split('\n').slice(-2);
        expect(tail[0]).toMatch(/error: 16 changes planned, nothing applied: stdin is not a terminal/);
        expect(tail[1]).toMatch(/^\S* *hint: add --yes to apply without asking/);
      } else if (mode[0] === '--json') {
        const report = JSON.parse(r.out) as { exitCode: number; error: { hint: string } };
        expect(report.exitCode).toBe(1);
        expect(report.error.hint).toMatch(/add --yes/);
      }
      expect(h.double.counts().writes).toBe(0);
      expect(targetFiles(h)).toEqual([]);
      expect(existsSync(join(h.root, '.phoenix.lock'))).toBe(false);
    },
  );

  it('a dry run and a plan need no --yes', async () => {
    expect((await phoenix(h, ['sync', 'all', '--dry-run'])).code).toBe(0);
    expect((await phoenix(h, ['plan'])).code).toBe(0);
    expect((await phoenixJson(h, ['plan'])).code).toBe(0);
    expect(h.double.counts().writes).toBe(0);
  });

  it('--yes applies; then a sync with nothing to do exits 0 without it, in every renderer', async () => {
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    h.double.resetCounters();
    for (const mode of [[], ['--json'], ['--json=stream']]) {
      const again = await phoenix(h, ['sync', 'all', ...mode]);
      expect(again.code, explain(again)).toBe(0);
    }
    expect(h.double.counts().writes).toBe(0);
  });
});

/** Quote one word for the shell tmux runs the command with. */
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('a terminal on stdin (tmux): the question is asked, whatever stdout is', () => {
  let h: Homelab;
  const socket = () => join(h.dir, 'tmux.sock');
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-S', socket(), '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const screen = (name: string) => tmux('capture-pane', '-p', '-J', '-t', name, '-S', '-2000');
  async function waitFor(name: string, pattern: RegExp, ms = 30_000): Promise<string> {
    let text = '';
    for (const until = Date.now() + ms; Date.now() < until;) {
      text = screen(name);
      if (pattern.test(text)) return text;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${pattern} never appeared on the screen:\n${text}`);
  }
  /** Start `phoenix <argv> <redirect>` in a new pane; its exit code is printed after it. */
  function start(name: string, argv: string[], redirect: string): void {
    const cli = [process.execPath, 'bin/phoenix.js', ...argv, '--root', h.root].map(sh).join(' ');
    const env = Object.entries(h.env)
      .map(([k, v]) => `${k}=${sh(v ?? '')}`)
      .join(' ');
    // The exit code of phoenix itself (not of the pipe's last command), shown on the pane.
    const line = `{ env ${env} ${cli}; echo "phoenix-exit=$?" >/dev/tty; } ${redirect}; sleep 600`;
    tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '50', '-c', REPO, line);
  }

  beforeAll(async () => {
    const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0)
      throw new Error(
        `tmux is required to check the question in a real terminal but cannot run (${probe.error?.message ?? probe.stderr}); install it with: apt-get install tmux`,
      );
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
    h = await startHomelab();
  });
  afterAll(async () => {
    if (h) spawnSync('tmux', ['-S', socket(), 'kill-server']);
    await h?.stop();
  });

  it(
    '`sync all 2>log | cat` asks on the terminal itself; "no" changes nothing (exit 1)',
    { timeout: 90_000 },
    async () => {
      const log = join(h.dir, 'stderr.log');
      start('refuse', ['sync', 'all'], `2>${sh(log)} | cat`);
      const asked = await waitFor('refuse', /Apply 16 changes\? Only "yes" applies:/);
      // The plan came through the pipe, the question through /dev/tty.
      expect(asked).toMatch(/^Plan: 16 to create/m);
      tmux('send-keys', '-t', 'refuse', 'no', 'Enter');
      const done = await waitFor('refuse', /phoenix-exit=\d+/);
      expect(done, done).toMatch(/phoenix-exit=1/);
      expect(readFileSync(log, 'utf8')).toMatch(/error: stopped: nothing was changed/);
      expect(h.double.counts().writes).toBe(0);
      expect(targetFiles(h)).toEqual([]);
    },
  );

  it(
    'on a full terminal the question stays under the live tree; Ctrl-C there stops: exit 130, nothing changed',
    { timeout: 90_000 },
    async () => {
      start('ctrlc', ['sync', 'all'], '');
      await waitFor('ctrlc', /Apply 16 changes\? Only "yes" applies:/);
      // Give the live tree's timer time to redraw: the question must survive it.
      await new Promise((r) => setTimeout(r, 500));
      expect(screen('ctrlc')).toMatch(/^Apply 16 changes\? Only "yes" applies:/m);
      expect(screen('ctrlc')).toMatch(/^✓ checks( \(.*\))? \d+\.\ds$/m);
      tmux('send-keys', '-t', 'ctrlc', 'C-c');
      const done = await waitFor('ctrlc', /phoenix-exit=\d+/);
      expect(done, done).toMatch(/phoenix-exit=130/);
      expect(done).toMatch(/^error: interrupted by SIGINT: nothing was changed; the lock is released$/m);
      expect(h.double.counts().writes).toBe(0);
      expect(targetFiles(h)).toEqual([]);
      expect(existsSync(join(h.root, '.phoenix.lock'))).toBe(false);
    },
  );

  it('`sync all | cat` asks on stderr, and "yes" applies (exit 0)', { timeout: 90_000 }, async () => {
    start('apply', ['sync', 'all'], '| cat');
    const asked = await waitFor('apply', /Apply 16 changes\? Only "yes" applies:/);
    expect(asked).toMatch(/^Plan: 16 to create/m);
    expect(h.double.counts().writes).toBe(0);
    tmux('send-keys', '-t', 'apply', 'yes', 'Enter');
    const done = await waitFor('apply', /phoenix-exit=\d+/);
    expect(done, done).toMatch(/phoenix-exit=0/);
    expect(h.double.model.stacks).toHaveLength(6);
    expect((await phoenix(h, ['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
