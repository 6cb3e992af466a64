/**
 * Safety policies: small pure functions over the desired state and the changes. Every flag
 * that decides what a run may do (--prune, --prune-all, --adopt, --force, --pull,
 * --include-portainer, the filters) is decided here and nowhere else.
 */
import type { DesiredState } from '../desired/types.js';
import type { Filters, SyncOptions } from './options.js';
import type { Change } from './change.js';

export type { Filters };

/** Does a deployment-like (vmid, stack, environment) pass the filters? */
export function inScope(f: Filters, vmid: number, stack?: string, environment?: string): boolean {
  if (f.vm?.length && !f.vm.includes(vmid)) return false;
  if (f.stack?.length && stack !== undefined && !f.stack.includes(stack)) return false;
  if (f.env?.length && environment !== undefined && !f.env.includes(environment)) return false;
  return true;
}

/**
 * Guests selected by the filters, or undefined when there is no filter: those --vm names,
 * and those running a deployment --stack / --env select (the firewall files a filtered run
 * may touch).
 */
export function selectedGuests(desired: DesiredState, filters: Filters): Set<number> | undefined {
  const { vm, stack, env } = filters;
  if (!vm?.length && !stack?.length && !env?.length) return undefined;
  const ids = new Set<number>(vm ?? []);
  for (const d of desired.deployments) {
    const byStack = stack?.length ? stack.includes(d.stack) : true;
    const byEnv = env?.length ? env.includes(d.environment) : true;
    if ((stack?.length || env?.length) && byStack && byEnv && (!vm?.length || vm.includes(d.vmid)))
      ids.add(d.vmid);
  }
  return ids;
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

/**
 * The operator's flags as pure functions over the changes a provider's compare yields. Each
 * takes changes and returns changes; `applyPolicy` composes them in a fixed order, and the
 * engine applies it once per stage to every provider's compare result. Providers state
 * facts (a live resource is not Phoenix's, which group a delete belongs to, a stack runs
 * Portainer itself) and never decide what a flag does with them.
 */
export type Policy = (changes: readonly Change[]) => Change[];

/** The blocked text of a delete held back for --prune. */
export const HELD_FOR_PRUNE = 'no longer in the config; run with --prune to delete';
/** The reason of a resource taken over with --adopt / --force. */
export const ADOPTING = 'adopting a resource Phoenix did not make';
/** The reason --pull gives an otherwise unchanged stack. */
export const PULLING = '--pull: pull images and redeploy';
/** The blocked text of a stack that runs Portainer itself, without --include-portainer. */
export const RUNS_PORTAINER =
  'this stack runs Portainer itself; applying it through Portainer would restart it mid-deploy (use --include-portainer)';

/**
 * Filters never prune what they filtered out. A stack delete stays only when no --stack or
 * --env filter is set (they cannot tell which live stacks they left out) and, with --vm, the
 * delete's VM (the `<vmid>/` its id starts with) is selected. Other stages narrow what they
 * compare instead: their files are derived from the whole config.
 */
export function withinFilters(f: Filters): Policy {
  return (changes) =>
    changes.filter((c) => {
      if (c.action !== 'delete' || c.stage !== 'stacks' || !hasFilters(f)) return true;
      if (f.stack?.length || f.env?.length) return false;
      const vm = /^(\d+)\//.exec(c.id)?.[1];
      return vm !== undefined && f.vm!.includes(Number(vm));
    });
}

/**
 * A desired name held by a resource Phoenix did not make is held back, unless the operator
 * takes it over: --adopt for stacks, --force for files and the nftables table. A stack's
 * refusal says which flag would take it over; a file's hint is given when apply refuses it.
 */
export function takeOver(opts: { adopt: boolean; force: boolean }): Policy {
  return (changes) =>
    changes.map((c) => {
      if (c.unowned === undefined) return c;
      const { unowned, ...rest } = c;
      const stacks = c.stage === 'stacks';
      if (stacks ? opts.adopt : opts.force) return { ...rest, reason: ADOPTING };
      // Held back as it stands: no diff or reason of a change that will not be made.
      const { reason: _reason, diff: _diff, ...held } = rest;
      return { ...held, blocked: stacks ? `${unowned}; run with --adopt to take it over` : unowned };
    });
}

/** A delete of something that left the config waits for --prune. */
export function prune(on: boolean): Policy {
  return (changes) =>
    on
      ? [...changes]
      : changes.map((c) => (c.action === 'delete' && !c.blocked ? { ...c, blocked: HELD_FOR_PRUNE } : c));
}

/**
 * Refuse-on-empty: when the config wants nothing in a scope (no create, update or noop
 * there), deleting every resource Phoenix made in it is refused unless --prune-all. An
 * empty desired set is far more often an accident (a bad filter, a file that failed to
 * load into nothing) than an intent.
 */
export function refuseEmpty(pruneAll: boolean): Policy {
  return (changes) => {
    if (pruneAll) return [...changes];
    const wanted = new Set(changes.filter((c) => c.action !== 'delete' && c.scope).map((c) => c.scope));
    return changes.map((c) =>
      c.action === 'delete' && !c.blocked && c.scope !== undefined && !wanted.has(c.scope)
        ? {
            ...c,
            blocked:
              `the config wants nothing in ${c.scope}: refusing to delete everything Phoenix made there ` +
              '(an empty desired set is usually an accident); use --prune-all to do it',
          }
        : c,
    );
  };
}

/**
 * --pull: every unchanged stack is redeployed so its images are pulled again, and every stack
 * deploy of the run carries the instruction (`after.pull`), so apply reads it from the change.
 */
export function pull(on: boolean): Policy {
  return (changes) =>
    changes.map((c) => {
      if (!on || c.kind !== 'stack' || c.stage !== 'stacks' || c.blocked) return c;
      if (c.action !== 'noop' && c.action !== 'create' && c.action !== 'update') return c;
      const after = isRecord(c.after) ? { ...c.after, pull: true } : c.after;
      if (c.action !== 'noop') return { ...c, after };
      return { ...c, action: 'update', after, reason: c.reason ? `${PULLING}; ${c.reason}` : PULLING };
    });
}

/** A stack that runs Portainer itself is deployed through it only with --include-portainer. */
export function includePortainer(on: boolean): Policy {
  return (changes) =>
    changes.map((c) =>
      c.runsPortainer && !on && (c.action === 'create' || c.action === 'update') && !c.blocked
        ? { ...c, blocked: RUNS_PORTAINER, optIn: true as const }
        : c,
    );
}

/** Apply the policies left to right. */
export function compose(...policies: Policy[]): Policy {
  return (changes) => policies.reduce<Change[]>((acc, p) => p(acc), [...changes]);
}

/**
 * Every policy of a run, in order: filters first (what is out of scope is not planned at
 * all), then ownership, --prune, refuse-on-empty (it looks at the deletes --prune let
 * through), --pull (it makes updates), and --include-portainer last (it holds back any
 * deploy of Portainer's own stack, a pulled one too).
 */
export function applyPolicy<T>(changes: readonly Change<T>[], o: SyncOptions): Change<T>[] {
  return compose(
    withinFilters(o.filters),
    takeOver(o),
    prune(o.prune),
    refuseEmpty(o.pruneAll),
    pull(o.pull),
    includePortainer(o.includePortainer),
  )(changes) as Change<T>[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
