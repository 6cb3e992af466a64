/**
 * Every exit code on the homelab estate: 0 converged, 1 invalid input, 2 changes
 * pending (`plan --detailed-exitcode`), 3 readiness check failed, 4 some changes failed,
 * 5 lock held. Each failing class also proves what was NOT touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../portainer-double/server.js';
import { editJson, replaceIn } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import {
  changedFiles,
  doubleStacks,
  explain,
  pending,
  phoenix,
  phoenixJson,
  routeUrls,
  targetFiles,
  traefikFile,
} from './harness.js';

const GLOBAL = ['etc', 'phoenix_hypervisor_config.json'];
/** A real process holding the lock with Phoenix's own code (needs dist/: npm test builds it). */
const LOCK_CHILD = fileURLToPath(new URL('./lock-child.mjs', import.meta.url));
const VMS = ['etc', 'phoenix_vm_configs.json'];

/** Every call of one stack's deploy (create or update) fails for good with `status`. */
function failDeploy(stack: string, status = 500): Fault {
  return {
    kind: 'status',
    status,
    message: 'injected: deploy refused',
    times: Infinity,
    match: (c) =>
      c.stackName === stack && (c.route.startsWith('POST /stacks/create/') || c.route === 'PUT /stacks/{id}'),
  };
}

