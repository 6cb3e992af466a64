/**
 * The Docker test rig: a real engine for the tests in test/docker, on a fresh machine.
 *
 * - Fails loudly when `dockerd` is not installed (`.ci/run` installs docker.io).
 * - Starts `dockerd` in the background when no engine answers, with
 *   DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 so swarm tasks use local images instead of asking a
 *   registry (none is reachable here; Docker's own integration tests start it the same way).
 * - Builds tiny images with `docker import` from a root filesystem made of Debian's static
 *   busybox: `httpd -f -p 8080 -h /www` serves an index that names the variant.
 * - Labels everything it makes with a test-run label and removes exactly that, plus the
 *   compose projects and swarm stacks the tests registered with `trackProject`.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec, execOk, type ExecResult } from '../../src/util/exec.js';

/** The label every container, network, volume, service, config and image of a run carries. */
export const TEST_RUN_LABEL = 'io.phoenix.test-run';

/** The engine the tests drive; only the local socket is started by the rig. */
const LOCAL_HOST = 'unix:///var/run/docker.sock';
const BUSYBOX = '/usr/bin/busybox';
const APPLETS = [
  'sh',
  'httpd',
  'sleep',
  'cat',
  'echo',
  'ls',
  'wget',
  'mkdir',
  'true',
  'false',
  'env',
  'test',
];

