/**
 * The double's handlers: one per route Phoenix calls, on the model's state (BEHAVIOUR.md).
 */
import { randomBytes } from 'node:crypto';
import type { PortainerModel, Reply } from './model.js';
import { endpointView, stackView } from './views.js';

/** Who may log in, and the JWTs handed out. */
export interface AuthState {
  users: Record<string, string>;
  tokens: Set<string>;
}

/** Answer one contract-checked, authorised call. */
export function dispatch(
  m: PortainerModel,
  auth: AuthState,
  route: string,
  p: Record<string, string>,
  q: URLSearchParams,
  body: unknown,
): Reply {
  const id = Number(p.id);
  const endpointId = Number(q.get('endpointId'));
  const json = (body ?? {}) as Record<string, unknown>;
  switch (route) {
    case 'POST /auth':
      return login(auth, json);
    case 'GET /system/status':
      return { status: 200, body: { Version: '2.44.0', InstanceID: 'phoenix-test-double' } };
    case 'GET /endpoints': {
      const name = q.get('name');
      return {
        status: 200,
        body: m.endpoints.filter((e) => name === null || e.Name === name).map((e) => endpointView(e)),
      };
    }
    case 'POST /endpoints':
      return m.createEndpoint(json);
    case 'GET /endpoints/{id}': {
      const e = m.endpoints.find((x) => x.Id === id);
      return e
        ? { status: 200, body: endpointView(e) }
        : { status: 404, body: { message: 'Environment not found' } };
    }
    case 'GET /stacks':
      return listStacks(m, q.get('filters'));
    case 'GET /stacks/{id}': {
      const s = m.stacks.find((x) => x.Id === id);
      return s ? { status: 200, body: stackView(s) } : { status: 404, body: { message: 'Stack not found' } };
    }
    case 'GET /stacks/{id}/file': {
      const s = m.stacks.find((x) => x.Id === id);
      return s
        ? { status: 200, body: { StackFileContent: s.file } }
        : { status: 404, body: { message: 'Stack not found' } };
    }
    case 'PUT /stacks/{id}':
      return m.updateStack(id, endpointId, json);
    case 'DELETE /stacks/{id}':
      return m.deleteStack(id);
    case 'POST /stacks/create/standalone/string':
      return m.createStack(endpointId, json, false);
    case 'POST /stacks/create/swarm/string':
      return m.createStack(endpointId, json, true);
    case 'GET /endpoints/{id}/docker/swarm':
      return swarm(m, id);
    case 'GET /endpoints/{id}/docker/containers/json': {
      const filters = JSON.parse(q.get('filters') ?? '{}') as { label?: string[] };
      return { status: 200, body: m.listContainers(id, filters.label ?? []) };
    }
  }
  return { status: 500, body: { message: `the double has no handler for ${route}` } };
}

/** Portainer decodes JSON field names case-insensitively. */
function login(auth: AuthState, json: Record<string, unknown>): Reply {
  const field = (n: string) => Object.entries(json).find(([k]) => k.toLowerCase() === n)?.[1];
  const user = String(field('username') ?? '');
  if (!user || auth.users[user] === undefined || auth.users[user] !== field('password')) {
    return { status: 422, body: { message: 'Invalid credentials', details: 'Unauthorized' } };
  }
  const jwt = randomBytes(24).toString('base64url');
  auth.tokens.add(jwt);
  return { status: 200, body: { jwt } };
}

function listStacks(m: PortainerModel, filters: string | null): Reply {
  let f: { EndpointID?: number; SwarmID?: string } = {};
  try {
    f = filters ? (JSON.parse(filters) as typeof f) : {};
  } catch {
    return { status: 400, body: { message: 'Invalid query parameter: filters' } };
  }
  const list = m.stacks.filter(
    (s) =>
      (f.EndpointID === undefined || s.EndpointId === Number(f.EndpointID)) &&
      (!f.SwarmID || s.SwarmId === f.SwarmID),
  );
  return { status: 200, body: list.map((s) => stackView(s)) };
}

function swarm(m: PortainerModel, id: number): Reply {
  const e = m.endpoints.find((x) => x.Id === id);
  if (!e) return { status: 404, body: { message: 'Environment not found' } };
  if (!e.swarmId) {
    const message =
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
    return { status: 503, body: { message } };
  }
  return { status: 200, body: { ID: e.swarmId, Version: { Index: 10 }, Spec: { Name: 'default' } } };
}
