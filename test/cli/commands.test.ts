/**
 * The CLI end to end, in-process: validate and plan --offline on the bundled example,
 * the JSON report's shape, the human plan's layout, colours, exit codes, help and version.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementChanges } from '../../src/engine/graph-elements.js';
import type { JsonReport } from '../../src/output/json-report.js';
import { parseDiagnostics, runCli } from '../helpers/cli.js';
import { deriveConfig, loadExample } from '../helpers/example.js';
import { copyExample, EXAMPLE, REPO, removeDir, replaceIn, tempDir } from '../helpers/root.js';

// eslint-disable-next-line no-control-regex
const ESC = /\x1b\[/;
const ROOT = ['--root', 'examples/homelab'];

let parent: string;
beforeAll(() => {
  parent = tempDir('phoenix-cli-');
});
afterAll(() => removeDir(parent));

describe('phoenix validate', () => {
  it('exits 0 on the example and says what it found', async () => {
    const r = await runCli(['validate', ...ROOT]);
    expect(r.code).toBe(0);
    // A checkout leaves the example's secret files readable by others: warned about, not an error.
    expect(r.err).toMatch(/valid \(7 guests, 7 deployments, 9 routes, 18 DNS records[,)]/);
    expect(r.err).toMatch(/discovered 7 stacks/); // scratch/ has only a compose file: a plain-compose stack
    expect(parseDiagnostics(r.err).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('every warning names its file, line and column, and warnings do not fail', async () => {
    const root = copyExample(parent);
    const GLOBAL = 'etc/phoenix_hypervisor_config.json';
    replaceIn(root, GLOBAL, '"env:PHOENIX_PORTAINER_PASSWORD"', '"plain-text-password"');
    replaceIn(
      root,
      GLOBAL,
      '"users":',
      '"shared_volumes": { "firewall": { "enabled": false } },\n  "users":',
    );
    replaceIn(root, 'etc/phoenix_lxc_configs.json', '"dns_records"', '"dns_record"');
    for (const f of readdirSync(join(root, 'secrets'))) chmodSync(join(root, 'secrets', f), 0o600);
    const r = await runCli(['validate', '--root', root]);
    expect(r.code).toBe(0);
    const warnings = r.err.split('\n').filter((l) => / warning: /.test(l));
    expect(warnings.map((w) => w.replace(/^.*?etc\//, 'etc/'))).toEqual([
      'etc/phoenix_hypervisor_config.json:10:23: warning: the Portainer password is written in plain text [plaintext-secret]',
      'etc/phoenix_hypervisor_config.json:29:35: warning: both firewall and shared_volumes.firewall are set; shared_volumes.firewall is ignored [legacy-firewall]',
      'etc/phoenix_lxc_configs.json:37:7: warning: unknown key "dns_record" in lxc_configs.103 is ignored [unknown-key]',
    ]);
    expect(r.err).toMatch(/, 3 warnings\)/);
  });

  it('finds the root through $PHOENIX_ROOT, and relative to the working directory', async () => {
    expect((await runCli(['validate'], { env: { PHOENIX_ROOT: EXAMPLE } })).code).toBe(0);
    expect((await runCli(['validate'], { cwd: EXAMPLE })).code).toBe(0);
    expect((await runCli(['validate', '--root', 'homelab'], { cwd: join(REPO, 'examples') })).code).toBe(0);
  });

  it('a root without the required files exits 1', async () => {
    const empty = join(parent, 'empty');
    mkdirSync(empty);
    const r = await runCli(['validate', '--root', empty]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/phoenix_hypervisor_config\.json: error: required file is missing/);
  });

  it('diagnostics start their line with file:line:col, even in timestamped plain output', async () => {
    const root = copyExample(parent);
    replaceIn(root, 'stacks/n8n/docker-compose.yml', '"5678:5678"', '"5678:99999"');
    const r = await runCli(['validate', '--root', root], { isTTY: false, cwd: root });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^stacks\/n8n\/docker-compose\.yml:\d+:\d+: error: /m);
  });
});

describe('phoenix plan --offline --json', () => {
  let report: JsonReport;
  const { desired } = deriveConfig(loadExample().config);

  beforeAll(async () => {
    const r = await runCli(['plan', '--offline', '--json', ...ROOT]);
    expect(r.code).toBe(0);
    report = JSON.parse(r.out) as JsonReport;
  });

  const ids = (kind: string) => report.changes.filter((c) => c.kind === kind).map((c) => c.id);
  // The offline plan speaks in whole files, like the live one; their elements, as the graph reads them.
  const elements = (kind: string) => elementChanges(report.changes).filter((c) => c.kind === kind);
  const content = (id: string) => report.changes.find((c) => c.id === id)?.after as string;

  it('is one JSON document with a version field', () => {
    expect(report).toMatchObject({ version: 1, command: 'plan', dryRun: true, exitCode: 0 });
    expect(report.root).toBe(EXAMPLE);
  });

  it('creates the DNS file with every record, and its diff', () => {
    expect(ids('dns-file')).toEqual(['/etc/phoenix/dnsmasq.hosts']);
    const dns = report.changes.find((c) => c.kind === 'dns-file')!;
    expect(dns).toMatchObject({ stage: 'dns', action: 'create' });
    expect(dns.diff).toMatch(/^\+10\.0\.0\.12 grafana\.lab\.internal$/m);
    const records = elements('dns-record');
    expect(records.map((r) => r.id).sort()).toEqual(desired.dns.map((r) => r.name).sort());
    expect(records).toHaveLength(18);
    for (const r of desired.dns)
      expect(
        records.find((x) => x.id === r.name),
        r.name,
      ).toMatchObject({ action: 'create', after: { ip: r.ip } });
  });

  it('creates the cluster firewall file and one per guest, with its rules', () => {
    expect(elements('firewall-ruleset').map((c) => c.id)).toEqual([
      'cluster',
      '1001',
      '1002',
      '1003',
      '101',
      '102',
    ]);
    const dports = (text: string) => [...text.matchAll(/^IN ACCEPT .*-dport (\S+)/gm)].map((m) => m[1]);
    expect(dports(content('/etc/pve/firewall/1002.fw'))).toEqual(['9001', '3001', '6333', '6334', '8081']);
    const cluster = content('/etc/pve/firewall/cluster.fw');
    expect(cluster.match(/^IN .*# phoenix:/gm)).toHaveLength(3);
    expect(cluster).toMatch(/^\[OPTIONS\]\n\nenable: 1\npolicy_in: DROP\npolicy_out: ACCEPT$/m);
  });

  it('creates the Traefik file with every route and its backend', () => {
    expect(ids('traefik-file')).toEqual(['/etc/traefik/dynamic/phoenix.yml']);
    const routes = elements('route');
    expect(routes.map((c) => c.id).sort()).toEqual(desired.routes.routers.map((r) => r.name).sort());
    expect(routes.find((c) => c.id === 'whoami-staging-whoami')).toMatchObject({
      stage: 'traefik',
      action: 'create',
      after: { urls: ['http://10.0.0.103:8082'] },
    });
  });

  it('lists every Portainer environment', () => {
    expect(ids('environment')).toEqual(['ai-worker', 'services']);
    expect(report.changes.find((c) => c.id === 'ai-worker')).toMatchObject({
      after: { url: 'tcp://ai-worker-agent.lab.internal:9001' },
    });
  });

  it('lists every stack deployment with its compose, Portainer itself held back', () => {
    expect(ids('stack').sort()).toEqual(desired.deployments.map((d) => d.id).sort());
    expect(report.changes.find((c) => c.id === '1001/portainer-production')?.blocked).toMatch(
      /--include-portainer/,
    );
    const n8n = report.changes.find((c) => c.id === '1003/n8n-production')!;
    expect(n8n).toMatchObject({
      action: 'create',
      after: { name: 'n8n-production', environment: 'services', mode: 'standalone' },
    });
    expect((n8n.after as { compose: string }).compose).toMatch(/^services:\n/m);
    expect(n8n.diff).toMatch(/^\+services:$/m);
  });

  it('groups changes by stage in the order sync runs them, with a summary', () => {
    const stages = report.changes.map((c) => c.stage);
    expect([...new Set(stages)]).toEqual(['dns', 'firewall', 'endpoints', 'stacks', 'traefik']);
    expect(report.summary).toMatchObject({
      create: report.changes.length - 1,
      blocked: 1,
      update: 0,
      delete: 0,
    });
  });

  it('--json=stream prints one JSON event per line', async () => {
    const r = await runCli(['plan', '--offline', '--json=stream', ...ROOT]);
    expect(r.code).toBe(0);
    const events = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(events[0]?.type).toBe('run-start');
    expect(events.at(-1)?.type).toBe('run-end');
    expect(events.filter((e) => e.type === 'plan')).toHaveLength(5);
  });
});

describe('phoenix plan --offline contacts nothing', () => {
  it('resolves no Portainer credential: one that cannot be resolved stops the live plan, not the offline one', async () => {
    const root = copyExample(parent);
    replaceIn(
      root,
      'etc/phoenix_hypervisor_config.json',
      '"local_environment": "local"',
      '"local_environment": "local", "api_key": "env:PHX_TEST_UNSET_KEY"',
    );
    const offline = await runCli(['plan', '--offline', '--json', '--root', root]);
    expect(offline.code, offline.err).toBe(0);
    const report = JSON.parse(offline.out) as JsonReport;
    expect(report.changes.filter((c) => c.kind === 'stack')).toHaveLength(7);
    const live = await runCli(['plan', '--root', root]);
    expect(live.code).toBe(1);
    expect(live.err).toMatch(/sync\.portainer\.api_key: .*PHX_TEST_UNSET_KEY/);
  });
});

describe('phoenix plan --offline (text)', () => {
  it('fits 80 columns and has no escape codes when not a terminal', async () => {
    const r = await runCli(['plan', '--offline', ...ROOT], { columns: 80, isTTY: false });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.length).toBeGreaterThan(40);
    // Diff lines are file content, shown as it is; everything Phoenix says wraps.
    expect(lines.filter((l) => l.length > 80 && !/^ {6}[-+@ ]/.test(l))).toEqual([]);
    expect(r.out).not.toMatch(ESC);
    expect(r.err).not.toMatch(ESC);
    expect(r.out).toMatch(/^DNS records \(1 to create\)$/m);
    expect(r.out).toMatch(/^\+ dnsmasq file \/etc\/phoenix\/dnsmasq\.hosts$/m);
    expect(r.out).toMatch(/^ {6}\+10\.0\.0\.12 grafana\.lab\.internal$/m);
    expect(r.out).toMatch(/^! portainer-production on phoenix-primary \(vm 1001\)/m);
    expect(r.out).toMatch(/^Plan: 16 to create, 0 to update, 0 to delete, 0 unchanged, 1 held back\.$/m);
  });

  it('wraps long labels instead of running past 80 columns', async () => {
    const root = copyExample(parent);
    // The VM's name is in the label of each of its stacks: long enough to need two lines.
    const long = 'ai-worker-with-a-rather-long-name-for-wrapping-the-labels';
    replaceIn(root, 'etc/phoenix_vm_configs.json', '"name": "ai-worker"', `"name": "${long}"`);
    const r = await runCli(['plan', '--offline', '--root', root], { columns: 80 });
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l.length > 80 && !/^ {6}[-+@ ]/.test(l))).toEqual([]);
    expect(r.out).toMatch(new RegExp(`^\\+ open-webui-production on\\n {4}${long} \\(vm 1002\\)$`, 'm'));
  });

  it('colours a terminal, and NO_COLOR or --no-color turn colours off', async () => {
    const tty = await runCli(['plan', '--offline', ...ROOT], { isTTY: true });
    expect(tty.out).toMatch(ESC);
    const noColor = await runCli(['plan', '--offline', ...ROOT], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.out).not.toMatch(ESC);
    expect(noColor.err).not.toMatch(ESC);
    const empty = await runCli(['plan', '--offline', ...ROOT], { isTTY: true, env: { NO_COLOR: '' } });
    expect(empty.out).not.toMatch(ESC);
    const flag = await runCli(['plan', '--offline', '--no-color', ...ROOT], { isTTY: true });
    expect(flag.out).not.toMatch(ESC);
  });

  it('--detailed-exitcode exits 2 when there are changes', async () => {
    expect((await runCli(['plan', '--offline', '--detailed-exitcode', ...ROOT])).code).toBe(2);
    expect((await runCli(['plan', '--offline', ...ROOT])).code).toBe(0);
  });

  it('exits 1 on an invalid root and prints no plan', async () => {
    const root = copyExample(parent);
    replaceIn(root, 'etc/phoenix_vm_configs.json', '"qdrant", "open', '"qdrnat", "open');
    const r = await runCli(['plan', '--offline', '--detailed-exitcode', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
  });
});

describe('help, version and usage errors', () => {
  it('--help shows the commands and examples', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: phoenix/);
    expect(r.out).toMatch(/validate/);
    expect(r.out).toMatch(/Examples:/);
    expect(r.out).toMatch(/\$ phoenix plan --offline --root examples\/homelab/);
    expect(r.out).toMatch(/Exit codes:/);
  });

  it('plan --help lists its flags', async () => {
    const r = await runCli(['plan', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--offline',
      '--detailed-exitcode',
      '--root',
      '--json',
      '--vm',
      '--stack',
      '--env',
      '--no-color',
    ])
      expect(r.out).toContain(flag);
  });

  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(version);
  });

  it.each([
    ['unknown command', ['deploy']],
    ['unknown flag', ['validate', '--bogus']],
    ['unknown global flag', ['--bogus']],
    ['bad --json mode', ['plan', '--offline', '--json=xml', ...ROOT]],
  ])('%s exits 1 with a message', async (_name, argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error: /);
    expect(r.out).toBe('');
  });
});
