/**
 * One stage of a sync: its providers' observations and plans, and applying them. A stage
 * whose observation fails is marked fatal, so the stages that depend on it are skipped.
 */
import { withoutLabel } from '../errors.js';
import type { Reporter } from '../output/events.js';
import type { Change, Stage } from '../plan/change.js';
import type { Provider, ProviderContext } from '../providers/provider.js';

/** What one stage has observed, planned and done. */
export interface StageState {
  stage: Stage;
  providers: Provider[];
  live: unknown[];
  /** Changes of each provider, in provider order. */
  planned: Change[][];
  changes: Change[];
  status: 'planned' | 'ok' | 'failed' | 'skipped';
  /** A fatal failure stops dependants; per-stack failures are not fatal. */
  fatal: boolean;
  reason?: string;
}

/** Observe (unless `observed` is given: planning again needs no new look) and plan one stage. */
export async function observeAndPlan(
  stage: Stage,
  providers: Provider[],
  ctx: ProviderContext,
  observed?: unknown[],
): Promise<StageState> {
  const st: StageState = {
    stage,
    providers,
    live: [],
    planned: [],
    changes: [],
    status: 'planned',
    fatal: false,
  };
  try {
    for (const [i, p] of providers.entries()) {
      const live = observed ? observed[i] : await p.observe(ctx);
      // Providers keep deletes inside the filters themselves (a filter never prunes).
      const changes = p.plan(ctx, live);
      st.live.push(live);
      st.planned.push(changes);
      st.changes.push(...changes);
    }
  } catch (err) {
    st.status = 'failed';
    st.fatal = true;
    st.reason = `cannot observe: ${(err as Error).message}`;
    ctx.reporter.emit({ type: 'log', level: 'warn', message: `${stage}: ${st.reason}` });
  }
  return st;
}

export async function applyStage(
  st: StageState,
  ctx: ProviderContext,
  reporter: Reporter,
  failed: Set<string>,
): Promise<void> {
  const started = Date.now();
  reporter.emit({ type: 'stage-start', stage: st.stage });
  let failures = 0;
  let firstError: string | undefined;
  for (const [i, p] of st.providers.entries()) {
    try {
      const results = await p.apply(ctx, st.planned[i]!, st.live[i]);
      for (const r of results) {
        if (r.status !== 'failed') continue;
        failures++;
        firstError ??= r.error
          ? `${r.change.label}: ${withoutLabel(r.error.message, r.change.label)}`
          : undefined;
        if (r.change.stage === 'stacks') failed.add(r.change.id);
      }
    } catch (err) {
      failures++;
      st.fatal = true;
      st.reason = (err as Error).message;
    }
  }
  if (st.stage !== 'stacks' && failures > 0) st.fatal = true;
  st.status = failures > 0 ? 'failed' : 'ok';
  st.reason ??=
    failures > 0
      ? `${failures} change${failures === 1 ? '' : 's'} failed${firstError ? `, first: ${firstError}` : ''}`
      : undefined;
  reporter.emit({
    type: 'stage-end',
    stage: st.stage,
    status: failures > 0 ? 'failed' : 'ok',
    ...(st.reason ? { reason: st.reason } : {}),
    durationMs: Date.now() - started,
  });
}
