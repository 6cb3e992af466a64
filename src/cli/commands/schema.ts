/**
 * `phoenix schema`: the JSON Schemas of the root's files, for editors. Without arguments it
 * lists them; `phoenix schema <name>` prints one; `--write DIR` copies all of them into DIR
 * (next to a root, so `$schema` can point at them by a relative path, offline).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { SCHEMA_BASE, SCHEMA_TARGETS, schemaId } from '../../config/schema-files.js';
import { UserError } from '../../errors.js';
import type { Io } from '../io.js';
import { finish, openSession, type GlobalFlags } from '../output.js';

/** Flags of `phoenix schema`. */
export interface SchemaFlags extends GlobalFlags {
  write?: string;
}

/** The published schemas' short names (`phoenix_vm_configs`), for `phoenix schema <name>`. */
export function schemaNames(): string[] {
  return Object.keys(SCHEMA_TARGETS).map(short);
}

const short = (file: string) => file.replace(/\.schema\.json$/, '');

export async function run(flags: SchemaFlags, args: string[], io: Io): Promise<number> {
  const s = await openSession(flags, io);
  return finish(s, async () => {
    // Loaded here, not at the top: completion imports this module for the names alone.
    const [{ publishedSchemas }, { resolveRoot }] = await Promise.all([
      import('../../config/publish.js'),
      import('../../config/load.js'),
    ]);
    const schemas = publishedSchemas();
    if (args.length > 1) throw new UserError('phoenix schema takes at most one schema name');
    if (args[0] !== undefined) {
      if (flags.write) throw new UserError('--write copies every schema: give no name with it');
      const file = Object.keys(schemas).find((f) => f === args[0] || short(f) === args[0]);
      if (!file)
        throw new UserError(`no schema named "${args[0]}"`, { hint: `schemas: ${schemaNames().join(', ')}` });
      io.out(schemas[file]!);
      return 0;
    }
    if (flags.write) {
      write(resolve(io.cwd, flags.write), schemas, resolveRoot(flags.root, io.env, io.cwd), io);
      return 0;
    }
    const w = Math.max(...schemaNames().map((n) => n.length));
    const rows = Object.keys(schemas).map(
      (f) => `${short(f).padEnd(w)}  ${SCHEMA_TARGETS[f]}\n${' '.repeat(w)}  ${schemaId(f)}`,
    );
    io.out(`${rows.join('\n')}\n`);
    return 0;
  });
}

/**
 * Copy every schema into `dir`. A file there that is not a copy of one of ours is never
 * overwritten: all are checked before anything is written.
 */
function write(dir: string, schemas: Record<string, string>, root: string, io: Io): void {
  for (const file of Object.keys(schemas)) {
    const path = join(dir, file);
    if (existsSync(path) && !isOurs(path))
      throw new UserError(`${path} exists and is not a Phoenix schema; nothing was written`, {
        hint: `move it away, or write the schemas to another folder`,
      });
  }
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(schemas)) {
    const path = join(dir, file);
    const tmp = join(dir, `.${file}.tmp-${process.pid}`);
    writeFileSync(tmp, text);
    renameSync(tmp, path);
    io.out(`wrote ${path}\n`);
  }
  const from = (target: string) =>
    relative(
      join(root, target, '..'),
      join(
        dir,
        Object.keys(SCHEMA_TARGETS).find((f) => SCHEMA_TARGETS[f] === target)!,
      ),
    );
  const lines = Object.values(SCHEMA_TARGETS).map((t) => `  ${t}: "$schema": "${from(t)}"`);
  io.out(
    `\nPoint $schema at them (offline), relative to each file under ${root}:\n${lines.join('\n')}\nor keep the URLs (${SCHEMA_BASE}…) and map them in the editor (README: Schemas for editors).\n`,
  );
}

/** A previous copy: JSON whose `$id` is one of ours. */
function isOurs(path: string): boolean {
  try {
    const id = (JSON.parse(readFileSync(path, 'utf8')) as { $id?: unknown }).$id;
    return typeof id === 'string' && id.startsWith(SCHEMA_BASE);
  } catch {
    return false;
  }
}
