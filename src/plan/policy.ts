/**
 * Safety policies: small pure functions over desired state and changes (STYLE §4).
 */
import type { DesiredState } from '../desired/types.js';
import type { SyncOptions } from '../providers/provider.js';

export type Filters = SyncOptions['filters'];

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
