/**
 * Observation of one engine without redeploying anything: its compose projects (containers
 * by `com.docker.compose.project`) and swarm stacks (services by `com.docker.stack.namespace`),
 * with Phoenix's ownership and hash labels. The parsers are pure; `observeEngine` does the I/O.
 */
import { errorMessage } from '../../errors.js';
import type { DockerEngine } from './engine.js';
import {
  COMPOSE_PROJECT_LABEL,
  COMPOSE_SERVICE_LABEL,
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  STACK_NAMESPACE_LABEL,
} from './labels.js';
import { byText } from '../../util/text.js';

/** One container of a compose project, as `docker inspect` reports it. */
export interface LiveContainer {
  id: string;
  project: string;
  service: string;
  labels: Record<string, string>;
  /** created, running, restarting, exited, paused, dead. */
  state: string;
  /** starting, healthy, unhealthy; undefined without a healthcheck. */
  health: string | undefined;
  exitCode: number;
  restartPolicy: string;
}

/** One swarm service of a stack. */
export interface LiveSwarmService {
  id: string;
  stack: string;
  /** The compose service name (the service name without the `<stack>_` prefix). */
  service: string;
  /** Service labels merged with container labels (Phoenix's labels may be in either). */
  labels: Record<string, string>;
  running: number;
  desired: number;
  /** A rolling update is in progress. */
  updating: boolean;
}

/** A compose project or swarm stack found on an engine. */
export interface LiveProject {
  name: string;
  mode: 'standalone' | 'swarm';
  /** Owner id from Phoenix's label; undefined for projects Phoenix did not make. */
  owner: string | undefined;
  deployment: string | undefined;
  /** Distinct content hashes found (one when the stack is consistent). */
  hashes: string[];
  /** Service names that have at least one container / swarm service. */
  services: string[];
  /** Services with a container (task) that is not running. */
  notRunning: string[];
  containerIds: string[];
}

/** What one engine looks like. */
export interface EngineLive {
  host: string;
  /** Why the engine could not be observed; its deployments fail, nothing on it is pruned. */
  error?: string;
  /** Deploys go through `docker stack deploy` (the engine is a swarm manager, or forced). */
  swarm: boolean;
  projects: LiveProject[];
}

/** The docker backend's observed state. */
export interface DockerLive {
  engines: EngineLive[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strMap = (v: unknown): Record<string, string> =>
  isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x)])) : {};

/** Parse `docker inspect` output of containers. */
export function parseContainers(json: string): LiveContainer[] {
  const list: unknown = JSON.parse(json || '[]');
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((c) => {
    const config = isObj(c.Config) ? c.Config : {};
    const state = isObj(c.State) ? c.State : {};
    const hostConfig = isObj(c.HostConfig) ? c.HostConfig : {};
    const labels = strMap(config.Labels);
    const health = isObj(state.Health) ? str(state.Health.Status) : '';
    return {
      id: str(c.Id),
      project: labels[COMPOSE_PROJECT_LABEL] ?? '',
      service: labels[COMPOSE_SERVICE_LABEL] ?? '',
      labels,
      state: str(state.Status),
      health: health || undefined,
      exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : 0,
      restartPolicy: isObj(hostConfig.RestartPolicy) ? str(hostConfig.RestartPolicy.Name) || 'no' : 'no',
    };
  });
}

/** Parse `docker service inspect` output plus `Replicas` ("1/1") per service name from `service ls`. */
export function parseServices(json: string, replicas: ReadonlyMap<string, string>): LiveSwarmService[] {
  const list: unknown = JSON.parse(json || '[]');
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((s) => {
    const spec = isObj(s.Spec) ? s.Spec : {};
    const task = isObj(spec.TaskTemplate) ? spec.TaskTemplate : {};
    const container = isObj(task.ContainerSpec) ? task.ContainerSpec : {};
    const serviceLabels = strMap(spec.Labels);
    const stack = serviceLabels[STACK_NAMESPACE_LABEL] ?? '';
    const name = str(spec.Name);
    const [running, desired] = (replicas.get(name) ?? '0/0')
      .split(/[/ ]/)
      .map((n) => Number.parseInt(n, 10) || 0);
    const update = isObj(s.UpdateStatus) ? str(s.UpdateStatus.State) : '';
    return {
      id: str(s.ID),
      stack,
      service: name.startsWith(`${stack}_`) ? name.slice(stack.length + 1) : name,
      labels: { ...strMap(container.Labels), ...serviceLabels },
      running: running ?? 0,
      desired: desired ?? 0,
      updating: update === 'updating' || update === 'rollback_started',
    };
  });
}

/** Is a container where it should be? A one-shot container that exited 0 and is not restarted counts. */
export function containerSettled(c: LiveContainer): boolean {
  if (c.state === 'running') return true;
  return c.state === 'exited' && c.exitCode === 0 && c.restartPolicy === 'no';
}

