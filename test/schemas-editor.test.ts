/**
 * The published schemas as an editor uses them. An Ajv whose only source of schemas is a
 * "fetch" serving schemas/ by `$id` (what the project's site serves) validates every file of
 * the example by its `$schema` alone; `phoenix schema --write` puts copies next to a root,
 * and the same files then validate by a relative `$schema`, read from disk.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import AjvModule, { type AnySchemaObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_BASE, SCHEMA_TARGETS } from '../src/config/publish.js';
import { runCli } from './helpers/cli.js';
import { copyExample, EXAMPLE, REPO, removeDir, snapshotTree, tempDir } from './helpers/root.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/** The committed schema files, keyed by their `$id`: what a request for that URL returns. */
const SERVED = new Map<string, AnySchemaObject>(
  readdirSync(join(REPO, 'schemas')).map((f) => {
    const s = JSON.parse(readFileSync(join(REPO, 'schemas', f), 'utf8')) as AnySchemaObject;
    return [s.$id as string, s];
  }),
);

/** Every JSON file of a root that has a schema: etc/*.json and stacks/<stack>/phoenix.json. */
function rootFiles(root: string): string[] {
  const etc = readdirSync(join(root, 'etc'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(root, 'etc', f));
  const stacks = readdirSync(join(root, 'stacks'))
    .map((s) => join(root, 'stacks', s, 'phoenix.json'))
    .filter((p) => existsSync(p));
  return [...etc, ...stacks];
}

/**
 * Validate a file the way an editor does: read its `$schema`, resolve it against the file's own
 * location, fetch it (`fetch` answers for a URL or throws, like a 404), validate.
 */
async function editorValidate(
  path: string,
  fetch: (url: string) => AnySchemaObject,
): Promise<{ valid: boolean; fetched: string[]; errors: unknown }> {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { $schema?: unknown };
  if (typeof doc.$schema !== 'string') throw new Error(`${path} has no $schema`);
  const url = new URL(doc.$schema, pathToFileURL(path)).href;
  const fetched: string[] = [];
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    loadSchema: (uri) => {
      fetched.push(uri);
      return Promise.resolve(fetch(uri));
    },
  });
  addFormats(ajv);
  const validate = await ajv.compileAsync({ $ref: url });
  return { valid: validate(doc), fetched, errors: validate.errors };
}

const fromSite = (url: string): AnySchemaObject => {
  const s = SERVED.get(url);
  if (!s) throw new Error(`404 ${url}`);
  return s;
};

describe('schemas by URL, as an editor fetches them', () => {
  it('every $id is the versioned project URL plus the file name', () => {
    expect(SCHEMA_BASE).toMatch(/^https:\/\/phoenix\.dev\/schemas\/v\d+\/$/);
    expect([...SERVED.keys()].sort()).toEqual(
      readdirSync(join(REPO, 'schemas'))
        .map((f) => SCHEMA_BASE + f)
        .sort(),
    );
    // Every kind of root file has its schema there (the plan file's schema is there too).
    for (const f of Object.keys(SCHEMA_TARGETS)) expect(SERVED.has(SCHEMA_BASE + f), f).toBe(true);
  });

  it.each(rootFiles(EXAMPLE).map((p) => [p.slice(EXAMPLE.length + 1), p]))(
    'examples/homelab/%s validates by its $schema alone',
    async (_name, path) => {
      const r = await editorValidate(path, fromSite);
      expect(r.valid, JSON.stringify(r.errors)).toBe(true);
      const expected = SCHEMA_TARGETS[r.fetched[0]!.slice(SCHEMA_BASE.length)];
      expect(r.fetched).toHaveLength(1);
      // Each file names the schema of its own kind.
      expect(
        path.endsWith('phoenix.json') ? 'stacks/<stack>/phoenix.json' : `etc/${path.split('/').pop()}`,
      ).toBe(expected);
    },
  );

  it('covers every file type the example has; a stacks-config file validates the same way', async () => {
    expect(rootFiles(EXAMPLE).length).toBeGreaterThanOrEqual(4);
    const dir = tempDir('phoenix-schema-');
    try {
      const manifest = JSON.parse(
        readFileSync(join(EXAMPLE, 'stacks', 'qdrant', 'phoenix.json'), 'utf8'),
      ) as object;
      const file = join(dir, 'phoenix_stacks_config.json');
      writeFileSync(
        file,
        JSON.stringify({
          $schema: `${SCHEMA_BASE}phoenix_stacks_config.schema.json`,
          docker_stacks: {
            qdrant: { ...manifest, $schema: undefined, compose_file_path: 'qdrant/docker-compose.yml' },
          },
        }),
      );
      const r = await editorValidate(file, fromSite);
      expect(r.valid, JSON.stringify(r.errors)).toBe(true);
    } finally {
      removeDir(dir);
    }
  });

  it('a typo in a strict section is flagged, and an unknown URL is not found', async () => {
    const dir = tempDir('phoenix-schema-');
    try {
      const file = join(dir, 'phoenix.json');
      writeFileSync(
        file,
        JSON.stringify({
          $schema: `${SCHEMA_BASE}phoenix.schema.json`,
          environments: { production: { varibles: [] } },
        }),
      );
      const r = await editorValidate(file, fromSite);
      expect(r.valid).toBe(false);
      expect(JSON.stringify(r.errors)).toContain('varibles');
      writeFileSync(file, JSON.stringify({ $schema: `${SCHEMA_BASE}nope.schema.json` }));
      await expect(editorValidate(file, fromSite)).rejects.toThrow(/404/);
    } finally {
      removeDir(dir);
    }
  });
});

