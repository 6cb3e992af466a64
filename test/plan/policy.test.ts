/**
 * The run's policies, pure: each flag's function on hand-made compare results, the held-back
 * (blocked) paths with their messages, and the order applyPolicy composes them in.
 */
import { describe, expect, it } from 'vitest';
import type { DesiredState, StackDeployment } from '../../src/desired/types.js';
import type { Change } from '../../src/plan/change.js';
import {
  ADOPTING,
  applyPolicy,
  compose,
  HELD_FOR_PRUNE,
  includePortainer,
  prune,
  pull,
  PULLING,
  refuseEmpty,
  RUNS_PORTAINER,
  selectedGuests,
  takeOver,
  withinFilters,
} from '../../src/plan/policy.js';
import { syncOptions } from '../helpers/desired.js';

type C = Change<Record<string, unknown>>;

const change = (over: Partial<C> & Pick<C, 'id' | 'action'>): C => ({
  stage: 'stacks',
  kind: 'stack',
  label: over.id,
  ...over,
});
const del = (id: string, scope?: string) =>
  change({ id, action: 'delete', before: { name: id }, ...(scope ? { scope } : {}) });
const foreign = (stage: C['stage'] = 'stacks') =>
  change({
    id: '1002/web',
    stage,
    action: 'update',
    before: { v: 1 },
    after: { v: 2 },
    reason: 'content differs',
    diff: '-1\n+2',
    unowned: 'a stack named web exists but was not made by Phoenix',
  });

describe('withinFilters: a filter never prunes what it filtered out', () => {
  const changes = [
    del('1002/gone'),
    del('1003/gone'),
    del('local/gone'),
    change({ id: '1003/kept', action: 'create' }),
    change({ id: '/etc/x.conf', stage: 'dns', kind: 'dns-file', action: 'delete' }),
  ];
  it.each([
    ['no filter: everything stays', {}, ['1002/gone', '1003/gone', 'local/gone', '1003/kept', '/etc/x.conf']],
    ['--vm 1002: stack deletes of other VMs go', { vm: [1002] }, ['1002/gone', '1003/kept', '/etc/x.conf']],
    ['--stack: no stack delete at all', { stack: ['web'] }, ['1003/kept', '/etc/x.conf']],
    ['--env: no stack delete at all', { env: ['prod'] }, ['1003/kept', '/etc/x.conf']],
  ])('%s', (_name, filters, ids) => {
    expect(withinFilters(filters)(changes).map((c) => c.id)).toEqual(ids);
  });
});

describe('takeOver: a name held by a resource Phoenix did not make', () => {
  it('a stack is held back without --adopt, saying which flag takes it over, with no diff or reason', () => {
    const [c] = takeOver({ adopt: false, force: true })([foreign()]);
    expect(c).toMatchObject({
      action: 'update',
      blocked: 'a stack named web exists but was not made by Phoenix; run with --adopt to take it over',
    });
    expect(c).not.toHaveProperty('diff');
    expect(c).not.toHaveProperty('reason');
    expect(c).not.toHaveProperty('unowned');
  });

  it('--adopt takes a stack over and says so; the diff stays', () => {
    const [c] = takeOver({ adopt: true, force: false })([foreign()]);
    expect(c).toMatchObject({ action: 'update', reason: ADOPTING, diff: '-1\n+2' });
    expect(c?.blocked).toBeUndefined();
    expect(c).not.toHaveProperty('unowned');
  });

  it('a file is taken over by --force, not --adopt', () => {
    expect(takeOver({ adopt: true, force: false })([foreign('dns')])[0]?.blocked).toBe(
      'a stack named web exists but was not made by Phoenix',
    );
    expect(takeOver({ adopt: false, force: true })([foreign('dns')])[0]).toMatchObject({ reason: ADOPTING });
  });

  it('leaves owned changes alone', () => {
    const mine = change({ id: 'a', action: 'update', reason: 'x' });
    expect(takeOver({ adopt: false, force: false })([mine])).toEqual([mine]);
  });
});