/** A running engine plus what this test run made on it. */
export interface DockerRig {
  /** DOCKER_HOST address of the engine under test. */
  host: string;
  /** Unique per run: prefixes project names and image tags, and is the test-run label's value. */
  runId: string;
  /** `{ [TEST_RUN_LABEL]: runId }`, for fixtures to put on what they declare. */
  labels: Record<string, string>;
  /** Image tags; `GET /` on port 8080 answers `phoenix test image v1` (or v2). */
  images: { v1: string; v2: string };
  /** Was dockerd started by this rig (its log is kept for failures)? */
  startedEngine: boolean;
  /** Which compose CLIs answered on this machine, as `docker compose` / `docker-compose` version lines. */
  composeClis: { v2?: string; v1?: string };
  /** Run `docker <args>` against the engine; a non-zero exit throws. */
  docker(args: readonly string[], opts?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<ExecResult>;
  /** Remember a compose project / swarm stack name so cleanup removes it. */
  trackProject(name: string): void;
  /** Make the engine a single-node swarm manager; remembers whether it had to. */
  ensureSwarm(): Promise<void>;
  /** Remove what the run made (and leave the swarm if this rig created it). */
  cleanup(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (for published ports). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Start (or find) the engine and build the test images. */
export async function startDockerRig(): Promise<DockerRig> {
  const host = process.env.PHOENIX_TEST_DOCKER_HOST ?? LOCAL_HOST;
  const env = { ...process.env, DOCKER_HOST: host };
  const runId = `phxt${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const docker = (args: readonly string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
    execOk(['docker', ...args], { timeoutMs: 120_000, env: { ...env, ...opts.env }, input: opts.input });

  const startedEngine = await ensureEngine(host, env);
  const composeClis = await findComposeClis(env);
  const images = await buildImages(runId, docker);
  const projects = new Set<string>();
  let createdSwarm = false;
  let hadGwBridge = true;

  return {
    host,
    runId,
    labels: { [TEST_RUN_LABEL]: runId },
    images,
    startedEngine,
    composeClis,
    docker,
    trackProject: (name) => void projects.add(name),
    async ensureSwarm() {
      if ((await swarmState(docker)) === 'active') return;
      hadGwBridge =
        (await ids(docker, ['network', 'ls', '-q', '--filter', 'name=^docker_gwbridge$'])).length > 0;
      await docker(['swarm', 'init', '--advertise-addr', '127.0.0.1']);
      createdSwarm = true;
    },
    async cleanup() {
      await removeEverything(docker, runId, [...projects]);
      if (!createdSwarm) return;
      await docker(['swarm', 'leave', '--force']);
      // `swarm init` makes the docker_gwbridge network and `swarm leave` keeps it.
      if (!hadGwBridge) await docker(['network', 'rm', 'docker_gwbridge']).catch(() => undefined);
      createdSwarm = false;
    },
  };
}

async function ensureEngine(host: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const which = await exec(['sh', '-c', 'command -v dockerd'], { timeoutMs: 10_000 });
  if (which.code !== 0) {
    throw new Error(
      'dockerd is not installed: run `apt-get install docker.io` (the CI script .ci/run installs it)',
    );
  }
  const client = await exec(['sh', '-c', 'command -v docker'], { timeoutMs: 10_000 });
  if (client.code !== 0) throw new Error('the docker CLI is not installed: run `apt-get install docker.io`');
  if (await engineAnswers(env)) return false;
  if (host !== LOCAL_HOST) throw new Error(`no Docker engine answers at ${host} (PHOENIX_TEST_DOCKER_HOST)`);

  const logDir = await mkdtemp(join(tmpdir(), 'phoenix-dockerd-'));
  const logFile = join(logDir, 'dockerd.log');
  const fd = openSync(logFile, 'a');
  const child = spawn('dockerd', [], {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, DOCKER_SERVICE_PREFER_OFFLINE_IMAGE: '1' },
  });
  closeSync(fd);
  let exited: string | undefined;
  child.on('exit', (code, signal) => (exited = `dockerd exited with ${code ?? signal}`));
  child.unref();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !exited) {
    if (await engineAnswers(env)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-25).join('\n');
  throw new Error(`${exited ?? 'dockerd did not answer within 90 s'}; log ${logFile}:\n${tail}`);
}

async function engineAnswers(env: NodeJS.ProcessEnv): Promise<boolean> {
  const r = await exec(['docker', 'info', '--format', '{{.ServerVersion}}'], { timeoutMs: 15_000, env });
  return r.code === 0 && r.stdout.trim() !== '';
}

async function findComposeClis(env: NodeJS.ProcessEnv): Promise<{ v2?: string; v1?: string }> {
  const v2 = await exec(['docker', 'compose', 'version', '--short'], { timeoutMs: 15_000, env }).catch(
    () => undefined,
  );
  const v1 = await exec(['docker-compose', 'version', '--short'], { timeoutMs: 15_000, env }).catch(
    () => undefined,
  );
  return {
    ...(v2?.code === 0 ? { v2: v2.stdout.trim() } : {}),
    ...(v1?.code === 0 ? { v1: v1.stdout.trim() } : {}),
  };
}

type Docker = DockerRig['docker'];

async function buildImages(runId: string, docker: Docker): Promise<{ v1: string; v2: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'phoenix-rootfs-'));
  try {
    const v1 = await importImage(dir, runId, 'v1', docker);
    const v2 = await importImage(dir, runId, 'v2', docker);
    return { v1, v2 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function importImage(dir: string, runId: string, variant: string, docker: Docker): Promise<string> {
  const root = join(dir, variant);
  for (const d of ['bin', 'www', 'tmp', 'etc']) await mkdir(join(root, d), { recursive: true });
  await chmod(join(root, 'tmp'), 0o1777);
  await copyFile(BUSYBOX, join(root, 'bin', 'busybox')).catch((err: unknown) => {
    throw new Error(`${BUSYBOX} is missing: run \`apt-get install busybox-static\``, { cause: err });
  });
  await chmod(join(root, 'bin', 'busybox'), 0o755);
  for (const a of APPLETS) await symlink('busybox', join(root, 'bin', a));
  await writeFile(join(root, 'www', 'index.html'), `phoenix test image ${variant}\n`);
  await writeFile(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/:/bin/sh\n');
  const tar = join(dir, `${variant}.tar`);
  await execOk(['tar', '-C', root, '-cf', tar, '.'], { timeoutMs: 60_000 });
  const tag = `${runId}/web:${variant}`;
  await docker([
    'import',
    '--change',
    // httpd as PID 1 ignores SIGTERM; the shell stops at once, so recreating takes no 10 s grace.
    `CMD ["/bin/sh", "-c", "trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait"]`,
    '--change',
    'ENV PATH=/bin',
    '--change',
    `LABEL ${TEST_RUN_LABEL}=${runId}`,
    tar,
    tag,
  ]);
  return tag;
}

async function swarmState(docker: Docker): Promise<string> {
  return (await docker(['info', '--format', '{{.Swarm.LocalNodeState}}'])).stdout.trim();
}

/** IDs from `docker <kind> ls -q` style listings, one per line. */
async function ids(docker: Docker, args: readonly string[]): Promise<string[]> {
  const r = await docker(args);
  return [
    ...new Set(
      r.stdout
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

async function removeEverything(docker: Docker, runId: string, projects: readonly string[]): Promise<void> {
  const run = `label=${TEST_RUN_LABEL}=${runId}`;
  const byProject = (key: string) => projects.map((p) => `label=${key}=${p}`);
  const swarm = (await swarmState(docker)) === 'active';
  const errors: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      errors.push(`${what}: ${(err as Error).message}`);
    }
  };
  // One listing per filter: docker ANDs different label filters, so they cannot be combined.
  const list = async (base: readonly string[], filters: readonly string[]) => {
    const all: string[] = [];
    for (const f of filters) all.push(...(await ids(docker, [...base, '--filter', f])));
    return [...new Set(all)];
  };

  if (swarm) {
    const stacks = new Set(
      (await ids(docker, ['stack', 'ls', '--format', '{{.Name}}'])).filter((s) => projects.includes(s)),
    );
    for (const s of stacks) await attempt(`stack ${s}`, () => docker(['stack', 'rm', s]));
    const services = await list(['service', 'ls', '-q'], [run]);
    if (services.length) await attempt('services', () => docker(['service', 'rm', ...services]));
  }
  const containers = await list(
    ['ps', '-aq'],
    [run, ...byProject('com.docker.compose.project'), ...byProject('com.docker.stack.namespace')],
  );
  if (containers.length) await attempt('containers', () => docker(['rm', '-f', '-v', ...containers]));
  if (swarm) {
    // Stack networks and configs go away asynchronously after `stack rm`; wait for the tasks.
    await waitUntil(
      async () => (await list(['ps', '-aq'], byProject('com.docker.stack.namespace'))).length === 0,
    );
    const configs = await list(['config', 'ls', '-q'], [run, ...byProject('com.docker.stack.namespace')]);
    if (configs.length) await attempt('configs', () => docker(['config', 'rm', ...configs]));
  }
  const networkFilters = [
    run,
    ...byProject('com.docker.compose.project'),
    ...byProject('com.docker.stack.namespace'),
  ];
  await waitUntil(async () => {
    const networks = await list(['network', 'ls', '-q'], networkFilters);
    if (networks.length) await docker(['network', 'rm', ...networks]).catch(() => undefined);
    return (await list(['network', 'ls', '-q'], networkFilters)).length === 0;
  });
  const volumes = await list(['volume', 'ls', '-q'], [run, ...byProject('com.docker.compose.project')]);
  if (volumes.length) await attempt('volumes', () => docker(['volume', 'rm', ...volumes]));
  const images = await list(['images', '-q', '--no-trunc'], [run]);
  if (images.length) await attempt('images', () => docker(['rmi', '-f', ...images]));
  if (errors.length) throw new Error(`docker rig cleanup left things behind:\n${errors.join('\n')}`);
}

async function waitUntil(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
}
