/**
 * Schema validation with located, readable errors. Ajv collects every error; they are
 * translated into one diagnostic each (anyOf noise folded), with "did you mean" hints for
 * unknown keys. Defaults from the schema are filled into a copy of the value.
 *
 * The validators are Ajv's standalone code, generated at build time from the same TypeBox
 * schemas (scripts/validators.ts): compiling them here cost every command about 0.2 s. The
 * schema objects themselves still drive the typo hints; the errors carry their own copies.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { didYouMean, type Diagnostics } from './diagnostics.js';
import * as generated from './generated/validators.js';
import type { Located } from './json.js';
import { IGNORED } from './schema.js';
import { VALIDATED_SCHEMAS } from './schema-validated.js';

const compiled = new Map<TSchema, ValidateFunction>(
  Object.entries(VALIDATED_SCHEMAS).map(([name, schema]) => [
    schema,
    generated[name as keyof typeof VALIDATED_SCHEMAS],
  ]),
);

/**
 * Validate `doc` against `schema`; returns the value with defaults, or undefined on errors.
 * When the only errors are unknown keys, they are reported and the value without them is
 * returned, so the cross-file rules still run and every problem is reported in one run
 * (the run fails all the same: the errors are in `diags`).
 */
export function validateAgainst<T>(schema: TSchema, doc: Located, diags: Diagnostics): T | undefined {
  const validate = compiled.get(schema);
  // Only the listed schemas have generated code; nothing is compiled at run time.
  if (!validate) throw new Error('no precompiled validator for this schema: add it to VALIDATED_SCHEMAS');
  warnTypos(schema, doc.value, [], doc, diags);
  const value = structuredClone(doc.value);
  if (validate(value)) return value as T;
  const errors = fold((validate.errors ?? []).map((e) => complete(e, schema, value)));
  for (const e of errors) report(e, doc, diags);
  if (!errors.every((e) => e.keyword === 'additionalProperties')) return undefined;
  const trimmed = structuredClone(doc.value);
  for (const e of errors) {
    const parent = pathOf(e.instancePath).reduce<unknown>(
      (v, k) => (v as Record<string | number, unknown> | undefined)?.[k],
      trimmed,
    );
    if (parent && typeof parent === 'object')
      delete (parent as Record<string, unknown>)[String(e.params['additionalProperty'])];
  }
  return validate(trimmed) ? (trimmed as T) : undefined;
}

/**
 * An error with the schema node that holds its keyword and the value it is about, which the
 * messages are made of. The generated code leaves both out (Ajv's `verbose`): it made the
 * validators a third larger, and every command loads them.
 */
function complete(e: ErrorObject, schema: TSchema, value: unknown): ErrorObject {
  return { ...e, parentSchema: schemaAt(schema, e.schemaPath), data: valueAt(value, e.instancePath) };
}

/** The node holding the keyword at `schemaPath` (`#/properties/a/anyOf` → the node of `a`). */
export function schemaAt(schema: TSchema, schemaPath: string): object | undefined {
  const segments = schemaPath
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments
    .slice(0, -1)
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], schema) as
    object | undefined;
}

function valueAt(value: unknown, instancePath: string): unknown {
  return pathOf(instancePath).reduce<unknown>(
    (v, k) => (v as Record<string | number, unknown> | undefined)?.[k],
    value,
  );
}

type SchemaNode = {
  type?: string;
  properties?: Record<string, TSchema>;
  additionalProperties?: boolean | TSchema;
  patternProperties?: Record<string, TSchema>;
  items?: TSchema;
  anyOf?: TSchema[];
};

/**
 * Open objects (a VM, an LXC, the global file) accept keys of provisioning tools, so an
 * unknown key there is no error; but one a letter or two from a key Phoenix reads
 * (`docker_stack`) would silently drop what it configures, so it is a warning.
 */
/** "Did you mean" per schema node and key, computed once: a large estate repeats its keys on every VM. */
const guesses = new WeakMap<SchemaNode, Map<string, string | undefined>>();

function guessKey(s: SchemaNode, key: string): string | undefined {
  let known = guesses.get(s);
  if (!known) guesses.set(s, (known = new Map()));
  if (!known.has(key)) {
    // Only keys Phoenix reads: a near miss of a provisioning key is the provisioning tool's business.
    const keys = Object.entries(s.properties ?? {})
      .filter(([k, v]) => k !== '$schema' && !(v as Record<string, unknown>)[IGNORED])
      .map(([k]) => k);
    known.set(key, didYouMean(key, keys, 2));
  }
  return known.get(key);
}

