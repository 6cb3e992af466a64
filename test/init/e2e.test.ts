/**
 * From the original scripts to a converged estate: a root in the original format with no
 * `sync` section → `phoenix init --yes` (pointed at this host's real dnsmasq configuration,
 * a temp PVE folder and a temp Traefik path) → `phoenix sync all --yes` against the Portainer
 * test double, a real dnsmasq and temp-dir targets exits 0, and a second run changes nothing.
 *
 * The root names Portainer as the newest original revisions do (`network.portainer_server_ip`
 * alone, so `http://<ip>:9000`): the test listens on port 9000 of a random loopback address
 * and forwards to the double.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { PortainerDouble } from '../portainer-double/server.js';
import type { DnsmasqRig } from '../rig/dnsmasq.js';
import type { Forwarder } from '../rig/forward.js';
import { initArgv, startInitLab, syncJson, type InitLab } from '../rig/init-lab.js';
import { globalFile, writeFixtureRoot } from './fixture.js';

const PASSWORD = 'original-plaintext-pw-5d1e';

let lab: InitLab | undefined;
let root: string;
let double: PortainerDouble;
let rig: DnsmasqRig;
let fwd: Forwarder;
let t: InitLab['t'];

beforeAll(async () => {
  lab = await startInitLab('phoenix-init-e2e-', { users: { admin: PASSWORD } });
  ({ double, rig, fwd, t } = lab);
  root = writeFixtureRoot(lab.dir, { portainerIp: fwd.ip, password: PASSWORD });
});
afterAll(async () => {
  await lab?.stop();
});

const syncAll = () => syncJson(root);

describe('init, then sync, on a root in the original format', () => {
  it('init writes a sync section that sync all converges with, twice', async () => {
    const init = await runCli(initArgv(lab!, root, t('phoenix', 'marker.key')));
    expect(init.code, init.err).toBe(0);
    expect(init.out + init.err).not.toContain(PASSWORD);
    const written = readFileSync(join(root, 'etc', 'phoenix_hypervisor_config.json'), 'utf8');
    expect(JSON.parse(written).sync).toEqual({
      gateway_ip: '10.0.0.12',
      portainer: { url: `http://${fwd.ip}:9000` },
      dns: { layout: 'hostsdir', path: t('dns', 'hosts.d', 'phoenix.hosts') },
      firewall: { backend: 'pve', pve_dir: t('pve') },
      traefik: { path: t('traefik', 'dynamic', 'phoenix.yml') },
      marker_key: `file:${t('phoenix', 'marker.key')}`,
    });
    const key = readFileSync(t('phoenix', 'marker.key'), 'utf8').trim();
    expect(statSync(t('phoenix', 'marker.key')).mode & 0o777).toBe(0o600);
    const at = written.indexOf(',\n    "sync": {');
    const end = written.lastIndexOf('\n    }') + '\n    }'.length;
    expect(written.slice(0, at) + written.slice(end)).toBe(
      globalFile({ portainerIp: fwd.ip, password: PASSWORD }),
    );

    const first = await syncAll();
    expect(first.code, `${first.error?.message ?? ''}\n${first.err}`).toBe(0);
    expect(JSON.stringify(first) + JSON.stringify(double.model.stacks)).not.toContain(key);
    expect(first.results.filter((r) => r.status !== 'ok')).toEqual([]);
    // Portainer answered at the address init proposed (through the forwarder on port 9000).
    expect(first.checks.map((c) => `${c.name} ${c.ok}`)).toContain('portainer true');
    expect(first.results.map((r) => r.stage).sort()).toEqual(
      expect.arrayContaining(['dns', 'firewall', 'stacks', 'traefik']),
    );
    expect(double.model.stacks.map((s) => s.Name)).toEqual(['whoami-production']);
    // The Traefik file's folder did not exist: the first sync made it, 0755.
    expect(statSync(t('traefik', 'dynamic')).mode & 0o777).toBe(0o755);
    expect(readFileSync(t('traefik', 'dynamic', 'phoenix.yml'), 'utf8')).toMatch(
      /Host\(`whoami\.internal\.example\.net`\)/,
    );
    expect(existsSync(t('pve', 'cluster.fw'))).toBe(true);
    // dnsmasq picks the hosts file up by itself: routed names go to the Traefik host.
    for (let i = 0; i < 100 && (await rig.resolve4('whoami.internal.example.net')).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await rig.resolve4('whoami.internal.example.net')).toEqual(['10.0.0.12']);
    expect(await rig.resolve4('portainer-primary.internal.example.net')).toEqual(['10.0.0.101']);

    const second = await syncAll();
    expect(second.code, `${second.error?.message ?? ''}\n${second.err}`).toBe(0);
    expect(second.changes.filter((c) => c.action !== 'noop' && !c.blocked)).toEqual([]);
    expect(second.results).toEqual([]);
    expect(rig.calls).toEqual({ hup: 0, restart: 0, fail: 0 });
  });
});
