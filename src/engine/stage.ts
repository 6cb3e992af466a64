/**
 * One stage of a sync: its providers' observations and plans, and applying them, wave by
 * wave. A stage whose observation fails is marked fatal (the pipeline then applies nothing);
 * a stage that fails while applying stops the stages that depend on it.
 */
import { withoutLabel } from '../errors.js';
import type { Reporter } from '../output/events.js';
import type { Change } from '../plan/change.js';
import { withImpacts } from '../plan/impact.js';
import { applyPolicy } from '../plan/policy.js';
import { stageInfo, WAVES, type Stage } from '../plan/stages.js';
import type { Provider, ProviderContext } from '../providers/provider.js';
import { IMPACT_READERS } from './impact-readers.js';

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
      // The provider compares; the flags (prune, adopt, pull, filters, …) are decided here,
      // once for every stage, by the policies of plan/policy.ts.
      const changes = withImpacts(applyPolicy(p.plan(ctx, live), ctx.options), IMPACT_READERS);
      st.live.push(live);
      st.planned.push(changes);
      st.changes.push(...changes);
    }
  } catch (err) {
    st.status = 'failed';
    st.fatal = true;
    // Shown in the plan body as an unknown stage (the plan event's `incomplete`).
    st.reason = `cannot observe: ${(err as Error).message}`;
  }
  return st;
}

/** Apply one stage's plan, provider by provider, and report how it ended. */
export async function applyStage(
  st: StageState,
  ctx: ProviderContext,
  reporter: Reporter,
  failed: Set<string>,
): Promise<void> {
  const started = Date.now();
  reporter.emit({ type: 'stage-start', stage: st.stage });
  let failures = 0;
  let notStarted = 0;
  let firstError: string | undefined;
  for (const [i, p] of st.providers.entries()) {
    try {
      const results = await p.apply(ctx, st.planned[i]!, st.live[i]);
      for (const r of results) {
        if (r.status === 'skipped') notStarted++;
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
  // Cut short by an interrupt: what was not started yet never will be in this run.
  const cut = ctx.stop?.aborted && notStarted > 0 ? `interrupted: ${notStarted} not started` : undefined;
  if (st.stage !== 'stacks' && failures > 0) st.fatal = true;
  st.status = failures > 0 ? 'failed' : cut ? 'skipped' : 'ok';
  st.reason ??=
    [
      failures > 0 &&
        `${failures} change${failures === 1 ? '' : 's'} failed${firstError ? `, first: ${firstError}` : ''}`,
      cut,
    ]
      .filter(Boolean)
      .join('; ') || undefined;
  reporter.emit({
    type: 'stage-end',
    stage: st.stage,
    status: st.status,
    ...(st.reason ? { reason: st.reason } : {}),
    durationMs: Date.now() - started,
  });
}

/**
 * Apply the planned stages wave by wave. A stage is skipped when one it needs failed or was
 * skipped, and after an interrupt (`stopped`) no stage starts.
 */
export async function applyWaves(
  states: Map<Stage, StageState>,
  failed: Set<string>,
  stageCtx: (stage: Stage, failed: ReadonlySet<string>) => ProviderContext,
  reporter: Reporter,
  stopped: () => boolean,
): Promise<void> {
  for (const wave of WAVES) {
    await Promise.all(
      wave
        .filter((stage) => states.has(stage))
        .map(async (stage) => {
          const st = states.get(stage)!;
          const blocker = stageInfo(stage)
            .needs.map((n) => states.get(n))
            .find((n) => n && (n.status === 'skipped' || n.fatal));
          const skip = stopped()
            ? 'interrupted: not started'
            : blocker && `${blocker.stage} ${blocker.status === 'skipped' ? 'was skipped' : 'failed'}`;
          if (skip) {
            st.status = 'skipped';
            st.reason = skip;
            reporter.emit({ type: 'stage-end', stage, status: 'skipped', reason: skip, durationMs: 0 });
            return;
          }
          if (st.status === 'failed') {
            reporter.emit({
              type: 'stage-end',
              stage,
              status: 'failed',
              ...(st.reason ? { reason: st.reason } : {}),
              durationMs: 0,
            });
            return;
          }
          if (stage === 'traefik' && failed.size > 0) {
            // Routes of stacks whose deploy failed keep their previous state: plan again.
            Object.assign(st, await observeAndPlan(stage, st.providers, stageCtx(stage, failed), st.live));
            reporter.emit({
              type: 'log',
              level: 'warn',
              message: `Traefik routes of ${failed.size} failed stack(s) keep their previous state`,
            });
          }
          await applyStage(st, stageCtx(stage, failed), reporter, failed);
        }),
    );
  }
}
