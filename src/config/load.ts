/**
 * Loading: find the root, read every input file with positions, validate each against its
 * schema, and discover stacks. All problems are collected; nothing stops at the first.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isSecretRef, resolveSecret, type SecretResolution } from './secret-ref.js';
import { Diagnostics } from './diagnostics.js';
import { parseJson, type Located } from './json.js';
import { parseCompose, type ComposeFile } from './compose-file.js';
import { readRootFile, READ_LIMITS, realRoot, rootDir } from './root-files.js';
import {
  GlobalConfigSchema,
  LxcConfigSchema,
  ManifestSchema,
  StacksConfigSchema,
  VmConfigSchema,
  type GlobalConfig,
  type LxcConfig,
  type Manifest,
  type ManifestEnvironment,
  type StacksConfig,
  type VmConfig,
} from './schema.js';
import { formatSource, type Source } from './source.js';
import { LimitSettings, type SyncSettings } from './settings.js';
import { validateAgainst } from './validate-schema.js';

export const DEFAULT_ROOT = '/usr/local/phoenix_hypervisor';
export const COMPOSE_NAMES = [
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yaml',
  'compose.yml',
] as const;

/** The root: --root, else $PHOENIX_ROOT, else the default root when it exists, else cwd. */
export function resolveRoot(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag) return resolve(cwd, flag);
  if (env['PHOENIX_ROOT']) return resolve(cwd, env['PHOENIX_ROOT']);
  if (existsSync(DEFAULT_ROOT)) return DEFAULT_ROOT;
  return cwd;
}

/** A manifest after loading: `environments` is always there (empty for plain compose). */
export type LoadedManifest = Omit<Manifest, 'environments'> & {
  environments: Record<string, ManifestEnvironment>;
};

/** A stack: a compose file, and its manifest from either home (or none). */
export interface LoadedStack {
  name: string;
  /** The folder of the compose file: manifest file sources are relative to it. */
  dir: string;
  compose: ComposeFile;
  manifest: LoadedManifest;
  /** The manifest's document; paths are relative to the manifest object in either home. */
  manifestDoc: Located;
  /** Where the manifest lives: a `phoenix.json`, `etc/phoenix_stacks_config.json`, or none. */
  home: 'folder' | 'stacks-config' | 'none';
  /** Content of every file the manifest references, or why it cannot be used. */
  files: Map<string, { content: string } | { problem: string; hint: string }>;
}

/** Everything read from a root, validated file by file. */
export interface LoadedConfig {
  root: string;
  global: GlobalConfig;
  globalDoc: Located;
  vms: VmConfig;
  vmsDoc: Located;
  lxcs: LxcConfig | undefined;
  lxcDoc: Located | undefined;
  stacks: Map<string, LoadedStack>;
  /** Stack folders that could not be loaded, with why (reported; an error only if assigned). */
  skipped: { name: string; reason: string }[];
  /** Stacks that exist but failed to load (errors already reported). */
  broken: Set<string>;
  /** Every `env:`/`file:` reference found in the config, resolved. */
  secrets: Map<string, SecretResolution>;
}

const STACKS_CONFIG = 'phoenix_stacks_config.json';

/**
 * Read and schema-validate a root. Returns undefined when a required file is unusable.
 * `source`: read the files from there instead (a git revision of the root materialised in a
 * temp dir); secret references and the config's `root` (relative target paths, headers)
 * still resolve against `root`, so a revision syncs as the live root would.
 */
