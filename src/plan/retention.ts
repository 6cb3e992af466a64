/**
 * Retention policy (pure): a file stage (DNS, firewall, Traefik) of a run in which stacks that
 * left the config still run is planned with their entries kept (derive's `retain`). What the
 * config as written would do on top of that — remove those entries — is shown as one opt-in
 * change per file, held back until the stacks themselves go (README, "Stacks that leave the
 * config").
 */
import type { Change } from './change.js';

/** How to show one held-back removal. */
export interface HeldBackOptions {
  /** The departed deployments whose entries are kept. */
  kept: readonly string[];
  /** Why they are held back (the change's `blocked`). */
  why: string;
  /** The unified diff of a file from `before` to `after` (the target's own). */
  diff: (id: string, before: string, after: string) => string | undefined;
}

/**
 * The changes of a file stage: `withKept` (the plan with the departed entries, which is what
 * applies), plus, for each file whose content as written (`asWritten`) differs from what the
 * run leaves in place, that removal as a held-back, opt-in update.
 */
export function holdBackRemovals(
  asWritten: readonly Change[],
  withKept: readonly Change[],
  opts: HeldBackOptions,
): Change[] {
  const written = new Map(asWritten.map((c) => [c.id, c]));
  const held: Change[] = [];
  for (const c of withKept) {
    const w = written.get(c.id);
    // What the file holds after this run: what it applies, or what is there when it applies nothing.
    const kept = c.after ?? c.before;
    if (!w || typeof kept !== 'string' || typeof w.after !== 'string' || w.after === kept) continue;
    const diff = opts.diff(c.id, kept, w.after);
    held.push({
      stage: c.stage,
      kind: c.kind,
      id: c.id,
      label: `${c.label}: entries of ${opts.kept.join(', ')}`,
      action: 'update',
      before: kept,
      after: w.after,
      blocked: opts.why,
      optIn: true,
      ...(diff ? { diff } : {}),
    });
  }
  return [...withKept, ...held];
}
