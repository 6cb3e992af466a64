/**
 * The Portainer state the double keeps and the behaviour it implements on it: environments,
 * stacks with their files and Env, and the containers a deployed stack runs (visible
 * through the Docker proxy). See BEHAVIOUR.md.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import { endpointView, stackView } from './views.js';

/** One environment (endpoint). `swarmId` set = a swarm manager. */
export interface DoubleEndpoint {
  Id: number;
  Name: string;
  Type: number;
  URL: string;
  GroupId: number;
  TLS: boolean;
  swarmId?: string;
}

/** One stack. */
export interface DoubleStack {
  Id: number;
  Name: string;
  Type: 1 | 2;
  EndpointId: number;
  SwarmId: string;
  Env: { name: string; value: string }[];
  file: string;
  CreationDate: number;
  UpdateDate: number;
  /** How often Portainer actually (re)deployed it. */
  deploys: number;
}

/** One container, as the Docker proxy lists it. */
export interface DoubleContainer {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Status: string;
  Labels: Record<string, string>;
  endpointId: number;
  stack?: string;
  healthcheck: boolean;
}

/** How the containers of a stack behave after a deploy (default: running, healthy). */
export interface ContainerBehaviour {
  state?: string;
  status?: string;
  health?: 'healthy' | 'unhealthy' | 'starting';
  /** Report `starting` for this many container listings, then `health`. */
  healthyAfterPolls?: number;
}

/** A handler's answer. */
export interface Reply {
  status: number;
  body?: unknown;
}

const err = (status: number, message: string, details?: string): Reply => ({
  status,
  body: { message, ...(details ? { details } : {}) },
});

/** Portainer's stack name normalisation (ComposeStackManager.NormalizeStackName). */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^-_a-z0-9]+/g, '');
}

/** The state and its behaviour. */
export class PortainerModel {
  endpoints: DoubleEndpoint[] = [];
  stacks: DoubleStack[] = [];
  containers: DoubleContainer[] = [];
  /** Agent addresses whose /ping fails while an environment is created. */
  unreachableAgents = new Set<string>();
  behaviour = new Map<string, ContainerBehaviour>();
  private polls = new Map<string, number>();
  private nextId = { endpoint: 1, stack: 1 };

  /** Add an environment directly (the local one, a swarm manager, a foreign one). */
  addEndpoint(e: { Name: string; Type?: number; URL?: string; swarm?: boolean }): DoubleEndpoint {
    const ep: DoubleEndpoint = {
      Id: this.nextId.endpoint++,
      Name: e.Name,
      Type: e.Type ?? 1,
      URL: e.URL ?? 'unix:///var/run/docker.sock',
      GroupId: 1,
      TLS: false,
      ...(e.swarm ? { swarmId: randomBytes(13).toString('hex').slice(0, 25) } : {}),
    };
    this.endpoints.push(ep);
    return ep;
  }

