/**
 * The pure planner and the policies after it, as tables: named fixtures, one expectation per
 * change list, and the property that planning a state against itself yields only noops.
 */
import { describe, expect, it } from 'vitest';
import { actionable, countActions, type Change, type Resource } from '../../src/plan/change.js';
import type { SyncOptions } from '../../src/plan/options.js';
import { jsonEqual, plan as compare, type PlanOptions } from '../../src/plan/planner.js';
import { applyPolicy } from '../../src/plan/policy.js';
import { syncOptions } from '../helpers/desired.js';
import { deriveConfig, loadExample } from '../helpers/example.js';

type Stack = { image: string; replicas?: number };
const res = (id: string, value: Stack, owned?: boolean): Resource<Stack> => ({
  id,
  kind: 'stack',
  value,
  ...(owned === undefined ? {} : { owned }),
});

/** Planner options and the run's flags, as one bag for the tables. */
type Opts = Partial<PlanOptions<Stack>> & Partial<Pick<SyncOptions, 'prune' | 'adopt' | 'force'>>;

const opts = (partial: Opts = {}): Opts => partial;

/** Compare, then the run's policies: what the engine does for every stage. */
function plan<T>(desired: Resource<T>[], live: Resource<T>[], o: Opts): Change<T>[] {
  const { prune, adopt, force, ...planner } = o;
  const compared = compare(desired, live, {
    stage: 'stacks',
    label: (r) => r.id,
    ...(planner as Partial<PlanOptions<T>>),
  });
  return applyPolicy(compared, syncOptions({ prune: !!prune, adopt: !!adopt, force: !!force }));
}

/** A change reduced to what the tables compare. */
const brief = (c: Change<Stack>) => ({ id: c.id, action: c.action, ...(c.blocked ? { blocked: true } : {}) });

const A1 = { image: 'a:1' };
const A2 = { image: 'a:2' };
const B1 = { image: 'b:1' };

describe('plan: one resource', () => {
  it.each([
    ['desired, not live → create', [res('a', A1)], [], {}, [{ id: 'a', action: 'create' }]],
    ['owned and equal → noop', [res('a', A1)], [res('a', A1, true)], {}, [{ id: 'a', action: 'noop' }]],
    [
      'owned and different → update',
      [res('a', A2)],
      [res('a', A1, true)],
      {},
      [{ id: 'a', action: 'update' }],
    ],
    [
      'unowned → update, blocked',
      [res('a', A2)],
      [res('a', A1, false)],
      {},
      [{ id: 'a', action: 'update', blocked: true }],
    ],
    [
      'unowned and equal → still blocked: never ours',
      [res('a', A1)],
      [res('a', A1, false)],
      {},
      [{ id: 'a', action: 'update', blocked: true }],
    ],
    [
      'unowned with --adopt → update (adopt)',
      [res('a', A1)],
      [res('a', A1, false)],
      { adopt: true },
      [{ id: 'a', action: 'update' }],
    ],
    [
      'a file without the header, with --force → update',
      [res('a', A2)],
      [res('a', A1, false)],
      { force: true, stage: 'dns' },
      [{ id: 'a', action: 'update' }],
    ],
    [
      'owned, not desired → delete, blocked without --prune',
      [],
      [res('a', A1, true)],
      {},
      [{ id: 'a', action: 'delete', blocked: true }],
    ],
    [
      'owned, not desired, --prune → delete',
      [],
      [res('a', A1, true)],
      { prune: true },
      [{ id: 'a', action: 'delete' }],
    ],
    ['unowned, not desired → nothing, even with --prune', [], [res('a', A1, false)], { prune: true }, []],
    ['live without an ownership marker counts as unowned', [], [res('a', A1)], { prune: true }, []],
  ] as const)('%s', (_name, desired, live, extra, want) => {
    expect(plan([...desired], [...live], opts(extra)).map(brief)).toEqual(want);
  });
});

