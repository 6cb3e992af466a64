/**
 * The Portainer calls Phoenix makes, typed after the vendored contract
 * (contracts/portainer-openapi.subset.json) and the Docker proxy. Only the fields Phoenix
 * reads are declared; Portainer sends many more.
 */
import type { PortainerClient } from './client.js';

/** `portainer.Pair`: one stack variable. */
export interface EnvPair {
  name: string;
  value: string;
}

/** `portaineree.Endpoint`, the fields Phoenix reads. */
export interface Endpoint {
  Id: number;
  Name: string;
  /** 1 local Docker, 2 Agent on Docker, 4 Edge agent, … (not EndpointCreationType). */
  Type: number;
  URL: string;
  GroupId?: number;
}

/** `portaineree.Stack`, the fields Phoenix reads. */
export interface Stack {
  Id: number;
  Name: string;
  /** 1 swarm, 2 compose. */
  Type: number;
  EndpointId: number;
  SwarmId?: string;
  Env?: EnvPair[] | null;
  Status?: number;
}

/** Stack type numbers (`portainer.StackType`). */
export const StackType = { swarm: 1, compose: 2 } as const;

/** `EndpointCreationType` of an Agent environment. */
export const AGENT_CREATION_TYPE = 2;

/** A container from the Docker proxy's `containers/json`, the fields Phoenix reads. */
export interface ContainerSummary {
  Id: string;
  Names?: string[];
  State?: string;
  Status?: string;
  Labels?: Record<string, string>;
  /** Docker API ≥ 1.50 reports health here; older ones only inside `Status`. */
  Health?: { Status?: string } | null;
}

/** `GET /system/status`. */
export function systemStatus(
  c: PortainerClient,
  signal?: AbortSignal,
): Promise<{ Version?: string; InstanceID?: string }> {
  return c.get('/system/status', { signal });
}

/** `GET /endpoints?excludeSnapshots=true`: every environment, optionally by exact name. */
export async function listEndpoints(
  c: PortainerClient,
  name?: string,
  signal?: AbortSignal,
): Promise<Endpoint[]> {
  const body = await c.get<Endpoint[] | null>('/endpoints', {
    query: { excludeSnapshots: true, name },
    signal,
  });
  return body ?? [];
}

/**
 * `POST /endpoints` (multipart): create an Agent environment. `lookup` finds it when an
 * attempt's answer was lost, so a create that happened is not sent again.
 */
export async function createAgentEndpoint(
  c: PortainerClient,
  env: { name: string; url: string; tls: boolean },
  signal?: AbortSignal,
  lookup?: () => Promise<Endpoint | undefined>,
): Promise<Endpoint> {
  const tls = env.tls ? { TLS: true, TLSSkipVerify: true, TLSSkipClientVerify: true } : {};
  const res = await c.request<Endpoint>('POST', '/endpoints', {
    form: { Name: env.name, EndpointCreationType: AGENT_CREATION_TYPE, URL: env.url, GroupID: 1, ...tls },
    signal,
    ...(lookup ? { lookup } : {}),
  });
  return res.body;
}

/** `GET /stacks`: every stack Phoenix's user may see (one call for all environments). */
export async function listStacks(c: PortainerClient, signal?: AbortSignal): Promise<Stack[]> {
  // Portainer answers 204 with no body when there are none.
  const body = await c.get<Stack[] | undefined | null>('/stacks', { signal });
  return body ?? [];
}

/** `GET /stacks/{id}/file`. */
export async function stackFile(c: PortainerClient, id: number, signal?: AbortSignal): Promise<string> {
  const body = await c.get<{ StackFileContent?: string }>(`/stacks/${id}/file`, { signal });
  return body?.StackFileContent ?? '';
}

/** What a create needs. */
export interface StackCreate {
  endpointId: number;
  name: string;
  compose: string;
  env: EnvPair[];
  /** Set for a swarm stack. */
  swarmId?: string;
}

/** How long a deploy call may take: Portainer answers after compose pulled and started it. */
export interface DeployCall {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * `POST /stacks/create/{standalone|swarm}/string`. `lookup` finds the stack when an
 * attempt's answer was lost, so a create that happened is not sent again.
 */
export async function createStack(
  c: PortainerClient,
  s: StackCreate,
  call: DeployCall,
  lookup?: () => Promise<Stack | undefined>,
): Promise<Stack> {
  const kind = s.swarmId === undefined ? 'standalone' : 'swarm';
  const json = {
    Name: s.name,
    StackFileContent: s.compose,
    Env: s.env,
    ...(s.swarmId === undefined ? {} : { SwarmID: s.swarmId }),
  };
  const res = await c.request<Stack>('POST', `/stacks/create/${kind}/string`, {
    query: { endpointId: s.endpointId },
    json,
    ...call,
    retryOnTimeout: false,
    ...(lookup ? { lookup } : {}),
  });
  return res.body;
}

/** What an update needs. */
export interface StackUpdate {
  id: number;
  endpointId: number;
  compose: string;
  /** The complete set: Portainer replaces Env wholesale. */
  env: EnvPair[];
  pull: boolean;
  swarm: boolean;
}

/** `PUT /stacks/{id}?endpointId=N`. */
export async function updateStack(c: PortainerClient, s: StackUpdate, call: DeployCall): Promise<Stack> {
  const json = {
    StackFileContent: s.compose,
    Env: s.env,
    PullImage: s.pull,
    // 2.36+ prefers this name for the same thing; older versions ignore unknown fields.
    ...(s.pull ? { RepullImageAndRedeploy: true } : {}),
    // Remove services that left the file (swarm; compose stacks lose orphans on redeploy).
    ...(s.swarm ? { Prune: true } : {}),
  };
  const res = await c.request<Stack>('PUT', `/stacks/${s.id}`, {
    query: { endpointId: s.endpointId },
    json,
    ...call,
    retryOnTimeout: false,
  });
  return res.body;
}

/**
 * `DELETE /stacks/{id}?endpointId=N`. A 404 on a retry means an earlier attempt deleted it
 * and its answer was lost: done.
 */
export async function deleteStack(
  c: PortainerClient,
  id: number,
  endpointId: number,
  signal?: AbortSignal,
): Promise<void> {
  await c.request('DELETE', `/stacks/${id}`, {
    query: { endpointId },
    signal,
    accept: (status, _body, retried) => retried && status === 404,
  });
}

/**
 * Docker proxy `GET /endpoints/{id}/docker/swarm`: the swarm's ID when the environment is a
 * swarm manager, else undefined (Docker answers 503 "not a swarm manager", or 404).
 */
export async function swarmId(
  c: PortainerClient,
  endpointId: number,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const res = await c.request<{ ID?: string }>('GET', `/endpoints/${endpointId}/docker/swarm`, {
    // Only Docker's own "not a swarm" answers mean standalone; any other 503 is retried.
    accept: (status, body) => status === 404 || (status === 503 && /swarm/i.test(JSON.stringify(body ?? ''))),
    signal,
  });
  return res.status === 200 ? res.body?.ID || undefined : undefined;
}

/** Docker proxy `GET /endpoints/{id}/docker/containers/json?all=1&filters=…` by one label. */
export async function containersByLabel(
  c: PortainerClient,
  endpointId: number,
  label: string,
  signal?: AbortSignal,
): Promise<ContainerSummary[]> {
  const body = await c.get<ContainerSummary[] | null>(`/endpoints/${endpointId}/docker/containers/json`, {
    query: { all: 1, filters: JSON.stringify({ label: [label] }) },
    signal,
  });
  return body ?? [];
}
