/** The published JSON Schemas as text, generated from the same TypeBox source as the types. */
import { PUBLISHED_SCHEMAS } from './schema.js';
import { schemaId } from './schema-files.js';

export { SCHEMA_BASE, SCHEMA_TARGETS, schemaId } from './schema-files.js';

/**
 * A key with a default is required in the TypeBox type (the validator fills it in), but an
 * editor must not ask for it: drop such keys from `required` in the published copy.
 */
function relaxDefaults(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxDefaults);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = relaxDefaults(v);
  const props = out['properties'] as Record<string, { default?: unknown }> | undefined;
  if (props && Array.isArray(out['required'])) {
    const required = (out['required'] as string[]).filter((k) => props[k]?.default === undefined);
    if (required.length) out['required'] = required;
    else delete out['required'];
  }
  return out;
}

/** File name → JSON text of each published schema. */
export function publishedSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { title, schema }] of Object.entries(PUBLISHED_SCHEMAS)) {
    const body = relaxDefaults(JSON.parse(JSON.stringify(schema))) as object;
    const doc = { $schema: 'http://json-schema.org/draft-07/schema#', $id: schemaId(name), title, ...body };
    out[name] = JSON.stringify(doc, null, 2) + '\n';
  }
  return out;
}

interface SchemaNode {
  type?: string;
  anyOf?: { const?: unknown; type?: string }[];
  default?: unknown;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
}

/** docs/settings.md: every key of the `sync` section, generated from its schema. */
export function settingsReference(): string {
  const sync = (PUBLISHED_SCHEMAS['phoenix_hypervisor_config.schema.json']!.schema as SchemaNode).properties![
    'sync'
  ]!;
  const rows: string[] = [];
  const typeOf = (v: SchemaNode): string =>
    v.anyOf
      ? v.anyOf.map((x) => (x.const !== undefined ? JSON.stringify(x.const) : x.type)).join(' \\| ')
      : v.type === 'array' && v.items?.type
        ? `${v.items.type}[]`
        : (v.type ?? '');
  const walk = (node: SchemaNode, path: string) => {
    for (const [k, v] of Object.entries(node.properties ?? {})) {
      const p = `${path}.${k}`;
      const dflt =
        v.default === undefined ||
        (typeof v.default === 'object' &&
          v.default !== null &&
          Object.keys(v.default).length === 0 &&
          !Array.isArray(v.default))
          ? ''
          : `\`${JSON.stringify(v.default)}\``;
      rows.push(`| \`${p}\` | ${typeOf(v)} | ${dflt} | ${(v.description ?? '').replace(/\|/g, '\\|')} |`);
      if (v.properties) walk(v, p);
      if (v.items?.properties) walk(v.items, `${p}[]`);
    }
  };
  walk(sync, 'sync');
  return [
    '# The `sync` settings',
    '',
    '<!-- Generated from src/config/settings.ts by `npm run schemas`; test/schemas.test.ts keeps it in step. -->',
    '',
    "Phoenix's own settings live in the `sync` section of `etc/phoenix_hypervisor_config.json`.",
    'Relative paths resolve against the root. Commands are argument arrays (never a shell);',
    '`{file}` stands for the file being validated or applied.',
    '',
    '| key | type | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
