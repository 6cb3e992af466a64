/**
 * Safety policies: small pure functions over desired state and changes (STYLE §4).
 */
import type { DesiredState } from '../desired/types.js';
import type { Filters } from './options.js';
import type { Change } from './change.js';

export type { Filters };

/** Does a deployment-like (vmid, stack, environment) pass the filters? */
export function inScope(f: Filters, vmid: number, stack?: string, environment?: string): boolean {
  if (f.vm?.length && !f.vm.includes(vmid)) return false;
  if (f.stack?.length && stack !== undefined && !f.stack.includes(stack)) return false;
  if (f.env?.length && environment !== undefined && !f.env.includes(environment)) return false;
  return true;
}

/** True when any filter is set. */
export function hasFilters(f: Filters): boolean {
  return Boolean(f.vm?.length || f.stack?.length || f.env?.length);
}

/**
 * Narrow the desired state to the filters. Only stacks and environments are narrowed: the
 * file targets (DNS, firewall, Traefik) are whole files derived from the whole config, so
 * a filter never removes anything from them.
 */
export function narrow(d: DesiredState, f: Filters): DesiredState {
  if (!hasFilters(f)) return d;
  return {
    ...d,
    deployments: d.deployments.filter((x) => inScope(f, x.vmid, x.stack, x.environment)),
    environments: d.environments.filter((e) => inScope(f, e.vmid)),
  };
}

/**
 * Changes the config wants that apply will not make: a create or update held back by a
 * conflict (a resource Phoenix did not make holds the name, its environment is missing or
 * differs). Deletes and changes that only await an opt-in flag are not counted: the config
 * does not ask for them. Any of these means the estate does not match the config, so
 * `plan --detailed-exitcode` exits 2 and `sync` exits 4.
 */
export function unmet<T>(changes: readonly Change<T>[]): Change<T>[] {
  return changes.filter((c) => c.blocked && (c.action === 'create' || c.action === 'update') && !c.optIn);
}

/** `label (stage)` of each change, for one-line messages. */
export function nameChanges(changes: readonly Change[]): string {
  return changes.map((c) => `${c.label} (${c.stage})`).join('; ');
}
