/**
 * Reading this host's dnsmasq configuration as dnsmasq does (main file, conf-dirs with their
 * filters, conf-files, the distribution's default folder), and what is at the marker key
 * file's path, in temp dirs.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHost } from '../../src/init/host.js';
import { Redactor } from '../../src/secrets.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'phoenix-init-host-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const w = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const paths = (
  over: Partial<Record<'dnsmasqConf' | 'dnsmasqDir' | 'pveDir' | 'markerKeyFile', string>> = {},
) => ({
  dnsmasqConf: join(dir, 'dnsmasq.conf'),
  dnsmasqDir: join(dir, 'dnsmasq.d'),
  pveDir: join(dir, 'pve', 'firewall'),
  markerKeyFile: join(dir, 'phoenix', 'marker.key'),
  ...over,
});

describe('the dnsmasq configuration of this host', () => {
  it('follows conf-dir (with its filters) and conf-file, and skips what dnsmasq skips', async () => {
    w('dnsmasq.conf', `# main\nconf-dir=${dir}/conf.d,*.conf\nconf-file=${dir}/extra.conf\n`);
    w('conf.d/10-local.conf', 'local=/internal.example.net/\naddress=/a.internal.example.net/10.0.0.5\n');
    w('conf.d/.hidden.conf', 'hostsdir=/nowhere\n');
    w('conf.d/10-local.conf~', 'hostsdir=/nowhere\n');
    w('conf.d/README.txt', 'hostsdir=/nowhere\n');
    w('extra.conf', `addn-hosts=${dir}/hosts\nconf-file=${dir}/extra.conf\n`); // a cycle ends
    mkdirSync(join(dir, 'hosts'));
    const host = await readHost(paths());
    expect(host.dnsmasq!.lines.map((l) => `${l.file.slice(dir.length + 1)}:${l.line} ${l.key}`)).toEqual([
      'dnsmasq.conf:2 conf-dir',
      'dnsmasq.conf:3 conf-file',
      'extra.conf:1 addn-hosts',
      'extra.conf:2 conf-file',
      'conf.d/10-local.conf:1 local',
      'conf.d/10-local.conf:2 address',
    ]);
    expect(host.dnsmasq!.kinds.get(join(dir, 'hosts'))).toEqual({ kind: 'dir' });
    expect(host.dnsmasq!.kinds.get(join(dir, 'conf.d', 'phoenix.conf'))).toEqual({ kind: 'missing' });
  });

  it("reads the distribution's default folder though no line names it", async () => {
    w('dnsmasq.d/00-phoenix-internal.conf', 'address=/n8n.internal.example.net/10.0.0.12\n');
    w('dnsmasq.d/phoenix.conf', '# Managed by Phoenix (owner: x, root: /r). Manual edits are overwritten.\n');
    const host = await readHost(paths());
    expect(host.dnsmasq!.confDirs.map((d) => d.dir)).toEqual([join(dir, 'dnsmasq.d')]);
    expect(host.dnsmasq!.lines.map((l) => l.key)).toEqual(['address']);
    expect(host.dnsmasq!.kinds.get(join(dir, 'dnsmasq.d', 'phoenix.conf'))).toEqual({
      kind: 'file',
      phoenix: true,
    });
  });

  it('no configuration at all: undefined', async () => {
    expect((await readHost(paths())).dnsmasq).toBeUndefined();
  });
});

describe('the Proxmox VE firewall folder', () => {
  it.each([
    ['exists', true],
    ['is missing', false],
  ])('%s', async (_what, exists) => {
    if (exists) mkdirSync(join(dir, 'pve', 'firewall'), { recursive: true });
    const host = await readHost({ ...paths(), traefikPath: '/etc/traefik/dynamic/phoenix.yml' });
    expect(host.pveFirewall).toBe(exists);
    expect(host.traefikPath).toBe('/etc/traefik/dynamic/phoenix.yml');
  });
});

describe('the marker key file', () => {
  const key = '0123456789abcdef0123456789abcdef';
  const file = () => join(dir, 'phoenix', 'marker.key');
  it.each<[string, () => void, object]>([
    ['missing', () => undefined, { kind: 'missing' }],
    ['a key, mode 0600', () => w('phoenix/marker.key', `${key}\n`), { kind: 'key', loose: false }],
    [
      'a key others may read',
      () => {
        w('phoenix/marker.key', `${key}\n`);
        chmodSync(file(), 0o644);
      },
      { kind: 'key', loose: true },
    ],
    [
      'too short',
      () => w('phoenix/marker.key', 'short\n'),
      { kind: 'unusable', why: 'it holds 5 characters, under 16' },
    ],
    [
      'a folder',
      () => mkdirSync(file(), { recursive: true }),
      { kind: 'unusable', why: 'it is not a regular file' },
    ],
  ])('%s', async (_what, make, want) => {
    make();
    if (existsSync(file()) && statSync(file()).isFile() && !_what.includes('others'))
      chmodSync(file(), 0o600);
    const redactor = new Redactor();
    const host = await readHost(paths(), redactor);
    expect(host.markerKeyFile).toBe(file());
    expect(host.markerKey).toEqual(want);
    // A key found is never shown.
    if (_what.startsWith('a key')) expect(redactor.redact(`k=${key}`)).toBe('k=«redacted»');
  });
});
