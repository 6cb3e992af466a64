/**
 * Impact labels (pure): what a change does that an operator should look at twice before
 * approving it, in a small closed set, so a reviewer (or a CI rule) can spot the risky ones
 * in a long plan: a stack redeployed, a firewall that lets more in, a route or a DNS name
 * that goes away, a resource deleted.
 *
 * File targets speak in whole files, so the classifier reads their before and after content
 * through readers the engine supplies by change kind (each target's own parser): this module
 * knows nothing of their formats, and imports nothing below it.
 */
import { IMPACTS, type Change, type Impact } from './change.js';

export { IMPACTS, type Impact };

/** What one facet of a file's content holds, as comparable keys. */
export interface ContentReader {
  /**
   * `ingress`: what the firewall lets in (a key added is access opened). `routes`: router
   * names (a key gone is a route removed). `names`: DNS names (a key gone is a name removed).
   */
  facet: 'ingress' | 'routes' | 'names';
  /** The keys of that facet in a file's content; throws nothing (unreadable content reads empty). */
  read(content: string): ReadonlySet<string>;
}

/** Readers by change kind (`dns-file`, `traefik-file`, `pve-firewall-file`, `nft-table`, …). */
export type ImpactReaders = Readonly<Record<string, ContentReader>>;

/** The impact of one change; undefined when it is none of the classes (a create, a noop, …). */
export function impactOf(c: Change, readers: ImpactReaders = {}): Impact | undefined {
  if (c.action === 'noop') return undefined;
  if (c.action === 'delete') return 'deletes';
  if (c.kind === 'stack') return c.action === 'update' ? 'replace' : undefined;
  const reader = readers[c.kind];
  // A new file removes nothing, and a firewall file or table that did not exist filtered
  // nothing, so creating one only narrows (and large files are not read for nothing).
  if (!reader || c.action === 'create' || typeof c.before !== 'string') return undefined;
  const before = reader.read(c.before);
  const after = typeof c.after === 'string' ? reader.read(c.after) : new Set<string>();
  if (reader.facet === 'ingress') {
    // Conservative, like cdk's "broadens access": any inbound permission not there before,
    // even one that replaces a wider one, is worth a second look.
    return [...after].some((k) => !before.has(k)) ? 'opens-access' : undefined;
  }
  const removed = [...before].some((k) => !after.has(k));
  if (!removed) return undefined;
  return reader.facet === 'routes' ? 'removes-route' : 'removes-name';
}

/** The changes with their impact set (a change already labelled keeps its label). */
export function withImpacts<T>(changes: readonly Change<T>[], readers: ImpactReaders = {}): Change<T>[] {
  return changes.map((c) => {
    if (c.impact) return c;
    const impact = impactOf(c as Change, readers);
    return impact ? { ...c, impact } : c;
  });
}
