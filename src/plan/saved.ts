/**
 * Saved plans (pure): the file `phoenix plan --out` writes and `phoenix sync --plan` applies.
 * It holds no value, only what a later run needs to prove that it would do exactly the same:
 * the root and owner id it is bound to, the stages and options it was made with, a hash of
 * every input file the load read, and each change with a fingerprint of the live object it
 * observed and of the value it wants. Applying plans again and compares (see `compareSaved`).
 *
 * Hashes never let anyone test guesses of a secret. With `sync.marker_key` every hash is an
 * HMAC keyed with it (`keyed`); without a key (`public`), a text has every known secret value
 * cut out before it is hashed, and a value that names a secret variable has no fingerprint at
 * all (a live object may still hold a secret's earlier value, which nothing could cut out).
 * Only a keyed plan records its secrets (an HMAC of each value), so only a keyed plan sees a
 * secret that changed in between.
 */
import { createHash, createHmac } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { schemaId } from '../config/schema-files.js';
import type { Change, Stage } from './change.js';
import { STAGES } from './change.js';
import { IMPACTS } from './impact.js';

/** The format tag of this version of the file; another tag is refused. */
export const SAVED_PLAN_FORMAT = 'phoenix-plan/1';
/** The published schema's file name (schemas/). */
export const SAVED_PLAN_SCHEMA_FILE = 'phoenix-plan.schema.json';

const Hash = Type.String({
  pattern: '^(sha256|hmac-sha256):[0-9a-f]{64}$',
  description:
    'sha256:<hex> over a text with its secrets cut out, or hmac-sha256:<hex> keyed with sync.marker_key',
});
const Names = Type.Array(Type.String({ minLength: 1 }));

/** The JSON Schema of a saved plan (schemas/phoenix-plan.schema.json is generated from it). */
export const SavedPlanSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    format: Type.Literal(SAVED_PLAN_FORMAT, { description: 'The version of this file format.' }),
    created: Type.String({ description: 'When the plan was made (ISO 8601, UTC).' }),
    root: Type.String({ description: 'The real path of the root the plan was made from.' }),
    owner: Type.String({
      description: 'The owner id of that root: a plan applies only where it is the same.',
    }),
    stages: Type.Array(Type.Union(STAGES.map((s) => Type.Literal(s))), {
      description: 'The stages planned, in order; applying runs exactly these.',
    }),
    options: Type.Object(
      {
        prune: Type.Boolean(),
        pruneAll: Type.Boolean(),
        adopt: Type.Boolean(),
        force: Type.Boolean(),
        pull: Type.Boolean(),
        includePortainer: Type.Boolean(),
        filters: Type.Object(
          {
            vm: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }))),
            stack: Type.Optional(Names),
            env: Type.Optional(Names),
          },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false, description: 'The planning flags and filters; applying takes these.' },
    ),
    hashes: Type.Union([Type.Literal('keyed'), Type.Literal('public')], {
      description: 'keyed: every hash is an HMAC with sync.marker_key; public: secrets are left out of them.',
    }),
    key: Type.Optional(
      Type.String({
        pattern: '^hmac-sha256:[0-9a-f]{64}$',
        description:
          'keyed only: tells which marker key made the hashes (an HMAC of a fixed text), never the key',
      }),
    ),
    secrets: Type.Optional(
      Type.Array(
        Type.Object(
          {
            ref: Type.String({
              description: 'The reference as the config writes it (env:, file:, age:, sops:).',
            }),
            hash: Hash,
          },
          { additionalProperties: false },
        ),
        { description: 'keyed only: each secret reference of the config and an HMAC of its value.' },
      ),
    ),
    inputs: Type.Array(
      Type.Object(
        {
          file: Type.String({ description: 'Relative to the root.' }),
          hash: Hash,
        },
        { additionalProperties: false },
      ),
      {
        description: 'Every file of the root the load read (config, manifests, compose files, file sources).',
      },
    ),
    changes: Type.Array(
      Type.Object(
        {
          stage: Type.Union(STAGES.map((s) => Type.Literal(s))),
          kind: Type.String(),
          id: Type.String(),
          action: Type.Union([
            Type.Literal('create'),
            Type.Literal('update'),
            Type.Literal('delete'),
            Type.Literal('noop'),
          ]),
          label: Type.String(),
          impact: Type.Optional(Type.Union(IMPACTS.map((i) => Type.Literal(i)))),
          reason: Type.Optional(Type.String()),
          blocked: Type.Optional(Type.String()),
          optIn: Type.Optional(Type.Boolean()),
          observed: Type.Optional(Hash),
          desired: Type.Optional(Hash),
        },
        { additionalProperties: false },
      ),
      {
        description:
          'Every change, noops and held-back ones included; observed and desired fingerprint the live object and the wanted value (absent when there is none, or when it names a secret and there is no key).',
      },
    ),
  },
  { additionalProperties: false },
);

