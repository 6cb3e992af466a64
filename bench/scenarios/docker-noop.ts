/**
 * Scenario 5, docker backend: a no-op `phoenix sync all` of 10 stacks deployed straight to
 * the local Docker engine, against a loop of the compose CLI the backend uses
 * (`docker compose` or `docker-compose`) running `-p <name> -f <file> up -d
 * --remove-orphans` over the same stacks with the same rendered files and variables, one
 * after another (what a script would do). Rounds alternate the two; medians are reported.
 *
 * The engine comes from test/rig/docker.ts (started when none answers; the test image is
 * built from busybox, no registry needed). When it cannot start the scenario is SKIPPED
 * with the reason. Everything made is removed by the rig's cleanup.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import { loadEstate } from '../../src/engine/estate.js';
import { RecordingReporter } from '../../src/output/events.js';
import { withoutInlineConfigs } from '../../src/providers/docker/compose.js';
import { Redactor } from '../../src/secrets.js';
import { exec } from '../../src/util/exec.js';
import { editJson } from '../../test/helpers/root.js';
import { freePort, startDockerRig, type DockerRig } from '../../test/rig/docker.js';
import { generateEstate } from '../generate.js';
import { timeProcess } from '../lib/process.js';
import { check, median, ms, times, type Row } from '../lib/report.js';
import type { BenchContext } from '../lib/context.js';

const STACKS = 10;
const MAX_RATIO = 0.2;

/** Raw figures. */
export interface DockerDetail {
  skipped?: string;
  compose?: string;
  firstDeployMs?: number;
  phoenixNoopMs: number[];
  loopMs: number[];
}