export function loadRoot(
  root: string,
  diags: Diagnostics,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  source = root,
): LoadedConfig | undefined {
  // Diagnostics name files relative to where the operator stands, as compilers do.
  const rel = (p: string) => relative(cwd, p) || p;
  const ctx: LoadContext = { jail: realRoot(source), root: source, rel, diags, limits: defaultLimits() };
  const etc = join(source, 'etc');
  // The global file first: its `sync.limits` bound every other read.
  const globalDoc = readJson(ctx, join(etc, 'phoenix_hypervisor_config.json'), {
    required: true,
    checkValues: false,
  });
  const global = globalDoc && validateAgainst<GlobalConfig>(GlobalConfigSchema, globalDoc, diags);
  if (global?.sync) ctx.limits = global.sync.limits;
  if (globalDoc) checkValueSizes(ctx, globalDoc);
  const vmsDoc = readJson(ctx, join(etc, 'phoenix_vm_configs.json'), { required: true });
  const lxcDoc = readJson(ctx, join(etc, 'phoenix_lxc_configs.json'), { required: false });
  const stacksDoc = readJson(ctx, join(etc, STACKS_CONFIG), { required: false });

  const vms = vmsDoc && validateAgainst<VmConfig>(VmConfigSchema, vmsDoc, diags);
  const lxcs = lxcDoc && validateAgainst<LxcConfig>(LxcConfigSchema, lxcDoc, diags);
  const stacksConfig = stacksDoc && validateAgainst<StacksConfig>(StacksConfigSchema, stacksDoc, diags);
  const found = emptyDiscovery();
  if (stacksDoc && stacksConfig) fromStacksConfig(ctx, stacksConfig, stacksDoc, found);
  discoverFolders(ctx, join(source, 'stacks'), found);
  const { stacks, skipped, broken } = found;

  if (!global || !vms || !globalDoc || !vmsDoc || (lxcDoc && !lxcs) || (stacksDoc && !stacksConfig))
    return undefined;
  const secrets = new Map<string, SecretResolution>();
  const refs = [
    global.portainer_api?.admin_password,
    global.portainer_api?.api_key,
    global.sync?.portainer.api_key,
    ...[...stacks.values()].flatMap((s) =>
      Object.values(s.manifest.environments).flatMap((e) => (e.variables ?? []).map((v) => v.value)),
    ),
  ];
  for (const ref of refs)
    if (ref && isSecretRef(ref) && !secrets.has(ref)) secrets.set(ref, resolveSecret(ref, root, env));
  // The marker key even when written in plain text (refused later): registered, it is redacted.
  const markerKey = global.sync?.marker_key;
  if (markerKey && !secrets.has(markerKey)) secrets.set(markerKey, resolveSecret(markerKey, root, env));
  return { root, global, globalDoc, vms, vmsDoc, lxcs, lxcDoc, stacks, skipped, broken, secrets };
}

/** What every reader of the root needs. */
interface LoadContext {
  /** The root's real path: nothing outside it is read. */
  jail: string;
  root: string;
  rel: (p: string) => string;
  diags: Diagnostics;
  limits: SyncSettings['limits'];
}

/** The limits' schema defaults, before the global file is read. */
const defaultLimits = (): SyncSettings['limits'] =>
  Object.fromEntries(
    Object.entries(LimitSettings.properties).map(([k, v]) => [k, (v as { default: number }).default]),
  ) as SyncSettings['limits'];

/**
 * A string over `sync.limits.value_bytes` is refused where it is: nothing that large belongs
 * in a configuration, and it would be held in memory, planned and shipped.
 */
function checkValueSizes(ctx: LoadContext, doc: Located): void {
  const limit = ctx.limits.value_bytes;
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (typeof v === 'string') {
      // UTF-8 takes at most 3 bytes per UTF-16 unit: only long strings need counting.
      if (v.length * 3 > limit && Buffer.byteLength(v) > limit)
        ctx.diags.error(
          'too-large',
          doc.at(path),
          `${path.join('.') || 'the value'} is ${Buffer.byteLength(v)} bytes, over the limit of ${limit}`,
          'shorten it, or raise sync.limits.value_bytes',
        );
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc.value, []);
}

/** A file-level problem is located at the file's start. */
const fileStart = (file: string, exists: boolean) => ({ file, line: exists ? 1 : 0, column: exists ? 1 : 0 });

/** How to read one JSON file of the root. */
interface JsonRead {
  required: boolean;
  /** Size cap: etc/ files by default, `sync.limits.stack_file_bytes` for manifests. */
  limit?: number;
  /** Check string sizes now (the global file is checked once its limits are known). */
  checkValues?: boolean;
}

