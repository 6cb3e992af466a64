/**
 * `phoenix init` as the operator runs it: refusal without a terminal or --yes, --dry-run,
 * --yes, a second run, bad input; secrets of the global file never in the output; nothing
 * written on any error path.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { runInit } from '../../src/init/run.js';
import { RecordingReporter } from '../../src/output/events.js';
import { Redactor } from '../../src/secrets.js';
import { runCli } from '../helpers/cli.js';
import { snapshotTree } from '../helpers/root.js';
import { globalFile, writeFixtureRoot } from './fixture.js';

const PASSWORD = 'plaintext-portainer-pw-81c2';
let dir: string;
let root: string;
let host: string[];
let globalPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'phoenix-init-cli-'));
  root = writeFixtureRoot(dir, { portainerIp: '10.0.0.101', password: PASSWORD });
  globalPath = join(root, 'etc', 'phoenix_hypervisor_config.json');
  mkdirSync(join(dir, 'host', 'dnsmasq.d'), { recursive: true });
  mkdirSync(join(dir, 'host', 'pve', 'firewall'), { recursive: true });
  writeFileSync(
    join(dir, 'host', 'dnsmasq.d', '00-phoenix-internal.conf'),
    'address=/a.internal.example.net/10.0.0.5\n',
  );
  host = [
    '--dnsmasq-conf',
    join(dir, 'host', 'dnsmasq.conf'),
    '--dnsmasq-dir',
    join(dir, 'host', 'dnsmasq.d'),
    '--pve-dir',
    join(dir, 'host', 'pve', 'firewall'),
    '--marker-key-file',
    keyFile(),
  ];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Where these tests keep the marker key (never /etc/phoenix). */
const keyFile = () => join(dir, 'host', 'phoenix', 'marker.key');
const init = (...argv: string[]) => runCli(['init', '--root', root, ...host, ...argv]);
const original = () => globalFile({ portainerIp: '10.0.0.101', password: PASSWORD });