describe('prune and refuse-on-empty', () => {
  it('a delete waits for --prune', () => {
    expect(prune(false)([del('1/a')])[0]?.blocked).toBe(HELD_FOR_PRUNE);
    expect(prune(true)([del('1/a')])[0]?.blocked).toBeUndefined();
  });

  it('an already blocked delete keeps its own reason', () => {
    const held = { ...del('1/a'), blocked: 'other' };
    expect(prune(false)([held])[0]?.blocked).toBe('other');
  });

  it('refuses to delete every resource of a scope the config wants nothing in, unless --prune-all', () => {
    const changes = [
      del('1/a', 'environment e1'),
      del('1/b', 'environment e1'),
      del('2/c', 'environment e2'),
    ];
    const wanted = [...changes, change({ id: '2/d', action: 'noop', scope: 'environment e2' })];
    const out = refuseEmpty(false)(wanted);
    expect(out.map((c) => c.blocked)).toEqual([
      expect.stringMatching(/^the config wants nothing in environment e1: refusing .*use --prune-all/),
      expect.stringMatching(/environment e1.*--prune-all/),
      undefined,
      undefined,
    ]);
    expect(refuseEmpty(true)(wanted).some((c) => c.blocked)).toBe(false);
  });

  it('a delete without a scope is never refused as empty', () => {
    expect(refuseEmpty(false)([del('1/a')])[0]?.blocked).toBeUndefined();
  });

  it('a refused delete is not actionable after applyPolicy even with --prune', () => {
    const out = applyPolicy([del('1/a', 'engine h')], syncOptions({ prune: true }));
    expect(out[0]?.blocked).toMatch(/engine h.*--prune-all/);
    expect(
      applyPolicy([del('1/a', 'engine h')], syncOptions({ prune: true, pruneAll: true }))[0]?.blocked,
    ).toBe(undefined);
  });
});

describe('pull', () => {
  it('turns an unchanged stack into an update carrying the instruction, keeping its note', () => {
    const noop = change({ id: '1/a', action: 'noop', after: { name: 'a' }, reason: 'note' });
    expect(pull(true)([noop])[0]).toMatchObject({
      action: 'update',
      reason: `${PULLING}; note`,
      after: { name: 'a', pull: true },
    });
    expect(pull(false)([noop])).toEqual([noop]);
  });

  it('marks creates and updates; leaves deletes, blocked changes and files alone', () => {
    const create = change({ id: '1/a', action: 'create', after: { name: 'a' } });
    const blocked = change({ id: '1/b', action: 'update', after: { name: 'b' }, blocked: 'no' });
    const file = change({ id: '/f', stage: 'dns', kind: 'dns-file', action: 'noop', after: {} });
    const [c, b, d, f] = pull(true)([create, blocked, del('1/c'), file]);
    expect(c?.after).toEqual({ name: 'a', pull: true });
    expect(b).toEqual(blocked);
    expect(d?.action).toBe('delete');
    expect(f).toEqual(file);
  });
});

describe('includePortainer', () => {
  const own = change({ id: '1/portainer', action: 'update', runsPortainer: true });
  it('holds Portainer’s own stack back as an opt-in', () => {
    expect(includePortainer(false)([own])[0]).toMatchObject({ blocked: RUNS_PORTAINER, optIn: true });
    expect(includePortainer(true)([own])[0]?.blocked).toBeUndefined();
  });

  it('a pulled Portainer stack is held back too (pull runs first)', () => {
    const noop = { ...own, action: 'noop' as const, after: {} };
    const [c] = applyPolicy([noop], syncOptions({ pull: true }));
    expect(c).toMatchObject({ action: 'update', blocked: RUNS_PORTAINER, optIn: true });
  });
});

describe('compose and applyPolicy', () => {
  it('compose runs left to right and never changes its input', () => {
    const input = [del('1/a', 's')];
    const frozen = structuredClone(input);
    const out = compose(prune(true), refuseEmpty(false))(input);
    expect(out[0]?.blocked).toMatch(/--prune-all/);
    expect(input).toEqual(frozen);
  });

  it('with no flags: a foreign stack and a departed one are both held back, the rest untouched', () => {
    const create = change({ id: '1/new', action: 'create', after: {}, scope: 'engine h' });
    const out = applyPolicy([create, foreign(), del('1/old', 'engine h')], syncOptions());
    expect(out.map((c) => [c.id, c.action, c.blocked])).toEqual([
      ['1/new', 'create', undefined],
      ['1002/web', 'update', expect.stringMatching(/--adopt/)],
      ['1/old', 'delete', HELD_FOR_PRUNE],
    ]);
  });
});

describe('selectedGuests: the guests a filtered run may touch the firewall files of', () => {
  const d = (vmid: number, stack: string, environment: string) =>
    ({ vmid, stack, environment }) as StackDeployment;
  // Only the deployments take part; the cast keeps the fixture to what is read.
  const state = {
    deployments: [d(1, 'web', 'prod'), d(2, 'web', 'dev'), d(3, 'db', 'prod')],
  } as DesiredState;
  it.each([
    ['no filter: no selection at all', {}, undefined],
    ['--vm alone, even one running nothing', { vm: [7] }, [7]],
    ['--stack: the VMs running it', { stack: ['web'] }, [1, 2]],
    ['--stack and --env together', { stack: ['web'], env: ['prod'] }, [1]],
    ['--vm narrows --stack', { vm: [2], stack: ['web'] }, [2]],
  ])('%s', (_name, filters, want) => {
    const got = selectedGuests(state, filters);
    expect(got === undefined ? undefined : [...got].sort()).toEqual(want);
  });
});
