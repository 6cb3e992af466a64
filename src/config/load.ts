/**
 * Loading: find the root, read every input file with positions, validate each against its
 * schema, and discover stacks. All problems are collected; nothing stops at the first.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isSecretRef, resolveSecret, type SecretResolution } from './secret-ref.js';
import { Diagnostics } from './diagnostics.js';
import { parseJson, type Located } from './json.js';
import { parseCompose, type ComposeFile } from './compose-file.js';
import {
  GlobalConfigSchema,
  LxcConfigSchema,
  ManifestSchema,
  VmConfigSchema,
  type GlobalConfig,
  type LxcConfig,
  type Manifest,
  type VmConfig,
} from './schema.js';
import { validateAgainst } from './validate-schema.js';

export const DEFAULT_ROOT = '/usr/local/phoenix_hypervisor';
export const COMPOSE_NAMES = [
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yaml',
  'compose.yml',
] as const;

/** SPEC §2: --root, else $PHOENIX_ROOT, else the default root when it exists, else cwd. */
export function resolveRoot(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag) return resolve(cwd, flag);
  if (env['PHOENIX_ROOT']) return resolve(cwd, env['PHOENIX_ROOT']);
  if (existsSync(DEFAULT_ROOT)) return DEFAULT_ROOT;
  return cwd;
}

/** A stack folder that has both files. */
export interface LoadedStack {
  name: string;
  dir: string;
  compose: ComposeFile;
  manifest: Manifest;
  manifestDoc: Located;
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
  /** Stack folders that exist but failed to parse (errors already reported). */
  broken: Set<string>;
  /** Every `env:`/`file:` reference found in the config, resolved. */
  secrets: Map<string, SecretResolution>;
}

/** Read and schema-validate a root. Returns undefined when a required file is unusable. */
export function loadRoot(
  root: string,
  diags: Diagnostics,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): LoadedConfig | undefined {
  // Diagnostics name files relative to where the operator stands, as compilers do.
  const rel = (p: string) => relative(cwd, p) || p;
  const etc = join(root, 'etc');
  const globalDoc = readJson(join(etc, 'phoenix_hypervisor_config.json'), rel, diags, true);
  const vmsDoc = readJson(join(etc, 'phoenix_vm_configs.json'), rel, diags, true);
  const lxcDoc = readJson(join(etc, 'phoenix_lxc_configs.json'), rel, diags, false);

  const global = globalDoc && validateAgainst<GlobalConfig>(GlobalConfigSchema, globalDoc, diags);
  const vms = vmsDoc && validateAgainst<VmConfig>(VmConfigSchema, vmsDoc, diags);
  const lxcs = lxcDoc && validateAgainst<LxcConfig>(LxcConfigSchema, lxcDoc, diags);
  const { stacks, skipped, broken } = discoverStacks(join(root, 'stacks'), rel, diags);

  if (!global || !vms || !globalDoc || !vmsDoc || (lxcDoc && !lxcs)) return undefined;
  const secrets = new Map<string, SecretResolution>();
  const refs = [
    global.portainer_api?.admin_password,
    global.sync?.portainer.api_key,
    ...[...stacks.values()].flatMap((s) =>
      Object.values(s.manifest.environments).flatMap((e) => (e.variables ?? []).map((v) => v.value)),
    ),
  ];
  for (const ref of refs)
    if (ref && isSecretRef(ref) && !secrets.has(ref)) secrets.set(ref, resolveSecret(ref, root, env));
  return { root, global, globalDoc, vms, vmsDoc, lxcs, lxcDoc, stacks, skipped, broken, secrets };
}

function readJson(
  path: string,
  rel: (p: string) => string,
  diags: Diagnostics,
  required: boolean,
): Located | undefined {
  const file = rel(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return undefined;
    diags.error(
      'unreadable',
      { file, line: 0, column: 0 },
      code === 'ENOENT' ? 'required file is missing' : `cannot read: ${code ?? String(err)}`,
      code === 'ENOENT' ? 'check --root (or $PHOENIX_ROOT) points at the Phoenix root' : undefined,
    );
    return undefined;
  }
  const parsed = parseJson(file, text);
  for (const e of parsed.errors) diags.error('syntax', e.source, e.message, 'fix the JSON syntax');
  return parsed.doc;
}

/** Every sub-folder of stacks/ with a compose file and a phoenix.json is a stack. */
function discoverStacks(dir: string, rel: (p: string) => string, diags: Diagnostics) {
  const stacks = new Map<string, LoadedStack>();
  const skipped: { name: string; reason: string }[] = [];
  const broken = new Set<string>();
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { stacks, skipped, broken };
  }
  for (const name of names) {
    const sdir = join(dir, name);
    if (name.startsWith('.') || !statSync(sdir).isDirectory()) continue;
    const composeName = COMPOSE_NAMES.find((n) => existsSync(join(sdir, n)));
    const hasManifest = existsSync(join(sdir, 'phoenix.json'));
    if (!composeName || !hasManifest) {
      const missing = [
        !composeName && 'a compose file (docker-compose.yml)',
        !hasManifest && 'phoenix.json',
      ].filter(Boolean);
      skipped.push({ name, reason: `missing ${missing.join(' and ')}` });
      continue;
    }
    const manifestDoc = readJson(join(sdir, 'phoenix.json'), rel, diags, true);
    const manifest = manifestDoc && validateAgainst<Manifest>(ManifestSchema, manifestDoc, diags);
    const composePath = join(sdir, composeName);
    const parsed = parseCompose(rel(composePath), readFileSync(composePath, 'utf8'));
    for (const e of parsed.errors)
      diags.error('syntax', e.source, e.message, e.hint ?? 'fix the YAML syntax');
    if (!manifest || !manifestDoc || !parsed.compose) {
      broken.add(name);
      continue;
    }
    stacks.set(name, {
      name,
      dir: sdir,
      compose: parsed.compose,
      manifest,
      manifestDoc,
      files: readStackFiles(sdir, manifest, rel),
    });
  }
  return { stacks, skipped, broken };
}

/** Read the files a manifest references; a source must stay inside the stack folder. */
function readStackFiles(dir: string, manifest: Manifest, rel: (p: string) => string): LoadedStack['files'] {
  const out: LoadedStack['files'] = new Map();
  const realDir = realpathSync(dir);
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
      try {
        const real = realpathSync(path);
        if (!real.startsWith(realDir + sep)) {
          out.set(source, {
            problem: `file source "${source}" links outside the stack folder`,
            hint: 'copy the file into the stack folder',
          });
          continue;
        }
        out.set(source, { content: readFileSync(real, 'utf8') });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        out.set(source, {
          problem:
            code === 'ENOENT'
              ? `file source "${source}" does not exist`
              : `cannot read file source "${source}": ${code}`,
          hint: code === 'ENOENT' ? `create ${rel(path)} or fix the path` : 'check its permissions',
        });
      }
    }
  }
  return out;
}