function readJson(ctx: LoadContext, path: string, opts: JsonRead): Located | undefined {
  const { required, limit = READ_LIMITS.config, checkValues = true } = opts;
  const file = ctx.rel(path);
  const read = readRootFile(ctx.jail, path, file, { limit });
  if (!read.ok) {
    const missing = read.reason === 'missing';
    if (missing && !required) return undefined;
    ctx.diags.error(
      'unreadable',
      fileStart(file, !missing),
      missing ? 'required file is missing' : read.problem,
      missing ? 'check --root (or $PHOENIX_ROOT) points at the Phoenix root' : read.hint,
    );
    return undefined;
  }
  const parsed = parseJson(file, read.text);
  for (const e of parsed.errors) ctx.diags.error('syntax', e.source, e.message, 'fix the JSON syntax');
  if (parsed.doc && checkValues) checkValueSizes(ctx, parsed.doc);
  return parsed.doc;
}

type Discovery = Pick<LoadedConfig, 'stacks' | 'skipped' | 'broken'> & {
  /** Where each stack of the stacks config is defined, to name it when a folder defines it again. */
  defined: Map<string, Source>;
};

const emptyDiscovery = (): Discovery => ({
  stacks: new Map(),
  skipped: [],
  broken: new Set(),
  defined: new Map(),
});

/** Stacks of etc/phoenix_stacks_config.json: a manifest plus `compose_file_path`. */
function fromStacksConfig(ctx: LoadContext, config: StacksConfig, doc: Located, found: Discovery): void {
  for (const [name, entry] of Object.entries(config.docker_stacks)) {
    const prefix = ['docker_stacks', name];
    found.defined.set(name, doc.keyAt(['docker_stacks'], name));
    const composePath = composePathOf(ctx.root, entry.compose_file_path);
    const compose = readCompose(ctx, composePath, doc.at([...prefix, 'compose_file_path']));
    if (!compose) {
      found.broken.add(name);
      continue;
    }
    const { compose_file_path: _path, nginx_proxy: _proxy, ...manifest } = entry;
    const loaded = normalise(manifest);
    const dir = dirname(composePath);
    found.stacks.set(name, {
      name,
      dir,
      compose,
      manifest: loaded,
      manifestDoc: subDocument(doc, prefix),
      home: 'stacks-config',
      files: readStackFiles(ctx, dir, loaded),
    });
  }
}

/**
 * Every sub-folder of stacks/: with a compose file and a phoenix.json it is a stack; with
 * only a compose file, a plain-compose stack; a folder of a stack that the stacks config
 * defines belongs to that stack.
 */
function discoverFolders(ctx: LoadContext, dir: string, found: Discovery): void {
  const base = rootDir(ctx.jail, dir, ctx.rel(dir));
  if (!base.ok) {
    if (base.reason !== 'missing')
      ctx.diags.error('unreadable', fileStart(ctx.rel(dir), false), base.problem, base.hint);
    return;
  }
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const sdir = join(dir, name);
    if (name.startsWith('.')) continue;
    const folder = rootDir(ctx.jail, sdir, ctx.rel(sdir));
    if (!folder.ok) {
      if (folder.reason !== 'not-regular') {
        ctx.diags.error('unreadable', fileStart(ctx.rel(sdir), false), folder.problem, folder.hint);
        found.broken.add(name);
      }
      continue;
    }
    const composeName = COMPOSE_NAMES.find((n) => existsSync(join(sdir, n)));
    const manifestPath = join(sdir, 'phoenix.json');
    const hasManifest = existsSync(manifestPath);
    const elsewhere = found.defined.get(name);
    if (elsewhere) {
      if (hasManifest)
        ctx.diags.error(
          'duplicate-stack',
          fileStart(ctx.rel(manifestPath), true),
          `stack "${name}" is defined twice: here and in ${formatSource(elsewhere)}`,
          `keep one manifest: delete ${ctx.rel(manifestPath)} or the docker_stacks.${name} entry`,
        );
      continue;
    }
    if (!composeName) {
      found.skipped.push({
        name,
        reason: hasManifest ? 'missing a compose file (docker-compose.yml)' : 'no compose file',
      });
      continue;
    }
    const manifestDoc = hasManifest
      ? readJson(ctx, manifestPath, { required: true, limit: ctx.limits.stack_file_bytes })
      : undefined;
    const manifest = manifestDoc && validateAgainst<Manifest>(ManifestSchema, manifestDoc, ctx.diags);
    const composePath = join(sdir, composeName);
    const compose = readCompose(ctx, composePath);
    if (!compose || (hasManifest && !manifest)) {
      found.broken.add(name);
      continue;
    }
    const { $schema: _schema, ...rest } = manifest ?? {};
    const loaded = normalise(rest);
    found.stacks.set(name, {
      name,
      dir: sdir,
      compose,
      manifest: loaded,
      manifestDoc: manifestDoc ?? composeOnly(compose),
      home: manifestDoc ? 'folder' : 'none',
      files: readStackFiles(ctx, sdir, loaded),
    });
  }
}

