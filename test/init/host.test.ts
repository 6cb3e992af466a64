/**
 * Reading this host's dnsmasq configuration as dnsmasq does (main file, conf-dirs with their
 * filters, conf-files, the distribution's default folder), in temp dirs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHost } from '../../src/init/host.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'phoenix-init-host-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const w = (rel: string, text: string) => {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const paths = (over: Partial<Record<'dnsmasqConf' | 'dnsmasqDir' | 'pveDir', string>> = {}) => ({
  dnsmasqConf: join(dir, 'dnsmasq.conf'),
  dnsmasqDir: join(dir, 'dnsmasq.d'),
  pveDir: join(dir, 'pve', 'firewall'),
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
