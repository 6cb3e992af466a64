/**
 * Interrupts, with the built CLI in its own process against the homelab (the Portainer
 * double slowed down, so an apply is in flight when the signal comes):
 * - Ctrl-C in a real terminal (tmux): nothing new starts, the deploys in flight finish, the
 *   summary says what was applied and what was not started, the lock is released, exit 130;
 *   the next run converges.
 * - SIGTERM: the same in the JSON report, exit 143.
 * - A second Ctrl-C aborts a hung request at once; a single one aborts it when the grace
 *   (`sync.interrupt_grace_seconds`) runs out.
 * - SIGKILL mid-write: the next run, started at once, is not refused by the lock (exit 5),
 *   and removes the temp files the killed run left beside its targets, and nothing else.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/output/json-report.js';
import { editJson, REPO } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson } from './harness.js';

const GLOBAL = ['etc', 'phoenix_hypervisor_config.json'];
const isCreate = (route: string) => route.startsWith('POST /stacks/create/');

/** Wait until `ready()` holds, or fail after `ms` with `what`. */
async function until(ready: () => boolean, what: string, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; !ready();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The built CLI in a child process, its output collected; `mark()` starts the exit clock. */
function startCli(h: Homelab, argv: string[]) {
  const child = spawn(process.execPath, ['bin/phoenix.js', ...argv, '--root', h.root], {
    cwd: REPO,
    env: { PATH: process.env['PATH'], ...h.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let from = Date.now();
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; out: string; err: string; ms: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, err, ms: Date.now() - from })),
  );
  return { child, exit, mark: () => void (from = Date.now()) };
}

const lockFile = (h: Homelab) => join(h.root, '.phoenix.lock');

