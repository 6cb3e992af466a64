/**
 * The change is the whole instruction: apply deploys what the plan says (compose text, mode,
 * environment, the stack an update replaces) and looks nothing up again; only secret values
 * and the marker are resolved at apply, from the desired state of that run. Against the
 * Portainer test double over real HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/plan/change.js';
import { applyPolicy } from '../../src/plan/policy.js';
import type { ProviderContext } from '../../src/providers/provider.js';
import { HASH_VAR } from '../../src/providers/portainer/index.js';
import type { StackValue } from '../../src/providers/portainer/stack-model.js';
import { REDACTED } from '../../src/secrets.js';
import { DB_PASSWORD, deployment, desired, options, startRig, type Rig } from './fixtures.js';

const ROTATED = 'canary-rotated-after-plan-5c1d';

let rig: Rig;
beforeEach(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.close();
  expect(rig.double.violations).toEqual([]);
});

const secretWeb = (extra = '') => {
  const d = deployment({
    stack: 'web',
    vmid: 1001,
    env: 'local',
    variables: [
      { name: 'PORT', value: '8080', secret: false },
      { name: 'DB_PASSWORD', value: DB_PASSWORD, secret: true },
    ],
  });
  // The marker label as the derivation renders it: masked in the plan, put back when sent.
  const marked = (text: string) =>
    text.replace('io.phoenix.deployment: 1001/web-production', `$&\n      io.phoenix.hash: ${d.hash}`) +
    extra;
  return { ...d, compose: { standalone: marked(d.compose.standalone), swarm: marked(d.compose.swarm) } };
};

function context(state: ReturnType<typeof desired>): ProviderContext {
  return {
    desired: state,
    options: options(),
    reporter: rig.reporter,
    redactor: rig.redactor,
    signal: new AbortController().signal,
    failedDeployments: new Set<string>(),
  };
}

async function planned(state: ReturnType<typeof desired>) {
  const p = rig.providers.stacks;
  const ctx = context(state);
  const live = await p.observe(ctx);
  return { live, changes: applyPolicy(p.plan(ctx, live), ctx.options) as Change<StackValue>[] };
}

describe('the change is the whole instruction', () => {
  it('carries mode, endpoint and Env with the secret withheld: no secret value in the plan', async () => {
    const { changes } = await planned(desired([secretWeb()], []));
    const [c] = changes;
    const local = rig.double.model.endpoints.find((e) => e.Name === 'local')!;
    expect(c).toMatchObject({
      action: 'create',
      after: { mode: 'standalone', endpointId: local.Id, withheld: ['DB_PASSWORD'] },
    });
    expect(c?.after?.env).toMatchObject({ PORT: '8080', DB_PASSWORD: REDACTED });
    expect(c?.after?.compose).toContain('io.phoenix.hash: «marker»');
    expect(c?.after?.compose).not.toContain(secretWeb().hash);
    expect(JSON.stringify(changes)).not.toContain(DB_PASSWORD);
  });

  it('apply deploys the planned compose, not a later edit, with the secret and marker resolved at apply', async () => {
    const { live, changes } = await planned(desired([secretWeb()], []));
    // The config moves on between plan and apply: the compose text and the secret change.
    const later = secretWeb('# edited after the plan\n');
    later.variables = later.variables.map((v) => (v.secret ? { ...v, value: ROTATED } : v));
    const results = await rig.providers.stacks.apply(context(desired([later], [])), changes, live);
    expect(results.map((r) => r.status)).toEqual(['ok']);
    const [stack] = rig.double.model.stacks;
    expect(stack?.file).not.toContain('edited after the plan');
    expect(stack?.file).toContain(`io.phoenix.hash: ${later.hash}`);
    expect(stack?.Env).toEqual([
      { name: 'DB_PASSWORD', value: ROTATED },
      { name: 'PORT', value: '8080' },
      { name: 'PHOENIX_OWNER', value: 'phoenix-test.lan' },
      { name: HASH_VAR, value: later.hash },
    ]);
  });

  it('an update names the stack it replaces and keeps its id', async () => {
    const first = await planned(desired([secretWeb()], []));
    await rig.providers.stacks.apply(context(desired([secretWeb()], [])), first.changes, first.live);
    const id = rig.double.model.stacks[0]!.Id;
    const { live, changes } = await planned(desired([secretWeb('# v2\n')], []));
    expect(changes[0]).toMatchObject({ action: 'update', after: { stackId: id } });
    const results = await rig.providers.stacks.apply(
      context(desired([secretWeb('# v2\n')], [])),
      changes,
      live,
    );
    expect(results.map((r) => r.status)).toEqual(['ok']);
    expect(rig.double.model.stacks.map((s) => [s.Id, s.file.includes('# v2')])).toEqual([[id, true]]);
  });

  it('a secret gone from the config between plan and apply fails that change and writes nothing', async () => {
    const { live, changes } = await planned(desired([secretWeb()], []));
    const later = secretWeb();
    later.variables = later.variables.filter((v) => !v.secret);
    rig.double.resetCounters();
    const results = await rig.providers.stacks.apply(context(desired([later], [])), changes, live);
    expect(results.map((r) => [r.status, r.error?.message])).toEqual([
      ['failed', expect.stringMatching(/web-production .*variable DB_PASSWORD is no longer in the config$/)],
    ]);
    expect(rig.double.counts().writes).toBe(0);
    expect(rig.double.model.stacks).toHaveLength(0);
  });
});
