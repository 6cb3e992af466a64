/**
 * The one change type every resource kind speaks: the planner compares desired
 * with live and yields one Change per resource.
 */

import type { Stage } from './stages.js';

// The stage table lives in stages.ts; these stay importable from here.
export { STAGES, type Stage } from './stages.js';

export type Action = 'create' | 'update' | 'delete' | 'noop';

/** One resource, desired or live, in the form its provider compares. */
export interface Resource<T = unknown> {
  /** Stable key, unique within its stage and kind (a file path, `<vmid>/<stack name>`). */
  id: string;
  /** `dns-file`, `firewall-file`, `nft-table`, `traefik-file`, `environment`, `stack`. */
  kind: string;
  value: T;
  /** Live only: does this resource carry Phoenix's ownership marker? */
  owned?: boolean;
}

/** The impact classes, in the order of precedence when several would apply. */
export const IMPACTS = ['deletes', 'opens-access', 'removes-route', 'removes-name', 'replace'] as const;

/**
 * `deletes`: a whole resource goes (a stack, a file). `opens-access`: the firewall lets in
 * something it did not before (a new inbound accept rule, an inbound policy turned to accept,
 * the firewall turned off). `removes-route`: a Traefik router goes. `removes-name`: a DNS
 * record goes. `replace`: a running stack is redeployed (its containers are recreated).
 */
export type Impact = (typeof IMPACTS)[number];

/** What the planner decided for one resource. */
export interface Change<T = unknown> {
  stage: Stage;
  kind: string;
  id: string;
  action: Action;
  /** The live value (update, delete, noop). */
  before?: T;
  /** The desired value (create, update, noop). */
  after?: T;
  /** Why: which fields differ, why a delete is held back, why a change is refused. */
  reason?: string;
  /** Unified diff of file content (redacted when rendered). */
  diff?: string;
  /** Planned but not to be applied (a delete without --prune, an unmarked stack). */
  blocked?: string;
  /**
   * Held back only until the operator opts in with a flag (--prune, --include-portainer):
   * by design, so it is not a change the config is still waiting for (see policy.unmet).
   */
  optIn?: true;
  /**
   * Facts a provider's compare states for the policies (plan/policy.ts), which decide what
   * the flags make of them. `unowned`: a resource Phoenix did not make holds the desired
   * name, and how to say so (held back unless --adopt / --force; consumed by the policy).
   */
  unowned?: string;
  /**
   * The group a prune may not empty at once, named for messages (`engine tcp://…`,
   * `environment services`, `dns files`): deleting every resource Phoenix made in a scope
   * the config wants nothing in needs --prune-all.
   */
  scope?: string;
  /** The stack runs the Portainer that deploys it: applied only with --include-portainer. */
  runsPortainer?: true;
  /** A short human summary of the resource, e.g. `qdrant-prod on vm 1002`. */
  label: string;
  /** What it does that deserves a second look (a redeploy, access opened, …; see impact.ts). */
  impact?: Impact;
}

/** Changes that do something when applied (not noop, not blocked). */
export function actionable<T>(changes: readonly Change<T>[]): Change<T>[] {
  return changes.filter((c) => c.action !== 'noop' && !c.blocked);
}

/** Count changes by action, for summaries. */
export function countActions(changes: readonly Change[]): Record<Action | 'blocked', number> {
  const n = { create: 0, update: 0, delete: 0, noop: 0, blocked: 0 };
  for (const c of changes) {
    if (c.blocked) n.blocked++;
    else n[c.action]++;
  }
  return n;
}