/** schemas/phoenix-plan.schema.json as text (`npm run schemas` writes it; a test keeps it in step). */
export function savedPlanSchemaText(): string {
  const doc = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: schemaId(SAVED_PLAN_SCHEMA_FILE),
    title: 'Phoenix saved plan (phoenix plan --out)',
    ...(JSON.parse(JSON.stringify(SavedPlanSchema)) as object),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** A saved plan, as written and read. */
export type SavedPlan = Static<typeof SavedPlanSchema>;
/** One change of a saved plan. */
export type SavedChange = SavedPlan['changes'][number];
/** The planning options a saved plan fixes. */
export type SavedOptions = SavedPlan['options'];

/** How values are hashed: keyed with the marker key, or with the run's secrets cut out. */
export interface Hasher {
  /** The resolved `sync.marker_key`, when set. */
  key: string | undefined;
  /** Cuts every known secret value (and its encoded forms) out of a text. */
  redact: (text: string) => string;
  /** Names of the secret variables of the config: a value naming one is never hashed unkeyed. */
  secretNames: ReadonlySet<string>;
}

/** JSON with object keys sorted and undefined left out, so equal values hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Hash a text: keyed, or with its secrets cut out (see the module comment). */
export function hashText(text: string, h: Hasher): string {
  // The marker key also keys stack markers: a prefix keeps the two uses apart.
  if (h.key !== undefined)
    return `hmac-sha256:${createHmac('sha256', h.key).update(`${SAVED_PLAN_FORMAT}\0${text}`).digest('hex')}`;
  return `sha256:${createHash('sha256').update(h.redact(text)).digest('hex')}`;
}

/** Fingerprint of a value, or undefined when there is none or it must not be hashed unkeyed. */
export function fingerprint(value: unknown, h: Hasher): string | undefined {
  if (value === undefined) return undefined;
  const text = canonicalJson(value);
  if (h.key === undefined && [...h.secretNames].some((n) => text.includes(JSON.stringify(n))))
    return undefined;
  return hashText(text, h);
}

/** A change as a saved plan records it. */
export function savedChange(c: Change, h: Hasher): SavedChange {
  const observed = fingerprint(c.before, h);
  const desired = fingerprint(c.after, h);
  return {
    stage: c.stage,
    kind: c.kind,
    id: c.id,
    action: c.action,
    label: h.redact(c.label),
    ...(c.impact ? { impact: c.impact } : {}),
    ...(c.reason ? { reason: h.redact(c.reason) } : {}),
    ...(c.blocked ? { blocked: h.redact(c.blocked) } : {}),
    ...(c.optIn ? { optIn: true } : {}),
    ...(observed ? { observed } : {}),
    ...(desired ? { desired } : {}),
  };
}

/** What a saved plan is made of (the engine gathers it). */
export interface PlanFacts {
  root: string;
  owner: string;
  stages: readonly Stage[];
  options: SavedOptions;
  /** Root-relative path → content of every input file read. */
  inputs: ReadonlyMap<string, string>;
  /** Secret reference → its resolved value (hashed only when keyed). */
  secrets: ReadonlyMap<string, string>;
  changes: readonly Change[];
  created: Date;
}

/** What the `key` field is an HMAC of: it tells keys apart and reveals nothing of them. */
const KEY_CHECK = 'which marker key made this plan';

/** Build the saved plan of a run. */
export function buildSavedPlan(f: PlanFacts, h: Hasher): SavedPlan {
  return {
    $schema: schemaId(SAVED_PLAN_SCHEMA_FILE),
    format: SAVED_PLAN_FORMAT,
    created: f.created.toISOString(),
    root: f.root,
    owner: f.owner,
    stages: [...f.stages],
    options: f.options,
    hashes: h.key === undefined ? 'public' : 'keyed',
    ...(h.key === undefined
      ? {}
      : {
          key: hashText(KEY_CHECK, h),
          secrets: [...f.secrets]
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([ref, value]) => ({ ref, hash: hashText(`${ref}\0${value}`, h) })),
        }),
    inputs: [...f.inputs]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([file, text]) => ({ file, hash: hashText(text, h) })),
    changes: f.changes.map((c) => savedChange(c, h)),
  };
}