function project(name: string, mode: LiveProject['mode'], labelSets: Record<string, string>[]): LiveProject {
  const first = (key: string) => labelSets.map((l) => l[key]).find((v) => v !== undefined && v !== '');
  return {
    name,
    mode,
    owner: first(OWNER_LABEL),
    deployment: first(DEPLOYMENT_LABEL),
    hashes: [...new Set(labelSets.map((l) => l[HASH_LABEL] ?? ''))].sort(),
    services: [],
    notRunning: [],
    containerIds: [],
  };
}

/** Group containers into compose projects and swarm services into stacks. */
export function groupProjects(
  containers: readonly LiveContainer[],
  services: readonly LiveSwarmService[],
): LiveProject[] {
  const out: LiveProject[] = [];
  const byProject = new Map<string, LiveContainer[]>();
  for (const c of containers)
    if (c.project) byProject.set(c.project, [...(byProject.get(c.project) ?? []), c]);
  for (const [name, cs] of byProject) {
    const p = project(
      name,
      'standalone',
      cs.map((c) => c.labels),
    );
    p.services = [...new Set(cs.map((c) => c.service))].sort();
    p.notRunning = [...new Set(cs.filter((c) => !containerSettled(c)).map((c) => c.service))].sort();
    p.containerIds = cs.map((c) => c.id).sort();
    out.push(p);
  }
  const byStack = new Map<string, LiveSwarmService[]>();
  for (const s of services) if (s.stack) byStack.set(s.stack, [...(byStack.get(s.stack) ?? []), s]);
  for (const [name, ss] of byStack) {
    const p = project(
      name,
      'swarm',
      ss.map((s) => s.labels),
    );
    p.services = [...new Set(ss.map((s) => s.service))].sort();
    p.notRunning = ss
      .filter((s) => s.running < s.desired)
      .map((s) => s.service)
      .sort();
    out.push(p);
  }
  return out.sort((a, b) => byText(a.name, b.name) || byText(a.mode, b.mode));
}

/** `docker inspect` of some objects; objects that vanished between list and inspect are left out. */
async function inspect(engine: DockerEngine, args: readonly string[]): Promise<string> {
  const r = await engine.docker(args, { allowFailure: true });
  if (r.code !== 0 && !r.stdout.trim().startsWith('[')) {
    throw new Error(`docker ${args[0]} inspect failed: ${(r.stderr || r.stdout).trim()}`);
  }
  return r.stdout;
}

/** Containers of compose projects, optionally of one project only. */
export async function listContainers(engine: DockerEngine, projectName?: string): Promise<LiveContainer[]> {
  const filter = projectName
    ? `label=${COMPOSE_PROJECT_LABEL}=${projectName}`
    : `label=${COMPOSE_PROJECT_LABEL}`;
  const ids = await engine.lines(['ps', '-aq', '--no-trunc', '--filter', filter]);
  if (ids.length === 0) return [];
  return parseContainers(await inspect(engine, ['container', 'inspect', ...ids]));
}

/** Swarm services of stacks, optionally of one stack only. */
export async function listServices(engine: DockerEngine, stack?: string): Promise<LiveSwarmService[]> {
  const filter = stack ? `label=${STACK_NAMESPACE_LABEL}=${stack}` : `label=${STACK_NAMESPACE_LABEL}`;
  const rows = await engine.lines([
    'service',
    'ls',
    '--filter',
    filter,
    '--format',
    '{{.ID}}\t{{.Name}}\t{{.Replicas}}',
  ]);
  if (rows.length === 0) return [];
  const replicas = new Map(rows.map((r) => r.split('\t')).map(([, name, rep]) => [name ?? '', rep ?? '']));
  const ids = rows.map((r) => r.split('\t')[0] ?? '');
  return parseServices(await inspect(engine, ['service', 'inspect', ...ids]), replicas);
}

/** Is the engine a swarm manager? */
export async function isSwarmManager(engine: DockerEngine): Promise<boolean> {
  const [state] = await engine.lines([
    'info',
    '--format',
    '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}',
  ]);
  return state === 'active true';
}

/**
 * Observe one engine. An engine that cannot be reached is reported in `error`, so that its
 * deployments fail and its stacks are left alone, while other engines go on.
 */
export async function observeEngine(
  engine: DockerEngine,
  mode: 'auto' | 'standalone' | 'swarm',
): Promise<EngineLive> {
  try {
    const manager = await isSwarmManager(engine);
    const swarm = mode === 'auto' ? manager : mode === 'swarm';
    const containers = await listContainers(engine);
    const services = manager ? await listServices(engine) : [];
    return { host: engine.host, swarm, projects: groupProjects(containers, services) };
  } catch (err) {
    return { host: engine.host, error: errorMessage(err), swarm: false, projects: [] };
  }
}