describe('phoenix schema', () => {
  let parent: string;
  beforeAll(() => {
    parent = tempDir('phoenix-schema-');
  });
  afterAll(() => removeDir(parent));

  it('--write copies them next to a root; the files then validate by a relative $schema, offline', async () => {
    const root = copyExample(parent);
    const dir = join(root, 'schemas');
    const r = await runCli(['schema', '--write', dir, '--root', root]);
    expect(r.code, r.err).toBe(0);
    for (const f of Object.keys(SCHEMA_TARGETS))
      expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(REPO, 'schemas', f), 'utf8'));
    // The command says what to write in each file; write exactly that.
    const said = new Map(
      [...r.out.matchAll(/^ {2}(\S+): "\$schema": "([^"]+)"$/gm)].map((m) => [m[1]!, m[2]!] as const),
    );
    expect(said.get('etc/phoenix_vm_configs.json')).toBe('../schemas/phoenix_vm_configs.schema.json');
    expect(said.get('stacks/<stack>/phoenix.json')).toBe('../../schemas/phoenix.schema.json');
    const fromDisk = (url: string) => JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as AnySchemaObject;
    for (const path of rootFiles(root)) {
      const rel = path.slice(root.length + 1).replace(/^stacks\/[^/]+\//, 'stacks/<stack>/');
      const text = readFileSync(path, 'utf8').replace(/"\$schema": "[^"]*"/, `"$schema": "${said.get(rel)}"`);
      writeFileSync(path, text);
      const v = await editorValidate(path, fromDisk);
      expect(v.valid, `${rel}: ${JSON.stringify(v.errors)}`).toBe(true);
      // Fetched from the copies, not from the site.
      expect(v.fetched.map((u) => dirname(fileURLToPath(u)))).toEqual([dir]);
    }
    // Writing again over its own copies is fine.
    expect((await runCli(['schema', '--write', dir])).code).toBe(0);
  });

  it('--write never overwrites a file that is not one of its copies, and then writes nothing', async () => {
    const dir = join(parent, 'mixed');
    const r0 = await runCli(['schema', '--write', dir]);
    expect(r0.code).toBe(0);
    writeFileSync(join(dir, 'phoenix.schema.json'), '{"mine": true}\n');
    const before = snapshotTree(dir);
    const r = await runCli(['schema', '--write', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `error: ${join(dir, 'phoenix.schema.json')} exists and is not a Phoenix schema; nothing was written`,
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('prints one by name, lists them, refuses an unknown name', async () => {
    const one = await runCli(['schema', 'phoenix_vm_configs']);
    expect(one.code).toBe(0);
    expect(one.out).toBe(readFileSync(join(REPO, 'schemas', 'phoenix_vm_configs.schema.json'), 'utf8'));
    const list = await runCli(['schema']);
    expect(list.out).toContain(`${SCHEMA_BASE}phoenix.schema.json`);
    expect(list.out).toContain('stacks/<stack>/phoenix.json');
    const bad = await runCli(['schema', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('error: no schema named "nope"');
    expect(bad.err).toContain('hint: schemas: phoenix_hypervisor_config, phoenix_vm_configs');
    expect(bad.out).toBe('');
  });
});
