/**
 * The pure planner: desired resources against live ones → changes. No I/O. It compares and
 * states facts (a resource to delete, a name held by a resource Phoenix did not make); what
 * the flags make of them (--prune, --adopt, --force, …) is decided after it, once for every
 * stage, by plan/policy.ts.
 */
import type { Change, Resource, Stage } from './change.js';

export interface PlanOptions<T> {
  stage: Stage;
  /** Are two values the same once normalised? Defaults to deep JSON equality. */
  equals?: (desired: T, live: T) => boolean;
  /** Why two values differ (shown as the change's reason). */
  explain?: (desired: T, live: T) => string | undefined;
  /** A human label for a resource. */
  label: (r: Resource<T>) => string;
  /** The group a prune may not empty at once (see Change.scope), given to every change. */
  scope?: string;
  /** Diff for a desired/live pair, when the provider wants one shown. */
  diff?: (desired: T | undefined, live: T | undefined, id: string) => string | undefined;
}

/** What an unowned resource of a desired name is, unless the provider says it better. */
export const NOT_OURS = 'exists but was not made by Phoenix';

/** Deep equality on JSON-like values, key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => jsonEqual(ao[k], bo[k]));
}

/**
 * Plan one kind of resource.
 *
 * | desired | live            | result                                                  |
 * |---------|-----------------|---------------------------------------------------------|
 * | yes     | none            | create                                                  |
 * | yes     | owned, equal    | noop                                                    |
 * | yes     | owned, differs  | update                                                  |
 * | yes     | unowned         | update marked `unowned` (policy: held unless --adopt)   |
 * | no      | owned           | delete (policy: held unless --prune, refuse-on-empty)   |
 * | no      | unowned         | nothing: never ours                                     |
 */
export function plan<T>(
  desired: readonly Resource<T>[],
  live: readonly Resource<T>[],
  opts: PlanOptions<T>,
): Change<T>[] {
  const equals = opts.equals ?? jsonEqual;
  const liveById = new Map(live.map((r) => [r.id, r]));
  const changes: Change<T>[] = [];
  const desiredIds = new Set<string>();
  const scope = opts.scope === undefined ? {} : { scope: opts.scope };

  for (const d of desired) {
    desiredIds.add(d.id);
    const l = liveById.get(d.id);
    const base = { stage: opts.stage, kind: d.kind, id: d.id, label: opts.label(d), ...scope };
    if (!l) {
      changes.push({ ...base, action: 'create', after: d.value, ...diffOf(opts, d.value, undefined, d.id) });
      continue;
    }
    if (l.owned && equals(d.value, l.value)) {
      changes.push({ ...base, action: 'noop', before: l.value, after: d.value });
      continue;
    }
    const reason = l.owned ? opts.explain?.(d.value, l.value) : undefined;
    changes.push({
      ...base,
      action: 'update',
      before: l.value,
      after: d.value,
      ...(reason ? { reason } : {}),
      ...(l.owned ? {} : { unowned: NOT_OURS }),
      ...diffOf(opts, d.value, l.value, d.id),
    });
  }

  for (const l of live) {
    if (desiredIds.has(l.id) || !l.owned) continue;
    changes.push({
      stage: opts.stage,
      kind: l.kind,
      id: l.id,
      label: opts.label(l),
      ...scope,
      action: 'delete',
      before: l.value,
      ...diffOf(opts, undefined, l.value, l.id),
    });
  }
  return changes;
}

function diffOf<T>(opts: PlanOptions<T>, desired: T | undefined, live: T | undefined, id: string) {
  const diff = opts.diff?.(desired, live, id);
  return diff ? { diff } : {};
}
