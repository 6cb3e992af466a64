/**
 * DNS provider against a real dnsmasq on loopback (test/rig/dnsmasq.ts), in all three
 * layouts: records answer, a second sync touches nothing, one changed record changes exactly
 * one answer, rejected or failing changes leave the previous file live (ApplyError, exit 4).
 */
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DnsRecord } from '../../src/desired/types.js';
import { ApplyError } from '../../src/errors.js';
import { createDnsProvider } from '../../src/providers/dns/provider.js';
import type { ApplyResult } from '../../src/providers/provider.js';
import { createDnsmasqRig, pidFromFile, type DnsmasqRig } from '../rig/dnsmasq.js';
import { context, desired, exampleDesired, here, settings } from '../files/fixture.js';
import { applyPolicy } from '../../src/plan/policy.js';

let dir: string;
let rig: DnsmasqRig | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phoenix-dns-'));
});
afterEach(async () => {
  await rig?.stop();
  rig = undefined;
  await rm(dir, { recursive: true, force: true });
});

const record = (name: string, ip: string): DnsRecord => ({
  name,
  ip,
  why: 'guest',
  origin: 'explicit',
  source: here,
});
const base: Record<string, string> = {
  'portainer.lab.test': '10.0.0.101',
  'agent1.lab.test': '10.0.0.102',
  'grafana.lab.test': '10.0.0.10',
  'qdrant.lab.test': '10.0.0.10',
};

/** One full sync (observe → plan → apply) of `records` with the given dns settings. */
async function sync(
  dns: Record<string, unknown>,
  records: Record<string, string>,
  opts: { force?: boolean } = {},
) {
  const d = desired({
    root: dir,
    dns: Object.entries(records).map(([n, ip]) => record(n, ip)),
    settings: settings({ dns, command_timeout_seconds: 20 }),
  });
  const ctx = context(d, { options: { force: opts.force ?? false } });
  const provider = createDnsProvider({ upstreams: [] });
  const live = await provider.observe(ctx);
  const changes = applyPolicy(provider.plan(ctx, live), ctx.options);
  const results = await provider.apply(ctx, changes, live);
  return { changes, results };
}

/** A result's status, with its error message when it failed (so a failure explains itself). */
const status = (r: ApplyResult) => (r.error ? `${r.status}: ${r.error.message}` : r.status);

async function answers(names: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const n of names) out[n] = await rig!.resolve4(n);
  return out;
}
const expected = (records: Record<string, string>) =>
  Object.fromEntries(Object.entries(records).map(([n, ip]) => [n, [ip]]));

