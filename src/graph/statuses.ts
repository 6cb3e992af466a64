/**
 * What a plan says about each element of the picture. The graph reads changes by element —
 * one per DNS record, route, firewall ruleset, Portainer environment and stack deployment —
 * which the engine splits out of the plan's file-level changes (live or offline alike).
 */
import type { Change } from '../plan/change.js';
import type { Status } from './model.js';
import { byText } from '../util/text.js';

/** The element kinds the graph colours. */
export const ELEMENT_KINDS = ['dns-record', 'route', 'firewall-ruleset', 'environment', 'stack'] as const;

/** What a deleted element's `before` may carry, so it can still be drawn. */
export interface GoneValue {
  /** dns-record: the address it pointed at. */
  ip?: string;
  /** route: its rule, its hosts, its backends, and the deployment (or `guest:<id>`) it came from. */
  rule?: string;
  hosts?: string[];
  urls?: string[];
  origin?: string;
  protocol?: 'tcp';
}

/** Changes by element, looked up by kind and id. */
export class ElementStatuses {
  private readonly byKey = new Map<string, Change>();

  constructor(changes: readonly Change[] = []) {
    for (const c of changes) {
      if (!(ELEMENT_KINDS as readonly string[]).includes(c.kind)) continue;
      // One element may appear in several changes (a file planned, and the held-back part of
      // the same file): what would be applied wins over what is held back, both over nothing.
      const key = ElementStatuses.key(c.kind, c.id, protocolOf(c));
      const prev = this.byKey.get(key);
      if (!prev || weight(c) > weight(prev)) this.byKey.set(key, c);
    }
  }

  /** The lookup key; HTTP and TCP routes may share a name, so routes are keyed by protocol too. */
  static key(kind: string, id: string, protocol?: 'tcp'): string {
    return kind === 'route' ? `route:${protocol ?? 'http'}/${id}` : `${kind}:${id}`;
  }

  /** The status of one element, or undefined when the plan leaves it as it is. */
  status(kind: string, id: string, protocol?: 'tcp'): Status | undefined {
    const c = this.byKey.get(ElementStatuses.key(kind, id, protocol));
    if (!c || c.action === 'noop') return undefined;
    // A change that will not be applied (a delete awaiting --prune, a conflict) is not what
    // a sync would do: it gets its own look.
    return c.blocked ? 'held' : c.action;
  }

  /** Deletes of elements of `kind` that `present` does not know: drawn as what goes away. */
  gone(kind: string, present: (id: string, protocol?: 'tcp') => boolean): (Change & { status: Status })[] {
    const out: (Change & { status: Status })[] = [];
    for (const c of this.byKey.values()) {
      if (c.kind !== kind || c.action !== 'delete' || present(c.id, protocolOf(c))) continue;
      out.push({ ...c, status: c.blocked ? 'held' : 'delete' });
    }
    return out.sort((a, b) => byText(a.id, b.id));
  }
}

/** What a change's `before` (else `after`) says, read defensively: changes come from many places. */
export function valueOf(c: Change): GoneValue {
  const v = (c.before ?? c.after) as unknown;
  return v !== null && typeof v === 'object' ? (v as GoneValue) : {};
}

/** noop 0, held back 1, applied 2. */
function weight(c: Change): number {
  return c.action === 'noop' ? 0 : c.blocked ? 1 : 2;
}

function protocolOf(c: Change): 'tcp' | undefined {
  return valueOf(c).protocol === 'tcp' ? 'tcp' : undefined;
}
