/**
 * Pure comparing of Portainer stacks: the observed environments against the desired
 * deployments, through the shared planner, plus what only Portainer knows (who marked a
 * foreign stack, an environment that is not there yet, Portainer's own stack) and
 * secret-safe views of every change. The flags are decided after it by plan/policy.ts; each
 * change's scope is its environment.
 */
import type { DesiredState, StackDeployment } from '../../desired/types.js';
import type { Change, Resource } from '../../plan/change.js';
import { plan } from '../../plan/planner.js';
import type { SyncOptions } from '../../plan/options.js';
import { StackType } from './api.js';
import {
  composeDiff,
  desiredValue,
  explainStack,
  HASH_VAR,
  maskedValue,
  normaliseCompose,
  OWNER_VAR,
  portainerStackName,
  stackEquals,
  type StackValue,
} from './stack-model.js';
import { inScope } from '../../plan/policy.js';
import { notePlacement } from '../../desired/deployments.js';
import { isLegacyMarker, LEGACY_MARKER_NOTE } from '../../desired/marker.js';

/** A stack Portainer has, as observed. */
export interface LiveStack {
  id: number;
  /** As Portainer stores it (already normalised). */
  name: string;
  type: number;
  endpointId: number;
  swarmId?: string;
  env: Record<string, string>;
  owned: boolean;
  /** The stack file; read only for stacks Phoenix may compare (desired names). */
  compose?: string;
}

/** One Portainer environment as observed. */
export interface LiveEnvironment {
  name: string;
  /** The VM it belongs to, when the config says. */
  vmid?: number;
  /** Undefined when Portainer has no environment of that name (yet). */
  endpointId?: number;
  /** Set when the environment is a swarm manager (probed only when a create needs it). */
  swarmId?: string;
  stacks: LiveStack[];
}

/** What PortainerStacksProvider.observe returns. */
export interface StacksLive {
  environments: LiveEnvironment[];
}

/** The deployments this provider is responsible for, narrowed by the filters. */
export function selectDeployments(desired: DesiredState, filters: SyncOptions['filters']): StackDeployment[] {
  return desired.deployments.filter(
    (d) => d.backend === 'portainer' && inScope(filters, d.vmid, d.stack, d.environment),
  );
}

/**
 * The Portainer environments to observe, with their VM where known: every environment a
 * deployment targets, every Agent environment of the config, and the local one (stacks
 * Phoenix made there are found even when the config no longer assigns any).
 */
export function environmentsInScope(
  desired: DesiredState,
  options: SyncOptions,
): Map<string, number | undefined> {
  const vmFilter = options.filters.vm?.length ? options.filters.vm : undefined;
  const scope = new Map<string, number | undefined>();
  for (const d of selectDeployments(desired, options.filters)) {
    if (scope.get(d.portainerEnvironment) === undefined) scope.set(d.portainerEnvironment, d.vmid);
  }
  for (const e of desired.environments) {
    if (!vmFilter || vmFilter.includes(e.vmid)) scope.set(e.name, scope.get(e.name) ?? e.vmid);
  }
  const local = desired.settings.portainer.local_environment;
  if (!vmFilter && !scope.has(local)) scope.set(local, undefined);
  return scope;
}

/** The value of a live stack in the form the planner compares, with what a delete needs. */
function liveValue(s: LiveStack, environment: string): StackValue {
  return {
    name: s.name,
    environment,
    mode: s.type === StackType.swarm ? 'swarm' : 'standalone',
    compose: s.compose === undefined ? '' : normaliseCompose(s.compose),
    env: s.env,
    endpointId: s.endpointId,
    stackId: s.id,
  };
}

/**
 * The desired value of a deployment in this environment: what is compared, and the whole
 * instruction apply executes. The mode is decided here: the live stack's type when it exists,
 * else swarm on a swarm manager.
 */
function instruction(d: StackDeployment, owner: string, env: LiveEnvironment, l: LiveStack | undefined) {
  const swarm = l ? l.type === StackType.swarm : env.swarmId !== undefined;
  const withheld = d.variables.filter((v) => v.secret).map((v) => v.name);
  const value: StackValue = {
    ...desiredValue(d, owner, swarm ? 'swarm' : 'standalone'),
    ...(env.endpointId === undefined ? {} : { endpointId: env.endpointId }),
    ...(l ? { stackId: l.id } : swarm && env.swarmId ? { swarmId: env.swarmId } : {}),
    ...(withheld.length ? { withheld } : {}),
  };
  return value;
}

