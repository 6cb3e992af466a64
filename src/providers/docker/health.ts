/**
 * Health wait after a deploy, straight from the engine: every expected service runs the new
 * content (its hash label), every container is running and healthy where it declares a
 * healthcheck, or the timeout passes. A container that exited with an error and will not
 * be restarted fails the wait at once.
 */
import { ApplyError } from '../../errors.js';
import type { DockerEngine } from './engine.js';
import { HASH_LABEL } from './labels.js';
import { listContainers, listServices, type LiveContainer, type LiveSwarmService } from './live.js';

/** What to wait for. */
export interface WaitFor {
  name: string;
  hash: string;
  services: readonly string[];
  timeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
}

/** Problems that keep a standalone stack from being ready; `fatal` ones will not resolve by waiting. */
export function standaloneProblems(
  containers: readonly LiveContainer[],
  want: Pick<WaitFor, 'hash' | 'services'>,
): { waiting: string[]; fatal: string[] } {
  const waiting: string[] = [];
  const fatal: string[] = [];
  for (const service of want.services) {
    const current = containers.filter((c) => c.service === service && c.labels[HASH_LABEL] === want.hash);
    if (current.length === 0) waiting.push(`${service}: no container with the new content yet`);
    for (const c of current) {
      const id = `${service} (${c.id.slice(0, 12)})`;
      if (c.state === 'running') {
        if (c.health === 'unhealthy') waiting.push(`${id}: unhealthy`);
        else if (c.health && c.health !== 'healthy') waiting.push(`${id}: health ${c.health}`);
      } else if (c.state === 'exited' && c.restartPolicy === 'no') {
        if (c.exitCode !== 0) fatal.push(`${id}: exited with code ${c.exitCode}`);
      } else {
        waiting.push(`${id}: ${c.state}`);
      }
    }
  }
  return { waiting, fatal };
}

/** Problems that keep a swarm stack from being ready. */
export function swarmProblems(
  services: readonly LiveSwarmService[],
  want: Pick<WaitFor, 'hash' | 'services'>,
): string[] {
  const problems: string[] = [];
  for (const name of want.services) {
    const s = services.find((x) => x.service === name);
    if (!s) problems.push(`${name}: no service`);
    else if (s.labels[HASH_LABEL] !== want.hash) problems.push(`${name}: still the old content`);
    else if (s.updating) problems.push(`${name}: update in progress`);
    else if (s.running < s.desired) problems.push(`${name}: ${s.running}/${s.desired} tasks running`);
  }
  return problems;
}

async function poll(
  w: WaitFor,
  engine: DockerEngine,
  check: () => Promise<{ waiting: string[]; fatal: string[] }>,
): Promise<void> {
  const deadline = Date.now() + w.timeoutMs;
  for (;;) {
    const { waiting, fatal } = await check();
    if (fatal.length > 0)
      throw new ApplyError(`stack ${w.name} on ${engine.host} failed: ${fatal.join('; ')}`);
    if (waiting.length === 0) return;
    if (Date.now() >= deadline) {
      throw new ApplyError(
        `stack ${w.name} on ${engine.host} not ready after ${Math.round(w.timeoutMs / 1000)} s: ${waiting.join('; ')}`,
        {
          hint: 'see `docker ps -a` and `docker logs` on that engine; sync.docker.health_timeout_seconds sets the wait',
        },
      );
    }
    if (w.signal?.aborted)
      throw new ApplyError(`stack ${w.name}: cancelled while waiting for it to be ready`);
    await new Promise((r) => setTimeout(r, w.pollMs));
  }
}

/** Wait for a compose project. */
export function waitStandalone(engine: DockerEngine, w: WaitFor): Promise<void> {
  return poll(w, engine, async () => standaloneProblems(await listContainers(engine, w.name), w));
}

/** Wait for a swarm stack. */
export function waitSwarm(engine: DockerEngine, w: WaitFor): Promise<void> {
  return poll(w, engine, async () => ({
    waiting: swarmProblems(await listServices(engine, w.name), w),
    fatal: [],
  }));
}
