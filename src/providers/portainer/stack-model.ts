/**
 * The pure half of Portainer stack sync: the value Phoenix compares for one stack, how live
 * stacks are normalised (so Portainer's defaults never show up as perpetual diffs), the
 * ownership marker, and secret-safe explanations and views of a change.
 */
import { shownMarker } from '../../desired/marker.js';
import type { StackDeployment } from '../../desired/types.js';
import { ApplyError } from '../../errors.js';
import { REDACTED } from '../../secrets.js';
import { unifiedPatch } from '../../util/patch.js';
import type { EnvPair } from './api.js';

import { normaliseCompose } from '../compose-marker.js';

export { MARKER_MASK, normaliseCompose, withMarker } from '../compose-marker.js';

/** Env variable naming the owner id of the root that made the stack (the ownership marker). */
export const OWNER_VAR = 'PHOENIX_OWNER';
/** Env variable holding the deployment's content hash when it was last applied. */
export const HASH_VAR = 'PHOENIX_HASH';

/**
 * One stack as Phoenix compares it, and, as a change's `after`, the whole instruction apply
 * executes (apply looks nothing up again). Two things are left out on purpose and resolved
 * at apply from the freshly loaded desired state: the values of secret variables (listed by
 * name in `withheld`, shown as «redacted») and the change marker's keyed part (a digest of
 * the secrets; the compose text and `PHOENIX_HASH` carry it masked).
 */
export interface StackValue {
  /** The Portainer stack name (normalised the way Portainer stores it). */
  name: string;
  /** The Portainer environment's name. */
  environment: string;
  /** Swarm or standalone: decided when planning (the live stack's type, else the environment's). */
  mode: 'standalone' | 'swarm';
  /** The compose text as compared and sent, its change marker masked (see normaliseCompose). */
  compose: string;
  /** Every variable, markers included, sorted by name. */
  env: Record<string, string>;
  /**
   * The environment's endpoint id. Absent on a create only when the environment is made by
   * the endpoints stage earlier in the same run: apply then looks it up (the one lookup).
   */
  endpointId?: number;
  /** The Portainer stack: live, its id; desired, the stack an update replaces. */
  stackId?: number;
  /** A swarm create: the swarm it is created in. */
  swarmId?: string;
  /** Desired: the variables whose values are secret: withheld from the plan, resolved at apply. */
  withheld?: string[];
  /** `--pull`: pull the images again (set by the policy). */
  pull?: boolean;
}

/** Portainer lowercases stack names and strips everything outside `[-_a-z0-9]`. */
export function portainerStackName(name: string): string {
  return name.toLowerCase().replace(/[^-_a-z0-9]+/g, '');
}

