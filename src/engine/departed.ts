/**
 * Stacks that left the config: without --prune they keep running, and so do the DNS
 * records, firewall rules and routes that point at them (README, "Stacks that leave the config").
 * Which stacks departed is an observation; keeping their entries is derivation's (derive's
 * `retain`) and the retention policy's (plan/retention.ts).
 */
import { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { derive } from '../desired/derive.js';
import type { DesiredState } from '../desired/types.js';
import { actionable, type Stage } from '../plan/change.js';
import { withImpacts } from '../plan/impact.js';
import { hasFilters } from '../plan/policy.js';
import { holdBackRemovals } from '../plan/retention.js';
import { FILE_STAGES } from '../plan/stages.js';
import { fileDiff } from '../providers/files/index.js';
import type { Provider, ProviderContext } from '../providers/provider.js';
import { IMPACT_READERS } from './impact-readers.js';
import { observeAndPlan, type StageState } from './stage.js';

// The stages whose desired state is derived from stacks but written as whole files.
export { FILE_STAGES } from '../plan/stages.js';

/**
 * The deployments that left the config but still run after this run: the held-back deletes of
 * the stacks stage, seen without filters (a filter never hides one, so it never prunes their
 * entries), less the stacks this run itself deletes. When the stacks stage is not part of this
 * run it is observed (read only) for that alone. Undefined when it cannot be told (warned).
 */
async function departedDeployments(
  states: Map<Stage, StageState>,
  stackProviders: Provider[],
  ctx: ProviderContext,
  full: DesiredState,
): Promise<string[] | undefined> {
  const { filters } = ctx.options;
  const run = states.get('stacks');
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
  return stacks.changes
    .filter((c) => c.action === 'delete' && c.blocked && !deletedNow.has(c.id))
    .map((c) => c.id);
}

/**
 * Keep the entries of deployments that left the config: the desired state is derived again
 * with them retained, the file stages are planned with it against what they observed, and
 * what the config as written would remove is shown as a held-back change. Returns the desired
 * state the file stages apply, or undefined when it is the config as written.
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
  // --prune without a filter and without the stacks stage: entries follow the config as written.
  if (prune && !hasFilters(filters) && !states.get('stacks')) return undefined;
  const departed = await departedDeployments(states, stackProviders, ctx, full);
  if (!departed?.length) return undefined;
  const retained = derive(config, new Diagnostics(), { retain: departed });
  for (const l of retained.retained?.lost ?? [])
    ctx.reporter.emit({
      type: 'log',
      level: 'warn',
      message: `${l.id} left the config and ${l.reason}: its DNS records, firewall rules and routes are removed now; the stack itself stays until --prune`,
    });
  const kept = retained.retained?.kept ?? [];
  if (!kept.length) return undefined;
  const desired = { ...ctx.desired, dns: retained.dns, firewall: retained.firewall, routes: retained.routes };
  const why = prune
    ? 'their stacks are not deleted in this run (outside its filters, or held back); they go when the stacks do'
    : 'they left the config; run with --prune to remove them';
  for (const st of fileStates) {
    const again = await observeAndPlan(st.stage, st.providers, { ...ctx, desired }, st.live);
    const changes = holdBackRemovals(st.changes, again.changes, { kept, why, diff: fileDiff });
    Object.assign(st, { ...again, changes: withImpacts(changes, IMPACT_READERS) });
  }
  return desired;
}
