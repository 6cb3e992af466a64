/**
 * Health wait after a deploy: poll the stack's containers through Portainer's Docker proxy
 * until every one is running (and healthy where it declares a healthcheck), or time out.
 */
import { containersByLabel, type ContainerSummary } from './api.js';
import type { PortainerClient } from './client.js';
import { sleep } from './retry.js';

/** How a set of containers looks right now. */
export interface HealthAssessment {
  done: boolean;
  /** One line for the report, e.g. `3 containers running, 2 healthy`. */
  summary: string;
  /** Containers that are not (yet) fine, with why. */
  pending: string[];
}

/** The label that ties containers to a stack: compose project, or swarm stack namespace. */
export function stackLabel(name: string, swarm: boolean): string {
  return `${swarm ? 'com.docker.stack.namespace' : 'com.docker.compose.project'}=${name}`;
}

function healthOf(c: ContainerSummary): string | undefined {
  const h = c.Health?.Status;
  if (h && h !== 'none') return h;
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(c.Status ?? '');
  return m ? (m[1] === 'health: starting' ? 'starting' : m[1]) : undefined;
}

function nameOf(c: ContainerSummary): string {
  return (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, '');
}

/**
 * Pure: are these containers done? A running container is fine unless its healthcheck says
 * otherwise; a standalone container that exited with code 0 is a finished one-shot job.
 * For swarm, exited containers are old tasks the orchestrator replaced, so they are ignored.
 */
export function assessContainers(list: readonly ContainerSummary[], swarm: boolean): HealthAssessment {
  const considered = swarm ? list.filter((c) => c.State !== 'exited' && c.State !== 'dead') : list;
  const pending: string[] = [];
  let running = 0;
  let healthy = 0;
  for (const c of considered) {
    const health = healthOf(c);
    if (c.State === 'running') {
      running++;
      if (health === 'healthy') healthy++;
      if (health === undefined || health === 'healthy') continue;
      pending.push(`${nameOf(c)}: running, ${health}`);
    } else if (!(c.State === 'exited' && /^Exited \(0\)/.test(c.Status ?? ''))) {
      pending.push(`${nameOf(c)}: ${c.State ?? 'unknown'}${c.Status ? ` (${c.Status})` : ''}`);
    }
  }
  const noun = considered.length === 1 ? 'container' : 'containers';
  const summary = `${considered.length} ${noun}, ${running} running${healthy > 0 ? `, ${healthy} healthy` : ''}`;
  if (considered.length === 0)
    return { done: false, summary: 'no containers yet', pending: ['no containers found'] };
  return { done: pending.length === 0, summary, pending };
}

/** Options of one wait. */
export interface WaitOptions {
  timeoutMs: number;
  pollMs: number;
  signal?: AbortSignal;
}

/** Poll until done or timed out; returns the last assessment (done false = timed out). */
export async function waitForStack(
  client: PortainerClient,
  endpointId: number,
  name: string,
  swarm: boolean,
  opts: WaitOptions,
): Promise<HealthAssessment> {
  const deadline = Date.now() + opts.timeoutMs;
  const label = stackLabel(name, swarm);
  for (;;) {
    const last = assessContainers(await containersByLabel(client, endpointId, label, opts.signal), swarm);
    if (last.done || Date.now() + opts.pollMs > deadline) return last;
    await sleep(opts.pollMs, opts.signal);
  }
}