/** Plan every stack of every observed environment. */
export function planStacks(
  desired: DesiredState,
  options: SyncOptions,
  live: StacksLive,
): Change<StackValue>[] {
  const deployments = selectDeployments(desired, options.filters);
  const creatable = new Set(desired.environments.map((e) => e.name));
  const out: Change<StackValue>[] = [];
  // Grouped once: a filter per environment grew with environments × deployments.
  const byEnvironment = new Map<string, StackDeployment[]>();
  for (const d of deployments) {
    const list = byEnvironment.get(d.portainerEnvironment);
    if (list) list.push(d);
    else byEnvironment.set(d.portainerEnvironment, [d]);
  }
  for (const env of live.environments) {
    const mine = byEnvironment.get(env.name) ?? [];
    out.push(...planEnvironment(desired, env, mine, creatable.has(env.name)));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function planEnvironment(
  desired: DesiredState,
  env: LiveEnvironment,
  deployments: StackDeployment[],
  willBeCreated: boolean,
): Change<StackValue>[] {
  const owner = desired.ownerId;
  const liveByName = new Map(env.stacks.map((s) => [s.name, s]));
  const byId = new Map(deployments.map((d) => [d.id, d]));
  const idByName = new Map(deployments.map((d) => [portainerStackName(d.name), d.id]));

  const desiredRes: Resource<StackValue>[] = deployments.map((d) => ({
    id: d.id,
    kind: 'stack',
    value: instruction(d, owner, env, liveByName.get(portainerStackName(d.name))),
  }));
  const liveRes: Resource<StackValue>[] = env.stacks
    .filter((s) => idByName.has(s.name) || s.owned)
    .map((s) => ({
      id: idByName.get(s.name) ?? `${env.vmid ?? env.name}/${s.name}`,
      kind: 'stack',
      value: liveValue(s, env.name),
      owned: s.owned,
    }));

  const visible = (id: string) => {
    const d = byId.get(id);
    const shown = new Set(d?.variables.filter((v) => !v.secret).map((v) => v.name));
    return (name: string) => shown.has(name);
  };
  const changes = plan(desiredRes, liveRes, {
    stage: 'stacks',
    equals: stackEquals,
    label: (r) => {
      const d = byId.get(r.id);
      return d ? `${d.name} on ${d.vmName} (vm ${d.vmid})` : `${r.value.name} in environment ${env.name}`;
    },
    scope: `environment ${env.name}`,
    diff: (d, l, id) => composeDiff(d, l, id),
  });

  return changes.map((c) => {
    const d = byId.get(c.id);
    let next: Change<StackValue> = { ...c };
    if (c.action === 'update' && c.before && c.after && !c.blocked && liveByName.get(c.after.name)?.owned) {
      const reason = explainStack(c.after, c.before, visible(c.id));
      next = reason ? { ...next, reason } : next;
    }
    if (c.unowned !== undefined) {
      const other = c.before?.env[OWNER_VAR];
      next.unowned =
        `a stack named ${c.before?.name} exists in environment ${env.name} but was not made by Phoenix` +
        (other ? ` (it is marked by owner ${other})` : ` (no ${OWNER_VAR}=${owner} variable)`);
    }
    if (c.action === 'noop' && isLegacyMarker(liveByName.get(c.before?.name ?? '')?.env[HASH_VAR])) {
      next = { ...next, reason: LEGACY_MARKER_NOTE };
    }
    if (c.action === 'create' && env.endpointId === undefined) {
      if (willBeCreated) next.reason = `environment ${env.name} is created by the endpoints stage first`;
      else next.blocked = `Portainer has no environment named ${env.name}`;
    }
    if (d?.managesPortainer) next.runsPortainer = true;
    return mask(notePlacement(next, d, next.after?.mode), d);
  });
}

/** Replace secret (and unknown) variable values in a change's before/after. */
function mask(c: Change<StackValue>, d: StackDeployment | undefined): Change<StackValue> {
  const secret = new Set(d?.variables.filter((v) => v.secret).map((v) => v.name));
  const known = new Set([...(d?.variables.map((v) => v.name) ?? []), OWNER_VAR, HASH_VAR]);
  return {
    ...c,
    ...(c.before ? { before: maskedValue(c.before, secret, known) } : {}),
    ...(c.after ? { after: maskedValue(c.after, secret, known) } : {}),
  };
}
