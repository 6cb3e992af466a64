/**
 * Schema validation with located, readable errors. Ajv collects every error; they are
 * translated into one diagnostic each (anyOf noise folded), with "did you mean" hints for
 * unknown keys. Defaults from the schema are filled into a copy of the value.
 */
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { didYouMean, type Diagnostics } from './diagnostics.js';
import type { Located } from './json.js';

// ajv's CommonJS default export needs this dance under NodeNext.
const Ajv = AjvModule.default;
const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: false });
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Validate `doc` against `schema`; returns the value with defaults, or undefined on errors. */
export function validateAgainst<T>(schema: TSchema, doc: Located, diags: Diagnostics): T | undefined {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const value = structuredClone(doc.value);
  if (validate(value)) return value as T;
  for (const e of fold(validate.errors ?? [])) report(e, doc, diags);
  return undefined;
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
    const match = branches.findIndex((b) => b.type === dataType || (b.type === 'integer' && dataType === 'number'));
    const inside = errors.filter((e) => e !== a && e.schemaPath.startsWith(`${a.schemaPath}/`));
    const own = inside.filter((e) => e.schemaPath.startsWith(`${a.schemaPath}/${match}/`));
    const typeMismatch = own.some((e) => e.keyword === 'type' && e.instancePath === a.instancePath);
    if (match >= 0 && own.length > 0 && !typeMismatch) {
      drop.add(a);
      for (const e of inside) if (!own.includes(e)) drop.add(e);
    } else {
      for (const e of inside) drop.add(e);
    }
  }
  return errors.filter((e) => !drop.has(e));
}

function pathOf(instancePath: string): (string | number)[] {
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
      diags.error('missing-key', doc.at(path), `${where} is missing "${String(e.params['missingProperty'])}"`, 'add it');
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
      diags.error('invalid-value', doc.at(path), `${where} ${e.message ?? 'is invalid'}`, describe(e.parentSchema));
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
