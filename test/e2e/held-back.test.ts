/**
 * Exit codes that tell the truth: a change the config wants that Phoenix refuses to make (a
 * stack Phoenix did not make holds a desired stack's name; a file without Phoenix's header
 * at a target path; an environment with another URL) means the estate does
 * not match the config. `plan --detailed-exitcode` exits 2 and `sync all` exits 4 for each,
 * the two agree, and the summary names what was held back. Held-back deletes (no --prune)
 * and Portainer's own stack (no --include-portainer) wait for a flag by design: still 0.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson, type JsonRun } from './harness.js';

/** plan --detailed-exitcode and sync all, both in JSON and in text. */
async function planAndSync(h: Homelab) {
  const plan = await phoenixJson(h, ['plan', '--detailed-exitcode']);
  const planText = await phoenix(h, ['plan', '--detailed-exitcode']);
  const sync = await phoenixJson(h, ['sync', 'all', '--yes']);
  const syncText = await phoenix(h, ['sync', 'all', '--yes']);
  return { plan, planText, sync, syncText };
}

function refusedIds(r: JsonRun): string[] {
  return r.report.changes
    .filter((c) => c.blocked && (c.action === 'create' || c.action === 'update') && !c.optIn)
    .map((c) => c.id);
}

describe('held-back changes of desired resources', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
    const first = await phoenix(h, ['sync', 'all', '--yes']);
    if (first.code !== 0) throw new Error(explain(first));
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('converged, with Portainer’s own stack held back for --include-portainer: plan 0, sync 0', async () => {
    const { plan, sync } = await planAndSync(h);
    expect(plan.code, explain(plan)).toBe(0);
    expect(sync.code, explain(sync)).toBe(0);
    expect(plan.report.changes.find((c) => c.id === '1001/portainer-production')).toMatchObject({
      optIn: true,
    });
    expect(sync.report.summary.unmet).toBe(0);
  });

  it('a foreign stack holding a desired stack’s name: plan 2, sync 4, both name it; --adopt converges', async () => {
    const m = h.double.model;
    const env = m.endpoints.find((e) => e.Name === 'services')!;
    const mine = m.stacks.find((s) => s.Name === 'whoami-staging')!;
    // Someone else's stack of that name: no PHOENIX_OWNER variable.
    mine.Env = [{ name: 'GREETING', value: 'not phoenix' }];
    mine.file = 'services:\n  web:\n    image: nginx\n';
    h.double.resetCounters();

    const { plan, planText, sync, syncText } = await planAndSync(h);
    expect(plan.code, explain(plan)).toBe(2);
    expect(planText.code).toBe(2);
    expect(refusedIds(plan)).toEqual(['1003/whoami-staging']);
    // Joined: the plan wraps long lines at 80 columns.
    expect(planText.out.replace(/\s+/g, ' ')).toMatch(
      /1 of them the config wants, but Phoenix will not apply: whoami-staging on services \(vm 1003\) \(stacks\)/,
    );

    expect(sync.code, explain(sync)).toBe(4);
    expect(syncText.code).toBe(4);
    expect(sync.report.summary.unmet).toBe(1);
    expect(sync.report.error?.message).toMatch(
      /^1 change the config wants was held back: whoami-staging on services \(vm 1003\) \(stacks\)$/,
    );
    expect(syncText.err.replace(/\s+/g, ' ')).toMatch(
      /not applied: whoami-staging on services \(vm 1003\) \(stacks\): a stack named whoami-staging exists in environment services but was not made by Phoenix/,
    );
    // Nothing touched the foreign stack.
    expect(h.double.counts().writes).toBe(0);
    expect(m.stacks.find((s) => s.Name === 'whoami-staging')?.file).toBe(
      'services:\n  web:\n    image: nginx\n',
    );
    expect(env.Id).toBe(mine.EndpointId);

    const adopted = await phoenix(h, ['sync', 'all', '--yes', '--adopt']);
    expect(adopted.code, explain(adopted)).toBe(0);
    const again = await planAndSync(h);
    expect([again.plan.code, again.sync.code]).toEqual([0, 0]);
  });

  it('a file without Phoenix’s header at a target path: plan 2, sync 4 naming it; nothing overwritten', async () => {
    writeFileSync(h.paths.traefik, 'http: {}\n');
    const { plan, planText, sync, syncText } = await planAndSync(h);
    expect(plan.code, explain(plan)).toBe(2);
    expect(planText.code).toBe(2);
    expect(refusedIds(plan)).toEqual([h.paths.traefik]);
    expect(sync.code, explain(sync)).toBe(4);
    expect(syncText.code).toBe(4);
    expect(sync.report.error?.message).toContain(`refusing to overwrite ${h.paths.traefik}`);
    expect(syncText.err).toContain(
      `not applied: traefik file ${h.paths.traefik} (traefik): exists but was not made by Phoenix`,
    );
    rmSync(h.paths.traefik);
    expect((await phoenix(h, ['sync', 'all', '--yes'])).code).toBe(0);
  });

  it('an empty file at a target path is taken over: plan 2, then sync 0 and the plan is empty', async () => {
    writeFileSync(h.paths.hosts, '');
    const plan = await phoenixJson(h, ['plan', '--detailed-exitcode']);
    expect(plan.code, explain(plan)).toBe(2);
    expect(refusedIds(plan)).toEqual([]);
    const sync = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(sync.code, explain(sync)).toBe(0);
    expect((await phoenix(h, ['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('an environment of a desired name with another URL: plan 2, sync 4', async () => {
    const env = h.double.model.endpoints.find((e) => e.Name === 'ai-worker')!;
    const url = env.URL;
    env.URL = 'tcp://elsewhere.lab.internal:9001';
    try {
      const { plan, sync } = await planAndSync(h);
      expect(plan.code, explain(plan)).toBe(2);
      expect(refusedIds(plan)).toEqual(['ai-worker']);
      expect(sync.code, explain(sync)).toBe(4);
      expect(sync.report.error?.message).toMatch(
        /held back: environment ai-worker \(vm 1002\) \(endpoints\)/,
      );
    } finally {
      env.URL = url;
    }
    expect((await planAndSync(h)).sync.code).toBe(0);
  });
});