describe('phoenix init', () => {
  it('without a terminal on stdin and without --yes: exit 1, a one-line hint, nothing written', async () => {
    const before = snapshotTree(dir);
    const r = await init();
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /error: phoenix init would write .*phoenix_hypervisor_config\.json, and stdin is not a terminal to ask\n.* {2}hint: run phoenix init --yes to write it, or --dry-run to only see the diff\n$/,
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--dry-run shows the diff and writes nothing', async () => {
    const before = snapshotTree(dir);
    const r = await init('--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^--- a\/etc\/phoenix_hypervisor_config\.json\n\+\+\+ b\/etc\/phoenix_hypervisor_config\.json\n/m,
    );
    expect(r.out).toContain('+    "sync": {\n+        "gateway_ip": "10.0.0.12",\n');
    expect(r.out).toContain('+            "layout": "dnsmasq-conf",\n');
    expect(r.err).toMatch(
      /\+ sync\.gateway_ip = "10\.0\.0\.12" — LXC 102 "Traefik-Internal" is the Traefik host/,
    );
    expect(r.err).toMatch(/dry run: nothing was written/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--yes writes at once; a second run proposes nothing and changes nothing', async () => {
    const r = await init('--yes');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/wrote the sync section into .*; next: phoenix plan/);
    const written = readFileSync(globalPath, 'utf8');
    expect(JSON.parse(written).sync).toEqual({
      gateway_ip: '10.0.0.12',
      portainer: { url: 'http://10.0.0.101:9000' },
      dns: { layout: 'dnsmasq-conf', path: join(dir, 'host', 'dnsmasq.d', 'phoenix.conf') },
      firewall: { backend: 'pve', pve_dir: join(dir, 'host', 'pve', 'firewall') },
      marker_key: `file:${keyFile()}`,
    });
    // A new key, readable by its owner only, that no output shows.
    const key = readFileSync(keyFile(), 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(r.out + r.err).not.toContain(key.trim());
    expect(r.err).toContain(`wrote a new marker key to ${keyFile()} (mode 0600)`);
    // Every byte outside the inserted section is the original's.
    const at = written.indexOf(',\n    "sync": {');
    const end = written.lastIndexOf('\n    }') + '\n    }'.length;
    expect(written.slice(0, at) + written.slice(end)).toBe(original());
    expect(snapshotTree(join(root, 'etc')).size).toBe(3); // no backup, no temp file left

    const before = snapshotTree(dir);
    const again = await init();
    expect(again.code, again.err).toBe(0);
    expect(again.out).toBe('');
    expect(again.err).toMatch(
      /nothing to add \(sync already sets gateway_ip, portainer\.url, dns, firewall, marker_key\)/,
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keys the operator set are kept, and said so', async () => {
    writeFileSync(
      globalPath,
      original().replace(
        '\n}\n',
        ',\n    "sync": {\n        "gateway_ip": "10.0.0.250",\n        "firewall": { "backend": "nftables" }\n    }\n}\n',
      ),
    );
    const r = await init('--yes');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/already has a sync section: only the keys it lacks are added/);
    expect(r.err).toMatch(
      /gateway_ip: kept as you set it \(sync\.gateway_ip\); init never overwrites a value/,
    );
    const sync = JSON.parse(readFileSync(globalPath, 'utf8')).sync;
    expect(sync.gateway_ip).toBe('10.0.0.250');
    expect(sync.firewall).toEqual({ backend: 'nftables' });
    expect(sync.portainer).toEqual({ url: 'http://10.0.0.101:9000' });
  });

  it('the plaintext Portainer password never appears, even where the diff shows its line', async () => {
    // The password's line right before the insertion point: the diff's context holds it.
    writeFileSync(
      globalPath,
      '{\n    "portainer_api": { "admin_user": "admin", "admin_password": "' + PASSWORD + '" }\n}\n',
    );
    const r = await init('--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('"admin_password": "«redacted»"');
    expect(r.out + r.err).not.toContain(PASSWORD);
  });

  it.each([
    [
      'invalid JSON',
      '{\n    "domain_name": "x",\n    "network": {\n}\n',
      /phoenix_hypervisor_config\.json:5:1: invalid JSON: CloseBraceExpected/,
    ],
    [
      'sync that is not an object',
      '{\n    "sync": "yes"\n}\n',
      /phoenix_hypervisor_config\.json:2:13: "sync" must be an object/,
    ],
  ])('%s: a located error, nothing written', async (_what, text, message) => {
    writeFileSync(globalPath, text);
    const before = snapshotTree(dir);
    const r = await init('--yes');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('an existing marker key is used as it is, never overwritten', async () => {
    const key = 'an-existing-marker-key-4d2c9b1a';
    mkdirSync(join(dir, 'host', 'phoenix'));
    writeFileSync(keyFile(), `${key}\n`, { mode: 0o640 });
    const r = await init('--yes');
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(keyFile(), 'utf8')).toBe(`${key}\n`);
    expect(JSON.parse(readFileSync(globalPath, 'utf8')).sync.marker_key).toBe(`file:${keyFile()}`);
    expect(r.err).toContain(`${keyFile()} is readable by group or others: chmod 600`);
    expect(r.err).not.toContain('wrote a new marker key');
    expect(r.out + r.err).not.toContain(key);
  });

  it('a marker key path that cannot hold a key: no marker_key proposed, a note says why', async () => {
    writeFileSync(join(dir, 'host', 'phoenix'), 'a file where the key folder should be\n');
    const r = await init('--yes');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(globalPath, 'utf8')).sync.marker_key).toBeUndefined();
    expect(r.err).toContain(
      `${keyFile()} cannot be the marker key (ENOTDIR): pass --marker-key-file, or set sync.marker_key by hand`,
    );
  });

  it('a root without the global file: exit 1 naming it', async () => {
    const r = await runCli(['init', '--root', join(dir, 'host'), ...host, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /cannot read .*etc\/phoenix_hypervisor_config\.json: ENOENT\n.*hint: run phoenix init in a root/,
    );
  });
});

describe('asking first (stdin is a terminal)', () => {
  const request = (confirm: () => Promise<boolean>, out: string[]) => ({
    root,
    cwd: dir,
    host: {
      dnsmasqConf: join(dir, 'host', 'dnsmasq.conf'),
      dnsmasqDir: join(dir, 'host', 'dnsmasq.d'),
      pveDir: join(dir, 'host', 'pve', 'firewall'),
      markerKeyFile: keyFile(),
    },
    dryRun: false,
    yes: false,
    confirm,
    show: (t: string) => void out.push(t),
    reporter: new RecordingReporter(),
    redactor: new Redactor(),
  });

  it('shows the diff, then writes only on yes', async () => {
    const out: string[] = [];
    const before = snapshotTree(dir);
    const err = await runInit(request(async () => false, out)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(
      'stopped: phoenix_hypervisor/etc/phoenix_hypervisor_config.json was not changed',
    );
    expect(out.join('')).toMatch(/\+ {4}"sync": \{/);
    expect(snapshotTree(dir)).toEqual(before);

    expect(await runInit(request(async () => true, []))).toBe(0);
    expect(JSON.parse(readFileSync(globalPath, 'utf8')).sync.gateway_ip).toBe('10.0.0.12');
  });

  it('a key file that appears while the operator reads the diff: exit 1, neither file written', async () => {
    const err = await runInit(
      request(async () => {
        mkdirSync(join(dir, 'host', 'phoenix'));
        writeFileSync(keyFile(), 'someone-elses-key-0123456789\n');
        return true;
      }, []),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe(`cannot write the marker key to ${keyFile()}: EEXIST`);
    expect((err as UserError).hint).toMatch(/a key appeared there meanwhile; run phoenix init again/);
    expect(readFileSync(keyFile(), 'utf8')).toBe('someone-elses-key-0123456789\n');
    expect(readFileSync(globalPath, 'utf8')).toBe(original());
  });

  it('a file changed while the operator read the diff is not overwritten', async () => {
    const edited = original().replace('"fallback_dns": "1.1.1.1"', '"fallback_dns": "9.9.9.9"');
    const err = await runInit(
      request(async () => {
        writeFileSync(globalPath, edited);
        return true;
      }, []),
    ).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/changed while init was running; nothing was written/);
    expect(readFileSync(globalPath, 'utf8')).toBe(edited);
  });
});
