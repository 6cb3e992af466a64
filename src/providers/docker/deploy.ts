/**
 * The commands that change an engine: compose `up` for standalone stacks, `docker stack
 * deploy` for swarm stacks, their removal, and the removal of swarm configs an update left
 * behind. Compose files are written to a private temp folder that is removed afterwards;
 * variables travel in the environment only.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { StackFile, Variable } from '../../desired/types.js';

import { ApplyError } from '../../errors.js';
import { safeRelative, swarmBundle, withoutInlineConfigs } from './compose.js';
import type { ComposeCli, DockerEngine } from './engine.js';
import { COMPOSE_PROJECT_LABEL, STACK_NAMESPACE_LABEL } from './labels.js';
import { listContainers } from './live.js';
import { tarArchive, tarInput, type TarEntry } from './tar.js';

/** One stack to deploy, as a change's instruction carries it (secret values resolved). */
export interface DeployUnit {
  /** Compose project / swarm stack name. */
  name: string;
  /** The rendered compose text of the mode it is deployed in. */
  compose: string;
  /** Passed to the compose CLI for interpolation. */
  variables: Variable[];
  files: readonly StackFile[];
}

/** What every deploy needs besides the deployment. */
export interface DeployOptions {
  engine: DockerEngine;
  /** Timeout of one compose / stack command (they may pull images). */
  timeoutMs: number;
  /** `--pull`: refresh images on purpose. */
  pull: boolean;
  /** `docker stack deploy --resolve-image`; the CLI's default (`always`) when undefined. */
  resolveImage?: 'always' | 'changed' | 'never';
  /** Where the private temp folders go; the OS temp folder by default. */
  tmpRoot?: string;
}