function warnTypos(
  schema: TSchema,
  value: unknown,
  path: (string | number)[],
  doc: Located,
  diags: Diagnostics,
): void {
  // Only objects can hold a misspelt key: scalars are not visited, and `path` is one array,
  // extended and restored around each step (a large estate has a million values).
  const s = schema as SchemaNode;
  if (s.anyOf) {
    const kind = Array.isArray(value) ? 'array' : typeof value;
    const branch = s.anyOf.find((b) => (b as SchemaNode).type === kind);
    if (branch) warnTypos(branch, value, path, doc, diags);
    return;
  }
  if (Array.isArray(value)) {
    if (!s.items) return;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || typeof v !== 'object') continue;
      path.push(i);
      warnTypos(s.items, v, path, doc, diags);
      path.pop();
    }
    return;
  }
  if (!value || typeof value !== 'object' || s.type !== 'object') return;
  const props = s.properties ?? {};
  const record = s.patternProperties ? Object.values(s.patternProperties)[0] : undefined;
  for (const key in value) {
    const sub = props[key] ?? record;
    if (sub) {
      const v: unknown = (value as Record<string, unknown>)[key];
      if (v === null || typeof v !== 'object') continue;
      path.push(key);
      warnTypos(sub, v, path, doc, diags);
      path.pop();
    } else if (s.additionalProperties !== false && key.length >= 4) {
      const guess = guessKey(s, key);
      if (guess)
        diags.warn(
          'unknown-key',
          doc.keyAt([...path], key),
          `unknown key "${key}" in ${path.length ? path.join('.') : 'the file'} is ignored`,
          `did you mean "${guess}"? (keys Phoenix does not read are left to provisioning tools)`,
        );
    }
  }
}

/**
 * Fold the errors of a failed anyOf. When the value has the type of one branch (an object
 * where the union allows a string or an object), that branch's own errors say more than
 * "wrong form", so they are kept and the anyOf error dropped; otherwise the reverse.
 */
function fold(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  for (const a of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = (a.parentSchema as { anyOf?: { type?: string }[] }).anyOf ?? [];
    const dataType = Array.isArray(a.data) ? 'array' : a.data === null ? 'null' : typeof a.data;
    const match = branches.findIndex(
      (b) => b.type === dataType || (b.type === 'integer' && dataType === 'number'),
    );
    const inside = errors.filter((e) => e !== a && e.schemaPath.startsWith(`${a.schemaPath}/`));
    const own = inside.filter((e) => e.schemaPath.startsWith(`${a.schemaPath}/${match}/`));
    const typeMismatch = own.some((e) => e.keyword === 'type' && e.instancePath === a.instancePath);
    // A union of literals ("in" | "out") says most as one "must be one of" error.
    if (match >= 0 && own.length > 0 && !typeMismatch && !literalOptions(a.parentSchema)) {
      drop.add(a);
      for (const e of inside) if (!own.includes(e)) drop.add(e);
    } else {
      for (const e of inside) drop.add(e);
    }
  }
  return errors.filter((e) => !drop.has(e));
}

/** A JSON pointer (`/vms/0/name`, as Ajv and TypeBox give paths) as path segments, indices as numbers. */
export function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function report(e: ErrorObject, doc: Located, diags: Diagnostics): void {
  const path = pathOf(e.instancePath);
  const where = path.length ? path.join('.') : 'the file';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params['additionalProperty']);
      const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {}).filter(
        (k) => k !== '$schema',
      );
      const guess = didYouMean(key, allowed);
      diags.error(
        'unknown-key',
        doc.keyAt(path, key),
        `unknown key "${key}" in ${where}`,
        guess ? `did you mean "${guess}"?` : `allowed keys: ${allowed.join(', ')}`,
      );
      return;
    }
    case 'required':
      diags.error(
        'missing-key',
        doc.at(path),
        `${where} is missing "${String(e.params['missingProperty'])}"`,
        'add it',
      );
      return;
    case 'anyOf': {
      const options = literalOptions(e.parentSchema);
      diags.error(
        'invalid-value',
        doc.at(path),
        options
          ? `${where} must be one of ${options.map((o) => JSON.stringify(o)).join(', ')} (got ${JSON.stringify(e.data)})`
          : `${where} has the wrong form (got ${JSON.stringify(e.data)})`,
        options ? undefined : describe(e.parentSchema),
      );
      return;
    }
    case 'pattern':
      diags.error(
        'invalid-value',
        doc.at(path),
        `${where} ${JSON.stringify(e.data)} does not match ${String(e.params['pattern'])}`,
        describe(e.parentSchema),
      );
      return;
    case 'propertyNames':
      return; // reported again as a pattern error on the name itself
    default:
      diags.error(
        'invalid-value',
        doc.at(path),
        `${where} ${e.message ?? 'is invalid'}`,
        describe(e.parentSchema),
      );
  }
}

function literalOptions(schema: unknown): unknown[] | undefined {
  const anyOf = (schema as { anyOf?: { const?: unknown }[] }).anyOf;
  if (!anyOf?.every((s) => 'const' in s)) return undefined;
  return anyOf.map((s) => s.const);
}

function describe(schema: unknown): string | undefined {
  const s = schema as { description?: string; anyOf?: { description?: string; type?: string }[] };
  if (s.description) return s.description;
  const parts = s.anyOf?.map((b) => b.description ?? b.type).filter(Boolean);
  return parts?.length ? `expected: ${parts.join(' or ')}` : undefined;
}