/** Wait (bounded) until `name` answers `want` — dnsmasq picks up hostsdir files by itself. */
async function until(name: string, want: string[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (JSON.stringify(await rig!.resolve4(name)) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await rig!.resolve4(name)).toEqual(want);
}

describe('the example estate', () => {
  it.each(['dnsmasq-conf', 'addn-hosts'] as const)('every derived record answers (%s)', async (layout) => {
    const file = join(dir, 'phoenix.dns');
    rig = await createDnsmasqRig(dir, [
      layout === 'dnsmasq-conf' ? `conf-file=${file}` : `addn-hosts=${file}`,
    ]);
    if (layout === 'addn-hosts') await rig.start();
    const example = exampleDesired();
    const d = {
      ...example,
      root: dir,
      settings: {
        ...example.settings,
        dns: {
          ...example.settings.dns,
          layout,
          path: file,
          reload_command: rig.command(layout === 'dnsmasq-conf' ? 'restart' : 'hup'),
        },
      },
    };
    const ctx = context(d);
    // No upstreams: the test must not send queries beyond loopback.
    const provider = createDnsProvider({ upstreams: [] });
    const live = await provider.observe(ctx);
    const results = await provider.apply(ctx, applyPolicy(provider.plan(ctx, live), ctx.options), live);
    expect(results.map(status)).toEqual(['ok']);
    expect(example.dns.length).toBeGreaterThan(10);
    const want = Object.fromEntries(example.dns.map((r) => [r.name, [r.ip]]));
    expect(await answers(Object.keys(want))).toEqual(want);
  });
});

describe('addn-hosts layout: SIGHUP through reload_command', () => {
  it('serves every record; a no-op sync writes and signals nothing; one change changes one answer', async () => {
    const file = join(dir, 'phoenix.hosts');
    rig = await createDnsmasqRig(dir, [`addn-hosts=${file}`]);
    await rig.start();
    const dns = { layout: 'addn-hosts', path: 'phoenix.hosts', reload_command: rig.command('hup') }; // relative: against the root

    const first = await sync(dns, base);
    expect(first.results.map((r) => `${r.change.action} ${status(r)}`)).toEqual(['create ok']);
    expect(rig.calls.hup).toBe(1);
    expect(await answers(Object.keys(base))).toEqual(expected(base));

    const pid = rig.pid;
    expect(await pidFromFile(dir)).toBe(pid);
    const mtime = (await stat(file)).mtimeMs;
    const second = await sync(dns, base);
    expect(second.changes.map((c) => c.action)).toEqual(['noop']);
    expect(second.results).toEqual([]);
    expect((await stat(file)).mtimeMs).toBe(mtime);
    expect(rig.pid).toBe(pid);
    expect(rig.calls).toEqual({ hup: 1, restart: 0, fail: 0 });

    const changed = { ...base, 'qdrant.lab.test': '10.0.0.11' };
    const third = await sync(dns, changed);
    expect(third.changes[0]?.reason).toBe('records: ~qdrant.lab.test → 10.0.0.11');
    expect(third.changes[0]?.diff).toMatch(
      /-10\.0\.0\.10 qdrant\.lab\.test\n\+10\.0\.0\.11 qdrant\.lab\.test/,
    );
    expect(third.results.map(status)).toEqual(['ok']);
    expect(rig.calls.hup).toBe(2);
    expect(rig.pid).toBe(pid); // signalled, not restarted
    expect(await answers(Object.keys(base))).toEqual(expected(changed));
    expect((await readdir(dir)).filter((n) => n.includes('phoenix.hosts')).sort()).toEqual([
      '.phoenix.hosts.bak',
      'phoenix.hosts',
    ]);
  });

  it('a failing reload restores the previous file and fails with exit 4', async () => {
    const file = join(dir, 'phoenix.hosts');
    rig = await createDnsmasqRig(dir, [`addn-hosts=${file}`]);
    await rig.start();
    await sync({ layout: 'addn-hosts', path: file, reload_command: rig.command('hup') }, base);
    const before = await readFile(file, 'utf8');

    const r = await sync(
      { layout: 'addn-hosts', path: file, reload_command: rig.command('fail') },
      {
        ...base,
        'grafana.lab.test': '10.0.0.99',
      },
    );
    expect(r.results[0]?.status).toBe('failed');
    expect(r.results[0]?.error).toBeInstanceOf(ApplyError);
    expect((r.results[0]?.error as ApplyError).exitCode).toBe(4);
    expect(r.results[0]?.error?.message).toMatch(/reload refused by the test rig; restored the previous/);
    expect(rig.calls.fail).toBe(2); // the reload, and once more after restoring
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await answers(Object.keys(base))).toEqual(expected(base));
  });

  it('refuses a hosts file Phoenix did not write, unless --force', async () => {
    const file = join(dir, 'phoenix.hosts');
    await writeFile(file, '10.9.9.9 handmade.lab.test\n');
    rig = await createDnsmasqRig(dir, [`addn-hosts=${file}`]);
    await rig.start();
    const dns = { layout: 'addn-hosts', path: file, reload_command: rig.command('hup') };
    const refused = await sync(dns, base);
    expect(refused.results[0]?.error?.message).toMatch(/refusing to overwrite .*phoenix\.hosts/);
    expect(await readFile(file, 'utf8')).toBe('10.9.9.9 handmade.lab.test\n');
    expect(rig.calls.hup).toBe(0);
    expect(await rig.resolve4('handmade.lab.test')).toEqual(['10.9.9.9']);

    const forced = await sync(dns, base, { force: true });
    expect(forced.results.map(status)).toEqual(['ok']);
    expect(await rig.resolve4('handmade.lab.test')).toEqual([]);
    expect(await answers(Object.keys(base))).toEqual(expected(base));
  });

  it('our own parser refuses a malformed hosts file before it goes live', async () => {
    const file = join(dir, 'phoenix.hosts');
    const dns = { layout: 'addn-hosts', path: file, reload_command: ['false'] };
    await sync({ ...dns, reload_command: ['true'] }, base);
    const before = await readFile(file, 'utf8');
    const r = await sync(dns, { ...base, 'bad.lab.test': '10.0.0.300' });
    expect(r.results[0]?.error?.message).toMatch(
      /hosts file .* is invalid: line \d+: "10\.0\.0\.300" is not an IP address/,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('dnsmasq-conf layout: dnsmasq --test, then restart through reload_command', () => {
  it('serves every record; no-op sync restarts nothing; one change restarts once and changes one answer', async () => {
    const file = join(dir, 'phoenix.conf');
    rig = await createDnsmasqRig(dir, [`conf-file=${file}`]);
    const dns = { layout: 'dnsmasq-conf', path: file, reload_command: rig.command('restart') };

    const first = await sync(dns, base); // the restart command starts dnsmasq with the new file
    expect(first.results.map(status)).toEqual(['ok']);
    expect(rig.calls.restart).toBe(1);
    expect(await answers(Object.keys(base))).toEqual(expected(base));
    expect(await readFile(file, 'utf8')).toMatch(/^# Managed by Phoenix.*\nlocal=\/lab\.test\/\naddress=\//);

    const pid = rig.pid;
    const mtime = (await stat(file)).mtimeMs;
    const second = await sync(dns, base);
    expect(second.results).toEqual([]);
    expect((await stat(file)).mtimeMs).toBe(mtime);
    expect(rig.pid).toBe(pid);
    expect(rig.calls.restart).toBe(1);

    const changed = { ...base, 'agent1.lab.test': '10.0.0.112' };
    const third = await sync(dns, changed);
    expect(third.results.map(status)).toEqual(['ok']);
    expect(rig.calls.restart).toBe(2);
    expect(rig.pid).not.toBe(pid);
    expect(await answers(Object.keys(base))).toEqual(expected(changed));
  });

  it('a configuration `dnsmasq --test` rejects leaves the previous file live and fails with exit 4', async () => {
    const file = join(dir, 'phoenix.conf');
    rig = await createDnsmasqRig(dir, [`conf-file=${file}`]);
    const dns = { layout: 'dnsmasq-conf', path: file, reload_command: rig.command('restart') };
    await sync(dns, base);
    const before = await readFile(file, 'utf8');
    const pid = rig.pid;

    const r = await sync(dns, { ...base, 'broken.lab.test': '10.0.0.300' });
    const err = r.results[0]?.error as ApplyError;
    expect(err).toBeInstanceOf(ApplyError);
    expect(err.exitCode).toBe(4);
    expect(err.message).toMatch(
      /dnsmasq --test --conf-file=.*\.phoenix\.conf\.phoenix-tmp-.* exited with 1: .*[Bb]ad address/,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(rig.calls.restart).toBe(1);
    expect(rig.pid).toBe(pid);
    expect(await answers(Object.keys(base))).toEqual(expected(base));
    expect((await readdir(dir)).filter((n) => n.includes('phoenix-tmp'))).toEqual([]);
  });

  it('a failing restart puts the previous file back and restarts with it', async () => {
    const file = join(dir, 'phoenix.conf');
    rig = await createDnsmasqRig(dir, [`conf-file=${file}`]);
    await sync({ layout: 'dnsmasq-conf', path: file, reload_command: rig.command('restart') }, base);
    const before = await readFile(file, 'utf8');
    const r = await sync(
      { layout: 'dnsmasq-conf', path: file, reload_command: rig.command('fail') },
      {
        ...base,
        'portainer.lab.test': '10.0.0.201',
      },
    );
    expect(r.results[0]?.status).toBe('failed');
    expect((r.results[0]?.error as ApplyError).exitCode).toBe(4);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await answers(Object.keys(base))).toEqual(expected(base));
  });
});

describe('hostsdir layout: no signal at all', () => {
  it('dnsmasq picks up the file by itself; the dotfile backup and temp files are never loaded', async () => {
    const hostsdir = join(dir, 'hosts.d');
    await mkdir(hostsdir, { mode: 0o755 });
    rig = await createDnsmasqRig(dir, [`hostsdir=${hostsdir}`]);
    await rig.start();
    const dns = { layout: 'hostsdir', path: join(hostsdir, 'phoenix.hosts') };

    const first = await sync(dns, base);
    expect(first.results.map(status)).toEqual(['ok']);
    for (const [n, ip] of Object.entries(base)) await until(n, [ip]);

    const pid = rig.pid;
    expect((await sync(dns, base)).results).toEqual([]);

    const { 'qdrant.lab.test': _gone, ...fewer } = base;
    await sync(dns, fewer);
    await until('qdrant.lab.test', []); // the backup (a dotfile) still names it, and is not read
    expect(await answers(Object.keys(fewer))).toEqual(expected(fewer));
    expect(rig.pid).toBe(pid);
    expect(rig.calls).toEqual({ hup: 0, restart: 0, fail: 0 });
  });
});

describe('dnsmasq-conf layout in a conf-dir, as the original DNS setup has it', () => {
  it("writes a file next to the original's own, tested by dnsmasq --test, loaded through conf-dir", async () => {
    const confDir = join(dir, 'dnsmasq.d');
    await mkdir(confDir, { mode: 0o755 });
    // The original's own file stays: Phoenix owns only its file in the folder.
    await writeFile(join(confDir, '00-original.conf'), 'address=/legacy.lab.test/10.0.0.50\n');
    await writeFile(join(confDir, 'notes.txt'), 'address=/ignored.lab.test/10.0.0.51\n'); // filtered out by *.conf
    rig = await createDnsmasqRig(dir, [`conf-dir=${confDir},*.conf`]);
    const dns = {
      layout: 'dnsmasq-conf',
      path: join(confDir, 'phoenix.conf'),
      reload_command: rig.command('restart'),
    };

    const first = await sync(dns, base);
    expect(first.results.map(status)).toEqual(['ok']);
    expect(rig.calls.restart).toBe(1);
    expect(await answers([...Object.keys(base), 'legacy.lab.test', 'ignored.lab.test'])).toEqual({
      ...expected(base),
      'legacy.lab.test': ['10.0.0.50'],
      'ignored.lab.test': [],
    });

    // A second change: the backup (a dotfile in the conf-dir) still names qdrant and is not loaded.
    const { 'qdrant.lab.test': _gone, ...fewer } = base;
    expect((await sync(dns, fewer)).results.map(status)).toEqual(['ok']);
    expect((await readdir(confDir)).sort()).toEqual([
      '.phoenix.conf.bak',
      '00-original.conf',
      'notes.txt',
      'phoenix.conf',
    ]);
    expect(await rig.resolve4('qdrant.lab.test')).toEqual([]);
    expect(await answers(Object.keys(fewer))).toEqual(expected(fewer));
  });

  it('a conf-dir that does not exist yet is created (0755) by the first sync, and dnsmasq starts with it', async () => {
    const confDir = join(dir, 'etc', 'dnsmasq.d');
    rig = await createDnsmasqRig(dir, [`conf-dir=${confDir},*.conf`]);
    const dns = {
      layout: 'dnsmasq-conf',
      path: join(confDir, 'phoenix.conf'),
      reload_command: rig.command('restart'),
    };
    const first = await sync(dns, base);
    expect(first.results.map(status)).toEqual(['ok']);
    expect((await stat(join(dir, 'etc'))).mode & 0o777).toBe(0o755);
    expect((await stat(confDir)).mode & 0o777).toBe(0o755);
    expect(await answers(Object.keys(base))).toEqual(expected(base));
  });

  it('a rejected file in a conf-dir that did not exist leaves no folder behind', async () => {
    const confDir = join(dir, 'fresh.d');
    const dns = { layout: 'dnsmasq-conf', path: join(confDir, 'phoenix.conf'), reload_command: ['true'] };
    const r = await sync(dns, { ...base, 'broken.lab.test': '10.0.0.300' });
    expect(r.results[0]?.error?.message).toMatch(/dnsmasq --test .* exited with 1: .*[Bb]ad address/);
    expect(await readdir(dir)).toEqual([]);
  });
});
