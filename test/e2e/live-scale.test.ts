/**
 * The live view at scale, in a real terminal: `sync all --yes` of the homelab grown to 60
 * stack deployments, against the Portainer test double with latency, in a tmux pane of
 * 80×24. While the run is live, every look at the pane shows the header with its `N/M`
 * counter and the frame beneath it down to the last line, within the 24 rows; after the run
 * the scrollback holds the complete summary. Runs the built CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { editJson, REPO } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain } from './harness.js';

/** Stacks added to the example's 6 deployments: 60 in all, spread over the three VMs. */
const ADDED = 54;
/** The example's 16 changes and one create per added stack. */
const TOTAL = 16 + ADDED;
const ROWS = 24;
const COLUMNS = 80;

/** Quote one word for the shell tmux runs the command with. */
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const HEADER = new RegExp(`^phoenix sync all · (\\d+)/${TOTAL} changes · \\d+\\.\\ds$`);
/** A line of the frame under the header: a step with its mark, or a change indented beneath one. */
const FRAME_LINE = /^( {2})?[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏✓✗-] \S|^ {2}… \d+ more$/;

describe('the live view with 60 stacks in an 80×24 terminal (tmux)', () => {
  let h: Homelab;
  const socket = () => join(h.dir, 'tmux.sock');
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-S', socket(), '-f', '/dev/null', ...args], { encoding: 'utf8' });

  beforeAll(async () => {
    const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0)
      throw new Error(
        `tmux is required to check the live view in a real terminal but cannot run (${probe.error?.message ?? probe.stderr}); install it with: apt-get install tmux`,
      );
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
    h = await startHomelab();
    const vms = [1001, 1002, 1003];
    const names = Array.from({ length: ADDED }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`);
    for (const name of names) {
      mkdirSync(join(h.root, 'stacks', name));
      writeFileSync(
        join(h.root, 'stacks', name, 'docker-compose.yml'),
        `services:\n  app:\n    image: busybox:1.36\n    command: ["sleep", "infinity"]\n`,
      );
    }
    editJson(
      join(h.root, 'etc', 'phoenix_vm_configs.json'),
      (c: { vms: { vmid: number; docker_stacks?: unknown[] }[] }) => {
        for (const vm of c.vms) {
          const i = vms.indexOf(vm.vmid);
          if (i >= 0)
            vm.docker_stacks = [...(vm.docker_stacks ?? []), ...names.filter((_, n) => n % 3 === i)];
        }
      },
    );
    // Each environment deploys its stacks one after another: ~20 × (deploy + calls) ≈ 8 s live.
    h.double.latency = { perCallMs: 30, perDeployMs: 250 };
  }, 180_000);
  afterAll(async () => {
    if (h) spawnSync('tmux', ['-S', socket(), 'kill-server']);
    await h?.stop();
  });

  it(
    'header, counter and last lines stay on screen throughout; the scrollback holds the full summary',
    { timeout: 120_000 },
    async () => {
      const cli = [process.execPath, 'bin/phoenix.js', 'sync', 'all', '--yes', '--root', h.root]
        .map(sh)
        .join(' ');
      const env = Object.entries(h.env)
        .map(([k, v]) => `${k}=${sh(v ?? '')}`)
        .join(' ');
      const line = `env ${env} ${cli}; echo "phoenix-exit=$?"; sleep 600`;
      tmux('new-session', '-d', '-s', 'scale', '-x', String(COLUMNS), '-y', String(ROWS), '-c', REPO, line);

      const seen: { finished: number; screen: string }[] = [];
      let visible = '';
      for (const until = Date.now() + 90_000; Date.now() < until;) {
        visible = tmux('capture-pane', '-p', '-t', 'scale');
        if (/phoenix-exit=\d+/.test(visible)) break;
        const lines = visible.replace(/\n+$/, '').split('\n');
        const at = lines.findIndex((l) => HEADER.test(l));
        if (at >= 0) {
          // The pane never holds more than its rows; from the header down, everything is the frame.
          expect(lines.length, visible).toBeLessThanOrEqual(ROWS);
          const frame = lines.slice(at);
          expect(frame.length, visible).toBeLessThanOrEqual(ROWS - 1);
          for (const l of frame.slice(1)) expect(l, visible).toMatch(FRAME_LINE);
          for (const l of frame) expect(l.length, visible).toBeLessThanOrEqual(COLUMNS);
          // Past the 9 changes of dns, firewall and endpoints, the stacks step and its counter show.
          const finished = Number(HEADER.exec(lines[at]!)![1]);
          if (finished > 9) expect(visible).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏✓] stacks \(\d+ done.*\) \d+\.\ds$/m);
          seen.push({ finished, screen: visible });
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(visible, visible).toMatch(/phoenix-exit=0/);
      // Several looks while changes were being applied, at different points of the counter.
      const midway = seen.filter((s) => s.finished > 0 && s.finished < TOTAL);
      expect(midway.length, seen.map((s) => s.screen).join('\n----\n')).toBeGreaterThanOrEqual(5);
      expect(new Set(midway.map((s) => s.finished)).size).toBeGreaterThanOrEqual(3);
      // Waiting for health was its own step, counting deployments, at least once on screen.
      expect(
        seen.some((s) =>
          /^\S waiting for health \(.*\b(\d+ waiting|\d+ done)\b.*\) \d+\.\ds$/m.test(s.screen),
        ),
      ).toBe(true);

      const scrollback = tmux('capture-pane', '-p', '-J', '-t', 'scale', '-S', '-');
      // The final frame, once, then the whole summary below it.
      const final = new RegExp(`^phoenix sync all · ${TOTAL}/${TOTAL} changes · \\d+\\.\\ds$`, 'gm');
      expect(scrollback.match(final), scrollback).toHaveLength(1);
      expect(scrollback).toMatch(/^✓ stacks \(60 done\) \d+\.\ds$/m);
      expect(scrollback).toMatch(/^✓ waiting for health \(60 done\) \d+\.\ds$/m);
      expect(scrollback).toMatch(new RegExp(`^Plan: ${TOTAL} to create, 0 to update, 0 to delete`, 'm'));
      const summary = scrollback.slice(scrollback.search(/^Summary +status/m));
      expect(summary).toMatch(/^Summary +status +made +unchanged +held back +failed +skipped +time$/m);
      for (const [stage, made] of [
        ['dns', 1],
        ['firewall', 6],
        ['endpoints', 2],
        ['stacks', 60],
        ['traefik', 1],
      ] as const)
        expect(summary, stage).toMatch(
          new RegExp(`^ {2}${stage} +ok +${made} +0 +\\d+ +0 +0 +\\d+\\.\\ds$`, 'm'),
        );
      // Nothing printed above the view was erased by a redraw: every deployment's health line is there.
      const healthy =
        scrollback.match(/^\S+-(production|staging) on .+: \d+ containers?, \d+ running/gm) ?? [];
      expect(healthy).toHaveLength(60);
      expect(scrollback.indexOf('✓ stacks (60 done)')).toBeLessThan(scrollback.indexOf('Summary '));
      expect(scrollback).not.toMatch(/^\s*[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /m);
      expect(h.double.model.stacks).toHaveLength(60);
    },
  );

  it('plain lines log one line as a deployment starts waiting for health', { timeout: 60_000 }, async () => {
    writeFileSync(
      join(h.root, 'stacks', 'svc-07', 'docker-compose.yml'),
      `services:\n  app:\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n`,
    );
    const r = await runCli(['sync', 'all', '--yes', '--root', h.root], { env: h.env, isTTY: false });
    expect(r.code, explain(r)).toBe(0);
    const waits = r.err.split('\n').filter((l) => /waiting for health$/.test(l));
    expect(waits, r.err).toHaveLength(1);
    expect(waits[0]).toMatch(/^\S+Z … svc-07-production on .+: waiting for health$/);
  });
});