function normalise(m: Omit<Manifest, '$schema'>): LoadedManifest {
  return { ...m, environments: m.environments ?? {} };
}

/**
 * `compose_file_path` is relative to stacks/. Older revisions wrote it absolute, under the
 * production root; such a path is read from this root, so a checkout elsewhere works too.
 */
function composePathOf(root: string, path: string): string {
  if (path.startsWith(`${DEFAULT_ROOT}/`)) return join(root, path.slice(DEFAULT_ROOT.length + 1));
  return resolve(join(root, 'stacks'), path);
}

/** Read and parse a compose file; `ref` locates the reference to it (stacks config). */
function readCompose(ctx: LoadContext, path: string, ref?: Source): ComposeFile | undefined {
  const file = ctx.rel(path);
  const read = readRootFile(ctx.jail, path, file, { limit: ctx.limits.stack_file_bytes, single: true });
  if (!read.ok) {
    ctx.diags.error('unreadable', ref ?? fileStart(file, read.reason !== 'missing'), read.problem, read.hint);
    return undefined;
  }
  const parsed = parseCompose(file, read.text);
  for (const e of parsed.errors)
    ctx.diags.error('syntax', e.source, e.message, e.hint ?? 'fix the YAML syntax');
  return parsed.compose;
}

/** The part of a document under `prefix`, located in the same file. */
function subDocument(doc: Located, prefix: readonly (string | number)[]): Located {
  return {
    file: doc.file,
    value: prefix.reduce<unknown>(
      (v, k) => (v as Record<string | number, unknown> | undefined)?.[k],
      doc.value,
    ),
    at: (path) => doc.at([...prefix, ...path]),
    keyAt: (path, key) => doc.keyAt([...prefix, ...path], key),
  };
}

/** A plain-compose stack has no manifest: problems about it point at its compose file. */
function composeOnly(compose: ComposeFile): Located {
  const start = { file: compose.file, line: 1, column: 1 };
  return { file: compose.file, value: { environments: {} }, at: () => start, keyAt: () => start };
}

/** Read the files a manifest references; a source must stay inside the stack folder. */
function readStackFiles(ctx: LoadContext, dir: string, manifest: LoadedManifest): LoadedStack['files'] {
  const out: LoadedStack['files'] = new Map();
  const folder = rootDir(ctx.jail, dir, ctx.rel(dir));
  for (const env of Object.values(manifest.environments)) {
    for (const { source } of env.files ?? []) {
      if (out.has(source)) continue;
      const path = resolve(dir, source);
      if (isAbsolute(source) || !path.startsWith(dir + sep)) {
        out.set(source, {
          problem: `file source "${source}" escapes the stack folder`,
          hint: 'use a path relative to the stack folder, without ".."',
        });
        continue;
      }
      // The stack folder is the jail of its file sources.
      const read = folder.ok
        ? readRootFile(folder.real, path, `file source "${source}"`, {
            limit: ctx.limits.stack_file_bytes,
            single: true,
          })
        : folder;
      out.set(
        source,
        read.ok
          ? { content: read.text }
          : {
              problem: read.problem,
              hint: read.reason === 'missing' ? `create ${ctx.rel(path)} or fix the path` : read.hint,
            },
      );
    }
  }
  return out;
}
