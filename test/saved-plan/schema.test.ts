/**
 * The saved plan's format: the published JSON Schema is the one generated from the TypeBox
 * source and accepts what Phoenix writes; hashes are keyed with the marker key, or leave
 * secrets out; and the comparison names every file and object that moved.
 */
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/plan/change.js';
import {
  buildSavedPlan,
  compareSaved,
  fingerprint,
  hashText,
  savedPlanSchemaText,
  type Hasher,
  type PlanFacts,
} from '../../src/plan/saved.js';
import { Redactor } from '../../src/secrets.js';

const Ajv = AjvModule.default;

const SECRET = 'hunter2-but-longer';
const redactor = new Redactor();
redactor.add(SECRET);
const publicHasher: Hasher = {
  key: undefined,
  redact: (t) => redactor.redact(t),
  secretNames: new Set(['API_KEY']),
};
const keyed: Hasher = { ...publicHasher, key: 'a-marker-key-of-enough-length' };

const change = (over: Partial<Change> = {}): Change => ({
  stage: 'stacks',
  kind: 'stack',
  id: '1003/whoami-production',
  label: 'whoami-production on services (vm 1003)',
  action: 'update',
  before: { compose: 'a' },
  after: { compose: 'b' },
  reason: 'compose differs',
  ...over,
});

const facts = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  root: '/srv/root',
  owner: 'homelab',
  stages: ['dns', 'stacks'],
  options: {
    prune: false,
    pruneAll: false,
    adopt: false,
    force: false,
    pull: false,
    includePortainer: false,
    filters: { vm: [1003] },
  },
  secrets: new Map([['env:API_KEY', SECRET]]),
  inputs: new Map([
    ['etc/phoenix_hypervisor_config.json', '{}'],
    ['stacks/whoami/docker-compose.yml', 'services: {}'],
  ]),
  changes: [change(), change({ stage: 'dns', kind: 'dns-file', id: '/etc/hosts.d/phoenix', action: 'noop' })],
  created: new Date('2026-12-03T12:00:00Z'),
  ...over,
});

describe('the saved plan format', () => {
  it('schemas/phoenix-plan.schema.json is up to date with src/plan/saved.ts (run `npm run schemas`)', () => {
    const committed = readFileSync(
      new URL('../../schemas/phoenix-plan.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(savedPlanSchemaText());
  });

  it('the published schema accepts a plan as written, and refuses another version', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(savedPlanSchemaText()) as object);
    const plan = JSON.parse(JSON.stringify(buildSavedPlan(facts(), keyed))) as Record<string, unknown>;
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...plan, format: 'phoenix-plan/2' })).toBe(false);
    // What the plan records of a change: the same words as the plan shows, fingerprints for values.
    const [recorded] = buildSavedPlan(
      facts({ changes: [change({ impact: 'replace', blocked: 'held' })] }),
      keyed,
    ).changes;
    expect(recorded).toEqual({
      stage: 'stacks',
      kind: 'stack',
      id: '1003/whoami-production',
      action: 'update',
      label: 'whoami-production on services (vm 1003)',
      impact: 'replace',
      reason: 'compose differs',
      blocked: 'held',
      observed: expect.stringMatching(/^hmac-sha256:/),
      desired: expect.stringMatching(/^hmac-sha256:/),
    });
  });

  it('keys every hash with the marker key; without one, a secret takes no part in any hash', () => {
    expect(hashText('x', keyed)).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(hashText('x', keyed)).not.toBe(hashText('x', { ...keyed, key: 'another-marker-key-0000' }));
    expect(hashText('x', publicHasher)).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Unkeyed, a text hashes the same whatever its secret is: nothing to test guesses against.
    const other = new Redactor();
    other.add('a-different-secret-9');
    expect(hashText(`password=${SECRET}`, publicHasher)).toBe(
      hashText('password=a-different-secret-9', { ...publicHasher, redact: (t) => other.redact(t) }),
    );
    // A value naming a secret variable is not fingerprinted without a key (it may hold an old value).
    expect(fingerprint({ env: { API_KEY: 'old-value' } }, publicHasher)).toBeUndefined();
    expect(fingerprint({ env: { API_KEY: 'old-value' } }, keyed)).toMatch(/^hmac-sha256:/);
    // Key order does not matter; values do.
    expect(fingerprint({ a: 1, b: 2 }, publicHasher)).toBe(fingerprint({ b: 2, a: 1 }, publicHasher));
    expect(fingerprint({ a: 1 }, publicHasher)).not.toBe(fingerprint({ a: 2 }, publicHasher));
  });

  it('compares: nothing moved, then every moved file and object by name', () => {
    const saved = buildSavedPlan(facts(), keyed);
    expect(compareSaved(saved, buildSavedPlan(facts({ created: new Date() }), keyed))).toEqual([]);
    const moved = buildSavedPlan(
      facts({
        inputs: new Map([
          ['etc/phoenix_hypervisor_config.json', '{ }'],
          ['stacks/n8n/docker-compose.yml', 'services: {}'],
        ]),
        changes: [
          change({ before: { compose: 'edited' } }),
          change({ stage: 'traefik', kind: 'traefik-file', id: '/t.yml', label: 'routes', action: 'create' }),
        ],
      }),
      keyed,
    );
    expect(compareSaved(saved, moved)).toEqual([
      'input file etc/phoenix_hypervisor_config.json: changed',
      'input file stacks/whoami/docker-compose.yml: no longer read',
      'input file stacks/n8n/docker-compose.yml: new',
      'stacks stack 1003/whoami-production (whoami-production on services (vm 1003)): the live object changed since the plan',
      'dns dns-file /etc/hosts.d/phoenix (whoami-production on services (vm 1003)): no longer planned (was noop)',
      'traefik traefik-file /t.yml (routes): new since the plan (create)',
    ]);
    // Keyed, a secret that changed is seen, named by its reference; unkeyed, no secret is recorded.
    expect(
      compareSaved(
        saved,
        buildSavedPlan(facts({ secrets: new Map([['env:API_KEY', 'rotated-value']]) }), keyed),
      ),
    ).toEqual(['secret env:API_KEY: its value changed']);
    expect(buildSavedPlan(facts(), publicHasher).secrets).toBeUndefined();
    expect(JSON.stringify(buildSavedPlan(facts(), keyed))).not.toContain(SECRET);
    const wants = buildSavedPlan(facts({ changes: [change({ after: { compose: 'c' } })] }), keyed);
    expect(compareSaved(saved, wants)[0]).toMatch(/what the config wants changed/);
    const reason = buildSavedPlan(facts({ changes: [change({ blocked: 'held' })] }), keyed);
    expect(compareSaved(saved, reason)[0]).toMatch(/the change differs \(blocked\)/);
  });

  it('a plan of another root, owner or key is refused as a whole', () => {
    const saved = buildSavedPlan(facts(), keyed);
    expect(compareSaved(saved, buildSavedPlan(facts({ root: '/elsewhere' }), keyed))).toEqual([
      'the plan was made for the root /srv/root, not /elsewhere',
    ]);
    expect(compareSaved(saved, buildSavedPlan(facts({ owner: 'lab2' }), keyed))).toEqual([
      "the plan was made for owner id homelab, this root's owner id is lab2",
    ]);
    expect(
      compareSaved(saved, buildSavedPlan(facts(), { ...keyed, key: 'another-marker-key-1234' })),
    ).toEqual(['the plan was made with another sync.marker_key than this run resolves']);
    expect(compareSaved(saved, buildSavedPlan(facts(), publicHasher))).toEqual([
      'the plan was made with sync.marker_key set; it is not set now',
    ]);
  });
});
