/**
 * The pipeline with fake providers (the ProviderFactory injection of engine/pipeline.ts): one
 * recording provider per stage, on a copy of the example root, with nothing contacted. It
 * shows what only the pipeline decides: every stage is observed and planned before anything
 * is applied; waves run together (DNS and firewall overlap) and in order; a failed stage
 * skips the stages that need it and not the others; a dry run applies nothing; a stage that
 * cannot be observed makes the plan incomplete (exit 3) and nothing is applied; and a saved
 * plan is applied when nothing moved and refused when a live object did.
 */
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanChecker, PlanWriter } from '../../src/engine/saved-plan.js';
import { runSync, type ProviderFactory, type SyncRequest } from '../../src/engine/pipeline.js';
import { PhoenixError } from '../../src/errors.js';
import { EventBus, type PhoenixEvent } from '../../src/output/events.js';
import { STAGES, type Change, type Stage } from '../../src/plan/change.js';
import type { Provider } from '../../src/providers/provider.js';
import type { SavedPlan } from '../../src/plan/saved.js';
import { Redactor } from '../../src/secrets.js';
import { syncOptions } from '../helpers/desired.js';
import { copyExample, removeDir, tempDir } from '../helpers/root.js';
import { existsSync, readFileSync } from 'node:fs';

/** How a fake stage behaves. */
interface Behaviour {
  /** observe throws this. */
  unobservable?: string;
  /** apply reports its change failed. */
  fails?: boolean;
  /** apply takes this long. */
  applyMs?: number;
  /** What observe returns (the live object the change fingerprints). */
  live?: string;
}

/** A fake provider: one create per stage, and a log of every call with its time. */
function fake(stage: Stage, log: string[], b: Behaviour): Provider<string> {
  const change = (live: string): Change => ({
    stage,
    kind: `${stage}-thing`,
    id: `${stage}/one`,
    label: `the ${stage} thing`,
    action: 'update',
    before: live,
    after: 'wanted',
  });
  return {
    stage,
    observe: async () => {
      log.push(`observe ${stage}`);
      if (b.unobservable) throw new Error(b.unobservable);
      return b.live ?? 'as it is';
    },
    plan: (_ctx, live) => {
      log.push(`plan ${stage}`);
      return [change(live)];
    },
    apply: async (_ctx, changes) => {
      log.push(`apply ${stage} start`);
      await delay(b.applyMs ?? 0);
      log.push(`apply ${stage} end`);
      return changes.map((c) => ({
        change: c,
        status: b.fails ? ('failed' as const) : ('ok' as const),
        ...(b.fails ? { error: new Error('refused by the fake') } : {}),
        durationMs: 0,
      }));
    },
  };
}

