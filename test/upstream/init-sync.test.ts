/**
 * The migration path on the full original-format fixture (test/fixtures/upstream/current/):
 * a temp copy with no `sync` section → `phoenix init --yes` (pointed at a real dnsmasq's
 * configuration, a temp PVE folder and a temp Traefik path) writes one, touching no other
 * byte of the file → `phoenix sync all` against the Portainer test double, that dnsmasq and
 * temp-dir targets exits 0 → a second run changes nothing: no pending change, no write call
 * to Portainer, no file written, no dnsmasq reload.
 *
 * The copy differs from the fixture in one value: `network.portainer_server_ip` names the
 * loopback address of a forwarder on port 9000 (the fixture gives no port, so the original
 * meant `http://<ip>:9000`), which leads to the double. Everything else, credentials included,
 * is the fixture's own.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/output/json-report.js';
import { runCli } from '../helpers/cli.js';
import type { PortainerDouble } from '../portainer-double/server.js';
import type { DnsmasqRig } from '../rig/dnsmasq.js';
import type { Forwarder } from '../rig/forward.js';
import { initArgv, startInitLab, syncJson, type InitLab } from '../rig/init-lab.js';
import { copyPristine, GLOBAL } from './fixture.js';

// The fixture's own credentials (plaintext, as the original writes them).
const PASSWORD = 'Kindling-Spark-4417';
const API_KEY = 'ptr_HearthFixtureToken9vQ2mW7pL4xR8tN';
// The fixture's `network.interfaces.address`: init proposes it as the DNS server to check.
const DNS_SERVER = '10.40.0.5';

let lab: InitLab | undefined;
let dir: string;
let root: string;
let double: PortainerDouble;
let rig: DnsmasqRig;
let fwd: Forwarder;
/** The copy's global file just before init. */
let before: string;
let t: InitLab['t'];

beforeAll(async () => {
  // hearth-primary (the Portainer primary) is the swarm manager: its local environment is one.
  lab = await startInitLab(
    'phoenix-upstream-init-',
    { users: { admin: PASSWORD }, apiKeys: [API_KEY] },
    true,
  );
  ({ dir, double, rig, fwd, t } = lab);
  root = copyPristine('current', dir);
  const path = join(root, GLOBAL);
  const pristine = readFileSync(path, 'utf8');
  before = pristine.replace('"portainer_server_ip": "10.40.0.111"', `"portainer_server_ip": "${fwd.ip}"`);
  expect(before).not.toBe(pristine);
  writeFileSync(path, before);
});
afterAll(async () => {
  await lab?.stop();
});

interface Run extends JsonReport {
  code: number;
  text: string;
}

async function syncAll(): Promise<Run> {
  const r = await syncJson(root);
  return { ...r, text: r.out + r.err };
}

const explain = (r: Run) =>
  `exit ${r.code}; error: ${r.error?.message ?? '-'}; checks: ${r.checks.map((c) => `${c.name}=${c.ok} (${c.detail})`).join(', ')}; stages: ${r.stages.map((s) => `${s.stage}=${s.status}${s.reason ? ` (${s.reason})` : ''}`).join(', ')}`;

/** mtime of every file under the targets folder but the rig's own, and of the root's files. */
function snapshot(): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\/dns\/(rig\.(conf|sock)|dnsmasq\.pid)$/.test(p)) out.set(p, statSync(p).mtimeMs);
    }
  };
  walk(t());
  walk(root);
  return out;
}

