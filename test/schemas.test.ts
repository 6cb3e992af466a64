import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { publishedSchemas, settingsReference } from '../src/config/publish.js';

const Ajv = AjvModule.default;

describe('published JSON Schemas', () => {
  const generated = publishedSchemas();

  it.each(Object.keys(generated))(
    'schemas/%s is up to date with src/config (run `npm run schemas`)',
    (name) => {
      const committed = readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8');
      expect(committed).toBe(generated[name]);
    },
  );

  it.each([
    ['phoenix_hypervisor_config.schema.json', 'etc/phoenix_hypervisor_config.json'],
    ['phoenix_vm_configs.schema.json', 'etc/phoenix_vm_configs.json'],
    ['phoenix_lxc_configs.schema.json', 'etc/phoenix_lxc_configs.json'],
    ['phoenix.schema.json', 'stacks/monitoring/phoenix.json'],
  ])('%s accepts the example %s (what an editor would check)', (schema, file) => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(generated[schema]!) as object);
    const value: unknown = JSON.parse(
      readFileSync(new URL(`../examples/homelab/${file}`, import.meta.url), 'utf8'),
    );
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it('docs/settings.md is up to date with src/config/settings.ts (run `npm run schemas`)', () => {
    expect(readFileSync(new URL('../docs/settings.md', import.meta.url), 'utf8')).toBe(settingsReference());
  });

  it('rejects an unknown key in a strict section', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(JSON.parse(generated['phoenix.schema.json']!) as object);
    expect(validate({ environments: { production: { varibles: [] } } })).toBe(false);
  });
});
