/**
 * Scenario 3's baseline: the call pattern of the original bash implementation
 * (portainer-manager.sh `sync_all`), replayed with valid Portainer API
 * calls, one at a time:
 *
 *   POST /auth                                         once
 *   per agent VM:  GET /endpoints, POST /endpoints if the name is missing
 *   per VM with stacks:  GET /endpoints                (find the environment's id)
 *     per stack:  GET /stacks                          (find the stack by name)
 *                 PUT /stacks/{id}?endpointId=N        (always, even when nothing changed)
 *                 or POST /stacks/create/standalone/string when it does not exist
 *
 * It is generous to the bash script: one kept-alive HTTP connection instead of a curl
 * process (and TLS handshake) per call, no jq processes, no config re-reading per stack,
 * no `PUT /endpoints/{id}` per agent (the double does not serve it), no per-stack config
 * delete/recreate. The compose text and variables are Phoenix's own rendering, so both
 * deploy the same bytes.
 */
import type { DesiredState } from '../../src/desired/types.js';

/** Calls the replay made, by kind. */
export interface BaselineCalls {
  reads: number;
  writes: number;
  auth: number;
}

interface Endpoint {
  Id: number;
  Name: string;
}
interface Stack {
  Id: number;
  Name: string;
  EndpointId: number;
}

/** Replay one `sync all` of the bash implementation against `url` (a Portainer or the double). */
export async function replayBash(
  url: string,
  password: string,
  desired: DesiredState,
): Promise<BaselineCalls> {
  const calls: BaselineCalls = { reads: 0, writes: 0, auth: 0 };
  const api = `${url.replace(/\/$/, '')}/api`;
  let jwt = '';
  const call = async <T>(
    method: string,
    path: string,
    body?: { json?: unknown; form?: Record<string, string> },
  ): Promise<T> => {
    if (path === '/auth') calls.auth++;
    else if (method === 'GET') calls.reads++;
    else calls.writes++;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (jwt) headers.authorization = `Bearer ${jwt}`;
    let payload: string | FormData | undefined;
    if (body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body?.form) {
      payload = new FormData();
      for (const [k, v] of Object.entries(body.form)) payload.append(k, v);
    }
    const res = await fetch(api + path, {
      method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`baseline ${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

  // get_portainer_jwt
  jwt = (
    await call<{ jwt: string }>('POST', '/auth', {
      json: { username: desired.portainer.username ?? 'admin', password },
    })
  ).jwt;

  // sync_portainer_endpoints: one full listing per agent, then create (or, in bash, update).
  for (const env of desired.environments) {
    const all = await call<Endpoint[]>('GET', '/endpoints');
    if (!all.some((e) => e.Name === env.name)) {
      const form = {
        Name: env.name,
        EndpointCreationType: '2',
        URL: env.url,
        GroupID: '1',
        TLS: 'true',
        TLSSkipVerify: 'true',
        TLSSkipClientVerify: 'true',
      };
      await call('POST', '/endpoints', { form });
    }
  }

  // The stack loop: per VM an environment lookup, per stack a listing plus a deploy.
  const byVm = new Map<number, DesiredState['deployments']>();
  for (const d of desired.deployments) byVm.set(d.vmid, [...(byVm.get(d.vmid) ?? []), d]);
  for (const deployments of byVm.values()) {
    const envName = deployments[0]!.portainerEnvironment;
    const endpoint = (await call<Endpoint[]>('GET', '/endpoints')).find((e) => e.Name === envName);
    if (!endpoint) throw new Error(`baseline: no environment ${envName}`);
    for (const d of deployments) {
      const stacks = (await call<Stack[] | undefined>('GET', '/stacks')) ?? [];
      const existing = stacks.find((s) => s.Name === d.name && s.EndpointId === endpoint.Id);
      const Env = d.variables.map((v) => ({ name: v.name, value: v.value }));
      if (existing) {
        await call('PUT', `/stacks/${existing.Id}?endpointId=${endpoint.Id}`, {
          json: { StackFileContent: d.compose.standalone, Env, Prune: true },
        });
      } else {
        await call('POST', `/stacks/create/standalone/string?endpointId=${endpoint.Id}`, {
          json: { Name: d.name, StackFileContent: d.compose.standalone, Env },
        });
      }
    }
  }
  return calls;
}
