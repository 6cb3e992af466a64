/**
 * The three renderers on a real sync of the homelab: plain lines for logs (no escape codes,
 * timestamps), `--json` (one report, version 1), `--json=stream` (NDJSON), and the
 * interactive live tree, checked once in a real pseudo-terminal (tmux) running the built CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_VERSION } from '../../src/output/json-report.js';
import { runCli } from '../helpers/cli.js';
import { REPO, replaceIn } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson } from './harness.js';

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const ESCAPES = /[\x1b\x9b]/;
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /;

describe('plain and JSON renderers', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('plain lines (not a terminal): no escape codes, a timestamp on every progress line', async () => {
    const r = await runCli(['sync', 'all', '--yes', '--root', h.root], {
      env: { ...h.env, TERM: 'xterm-256color' },
      isTTY: false,
    });
    expect(r.code, explain(r)).toBe(0);
    expect(ESCAPES.test(r.out + r.err)).toBe(false);
    const lines = r.err.split('\n').filter(Boolean);
    expect(lines.filter((l) => !STAMP.test(l))).toEqual([]);
    expect(lines.some((l) => /Z ✓ create n8n-production on services \(vm 1003\) \(\d+ ms\)$/.test(l))).toBe(
      true,
    );
    expect(lines.some((l) => /Z stage stacks: started$/.test(l))).toBe(true);
    expect(lines.some((l) => /Z Stacks: ok in \d+ ms$/.test(l))).toBe(true);
    expect(
      lines.some((l) => /Z Summary +status +made +unchanged +held back +failed +skipped +time$/.test(l)),
    ).toBe(true);
    expect(r.out).toMatch(/^Plan: 16 to create, 0 to update, 0 to delete, 0 unchanged, 1 held back\.$/m);
  });

  it('no escape codes on a terminal either when NO_COLOR is set', async () => {
    const r = await runCli(['sync', 'all', '--yes', '--root', h.root], {
      env: { ...h.env, NO_COLOR: '1' },
      isTTY: true,
    });
    expect(r.code, explain(r)).toBe(0);
    expect(r.out).toMatch(/^Plan: 0 to create/m);
    expect(ESCAPES.test(r.out + r.err)).toBe(false);
  });

  it('--json prints one report of version 1', async () => {
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.report).toMatchObject({
      version: REPORT_VERSION,
      command: 'sync all',
      root: h.root,
      dryRun: false,
      exitCode: 0,
    });
    expect(REPORT_VERSION).toBe(1);
    expect(r.report.stages.map((s) => s.stage)).toEqual(
      expect.arrayContaining(['checks', 'dns', 'firewall', 'endpoints', 'stacks', 'traefik']),
    );
    expect(r.report.checks.map((c) => c.name).sort()).toEqual(['dns', 'portainer']);
    // scratch/ has only a compose file: a plain-compose stack, not a skipped folder
    expect(r.report.discovery?.stacks).toContain('scratch');
    expect(r.report.discovery?.skipped).toEqual([]);
  });

  it('--json=stream prints NDJSON: every line one event with a type', async () => {
    replaceIn(h.root, 'stacks/n8n/docker-compose.yml', '"5678:5678"', '"5679:5678"');
    const r = await phoenix(h, ['sync', 'all', '--yes', '--json=stream']);
    expect(r.code, explain(r)).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines.pop()).toBe('');
    const events = lines.map((l, i) => {
      try {
        return JSON.parse(l) as { type?: unknown };
      } catch {
        throw new Error(`line ${i + 1} is not JSON: ${l}`);
      }
    });
    for (const e of events) expect(typeof e.type).toBe('string');
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', exitCode: 0 });
    const types = new Set(events.map((e) => e.type));
    for (const t of [
      'discovery',
      'check-end',
      'plan',
      'planned',
      'stage-start',
      'change-start',
      'change-end',
      'stage-end',
    ])
      expect(types, t).toContain(t);
    const ends = events.filter(
      (e): e is { type: 'change-end'; change: { id: string }; status: string } => e.type === 'change-end',
    );
    expect(ends.map((e) => `${e.change.id} ${e.status}`)).toEqual([
      '1003/n8n-production ok',
      `${h.paths.traefik} ok`,
    ]);
  });
});

/** Quote one word for the shell tmux runs the command with. */
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('interactive renderer in a real terminal (tmux)', () => {
  let h: Homelab;
  // A private tmux server whose socket lives (and is removed) with the homelab's temp dir.
  const socket = () => join(h.dir, 'tmux.sock');
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-S', socket(), '-f', '/dev/null', ...args], { encoding: 'utf8' });

  beforeAll(async () => {
    const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      throw new Error(
        `tmux is required to check the interactive renderer in a real terminal but cannot run (${probe.error?.message ?? probe.stderr}); install it with: apt-get install tmux`,
      );
    }
    // The launcher runs the built CLI.
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
    h = await startHomelab();
  });
  afterAll(async () => {
    if (h) spawnSync('tmux', ['-S', socket(), 'kill-server']);
    await h?.stop();
  });

  it('shows a live tree of stages and changes with ✓ and durations, then the summary', async () => {
    const cli = [process.execPath, 'bin/phoenix.js', 'sync', 'all', '--root', h.root, '--yes']
      .map(sh)
      .join(' ');
    const env = Object.entries(h.env)
      .map(([k, v]) => `${k}=${sh(v ?? '')}`)
      .join(' ');
    // The shell stays after Phoenix ends, so the pane can be read; its exit code is printed.
    tmux(
      'new-session',
      '-d',
      '-s',
      'live',
      '-x',
      '100',
      '-y',
      '40',
      '-c',
      REPO,
      `env ${env} ${cli}; echo "phoenix-exit=$?"; sleep 600`,
    );
    let screen = '';
    for (let i = 0; i < 600 && !/phoenix-exit=\d+/.test(screen); i++) {
      await new Promise((r) => setTimeout(r, 100));
      screen = tmux('capture-pane', '-p', '-J', '-t', 'live', '-S', '-2000');
    }
    expect(screen, screen).toMatch(/phoenix-exit=0/);
    // Finished changes collapse into each step's counter (the live view, issue 15).
    expect(screen).toMatch(/^phoenix sync all · 16\/16 changes · \d+\.\ds$/m);
    for (const [stage, done] of [
      ['checks', 2],
      ['reading live state', 0],
      ['dns', 1],
      ['firewall', 6],
      ['endpoints', 2],
      ['stacks', 6],
      ['traefik', 1],
    ] as const) {
      const counts = done ? ` \\(${done} done\\)` : '';
      expect(screen, stage).toMatch(new RegExp(`^✓ ${stage}${counts} \\d+\\.\\ds$`, 'm'));
    }
    expect(screen).toMatch(/^Summary +status +made +unchanged +held back +failed +skipped +time$/m);
    expect(screen).toMatch(/^ {2}stacks +ok +6 +0 +1 +0 +0 +\d+\.\ds$/m);
    // The final tree is drawn once, above the summary, and no spinner is left behind.
    expect(screen.match(/^✓ traefik /gm)).toHaveLength(1);
    expect(screen.indexOf('✓ traefik ')).toBeLessThan(screen.indexOf('Summary '));
    expect(screen).not.toMatch(/^\s*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /m);
    expect(h.double.model.stacks).toHaveLength(6);
  });
});