/** The names of the stacks the double holds, per environment name. */
function doubleStacks(): Record<string, string[]> {
  const m = double.model;
  const out: Record<string, string[]> = {};
  for (const s of m.stacks) {
    const env = m.endpoints.find((e) => e.Id === s.EndpointId)?.Name ?? `#${s.EndpointId}`;
    (out[env] ??= []).push(s.Name);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

describe('init, then sync, on the full original-format fixture', () => {
  it('init writes a sync section that sync all converges with, twice', async () => {
    // --- init
    const init = await runCli(initArgv(lab!, root, join(dir, 'marker.key')));
    expect(init.code, init.err).toBe(0);
    for (const secret of [PASSWORD, API_KEY]) expect(init.out + init.err).not.toContain(secret);
    const written = readFileSync(join(root, GLOBAL), 'utf8');
    expect(JSON.parse(written).sync).toEqual({
      gateway_ip: '10.40.0.20', // LXC 110 "traefik"
      portainer: { url: `http://${fwd.ip}:9000` },
      dns: { layout: 'hostsdir', path: t('dns', 'hosts.d', 'phoenix.hosts'), server: DNS_SERVER },
      firewall: { backend: 'pve', pve_dir: t('pve') },
      traefik: { path: t('traefik', 'dynamic', 'phoenix.yml') },
      marker_key: `file:${join(dir, 'marker.key')}`,
    });
    // One insertion: `,` + the `sync` member, after the root object's last member. Every byte
    // outside it is the copy's as it was before init.
    const member = findNodeAtLocation(parseTree(written)!, ['sync'])!.parent!;
    const comma = written.lastIndexOf(',', member.offset);
    const inserted = written.slice(comma, member.offset + member.length);
    expect(inserted).toMatch(/^,\n {4}"sync": \{\n {8}"gateway_ip"[^]*\n {4}\}$/);
    expect(written.slice(0, comma) + written.slice(member.offset + member.length)).toBe(before);

    // --- first sync: everything is created
    // init proposed the fixture's own DNS address for the readiness check. Tests send nothing
    // to addresses off this machine, so the operator's one edit here: the DNS server that
    // really answers on this host is the test's dnsmasq on loopback.
    writeFileSync(
      join(root, GLOBAL),
      applyEdits(written, modify(written, ['sync', 'dns', 'server'], `127.0.0.1:${rig.port}`, {})),
    );

    const first = await syncAll();
    expect(first.code, explain(first)).toBe(0);
    expect(first.results.filter((r) => r.status !== 'ok')).toEqual([]);
    expect(first.summary).toMatchObject({ failed: 0, unmet: 0 });
    for (const secret of [PASSWORD, API_KEY]) expect(first.text).not.toContain(secret);
    // The validation warnings the fixture is known for, plus the internal CA init cannot guess.
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(new Set(first.diagnostics.map((d) => d.code))).toEqual(
      new Set([
        'plaintext-secret',
        'dns-shadowed',
        'unsupported-label',
        'no-manifest',
        'host-shadowed',
        'no-internal-ca',
      ]),
    );
    // Portainer answered at the address init proposed (through the forwarder), with the
    // api_key the original wrote (no login).
    expect(first.checks.map((c) => `${c.name} ${c.ok}`)).toEqual(
      expect.arrayContaining(['portainer true', 'dns true']),
    );
    expect(double.counts().auth).toBe(0);
    expect(double.violations).toEqual([]);
    // The agents' environments, made by Phoenix, next to the local one it was given.
    expect(double.model.endpoints.map((e) => `${e.Name} ${e.Type}`).sort()).toEqual([
      'ai-forge 2',
      'cuda-lab 2',
      'local 1',
    ]);
    expect(
      double.model.endpoints
        .filter((e) => e.Type === 2)
        .map((e) => e.URL)
        .sort(),
    ).toEqual(['tcp://10.40.0.128:9001', 'tcp://ai-forge-agent.hearth.internal:9001']);
    expect(doubleStacks()).toEqual({
      local: ['vaultwarden-production'],
      'ai-forge': ['llm-gateway-prod', 'mqtt-production', 'uptime-production'],
      'cuda-lab': ['notebook-staging', 'scratchpad-production'],
    });
    const vault = double.model.stacks.find((s) => s.Name === 'vaultwarden-production')!;
    expect(vault.Type).toBe(1); // swarm, with the manifest's placement
    expect(vault.file).toContain('node.role == manager');
    // The file targets: the Traefik folder made on the way, a PVE file per ruleset.
    expect(statSync(t('traefik', 'dynamic')).mode & 0o777).toBe(0o755);
    const traefik = readFileSync(t('traefik', 'dynamic', 'phoenix.yml'), 'utf8');
    for (const host of ['vault', 'llm', 'lab-staging', 'status', 'grafana', 'portainer', 'ollama'])
      expect(traefik).toContain(`Host(\`${host}.hearth.internal\`)`);
    expect(traefik).toContain('HostSNI(`mqtt.hearth.internal`)');
    expect(
      readdirSync(t('pve'))
        .filter((f) => f.endsWith('.fw'))
        .sort(),
    ).toEqual(
      ['cluster', '103', '105', '110', '120', '130', '1101', '1102', '9100'].map((f) => `${f}.fw`).sort(),
    );
    expect(existsSync(t('dns', 'hosts.d', 'phoenix.hosts'))).toBe(true);
    // dnsmasq picks the hosts file up by itself: routed names go to the Traefik LXC.
    for (let i = 0; i < 100 && (await rig.resolve4('vault.hearth.internal')).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await rig.resolve4('vault.hearth.internal')).toEqual(['10.40.0.20']);
    expect(await rig.resolve4('ollama-box.hearth.internal')).toEqual(['192.168.77.30']);
    expect(await rig.resolve4('copy-cuda12.8.hearth.internal')).toEqual(['10.40.0.128']);

    // --- second sync: nothing to do, nothing done
    double.resetCounters();
    const files = snapshot();
    for (const f of [
      t('dns', 'hosts.d', 'phoenix.hosts'),
      t('pve', 'cluster.fw'),
      t('traefik', 'dynamic', 'phoenix.yml'),
      join(root, GLOBAL),
    ])
      expect(files.has(f), f).toBe(true);
    const pid = rig.pid;
    const second = await syncAll();
    expect(second.code, explain(second)).toBe(0);
    expect(second.changes.filter((c) => c.action !== 'noop' && !c.blocked)).toEqual([]);
    expect(second.summary).toMatchObject({ create: 0, update: 0, delete: 0, failed: 0 });
    expect(second.results).toEqual([]);
    expect(double.counts().writes).toBe(0);
    expect(double.violations).toEqual([]);
    expect(double.model.stacks.every((s) => s.deploys === 1)).toBe(true);
    const after = snapshot();
    expect([...files.keys()].sort()).toEqual([...after.keys()].sort());
    expect([...files].filter(([f, m]) => after.get(f) !== m).map(([f]) => f)).toEqual([]);
    expect(rig.calls).toEqual({ hup: 0, restart: 0, fail: 0 });
    expect(rig.pid).toBe(pid);
  });
});
