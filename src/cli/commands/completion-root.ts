/**
 * The names completion offers from the root: stack names, vmids, environments. Read fast
 * and forgivingly — no validation, no secrets, no derivation: a Tab must answer within a
 * blink and must never print an error, so every unreadable or broken file just adds nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'jsonc-parser';

/** What completion can offer. */
export interface RootValues {
  stacks: string[];
  vmids: string[];
  environments: string[];
}

/** The default root, as `resolveRoot` has it (not imported: that module pulls the whole loader in). */
const DEFAULT_ROOT = '/usr/local/phoenix_hypervisor';

/** A file bigger than this is not read for completion. */
const MAX_BYTES = 8 * 1024 * 1024;

const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', 'compose.yml'];

/** The root the command line names (else the usual one). */
export function completionRoot(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  return flag
    ? resolve(cwd, flag)
    : env['PHOENIX_ROOT']
      ? resolve(cwd, env['PHOENIX_ROOT'])
      : existsSync(DEFAULT_ROOT)
        ? DEFAULT_ROOT
        : cwd;
}

/** Read what completion offers from the root the command line names (else the usual one). */
export function readRootValues(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): RootValues {
  const root = completionRoot(flag, env, cwd);
  const stacks = new Set<string>();
  const environments = new Set<string>();
  const manifest = (m: unknown) => {
    for (const e of Object.keys(record(record(m)['environments']))) environments.add(e);
  };
  const stacksDir = join(root, 'stacks');
  for (const name of list(stacksDir)) {
    const dir = join(stacksDir, name);
    if (!COMPOSE_FILES.some((f) => isFile(join(dir, f)))) continue;
    stacks.add(name);
    manifest(readJson(join(dir, 'phoenix.json')));
  }
  const stacksConfig = record(
    record(readJson(join(root, 'etc', 'phoenix_stacks_config.json')))['docker_stacks'],
  );
  for (const [name, m] of Object.entries(stacksConfig)) {
    stacks.add(name);
    manifest(m);
  }
  const vms = record(readJson(join(root, 'etc', 'phoenix_vm_configs.json')))['vms'];
  const vmids = (Array.isArray(vms) ? vms : [])
    .map((vm) => record(vm)['vmid'])
    .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
    .map(String);
  return {
    stacks: [...stacks].sort(),
    vmids: [...new Set(vmids)].sort((a, b) => Number(a) - Number(b)),
    environments: [...environments].sort(),
  };
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file's JSON (comments and trailing commas tolerated), or undefined. */
function readJson(path: string): unknown {
  try {
    if (statSync(path).size > MAX_BYTES) return undefined;
    return parse(readFileSync(path, 'utf8'), [], { allowTrailingComma: true }) as unknown;
  } catch {
    return undefined;
  }
}