describe('the pipeline, with a fake provider per stage', () => {
  let dir: string;
  let root: string;
  beforeAll(() => {
    dir = tempDir('phoenix-pipeline-');
    root = copyExample(dir);
  });
  afterAll(() => removeDir(dir));

  /** Run a sync of every stage with the given behaviours; the exit code (or error) and the log. */
  async function run(behaviours: Partial<Record<Stage, Behaviour>>, extra: Partial<SyncRequest> = {}) {
    const log: string[] = [];
    const events: PhoenixEvent[] = [];
    const bus = new EventBus();
    bus.subscribe((e) => events.push(e));
    const providers: ProviderFactory = async (_d, _e, _r, _o, stages) => ({
      stages: Object.fromEntries(stages.map((s) => [s, [fake(s, log, behaviours[s] ?? {})]])),
      close: async () => void log.push('close'),
    });
    let code: number;
    let error: PhoenixError | undefined;
    try {
      code = await runSync({
        command: 'sync all',
        root,
        env: { PHOENIX_PORTAINER_PASSWORD: 'unused-here' },
        stages: STAGES,
        options: syncOptions(),
        skipChecks: true,
        reporter: bus,
        redactor: new Redactor(),
        providers,
        ...extra,
      });
    } catch (err) {
      if (!(err instanceof PhoenixError)) throw err;
      error = err;
      code = err.exitCode;
    }
    const ended = (stage: string) =>
      events.find(
        (e): e is Extract<PhoenixEvent, { type: 'stage-end' }> => e.type === 'stage-end' && e.stage === stage,
      );
    return { code, error, log, ended };
  }

  it('observes and plans every stage before applying, then applies wave by wave', async () => {
    const r = await run({ dns: { applyMs: 60 }, firewall: { applyMs: 20 } });
    expect(r.code, r.error?.message).toBe(0);
    const firstApply = r.log.findIndex((l) => l.startsWith('apply'));
    expect(r.log.slice(0, firstApply).sort()).toEqual(
      STAGES.flatMap((s) => [`observe ${s}`, `plan ${s}`]).sort(),
    );
    const applies = r.log.filter((l) => l.startsWith('apply'));
    // DNS and firewall are one wave: both start before either ends.
    expect(applies.slice(0, 4)).toEqual([
      'apply dns start',
      'apply firewall start',
      'apply firewall end',
      'apply dns end',
    ]);
    expect(applies.slice(4)).toEqual([
      'apply endpoints start',
      'apply endpoints end',
      'apply stacks start',
      'apply stacks end',
      'apply traefik start',
      'apply traefik end',
    ]);
    expect(r.log.at(-1)).toBe('close');
  });

  it('skips the stages that need a failed one, and only those', async () => {
    const r = await run({ firewall: { fails: true } });
    expect(r.code).toBe(4);
    expect(r.error?.message).toMatch(/some changes failed: firewall/);
    const applied = r.log.filter((l) => l.endsWith(' start')).map((l) => l.split(' ')[1]);
    expect(applied).toEqual(['dns', 'firewall']);
    for (const s of ['endpoints', 'stacks', 'traefik'])
      expect(r.ended(s)).toMatchObject({
        status: 'skipped',
        reason: expect.stringMatching(/failed|skipped/),
      });
    expect(r.ended('endpoints')?.reason).toBe('firewall failed');
    expect(r.ended('traefik')?.reason).toBe('stacks was skipped');
    expect(r.ended('dns')?.status).toBe('ok');
  });

  it('a failed stack is not fatal: Traefik still runs, planned again without a new look', async () => {
    const r = await run({ stacks: { fails: true } });
    expect(r.code).toBe(4);
    const applied = r.log.filter((l) => l.endsWith(' start')).map((l) => l.split(' ')[1]);
    expect(applied.sort()).toEqual(['dns', 'endpoints', 'firewall', 'stacks', 'traefik']);
    // The routes of a failed stack keep their previous state: Traefik is planned again from
    // what was observed before, not observed again.
    expect(r.log.filter((l) => l === 'plan traefik')).toHaveLength(2);
    expect(r.log.filter((l) => l === 'observe traefik')).toHaveLength(1);
    expect(r.ended('traefik')).toMatchObject({ status: 'ok' });
  });

  it('a dry run observes and plans, and applies nothing', async () => {
    const r = await run({}, { options: syncOptions({ dryRun: true }), detailedExitCode: true });
    expect(r.code).toBe(2);
    expect(r.log.filter((l) => l.startsWith('apply'))).toEqual([]);
    expect(r.log.filter((l) => l.startsWith('plan'))).toHaveLength(STAGES.length);
  });

  it('a stage that cannot be observed makes the plan incomplete: exit 3, nothing applied', async () => {
    const r = await run({ endpoints: { unobservable: 'connection refused' } });
    expect(r.code).toBe(3);
    expect(r.error?.message).toMatch(
      /plan incomplete, not observed: endpoints \(cannot observe: connection refused\); nothing was changed/,
    );
    expect(r.log.filter((l) => l.startsWith('apply'))).toEqual([]);
    expect(r.log.at(-1)).toBe('close');
  });

  it('a saved plan applies when nothing moved, and is refused when a live object did', async () => {
    const file = join(dir, 'plan.json');
    const { dryRun: _d, ...fixed } = syncOptions({ dryRun: true });
    const made = await run(
      {},
      {
        options: syncOptions({ dryRun: true }),
        saved: new PlanWriter({ stages: STAGES, options: fixed }, file, new EventBus()),
      },
    );
    expect(made.code, made.error?.message).toBe(0);
    const plan = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
    expect(plan.changes.map((c) => `${c.action} ${c.id}`)).toEqual(STAGES.map((s) => `update ${s}/one`));
    expect(plan.changes.every((c) => c.observed?.startsWith('sha256:') && c.desired)).toBe(true);

    const moved = await run(
      { stacks: { live: 'edited by hand' } },
      { saved: new PlanChecker(plan, 'plan.json') },
    );
    expect(moved.code).toBe(1);
    expect(moved.error?.message).toContain(
      'stacks stacks-thing stacks/one (the stacks thing): the live object changed since the plan',
    );
    expect(moved.log.filter((l) => l.startsWith('apply'))).toEqual([]);

    // An incomplete plan is never saved (nor applied): exit 3, no file.
    const partial = join(dir, 'partial.json');
    const incomplete = await run(
      { traefik: { unobservable: 'no route to host' } },
      {
        options: syncOptions({ dryRun: true }),
        saved: new PlanWriter({ stages: STAGES, options: fixed }, partial, new EventBus()),
      },
    );
    expect(incomplete.code).toBe(3);
    expect(existsSync(partial)).toBe(false);

    const same = await run({}, { saved: new PlanChecker(plan, 'plan.json') });
    expect(same.code, same.error?.message).toBe(0);
    expect(same.log.filter((l) => l.endsWith(' start'))).toHaveLength(STAGES.length);
  });
});