/**
 * Everything that differs between a saved plan and the same plan made now, one line per
 * file or object, empty when they are the same (then applying the fresh changes applies
 * exactly the saved ones).
 */
export function compareSaved(saved: SavedPlan, now: SavedPlan): string[] {
  if (saved.root !== now.root) return [`the plan was made for the root ${saved.root}, not ${now.root}`];
  if (saved.owner !== now.owner)
    return [`the plan was made for owner id ${saved.owner}, this root's owner id is ${now.owner}`];
  if (saved.hashes !== now.hashes)
    return [
      saved.hashes === 'keyed'
        ? 'the plan was made with sync.marker_key set; it is not set now'
        : 'the plan was made without sync.marker_key; it is set now',
    ];
  if (saved.key !== now.key) return ['the plan was made with another sync.marker_key than this run resolves'];
  const moved: string[] = [];
  const refs = (p: SavedPlan) => new Map((p.secrets ?? []).map((x) => [x.ref, x.hash]));
  const [was, is] = [refs(saved), refs(now)];
  for (const [ref, hash] of was) {
    const h = is.get(ref);
    if (h === undefined) moved.push(`secret ${ref}: no longer used`);
    else if (h !== hash) moved.push(`secret ${ref}: its value changed`);
  }
  for (const ref of is.keys()) if (!was.has(ref)) moved.push(`secret ${ref}: new`);
  const files = (p: SavedPlan) => new Map(p.inputs.map((i) => [i.file, i.hash]));
  const [before, after] = [files(saved), files(now)];
  for (const [file, hash] of before) {
    const h = after.get(file);
    if (h === undefined) moved.push(`input file ${file}: no longer read`);
    else if (h !== hash) moved.push(`input file ${file}: changed`);
  }
  for (const file of after.keys()) if (!before.has(file)) moved.push(`input file ${file}: new`);

  const key = (c: SavedChange) => `${c.stage}\0${c.kind}\0${c.id}`;
  const name = (c: SavedChange) => `${c.stage} ${c.kind} ${c.id} (${c.label})`;
  const fresh = new Map(now.changes.map((c) => [key(c), c]));
  const planned = new Map(saved.changes.map((c) => [key(c), c]));
  for (const [k, s] of planned) {
    const n = fresh.get(k);
    if (!n) {
      moved.push(`${name(s)}: no longer planned (was ${s.action})`);
      continue;
    }
    if (n.observed !== s.observed) moved.push(`${name(s)}: the live object changed since the plan`);
    else if (n.desired !== s.desired) moved.push(`${name(s)}: what the config wants changed`);
    else if (n.action !== s.action) moved.push(`${name(s)}: was ${s.action}, now ${n.action}`);
    else if (canonicalJson(n) !== canonicalJson(s))
      moved.push(`${name(s)}: the change differs (${differing(s, n)})`);
  }
  for (const [k, n] of fresh) if (!planned.has(k)) moved.push(`${name(n)}: new since the plan (${n.action})`);
  return moved;
}

/** The fields two saved changes differ in. */
function differing(a: SavedChange, b: SavedChange): string {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SavedChange>;
  return [...keys].filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k])).join(', ');
}
