/**
 * Stacks that left the config: without --prune they keep running, and so do the DNS
 * records, firewall rules and routes that point at them (README, "Stacks that leave the config").
 */
import type { LoadedConfig } from '../config/load.js';
import { retainDeparted } from '../desired/retain.js';
import type { DesiredState } from '../desired/types.js';
import { actionable, type Change, type Stage } from '../plan/change.js';
import { hasFilters } from '../plan/policy.js';
import { fileDiff } from '../providers/files/index.js';
import type { Provider, ProviderContext } from '../providers/provider.js';
import { observeAndPlan, type StageState } from './stage.js';
import { FILE_STAGES } from '../plan/stages.js';

// The stages whose desired state is derived from stacks but written as whole files.
export { FILE_STAGES } from '../plan/stages.js';

/**
 * A deployment that left the config keeps running until a run deletes it (--prune), and so
 * do its DNS records, firewall rules and routes: the file stages are planned again with
 * those deployments re-derived, and what would remove them is shown as a held-back change.
 * Which deployments departed is seen without filters (a filter never hides one, so it never
 * prunes their entries); the stacks this run itself deletes are the only ones whose entries
 * go. When the stacks stage is not part of this run it is observed (read only) for that alone.
 */
export async function keepDeparted(
  states: Map<Stage, StageState>,
  stackProviders: Provider[],
  config: LoadedConfig,
  ctx: ProviderContext,
  full: DesiredState,
): Promise<DesiredState | undefined> {
  const fileStates = FILE_STAGES.map((s) => states.get(s)).filter(
    (s): s is StageState => s?.status === 'planned',
  );
  if (fileStates.length === 0) return undefined;
  const { prune, filters } = ctx.options;
  const run = states.get('stacks');
  // --prune without a filter and without the stacks stage: entries follow the config as written.
  if (prune && !hasFilters(filters) && !run) return undefined;
  // An unfiltered run's own plan shows every departed deployment as a delete (held back or not).
  let stacks = run && !hasFilters(filters) ? run : undefined;
  if (!stacks && stackProviders.length) {
    const unfiltered = { ...ctx, desired: full, options: { ...ctx.options, prune: false, filters: {} } };
    stacks = await observeAndPlan('stacks', stackProviders, unfiltered);
  }
  if (!stacks || stacks.status === 'failed') {
    if (stackProviders.length || ctx.desired.deployments.length)
      ctx.reporter.emit({
        type: 'log',
        level: 'warn',
        message: `cannot tell which stacks left the config (${stacks?.reason ?? 'no stacks stage'}): DNS, firewall and Traefik follow the config as written`,
      });
    return undefined;
  }
  const deletedNow = new Set(
    run?.status === 'planned'
      ? actionable(run.changes)
          .filter((c) => c.action === 'delete')
          .map((c) => c.id)
      : [],
  );
  const departed = stacks.changes
    .filter((c) => c.action === 'delete' && c.blocked && !deletedNow.has(c.id))
    .map((c) => c.id);
  if (departed.length === 0) return undefined;
  const retention = retainDeparted(config, departed);
  for (const l of retention?.lost ?? [])
    ctx.reporter.emit({
      type: 'log',
      level: 'warn',
      message: `${l.id} left the config and ${l.reason}: its DNS records, firewall rules and routes are removed now; the stack itself stays until --prune`,
    });
  if (!retention?.kept.length) return undefined;
  const desired = {
    ...ctx.desired,
    dns: retention.desired.dns,
    firewall: retention.desired.firewall,
    routes: retention.desired.routes,
  };
  const kept = { ...ctx, desired };
  const why = prune
    ? 'their stacks are not deleted in this run (outside its filters, or held back); they go when the stacks do'
    : 'they left the config; run with --prune to remove them';
  for (const st of fileStates) {
    const pruned = new Map(st.changes.map((c) => [c.id, c]));
    const again = await observeAndPlan(st.stage, st.providers, kept, st.live);
    const held: Change[] = [];
    for (const c of again.changes) {
      const p = pruned.get(c.id);
      const keptContent = c.after ?? c.before;
      if (!p || typeof keptContent !== 'string' || typeof p.after !== 'string' || p.after === keptContent)
        continue;
      held.push({
        stage: c.stage,
        kind: c.kind,
        id: c.id,
        label: `${c.label}: entries of ${retention.kept.join(', ')}`,
        action: 'update',
        before: keptContent,
        after: p.after,
        blocked: why,
        optIn: true,
        ...(fileDiff(c.id, keptContent, p.after) ? { diff: fileDiff(c.id, keptContent, p.after)! } : {}),
      });
    }
    Object.assign(st, { ...again, changes: [...again.changes, ...held] });
  }
  return desired;
}
