/** The published JSON Schemas as text, generated from the same TypeBox source as the types. */
import { PUBLISHED_SCHEMAS } from './schema.js';

const BASE = 'https://phoenix.invalid/schemas/';

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
    const doc = { $schema: 'http://json-schema.org/draft-07/schema#', $id: BASE + name, title, ...body };
    out[name] = JSON.stringify(doc, null, 2) + '\n';
  }
  return out;
}