/** Env pairs as a name-sorted map; a repeated name keeps its last value, as compose does. */
export function envMap(pairs: readonly EnvPair[] | null | undefined): Record<string, string> {
  const m = new Map<string, string>();
  for (const p of pairs ?? []) if (p && typeof p.name === 'string') m.set(p.name, p.value ?? '');
  return Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The complete Env Phoenix sends for a deployment: its variables plus the markers. */
export function desiredEnv(d: StackDeployment, ownerId: string): EnvPair[] {
  const vars = d.variables.filter((v) => v.name !== OWNER_VAR && v.name !== HASH_VAR);
  return [
    ...vars.map((v) => ({ name: v.name, value: v.value })),
    { name: OWNER_VAR, value: ownerId },
    { name: HASH_VAR, value: d.hash },
  ];
}

/** The desired value of a deployment in a given mode. */
export function desiredValue(d: StackDeployment, ownerId: string, mode: StackValue['mode']): StackValue {
  return {
    name: portainerStackName(d.name),
    environment: d.portainerEnvironment,
    mode,
    compose: normaliseCompose(d.compose[mode]),
    env: envMap(desiredEnv(d, ownerId)),
  };
}

/** Does this live Env carry our owner id? */
export function isOwned(env: Record<string, string>, ownerId: string): boolean {
  return env[OWNER_VAR] === ownerId;
}

/**
 * Equal once normalised. The hash marker is left out: it records what was applied, while
 * the compose text and variables are the live truth (never a remembered copy).
 */
export function stackEquals(d: StackValue, l: StackValue): boolean {
  return d.compose === l.compose && d.mode === l.mode && envDiff(d.env, l.env).length === 0;
}

interface EnvChange {
  name: string;
  kind: '+' | '-' | '~';
}

function envDiff(d: Record<string, string>, l: Record<string, string>): EnvChange[] {
  const out: EnvChange[] = [];
  for (const name of new Set([...Object.keys(d), ...Object.keys(l)])) {
    if (name === HASH_VAR) continue;
    if (!(name in l)) out.push({ name, kind: '+' });
    else if (!(name in d)) out.push({ name, kind: '-' });
    else if (d[name] !== l[name]) out.push({ name, kind: '~' });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * Why two stacks differ. Values appear only for variables `visible` allows (declared and not
 * secret): the reason is printed as is, and a value may be a secret.
 */
export function explainStack(
  d: StackValue,
  l: StackValue,
  visible: (name: string) => boolean = () => false,
): string | undefined {
  const parts: string[] = [];
  if (d.mode !== l.mode) parts.push(`mode ${l.mode} → ${d.mode}`);
  if (d.compose !== l.compose) parts.push('compose file changed');
  // A changed variable that may not be shown is a secret (both sides know it): say only that.
  const env = envDiff(d.env, l.env).map((e) =>
    e.kind !== '~'
      ? `${e.kind}${e.name}`
      : visible(e.name)
        ? `~${e.name} (${l.env[e.name]} → ${d.env[e.name]})`
        : `~${e.name} (secret changed)`,
  );
  if (env.length > 0) parts.push(`variables ${env.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * A copy safe to show: values of secret variables, and of live variables Phoenix does not
 * know (they may be secrets someone else set), become «redacted»; the change marker shows
 * only its public part (an earlier version's marker, a digest of the secrets, not at all).
 */
export function maskedValue(
  v: StackValue,
  secret: ReadonlySet<string>,
  known: ReadonlySet<string>,
): StackValue {
  const env: Record<string, string> = {};
  for (const [k, val] of Object.entries(v.env)) {
    const visible = k === OWNER_VAR || (known.has(k) && !secret.has(k));
    env[k] = k === HASH_VAR ? shownMarker(val) : visible ? val : REDACTED;
  }
  return { ...v, env };
}

/**
 * The Env apply sends, from a change's `after`: shown values as they are, and the values of
 * secret variables and the marker from the desired deployment of this run. A secret that is
 * no longer in the config is an error, never an empty value.
 */
export function resolveEnv(after: StackValue, d: StackDeployment | undefined, ownerId: string): EnvPair[] {
  const fresh = d ? envMap(desiredEnv(d, ownerId)) : {};
  const hidden = new Set([...(after.withheld ?? []), HASH_VAR]);
  // The markers go last, as Phoenix has always sent them.
  const markers = [OWNER_VAR, HASH_VAR];
  const names = Object.keys(after.env).filter((n) => !markers.includes(n));
  return [...names, ...markers.filter((n) => n in after.env)].map((name) => {
    if (!hidden.has(name)) return { name, value: after.env[name]! };
    const resolved = fresh[name];
    if (resolved === undefined) throw new ApplyError(`variable ${name} is no longer in the config`);
    return { name, value: resolved };
  });
}

/** Unified diff of the compose text, for the plan. */
export function composeDiff(
  d: StackValue | undefined,
  l: StackValue | undefined,
  id: string,
): string | undefined {
  const before = l?.compose ?? '';
  const after = d?.compose ?? '';
  if (before === after) return undefined;
  return unifiedPatch(`${id} (live)`, `${id} (desired)`, before, after);
}