  /** `POST /endpoints`: an Agent environment (type 2) or a local Docker one (type 1). */
  createEndpoint(form: Record<string, unknown>): Reply {
    const name = String(form.Name ?? '');
    if (!name) return err(400, 'Invalid request payload', 'Invalid environment name');
    if (this.endpoints.some((e) => e.Name === name)) return err(409, 'Name is not unique');
    const kind = Number(form.EndpointCreationType);
    if (kind !== 1 && kind !== 2)
      return err(400, 'Invalid request payload', 'the double creates types 1 and 2 only');
    const address = String(form.URL ?? '').replace(/^[a-z]+:\/\//i, '');
    if (kind === 2 && this.unreachableAgents.has(address)) {
      return err(
        500,
        'Unable to get environment type',
        `Get "https://${address}/ping": dial tcp: connection refused`,
      );
    }
    const e = this.addEndpoint({ Name: name, Type: kind, URL: kind === 2 ? `tcp://${address}` : undefined });
    e.TLS = String(form.TLS) === 'true';
    return { status: 200, body: endpointView(e) };
  }

  /** Is a stack name taken on this environment, by a stack or by any labelled container? */
  private nameTaken(endpointId: number, name: string): boolean {
    if (this.stacks.some((s) => s.EndpointId === endpointId && s.Name === name)) return true;
    return this.containers.some(
      (c) =>
        c.endpointId === endpointId &&
        (c.Labels['com.docker.compose.project'] === name || c.Labels['com.docker.stack.namespace'] === name),
    );
  }

  /** `POST /stacks/create/{standalone|swarm}/string`. */
  createStack(endpointId: number, body: Record<string, unknown>, swarm: boolean): Reply {
    const e = this.endpoints.find((x) => x.Id === endpointId);
    if (!e)
      return err(404, 'Unable to find an environment with the specified identifier inside the database');
    if (swarm && !e.swarmId) return err(400, 'Invalid request payload', 'environment is not a swarm manager');
    const name = normaliseName(String(body.Name ?? ''));
    if (!name) return err(400, 'Invalid request payload', 'Invalid stack name');
    if (this.nameTaken(endpointId, name))
      return err(409, `A stack with the normalized name '${name}' already exists`);
    const now = Math.floor(Date.now() / 1000);
    const s: DoubleStack = {
      Id: this.nextId.stack++,
      Name: name,
      Type: swarm ? 1 : 2,
      EndpointId: endpointId,
      SwarmId: swarm ? String(body.SwarmID ?? '') : '',
      Env: (body.Env as DoubleStack['Env'] | undefined) ?? [],
      file: String(body.StackFileContent ?? ''),
      CreationDate: now,
      UpdateDate: 0,
      deploys: 0,
    };
    const failed = this.deploy(s);
    if (failed) return failed;
    this.stacks.push(s);
    return { status: 200, body: stackView(s) };
  }

  /** `PUT /stacks/{id}`: Env replaced wholesale; redeploys only when something changed or on pull. */
  updateStack(id: number, endpointId: number, body: Record<string, unknown>): Reply {
    const s = this.stacks.find((x) => x.Id === id);
    if (!s) return err(404, 'Unable to find a stack with the specified identifier inside the database');
    if (s.EndpointId !== endpointId)
      return err(400, 'Invalid request payload', 'stack is not on this environment');
    const file = String(body.StackFileContent ?? '');
    if (!file) return err(400, 'Invalid request payload', 'Invalid stack file content');
    const env = (body.Env as DoubleStack['Env'] | undefined) ?? [];
    const changed = file !== s.file || JSON.stringify(env) !== JSON.stringify(s.Env);
    const pull = body.PullImage === true || body.RepullImageAndRedeploy === true;
    const previous = { file: s.file, Env: s.Env };
    s.file = file;
    s.Env = env;
    s.UpdateDate = Math.floor(Date.now() / 1000);
    if (changed || pull) {
      const failed = this.deploy(s);
      if (failed) {
        Object.assign(s, previous);
        return failed;
      }
    }
    return { status: 200, body: stackView(s) };
  }

  /** `DELETE /stacks/{id}`: the stack and its containers. */
  deleteStack(id: number): Reply {
    const s = this.stacks.find((x) => x.Id === id);
    if (!s) return err(404, 'Unable to find a stack with the specified identifier inside the database');
    this.stacks = this.stacks.filter((x) => x !== s);
    this.containers = this.containers.filter((c) => !(c.endpointId === s.EndpointId && c.stack === s.Name));
    return { status: 204 };
  }

  /** (Re)create a stack's containers from its file; a file compose cannot read fails like Portainer. */
  private deploy(s: DoubleStack): Reply | undefined {
    let services: Record<string, { healthcheck?: unknown; image?: string }>;
    try {
      const doc = parse(s.file) as { services?: typeof services } | null;
      if (!doc?.services || typeof doc.services !== 'object') throw new Error('services must be a mapping');
      services = doc.services;
    } catch (e) {
      return err(500, 'Failed to deploy a stack', `failed to deploy a stack: ${(e as Error).message}`);
    }
    this.containers = this.containers.filter((c) => !(c.endpointId === s.EndpointId && c.stack === s.Name));
    this.polls.delete(`${s.EndpointId}/${s.Name}`);
    for (const [service, def] of Object.entries(services)) {
      const labels: Record<string, string> =
        s.Type === 1
          ? { 'com.docker.stack.namespace': s.Name, 'com.docker.swarm.service.name': `${s.Name}_${service}` }
          : { 'com.docker.compose.project': s.Name, 'com.docker.compose.service': service };
      this.containers.push({
        Id: randomUUID().replace(/-/g, ''),
        Names: [`/${s.Name}-${service}-1`],
        Image: String(def?.image ?? 'unknown'),
        State: 'running',
        Status: 'Up 1 second',
        Labels: labels,
        endpointId: s.EndpointId,
        stack: s.Name,
        healthcheck: def?.healthcheck !== undefined,
      });
    }
    s.deploys++;
    return undefined;
  }

  /** The Docker proxy's `containers/json`, filtered by `label` entries (`k` or `k=v`). */
  listContainers(endpointId: number, labels: string[]): Record<string, unknown>[] {
    const match = (c: DoubleContainer) =>
      labels.every((l) => {
        const [k, v] = l.split(/=(.*)/s) as [string, string | undefined];
        return v === undefined ? k in c.Labels : c.Labels[k] === v;
      });
    const out = this.containers.filter((c) => c.endpointId === endpointId && match(c));
    // One listing is one poll of each stack it shows (for `healthyAfterPolls`).
    const seen = new Map<string, number>();
    for (const key of new Set(out.map((c) => `${c.endpointId}/${c.stack}`))) {
      const n = (this.polls.get(key) ?? 0) + 1;
      this.polls.set(key, n);
      seen.set(key, n);
    }
    return out.map((c) => this.containerView(c, seen.get(`${c.endpointId}/${c.stack}`) ?? 1));
  }

  /** A container no stack owns, e.g. a project someone started by hand. */
  addContainer(endpointId: number, name: string, labels: Record<string, string>): void {
    this.containers.push({
      Id: randomUUID().replace(/-/g, ''),
      Names: [`/${name}`],
      Image: 'foreign',
      State: 'running',
      Status: 'Up 2 hours',
      Labels: labels,
      endpointId,
      healthcheck: false,
    });
  }

  private containerView(c: DoubleContainer, seen: number): Record<string, unknown> {
    let { State: state, Status: status } = c;
    const b = c.stack ? this.behaviour.get(c.stack) : undefined;
    if (b?.state) state = b.state;
    if (b?.status) status = b.status;
    if (c.healthcheck && state === 'running') {
      const health =
        b?.healthyAfterPolls && seen <= b.healthyAfterPolls ? 'starting' : (b?.health ?? 'healthy');
      status = `${status} (${health === 'starting' ? 'health: starting' : health})`;
    }
    return { Id: c.Id, Names: c.Names, Image: c.Image, State: state, Status: status, Labels: c.Labels };
  }
}