/** Run scenario 5. */
export async function dockerNoop(ctx: BenchContext): Promise<{ rows: Row[]; detail: DockerDetail }> {
  const s = '5 docker backend';
  const detail: DockerDetail = { phoenixNoopMs: [], loopMs: [] };
  let rig: DockerRig;
  try {
    ctx.log('docker: starting or finding the engine, building the test image');
    rig = await startDockerRig();
  } catch (err) {
    detail.skipped = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    return {
      detail,
      rows: [
        {
          scenario: s,
          metric: `no-op sync of ${STACKS} stacks vs a compose loop`,
          target: `≤ ${MAX_RATIO}×`,
          measured: 'n/a',
          status: 'SKIPPED',
          note: `no Docker engine: ${detail.skipped}`,
        },
      ],
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'phoenix-bench-docker-'));
  try {
    const compose = rig.composeClis.v2
      ? ['docker', 'compose']
      : rig.composeClis.v1
        ? ['docker-compose']
        : undefined;
    if (!compose) throw new Error('neither `docker compose` nor `docker-compose` answers on this machine');
    detail.compose = `${compose.join(' ')} ${rig.composeClis.v2 ?? rig.composeClis.v1}`;
    const root = await dockerRoot(join(dir, 'root'), rig);
    const env = ctx.env;
    const sync = async (what: string) => {
      const r = await timeProcess(['node', ctx.cli, 'sync', 'all', '--yes', '--root', root, '--json'], {
        env,
        timeoutMs: 600_000,
      });
      if (r.code !== 0)
        throw new Error(
          `phoenix sync all (${what}) exited with ${r.code ?? r.signal}: ${(r.stdout + r.stderr).slice(-3000)}`,
        );
      const summary = (JSON.parse(r.stdout) as { summary: Record<string, number> }).summary;
      return {
        wallMs: r.wallMs,
        changed: (summary.create ?? 0) + (summary.update ?? 0) + (summary.delete ?? 0),
        created: summary.create ?? 0,
      };
    };
    ctx.log(`docker: Phoenix first deploy of ${STACKS} stacks (${detail.compose})`);
    const first = await sync('first deploy');
    if (first.created !== STACKS)
      throw new Error(`first deploy created ${first.created} stacks, expected ${STACKS}`);
    detail.firstDeployMs = first.wallMs;

    const { desired } = await loadEstate(root, env, new RecordingReporter(), new Redactor());
    const files = join(dir, 'compose');
    const loop = async () => {
      const started = performance.now();
      for (const d of desired.deployments) {
        const f = join(files, `${d.name}.yml`);
        writeFileSync(
          f,
          rig.composeClis.v2 ? d.compose.standalone : withoutInlineConfigs(d.compose.standalone),
          { mode: 0o600 },
        );
        const vars = Object.fromEntries(d.variables.map((v) => [v.name, v.value]));
        const r = await exec([...compose, '-p', d.name, '-f', f, 'up', '-d', '--remove-orphans'], {
          timeoutMs: 300_000,
          cwd: files,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_HOST: rig.host, ...vars },
        });
        if (r.code !== 0)
          throw new Error(`${compose.join(' ')} up ${d.name} failed: ${r.stderr.slice(-1500)}`);
      }
      return performance.now() - started;
    };
    mkdirSync(files);
    const rounds = ctx.quick ? 1 : 3;
    for (let i = 0; i < rounds; i++) {
      ctx.log(`docker: Phoenix no-op and compose loop, round ${i + 1}/${rounds}`);
      const noop = await sync('no-op');
      if (noop.changed !== 0) throw new Error(`the no-op sync planned ${noop.changed} changes`);
      detail.phoenixNoopMs.push(noop.wallMs);
      detail.loopMs.push(await loop());
    }
    const after = await sync('no-op after the loops');
    if (after.changed !== 0)
      throw new Error(
        `the compose loop changed what Phoenix deployed (${after.changed} changes planned after it)`,
      );
    const p = median(detail.phoenixNoopMs);
    const l = median(detail.loopMs);
    return {
      detail,
      rows: [
        {
          scenario: s,
          metric: `first deploy of ${STACKS} stacks`,
          target: '',
          measured: ms(first.wallMs),
          status: 'INFO',
          value: first.wallMs,
          unit: 'ms',
        },
        {
          scenario: s,
          metric: `no-op sync of ${STACKS} stacks (median of ${rounds})`,
          target: '',
          measured: ms(p),
          status: 'INFO',
          value: p,
          unit: 'ms',
        },
        {
          scenario: s,
          metric: `loop of \`${compose.join(' ')} up -d\` over them (median of ${rounds})`,
          target: '',
          measured: ms(l),
          status: 'INFO',
          value: l,
          unit: 'ms',
        },
        {
          scenario: s,
          metric: 'Phoenix no-op / compose loop',
          target: `≤ ${MAX_RATIO}×`,
          measured: times(p / l),
          status: check(p / l <= MAX_RATIO),
          value: p / l,
          note: `${detail.compose}; Phoenix's time includes Node start and loading the root`,
        },
      ],
    };
  } finally {
    ctx.log('docker: cleaning up');
    await rig.cleanup().catch((err: unknown) => ctx.log(`docker cleanup: ${(err as Error).message}`));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A generated root of one VM with 10 stacks, made deployable on the rig's engine: the
 * docker backend, stack folders prefixed with the run id (unique project names the rig
 * removes afterwards), the test image, ports published on 127.0.0.1 at free ports, and no
 * DNS, firewall or Traefik targets.
 */
async function dockerRoot(dir: string, rig: DockerRig): Promise<string> {
  const { root } = generateEstate(dir, { vms: 1, stacksPerVm: STACKS });
  editJson(join(root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
    c.sync.owner_id = rig.runId;
    c.sync.backend = 'docker';
    c.sync.docker = { host: rig.host, health_timeout_seconds: 60 };
    c.sync.dns = { enabled: false };
    c.sync.firewall = { enabled: false };
    c.sync.traefik = { ...c.sync.traefik, enabled: false };
  });
  const renamed = new Map<string, string>();
  for (const name of readdirSync(join(root, 'stacks'))) {
    const to = `${rig.runId}-${name}`;
    renamed.set(name, to);
    renameSync(join(root, 'stacks', name), join(root, 'stacks', to));
    const file = join(root, 'stacks', to, 'docker-compose.yml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const services = doc.get('services') as YAMLMap;
    for (const pair of services.items) {
      const service = pair.value as YAMLMap;
      if (!isMap(service)) continue;
      service.set('image', rig.images.v1);
      service.delete('command'); // the test image serves on 8080 by itself
      service.set('ports', doc.createNode(['127.0.0.1:${APP_PORT}:8080']));
    }
    writeFileSync(file, doc.toString());
    const manifestFile = join(root, 'stacks', to, 'phoenix.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      environments: Record<string, { variables: { name: string; value: string }[] }>;
    };
    for (const e of Object.values(manifest.environments)) {
      for (const v of e.variables) if (v.name === 'APP_PORT') v.value = String(await freePort());
    }
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  }
  editJson(join(root, 'etc', 'phoenix_vm_configs.json'), (v) => {
    for (const vm of v.vms) for (const s of vm.docker_stacks) s.name = renamed.get(s.name) ?? s.name;
  });
  for (const d of (await loadEstate(root, process.env, new RecordingReporter(), new Redactor())).desired
    .deployments)
    rig.trackProject(d.name);
  return root;
}