describe('interrupts during a slow apply', () => {
  let h: Homelab;
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
  });
  beforeEach(async () => {
    h = await startHomelab();
    h.double.latency = { perCallMs: 0, perDeployMs: 1500 };
  });
  afterEach(async () => {
    spawnSync('tmux', ['-S', join(h.dir, 'tmux.sock'), 'kill-server']);
    await h?.stop();
  });

  it(
    'Ctrl-C in a terminal: in-flight deploys finish, nothing new starts, summary, lock released, exit 130; the next run converges',
    {
      timeout: 120_000,
    },
    async () => {
      const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
      if (probe.error || probe.status !== 0)
        throw new Error('tmux is required for this test; install it with: apt-get install tmux');
      const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
      const tmux = (...args: string[]) =>
        execFileSync('tmux', ['-S', join(h.dir, 'tmux.sock'), '-f', '/dev/null', ...args], {
          encoding: 'utf8',
        });
      const cli = [process.execPath, 'bin/phoenix.js', 'sync', 'all', '--yes', '--root', h.root]
        .map(sh)
        .join(' ');
      const env = Object.entries(h.env)
        .map(([k, v]) => `${k}=${sh(v ?? '')}`)
        .join(' ');
      // Ctrl-C reaches the shell too: its trap (a handler, reset for the child) keeps it alive
      // to print Phoenix's exit code.
      const line = `trap : INT; env ${env} ${cli}; echo "phoenix-exit=$?"; sleep 600`;
      tmux('new-session', '-d', '-s', 'int', '-x', '120', '-y', '60', '-c', REPO, line);
      await until(() => h.double.calls.some((c) => isCreate(c.route)), 'the first stack deploy');
      tmux('send-keys', '-t', 'int', 'C-c');
      let screen = '';
      await until(() => {
        screen = tmux('capture-pane', '-p', '-J', '-t', 'int', '-S', '-3000');
        return /phoenix-exit=\d+/.test(screen);
      }, 'phoenix to exit');

      expect(screen, screen).toMatch(/phoenix-exit=130/);
      const made = h.double.model.stacks.length;
      // The deploys in flight when Ctrl-C came finished; the rest never started.
      expect(made).toBeGreaterThan(0);
      expect(made).toBeLessThan(6);
      expect(h.double.calls.filter((c) => isCreate(c.route))).toHaveLength(made);
      // dns 1 file, firewall 6 files, endpoints 2 environments, then the stacks made; the
      // stacks not made and the Traefik file were never started.
      expect(screen).toMatch(
        new RegExp(
          `^Interrupted by SIGINT: ${9 + made} applied, 0 failed or cut short, ${6 - made + 1} not started; nothing new was started after it$`,
          'm',
        ),
      );
      expect(screen).toMatch(/^ {2}not started: .*\(stacks\)/m);
      expect(screen).toMatch(/^ {2}stacks +skipped +\d+ .*interrupted: \d+ not started$/m);
      expect(screen).toMatch(/^ {2}traefik +skipped .*interrupted: not started$/m);
      expect(screen).toMatch(
        /^error: interrupted by SIGINT: \d+ changes applied, \d+ not started; the lock is released$/m,
      );
      expect(existsSync(lockFile(h))).toBe(false);
      expect(existsSync(h.paths.traefik)).toBe(false);

      h.double.latency = { perCallMs: 0, perDeployMs: 0 };
      const again = await phoenixJson(h, ['sync', 'all', '--yes']);
      expect(again.code, explain(again)).toBe(0);
      expect(h.double.model.stacks).toHaveLength(6);
      expect((await phoenix(h, ['plan', '--detailed-exitcode'])).code).toBe(0);
    },
  );

  it('SIGTERM: the JSON report says what was applied and what was not started; exit 143', async () => {
    const run = startCli(h, ['sync', 'all', '--yes', '--json']);
    await until(() => h.double.calls.some((c) => isCreate(c.route)), 'the first stack deploy');
    run.child.kill('SIGTERM');
    const r = await run.exit;
    expect(r.code, r.err).toBe(143);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.exitCode).toBe(143);
    expect(report.error?.message).toMatch(/^interrupted by SIGTERM: \d+ changes? applied, \d+ not started/);
    const i = report.interrupted!;
    expect(i.signal).toBe('SIGTERM');
    expect(i.aborted).toBe(false);
    expect(i.failed).toEqual([]);
    const made = h.double.model.stacks.map((s) => s.Name).sort();
    expect(
      i.applied
        .filter((c) => c.stage === 'stacks')
        .map((c) => c.id.split('/')[1])
        .sort(),
    ).toEqual(made);
    // Environments and files went first; stacks not deployed and the Traefik file never started.
    expect(i.applied.map((c) => c.stage)).toEqual(expect.arrayContaining(['dns', 'firewall', 'endpoints']));
    expect(i.notStarted.map((c) => c.stage)).toContain('traefik');
    expect(i.notStarted.filter((c) => c.stage === 'stacks')).toHaveLength(6 - made.length);
    expect(report.stages.find((s) => s.stage === 'traefik')).toMatchObject({
      status: 'skipped',
      reason: 'interrupted: not started',
    });
    expect(existsSync(lockFile(h))).toBe(false);
  });

  it('a second Ctrl-C aborts a hung deploy at once, and still releases the lock', async () => {
    h.double.inject({ kind: 'hang', times: Infinity, match: (c) => isCreate(c.route) });
    const run = startCli(h, ['sync', 'all', '--yes', '--json']);
    await until(() => h.double.calls.some((c) => isCreate(c.route)), 'the first stack deploy');
    run.child.kill('SIGINT');
    // The default grace is 30 s: after the first Ctrl-C the run waits for the hung deploy.
    await new Promise((r) => setTimeout(r, 1000));
    expect(run.child.exitCode).toBeNull();
    run.mark();
    run.child.kill('SIGINT');
    const r = await run.exit;
    expect(r.code, r.err).toBe(130);
    expect(r.ms).toBeLessThan(3000);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.interrupted).toMatchObject({ signal: 'SIGINT', aborted: true });
    expect(report.interrupted!.failed.map((c) => c.stage)).toEqual(['stacks', 'stacks']);
    expect(report.interrupted!.applied.filter((c) => c.stage === 'stacks')).toEqual([]);
    expect(report.error?.message).toMatch(/interrupted by SIGINT \(in-flight work aborted\)/);
    expect(existsSync(lockFile(h))).toBe(false);
  });

  it('one Ctrl-C aborts a hung deploy when sync.interrupt_grace_seconds runs out', async () => {
    editJson(join(h.root, ...GLOBAL), (c) => void (c.sync.interrupt_grace_seconds = 1));
    h.double.inject({ kind: 'hang', times: Infinity, match: (c) => isCreate(c.route) });
    const run = startCli(h, ['sync', 'all', '--yes', '--json']);
    await until(() => h.double.calls.some((c) => isCreate(c.route)), 'the first stack deploy');
    run.mark();
    run.child.kill('SIGINT');
    const r = await run.exit;
    expect(r.code, r.err).toBe(130);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
    expect(r.ms).toBeLessThan(4000);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.interrupted).toMatchObject({ signal: 'SIGINT', aborted: true });
    expect(existsSync(lockFile(h))).toBe(false);
  });
});

