/**
 * The pure half of Portainer stack sync: the value Phoenix compares for one stack, how live
 * stacks are normalised (so Portainer's defaults never show up as perpetual diffs), the
 * ownership marker, and secret-safe explanations and views of a change.
 */
import { createTwoFilesPatch } from 'diff';
import type { StackDeployment } from '../../desired/types.js';
import { REDACTED } from '../../secrets.js';
import type { EnvPair } from './api.js';

/** Env variable naming the owner id of the root that made the stack (the ownership marker). */
export const OWNER_VAR = 'PHOENIX_OWNER';
/** Env variable holding the deployment's content hash when it was last applied. */
export const HASH_VAR = 'PHOENIX_HASH';

/** One stack as Phoenix compares it. */
export interface StackValue {
  /** The Portainer stack name (normalised the way Portainer stores it). */
  name: string;
  /** The Portainer environment's name. */
  environment: string;
  mode: 'standalone' | 'swarm';
  compose: string;
  /** Every variable, markers included, sorted by name. */
  env: Record<string, string>;
}

/** Portainer lowercases stack names and strips everything outside `[-_a-z0-9]`. */
export function portainerStackName(name: string): string {
  return name.toLowerCase().replace(/[^-_a-z0-9]+/g, '');
}

/** Line endings and trailing blank lines are not differences anyone meant. */
export function normaliseCompose(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\s+$/, '') + '\n';
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
 * the compose text and variables are the live truth (SPEC §1.3).
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
  const env = envDiff(d.env, l.env).map((e) =>
    e.kind === '~' && visible(e.name)
      ? `~${e.name} (${l.env[e.name]} → ${d.env[e.name]})`
      : `${e.kind}${e.name}`,
  );
  if (env.length > 0) parts.push(`variables ${env.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * A copy safe to show: values of secret variables, and of live variables Phoenix does not
 * know (they may be secrets someone else set), become «redacted».
 */
export function maskedValue(
  v: StackValue,
  secret: ReadonlySet<string>,
  known: ReadonlySet<string>,
): StackValue {
  const env: Record<string, string> = {};
  for (const [k, val] of Object.entries(v.env)) {
    const visible = k === OWNER_VAR || k === HASH_VAR || (known.has(k) && !secret.has(k));
    env[k] = visible ? val : REDACTED;
  }
  return { ...v, env };
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
  return createTwoFilesPatch(`${id} (live)`, `${id} (desired)`, before, after, undefined, undefined, {
    context: 3,
  });
}