/** A loopback port nobody listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('exit codes', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('2: plan --detailed-exitcode with changes pending, and it changes nothing', async () => {
    const r = await phoenix(h, ['plan', '--detailed-exitcode']);
    expect(r.code, explain(r)).toBe(2);
    expect(r.out).toMatch(/Plan: 16 to create/);
    expect((await phoenix(h, ['plan'])).code).toBe(0);
    expect(targetFiles(h)).toEqual([]);
    expect(h.double.counts().writes).toBe(0);
    expect(h.dns!.calls.hup).toBe(0);
  });

  it('1: invalid input stops before anything is contacted or written', async () => {
    const vms = join(h.root, ...VMS);
    editJson(
      vms,
      (c) => void c.vms.find((v: { vmid: number }) => v.vmid === 1002).docker_stacks.push('nope'),
    );
    h.double.resetCounters();
    const r = await phoenix(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(1);
    expect(r.err).toMatch(/phoenix_vm_configs\.json:\d+:\d+: error: .*nope/);
    expect(r.err).toMatch(/nothing was changed/);
    expect(h.double.counts().total).toBe(0);
    expect(targetFiles(h)).toEqual([]);
    expect(existsSync(join(h.root, '.phoenix.lock'))).toBe(false);
    editJson(vms, (c) => void c.vms.find((v: { vmid: number }) => v.vmid === 1002).docker_stacks.pop());
  });

  it('4: one stack fails to deploy; the others deploy, its route is not written; a re-run converges', async () => {
    h.double.inject(failDeploy('n8n-production'));
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(4);
    expect(r.report.error?.message).toMatch(/some changes failed: stacks/);
    const failed = r.report.results.filter((x) => x.status === 'failed');
    expect(failed.map((x) => x.id)).toEqual(['1003/n8n-production']);
    expect(failed[0]?.error).toMatch(/HTTP 500/);
    expect(doubleStacks(h)).toEqual({
      'ai-worker': ['open-webui-production', 'qdrant-production', 'whoami-production'],
      services: ['monitoring-production', 'whoami-staging'],
    });
    // Its route keeps its previous state (absent): no route pointing at nothing.
    expect(traefikFile(h).http.routers['n8n-production-n8n']).toBeUndefined();
    expect(traefikFile(h).http.services['n8n-production-n8n']).toBeUndefined();
    expect(traefikFile(h).http.routers['whoami-production-whoami']).toBeDefined();
    expect(r.report.stages.find((s) => s.stage === 'traefik')?.status).toBe('ok');

    h.double.clearFaults();
    const again = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(again.code, explain(again)).toBe(0);
    expect(
      pending(again.report)
        .map((c) => `${c.stage} ${c.id}`)
        .sort(),
    ).toEqual(['stacks 1003/n8n-production', `traefik ${h.paths.traefik}`]);
    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5678']);
  });

  it('0: converged', async () => {
    h.double.resetCounters();
    const r = await phoenix(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(h.double.counts().writes).toBe(0);
    expect((await phoenix(h, ['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it("4: a failed update keeps the stack's route at its previous state", async () => {
    replaceIn(h.root, 'stacks/n8n/docker-compose.yml', '"5678:5678"', '"5679:5678"');
    h.double.inject(failDeploy('n8n-production', 400));
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(4);
    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5678']);
    expect(h.double.model.stacks.find((s) => s.Name === 'n8n-production')?.file).toContain('5678:5678');

    h.double.clearFaults();
    const again = await phoenix(h, ['sync', 'all', '--yes']);
    expect(again.code, explain(again)).toBe(0);
    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5679']);
  });

  it('5: of two concurrent runs exactly one proceeds; the other names the holder', async () => {
    // On a converged estate a run holds the lock for a few ms: without this, the second run
    // may simply come after the first. The lock holder's readiness probe (the first call after
    // the lock; a refused run never gets there) is slowed so the runs really overlap.
    h.double.inject({
      kind: 'delay',
      delayMs: 1500,
      times: 1,
      match: (c) => c.route === 'GET /system/status',
    });
    const runs = await Promise.all([
      phoenix(h, ['sync', 'all', '--yes']),
      phoenix(h, ['sync', 'all', '--yes']),
    ]);
    expect(runs.map((r) => r.code).sort(), runs.map(explain).join('\n')).toEqual([0, 5]);
    const refused = runs.find((r) => r.code === 5)!;
    expect(refused.err).toContain(
      `another sync holds the lock of ${h.root}: pid ${process.pid} on ${hostname()}, running "sync all"`,
    );
    expect(existsSync(join(h.root, '.phoenix.lock'))).toBe(false);
  });

  it('5: a lock held by a live process is refused at once, naming it; freed the moment it is killed', async () => {
    const child = spawn(process.execPath, [LOCK_CHILD, h.root, join(h.dir, 'lock.ndjson'), '0', 'hang'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
        child.on('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
      });
      h.double.resetCounters();
      const r = await phoenix(h, ['sync', 'all', '--yes']);
      expect(r.code, explain(r)).toBe(5);
      expect(r.err).toMatch(
        new RegExp(
          `another sync holds the lock of .*: pid ${child.pid} on ${hostname()}, running "sync all" since \\d{4}-`,
        ),
      );
      expect(h.double.counts().total).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode === null ? child.on('exit', r) : r(null)));
    }
    // SIGKILL left its holder record behind, but not the lock: the next run proceeds.
    expect(readFileSync(join(h.root, '.phoenix.lock'), 'utf8')).toContain(`"pid":${child.pid}`);
    const after = await phoenix(h, ['sync', 'all', '--yes']);
    expect(after.code, explain(after)).toBe(0);
    expect(existsSync(join(h.root, '.phoenix.lock'))).toBe(false);
  });

  it('5: a live run of the earlier version (its lock folder) is refused, naming it', async () => {
    mkdirSync(join(h.root, '.phoenix.lock'));
    const holder = {
      pid: process.pid,
      host: hostname(),
      started: '2026-01-02T03:04:05.000Z',
      command: 'sync stacks',
    };
    writeFileSync(join(h.root, '.phoenix.lock.holder.json'), JSON.stringify(holder));
    try {
      h.double.resetCounters();
      const r = await phoenix(h, ['sync', 'all', '--yes']);
      expect(r.code, explain(r)).toBe(5);
      expect(r.err).toContain(
        `pid ${process.pid} on ${hostname()}, running "sync stacks" since 2026-01-02T03:04:05.000Z`,
      );
      expect(h.double.counts().total).toBe(0);
    } finally {
      spawnSync('rm', ['-rf', join(h.root, '.phoenix.lock'), join(h.root, '.phoenix.lock.holder.json')]);
    }
  });

  it("the earlier version's lock folder left by a dead process is cleared", async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const pid = Number(dead.stdout);
    expect(pid).toBeGreaterThan(0);
    mkdirSync(join(h.root, '.phoenix.lock'));
    writeFileSync(
      join(h.root, '.phoenix.lock.holder.json'),
      JSON.stringify({ pid, host: hostname(), started: new Date().toISOString(), command: 'sync all' }),
    );
    const r = await phoenix(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(existsSync(join(h.root, '.phoenix.lock'))).toBe(false);
    expect(existsSync(join(h.root, '.phoenix.lock.holder.json'))).toBe(false);
  });

  it('3 and --skip-checks: a failed required check stops before any change; --skip-checks proceeds; an advisory one only warns', async () => {
    const port = await closedPort();
    const global = join(h.root, ...GLOBAL);
    // A change is pending, so "nothing changed" means something.
    replaceIn(h.root, 'stacks/n8n/docker-compose.yml', '"5679:5678"', '"5680:5678"');
    editJson(
      global,
      (c) =>
        void (c.sync.checks = [
          { name: 'nas', kind: 'tcp', host: '127.0.0.1', port, required: true, retries: 0 },
        ]),
    );
    h.double.resetCounters();
    const files = h.snapshot();
    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(3);
    expect(r.report.error?.message).toMatch(
      /readiness check failed: nas \(127\.0\.0\.1:\d+: ECONNREFUSED\); nothing was changed/,
    );
    expect(r.report.error?.hint).toMatch(/--skip-checks/);
    expect(r.report.checks.find((c) => c.name === 'nas')).toMatchObject({ ok: false, required: true });
    expect(h.double.counts().writes).toBe(0);
    expect(changedFiles(files, h.snapshot())).toEqual([]);

    const skipped = await phoenixJson(h, ['sync', 'all', '--yes', '--skip-checks']);
    expect(skipped.code, explain(skipped)).toBe(0);
    expect(skipped.report.checks).toEqual([]);
    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5680']);

    editJson(global, (c) => void (c.sync.checks[0].required = false));
    replaceIn(h.root, 'stacks/n8n/docker-compose.yml', '"5680:5678"', '"5678:5678"');
    const advisory = await phoenix(h, ['sync', 'all', '--yes']);
    expect(advisory.code, explain(advisory)).toBe(0);
    expect(advisory.err).toMatch(/! check nas: 127\.0\.0\.1:\d+: ECONNREFUSED/);
    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5678']);
    editJson(global, (c) => void (c.sync.checks = []));
  });

  it('4: a failed core stage stops its dependants and says which were skipped and why', async () => {
    editJson(join(h.root, ...GLOBAL), (c) => void (c.sync.dns.reload_command = h.dns!.command('fail')));
    // A DNS change and a stack change are pending.
    editJson(
      join(h.root, 'etc', 'phoenix_lxc_configs.json'),
      (c) => void c.lxc_configs['103'].dns_records.push({ hostname: 'nas', ip: '10.0.0.5' }),
    );
    replaceIn(h.root, 'stacks/n8n/docker-compose.yml', '"5678:5678"', '"5681:5678"');
    h.double.resetCounters();

    const r = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(4);
    const stages = Object.fromEntries(r.report.stages.map((s) => [s.stage, s]));
    expect(stages.dns).toMatchObject({ status: 'failed' });
    expect(r.report.results.find((x) => x.stage === 'dns')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/reload refused by the test rig/),
    });
    expect(stages.firewall).toMatchObject({ status: 'ok' });
    expect(stages.endpoints).toMatchObject({ status: 'skipped', reason: 'dns failed' });
    expect(stages.stacks).toMatchObject({ status: 'skipped', reason: 'dns failed' });
    expect(stages.traefik).toMatchObject({ status: 'skipped', reason: 'stacks was skipped' });
    expect(r.report.error?.message).toMatch(/dns/);
    // The failed DNS file was rolled back; no stack was touched.
    expect(await h.dns!.resolve4('nas.lab.internal')).toEqual([]);
    expect(h.dns!.calls.fail).toBeGreaterThan(0);
    expect(h.double.counts().writes).toBe(0);
    expect(routeUrls(h)['n8n-production-n8n']).toEqual(['http://10.0.0.103:5678']);

    // The text renderer says the same.
    const text = await phoenix(h, ['sync', 'all', '--yes']);
    expect(text.code).toBe(4);
    expect(text.err).toMatch(/Portainer environments: skipped \(dns failed\)/);
    expect(text.err).toMatch(/Stacks: skipped \(dns failed\)/);
    expect(text.err).toMatch(/Traefik routes: skipped \(stacks was skipped\)/);
  });
});
