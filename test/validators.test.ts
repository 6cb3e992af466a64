/**
 * The precompiled validators (src/config/generated/): the committed files are what the
 * generator makes from today's schemas, the generated code stands alone, and it behaves as
 * the loader needs (defaults filled in, errors naming schema nodes the loader can find).
 */
import { readFileSync } from 'node:fs';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../src/config/diagnostics.js';
import * as generated from '../src/config/generated/validators.js';
import { parseJson } from '../src/config/json.js';
import { VALIDATED_SCHEMAS } from '../src/config/schema-validated.js';
import { schemaAt, validateAgainst } from '../src/config/validate-schema.js';
import { generatedValidators, VALIDATORS_FILE } from '../scripts/validators.js';

describe('precompiled validators', () => {
  const files = generatedValidators();

  it.each(Object.keys(files))('%s is up to date with src/config (run `npm run schemas`)', (file) => {
    const committed = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(committed).toBe(files[file]);
  });

  it('export one validator per validated schema and import nothing (no Ajv at run time)', () => {
    expect(Object.keys(generated).sort()).toEqual(Object.keys(VALIDATED_SCHEMAS).sort());
    const code = files[VALIDATORS_FILE]!;
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('fill in defaults, as the loader relies on', () => {
    const value: Record<string, unknown> = { domain_name: 'lab.internal', sync: {} };
    expect(generated.GlobalConfigSchema(value)).toBe(true);
    const sync = value['sync'] as Record<string, unknown>;
    expect(sync['concurrency']).toBe(4);
    expect((sync['dns'] as Record<string, unknown>)['layout']).toBe('addn-hosts');
  });

  it("name each error's schema node by a path the loader resolves in the schema objects", () => {
    expect(generated.GlobalConfigSchema({ domain_name: 'x', sync: { backend: 'kubernetes' } })).toBe(false);
    const anyOf = generated.GlobalConfigSchema.errors!.find((e) => e.keyword === 'anyOf')!;
    expect(anyOf.instancePath).toBe('/sync/backend');
    const node = schemaAt(VALIDATED_SCHEMAS.GlobalConfigSchema, anyOf.schemaPath) as {
      anyOf: { const: string }[];
    };
    expect(node.anyOf.map((b) => b.const)).toEqual(['portainer', 'docker']);
    // A pattern key is escaped in the path (%5E...%24): the record of stacks' environments.
    expect(generated.ManifestSchema({ environments: { production: { variables: 7 } } })).toBe(false);
    const type = generated.ManifestSchema.errors!.find(
      (e) => e.instancePath === '/environments/production/variables',
    )!;
    expect(type.schemaPath).toContain('%5E');
    expect(schemaAt(VALIDATED_SCHEMAS.ManifestSchema, type.schemaPath)).toHaveProperty('type', 'array');
  });

  it('a schema without generated code is refused, never compiled at run time', () => {
    const parsed = parseJson('f.json', '{}');
    expect(() => validateAgainst(Type.Object({}), parsed.doc!, new Diagnostics())).toThrow(
      /no precompiled validator/,
    );
  });
});
