/**
 * Vendors the part of Portainer's OpenAPI description that Phoenix uses into
 * `contracts/portainer-openapi.subset.json`: the operations below and every component
 * schema they reference, transitively, copied unchanged. Run by hand when the contract
 * changes, on Portainer's published description (tests only ever read the vendored subset):
 *
 *   npx tsx scripts/vendor-portainer-contract.ts path/to/portainer-openapi.yaml
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';

/** The operations Phoenix calls, by path (as the contract spells it) and method. */
export const OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  '/auth': ['post'],
  '/system/status': ['get'],
  '/endpoints': ['get', 'post'],
  '/endpoints/{id}': ['get'],
  '/stacks': ['get'],
  '/stacks/{id}': ['get', 'put', 'delete'],
  '/stacks/{id}/file': ['get'],
  '/stacks/create/standalone/string': ['post'],
  '/stacks/create/swarm/string': ['post'],
};

const REF_PREFIX = '#/components/schemas/';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every `#/components/schemas/X` name referenced anywhere inside `value`. */
function refsIn(value: Json, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) refsIn(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') {
        if (!v.startsWith(REF_PREFIX)) throw new Error(`unsupported $ref ${v}`);
        out.add(v.slice(REF_PREFIX.length));
      } else refsIn(v, out);
    }
  }
}

/** Sort object keys recursively so the vendored file diffs cleanly between versions. */
function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted(value[k] as Json)]),
  );
}

/** Build the subset document from the full one. */
export function subset(full: { [k: string]: Json }): { [k: string]: Json } {
  const paths = full.paths as { [p: string]: { [m: string]: Json } };
  const components = full.components as { [k: string]: { [n: string]: Json } };
  const schemas = components.schemas ?? {};
  const outPaths: { [p: string]: { [m: string]: Json } } = {};
  for (const [path, methods] of Object.entries(OPERATIONS)) {
    const item = paths[path];
    if (!item) throw new Error(`path ${path} is not in the contract`);
    outPaths[path] = {};
    for (const m of methods) {
      const op = item[m];
      if (op === undefined) throw new Error(`${m.toUpperCase()} ${path} is not in the contract`);
      outPaths[path][m] = op;
    }
  }
  const names = new Set<string>();
  refsIn(outPaths, names);
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    const schema = schemas[name];
    if (schema === undefined) throw new Error(`schema ${name} is referenced but missing`);
    const inner = new Set<string>();
    refsIn(schema, inner);
    for (const n of inner) {
      if (!names.has(n)) {
        names.add(n);
        queue.push(n);
      }
    }
  }
  const info = full.info as { [k: string]: Json };
  // Provenance first, so a reader of the file sees where it came from; the rest sorted.
  return {
    'x-phoenix-provenance': {
      source:
        'Portainer OpenAPI description (PortainerEE API), as published in the public portainer-mcp repository',
      version: info.version ?? null,
      licence: 'MIT',
      copyright: 'Portainer.io',
      note: 'Subset vendored by scripts/vendor-portainer-contract.ts: the operations Phoenix uses and every component schema they reference, copied unchanged. The Docker proxy (/endpoints/{id}/docker/*) is not documented by the contract; see test/portainer-double/BEHAVIOUR.md.',
    },
    openapi: full.openapi ?? '3.0.0',
    info: { title: info.title ?? null, version: info.version ?? null },
    paths: sorted(outPaths),
    components: sorted({
      securitySchemes: components.securitySchemes ?? {},
      schemas: Object.fromEntries([...names].map((n) => [n, schemas[n] as Json])),
    }),
  };
}

async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  if (!process.argv[2]) throw new Error('usage: vendor-portainer-contract.ts path/to/portainer-openapi.yaml');
  const input = resolve(process.argv[2]);
  const output = resolve(here, '../contracts/portainer-openapi.subset.json');
  // The upstream file is large; lift the alias guard the yaml library applies by default.
  const full = parse(readFileSync(input, 'utf8'), { maxAliasCount: -1 }) as { [k: string]: Json };
  const doc = subset(full);
  // Formatted as the repository's Prettier would, so `npm run lint` stays clean after a re-vendor.
  const text = await format(JSON.stringify(doc), { ...(await resolveConfig(output)), parser: 'json' });
  writeFileSync(output, text);
  const n = Object.keys((doc.components as { schemas: object }).schemas).length;
  console.log(`wrote ${output}: ${Object.keys(doc.paths as object).length} paths, ${n} schemas`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