/** A pid no process has any more (a child that has exited). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

const TEMP = /\.phoenix-tmp-/;

describe('SIGKILL mid-write, then an immediate re-run', () => {
  let h: Homelab;
  beforeAll(async () => {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
    h = await startHomelab();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('no exit 5, and the temp files the killed run left are removed (only those), and said so', async () => {
    const dnsDir = join(h.paths.hosts, '..');
    const ready = join(h.dir, 'validating');
    // The DNS file's check holds the run while its temp file sits beside the target.
    editJson(
      join(h.root, ...GLOBAL),
      (c) => void (c.sync.dns.test_command = ['sh', '-c', `touch ${ready}; exec sleep 60`]),
    );
    const child = spawn(process.execPath, ['bin/phoenix.js', 'sync', 'all', '--yes', '--root', h.root], {
      cwd: REPO,
      env: { PATH: process.env['PATH'], ...h.env },
      stdio: 'ignore',
      detached: true, // its own process group: the kill takes the check's sleep with it
    });
    const exited = new Promise((r) => child.on('exit', r));
    await until(() => existsSync(ready), 'the DNS check to start');
    const left = readdirSync(dnsDir).filter((n) => TEMP.test(n));
    expect(left).toEqual([
      expect.stringMatching(new RegExp(`^\\.phoenix\\.hosts\\.phoenix-tmp-${child.pid}-[0-9a-f]{8}$`)),
    ]);
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    // The firewall stage runs beside DNS: it may have left temp files of its own by then.
    const killed = new RegExp(`\\.phoenix-tmp-${child.pid}-[0-9a-f]{8}$`);
    const leftAll = [dnsDir, h.paths.pveDir].flatMap((d) =>
      readdirSync(d)
        .filter((n) => killed.test(n))
        .map((n) => join(d, n)),
    );

    // Names that are not exactly a dead writer's temp file of a target are never touched.
    const dead = deadPid();
    const decoys = [
      join(dnsDir, '.phoenix.hosts.phoenix-tmp-notes'),
      join(dnsDir, `phoenix.hosts.phoenix-tmp-${dead}-0123abcd`),
      join(dnsDir, `.phoenix.hosts.phoenix-tmp-${dead}-0123abcd.keep`),
      join(dnsDir, `.other.hosts.phoenix-tmp-${dead}-0123abcd`),
      join(dnsDir, `.phoenix.hosts.phoenix-tmp-${process.pid}-0123abcd`), // a live writer's
    ];
    for (const d of decoys) writeFileSync(d, 'not Phoenix debris\n');
    const link = join(h.paths.pveDir, `.cluster.fw.phoenix-tmp-${dead}-0123abcd`);
    symlinkSync(join(h.dir, 'elsewhere'), link);

    editJson(join(h.root, ...GLOBAL), (c) => void delete c.sync.dns.test_command);
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(leftAll).toContain(join(dnsDir, left[0]!));
    expect([...(r.report.cleanup ?? [])].sort()).toEqual(leftAll.sort());
    expect(
      readdirSync(dnsDir)
        .filter((n) => TEMP.test(n))
        .sort(),
    ).toEqual(decoys.map((d) => d.slice(dnsDir.length + 1)).sort());
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    for (const d of [...decoys, link]) rmSync(d, { force: true });
  });

  it('a converged run removes what a killed writer left beside an unchanged target and its backup', async () => {
    const dead = deadPid();
    const pve = h.paths.pveDir;
    const dnsDir = join(h.paths.hosts, '..');
    const stale = [
      join(pve, `.cluster.fw.phoenix-tmp-${dead}-89abcdef`),
      join(pve, `.1002.fw.bak.phoenix-tmp-${dead}-00000000`),
      // The DNS backup is hidden (`.phoenix.hosts.bak`): its temp file starts with two dots.
      join(dnsDir, `..phoenix.hosts.bak.phoenix-tmp-${dead}-ffffffff`),
    ];
    for (const f of stale) writeFileSync(f, 'half-written\n');
    h.double.resetCounters();
    const text = await phoenix(h, ['sync', 'all']);
    expect(text.code, explain(text)).toBe(0);
    expect(h.double.counts().writes).toBe(0);
    expect(text.err).toMatch(/removed 3 temp files an interrupted run left: /);
    for (const f of stale) expect(existsSync(f), f).toBe(false);
    expect(readdirSync(pve).filter((n) => TEMP.test(n))).toEqual([]);
  });
});