describe('plan: details of a change', () => {
  it('create carries after; update carries before, after and the reason', () => {
    const [create] = plan([res('a', A1)], [], opts());
    expect(create).toMatchObject({ stage: 'stacks', kind: 'stack', label: 'a', after: A1 });
    expect(create?.before).toBeUndefined();
    const [update] = plan(
      [res('a', A2)],
      [res('a', A1, true)],
      opts({ explain: (d, l) => `image ${l.image} → ${d.image}` }),
    );
    expect(update).toMatchObject({ before: A1, after: A2, reason: 'image a:1 → a:2' });
  });

  it('an adopted resource says so', () => {
    const [c] = plan([res('a', A1)], [res('a', A1, false)], opts({ adopt: true }));
    expect(c?.reason).toBe('adopting a resource Phoenix did not make');
  });

  it('a held-back delete says why', () => {
    const [c] = plan([], [res('a', A1, true)], opts());
    expect(c?.blocked).toMatch(/--prune/);
    expect(c?.before).toEqual(A1);
  });

  it('a custom equality decides noop (normalised values)', () => {
    const equals = (d: Stack, l: Stack) => d.image === l.image && (d.replicas ?? 1) === (l.replicas ?? 1);
    expect(
      plan(
        [res('a', { image: 'a:1' })],
        [res('a', { image: 'a:1', replicas: 1 }, true)],
        opts({ equals }),
      ).map(brief),
    ).toEqual([{ id: 'a', action: 'noop' }]);
  });

  it('diffs are attached when the provider gives one, never to a noop', () => {
    const diff = (d: Stack | undefined, l: Stack | undefined) =>
      jsonEqual(d, l) ? undefined : `-${l?.image ?? ''}\n+${d?.image ?? ''}`;
    const changes = plan(
      [res('a', A2), res('b', B1), res('c', A1)],
      [res('a', A1, true), res('c', A1, true), res('d', B1, true)],
      opts({ diff }),
    );
    expect(Object.fromEntries(changes.map((c) => [c.id, c.diff]))).toEqual({
      a: '-a:1\n+a:2',
      b: '-\n+b:1',
      c: undefined,
      d: '-b:1\n+',
    });
  });
});

describe('plan: a whole set', () => {
  it('desired order first, then deletes in live order', () => {
    const changes = plan(
      [res('new', A1), res('same', A1), res('changed', A2), res('theirs', A1)],
      [
        res('gone', B1, true),
        res('same', A1, true),
        res('changed', A1, true),
        res('theirs', A1, false),
        res('foreign', B1, false),
      ],
      opts(),
    );
    expect(changes.map(brief)).toEqual([
      { id: 'new', action: 'create' },
      { id: 'same', action: 'noop' },
      { id: 'changed', action: 'update' },
      { id: 'theirs', action: 'update', blocked: true },
      { id: 'gone', action: 'delete', blocked: true },
    ]);
    expect(countActions(changes)).toEqual({ create: 1, update: 1, delete: 0, noop: 1, blocked: 2 });
    expect(actionable(changes).map((c) => c.id)).toEqual(['new', 'changed']);
  });
});

describe('jsonEqual', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: null }, { a: undefined }, false],
    [{ a: '1' }, { a: 1 }, false],
    [[], {}, false],
  ])('%j vs %j → %s', (a, b, want) => {
    expect(jsonEqual(a, b)).toBe(want);
  });
});

describe('property: planning a state against itself yields only noops', () => {
  const { desired } = deriveConfig(loadExample().config);
  const kinds: [string, Resource[]][] = [
    ['dns', desired.dns.map((r) => ({ id: r.name, kind: 'dns-record', value: { ip: r.ip } }))],
    [
      'firewall',
      desired.firewall.guests.map((g) => ({
        id: String(g.guest.id),
        kind: 'firewall-ruleset',
        value: g.rules,
      })),
    ],
    [
      'endpoints',
      desired.environments.map((e) => ({ id: e.name, kind: 'environment', value: { url: e.url } })),
    ],
    [
      'stacks',
      desired.deployments.map((d) => ({
        id: d.id,
        kind: 'stack',
        value: { compose: d.compose.standalone, variables: d.variables, hash: d.hash },
      })),
    ],
    ['traefik', desired.routes.routers.map((r) => ({ id: r.name, kind: 'route', value: r }))],
  ];

  it.each(kinds)('%s', (stage, resources) => {
    expect(resources.length).toBeGreaterThan(0);
    const live = resources.map((r) => ({ ...structuredClone(r), owned: true }));
    for (const prune of [false, true]) {
      const changes = plan(resources, live, {
        stage: stage as PlanOptions<unknown>['stage'],
        label: (r) => r.id,
        prune,
      } as Opts);
      expect(changes.every((c) => c.action === 'noop')).toBe(true);
      expect(changes).toHaveLength(resources.length);
      expect(actionable(changes)).toEqual([]);
    }
  });
});