async function withTempDir<T>(root: string | undefined, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(root ?? tmpdir(), 'phoenix-docker-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Deploy a standalone stack: `<compose> -p <name> -f <file> up -d --remove-orphans`.
 * Compose CLIs without inline configs get the files by `docker cp` into the created
 * containers between `up --no-start` and `up -d`, so the processes start with them in place.
 */
export async function deployStandalone(o: DeployOptions, compose: ComposeCli, d: DeployUnit): Promise<void> {
  const text = compose.inlineConfigs ? d.compose : withoutInlineConfigs(d.compose);
  const copy = !compose.inlineConfigs && d.files.length > 0;
  await withTempDir(o.tmpRoot, async (dir) => {
    const file = join(dir, 'docker-compose.yml');
    await writeFile(file, text, { mode: 0o600 });
    const base = [...compose.argv, '-p', d.name, '-f', file];
    const run = { vars: d.variables, cwd: dir, timeoutMs: o.timeoutMs };
    if (o.pull) await o.engine.run([...base, 'pull'], run);
    if (copy) {
      await o.engine.run([...base, 'up', '--no-start', '--remove-orphans'], run);
      await copyFiles(o.engine, d);
    }
    await o.engine.run([...base, 'up', '-d', '--remove-orphans'], run);
  });
}

/** Put the deployment's files into its containers (`docker cp -` of a small tar, per container). */
async function copyFiles(engine: DockerEngine, d: DeployUnit): Promise<void> {
  const containers = await listContainers(engine, d.name);
  const perContainer = new Map<string, TarEntry[]>();
  for (const f of d.files) {
    const path = safeRelative(f.destination.replace(/^\/+/, ''));
    if (!path || !f.destination.startsWith('/')) {
      throw new ApplyError(
        `file ${f.source}: destination ${f.destination} must be an absolute path in the container`,
      );
    }
    for (const c of containers) {
      if (f.services.length > 0 && !f.services.includes(c.service)) continue;
      perContainer.set(c.id, [...(perContainer.get(c.id) ?? []), { path, content: f.content }]);
    }
  }
  for (const [id, entries] of perContainer) {
    await engine.docker(['cp', '-', `${id}:/`], { input: tarInput(tarArchive(entries)) });
  }
}

/**
 * Deploy a swarm stack: the content-addressed configs it names first (`docker config
 * create`, only those missing; labelled with the stack so `stack rm` removes them too), then
 * `docker stack deploy --prune -c <file> <name>`. Returns the config names in use.
 */
export async function deploySwarm(
  o: DeployOptions,
  d: DeployUnit,
  labels: Record<string, string>,
): Promise<string[]> {
  const bundle = swarmBundle(d.compose, d.name, d.files);
  for (const c of bundle.external) {
    const exists = await o.engine.docker(['config', 'inspect', '--format', '{{.ID}}', c.path], {
      allowFailure: true,
    });
    if (exists.code === 0) continue;
    const tags = Object.entries({ ...labels, [STACK_NAMESPACE_LABEL]: d.name }).flatMap(([k, v]) => [
      '--label',
      `${k}=${v}`,
    ]);
    await o.engine.docker(['config', 'create', ...tags, c.path, '-'], { input: c.content });
  }
  await withTempDir(o.tmpRoot, async (dir) => {
    for (const f of bundle.files) {
      await mkdir(dirname(join(dir, f.path)), { recursive: true, mode: 0o700 });
      await writeFile(join(dir, f.path), f.content, { mode: 0o600 });
    }
    const file = join(dir, 'docker-compose.yml');
    await writeFile(file, bundle.compose, { mode: 0o600 });
    const resolve = o.pull ? 'always' : o.resolveImage;
    await o.engine.docker(
      ['stack', 'deploy', '--prune', ...(resolve ? ['--resolve-image', resolve] : []), '-c', file, d.name],
      {
        vars: d.variables,
        cwd: dir,
        timeoutMs: o.timeoutMs,
      },
    );
  });
  return bundle.configNames;
}

/**
 * Remove the stack's configs that the deploy no longer uses (old content versions).
 * Returns the names that could not be removed (still in use), for a warning.
 */
export async function removeStaleConfigs(
  engine: DockerEngine,
  name: string,
  keep: readonly string[],
): Promise<string[]> {
  const all = await engine.lines([
    'config',
    'ls',
    '--filter',
    `label=${STACK_NAMESPACE_LABEL}=${name}`,
    '--format',
    '{{.Name}}',
  ]);
  const stale = all.filter((c) => !keep.includes(c));
  const failed: string[] = [];
  for (const c of stale) {
    const r = await engine.docker(['config', 'rm', c], { allowFailure: true });
    if (r.code !== 0) failed.push(c);
  }
  return failed;
}

/** Remove a compose project the way `compose down` does: its containers, then its networks (volumes stay). */
export async function removeStandalone(engine: DockerEngine, name: string): Promise<void> {
  const filter = `label=${COMPOSE_PROJECT_LABEL}=${name}`;
  const ids = await engine.lines(['ps', '-aq', '--no-trunc', '--filter', filter]);
  if (ids.length > 0) await engine.docker(['rm', '-f', ...ids]);
  const networks = await engine.lines(['network', 'ls', '-q', '--filter', filter]);
  if (networks.length > 0) await engine.docker(['network', 'rm', ...networks]);
}

/** Remove a swarm stack (services, networks, configs) and wait until its containers are gone. */
export async function removeSwarm(
  engine: DockerEngine,
  name: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  await engine.docker(['stack', 'rm', name]);
  const deadline = Date.now() + timeoutMs;
  const filter = `label=${STACK_NAMESPACE_LABEL}=${name}`;
  while ((await engine.lines(['ps', '-aq', '--filter', filter])).length > 0) {
    if (Date.now() > deadline)
      throw new ApplyError(
        `stack ${name} on ${engine.host}: containers still there ${timeoutMs} ms after removal`,
      );
    if (signal?.aborted) throw new ApplyError('cancelled');
    await new Promise((r) => setTimeout(r, 500));
  }
}
