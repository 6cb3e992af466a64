/**
 * A loaded config built in memory, for table tests of derivation with no I/O: every file is
 * a JS value serialised to JSON (two-space indent) and parsed with positions, validated by
 * the real schemas (defaults filled in), so diagnostics carry real lines and columns.
 */
import { Diagnostics } from '../../src/config/diagnostics.js';
import { parseCompose } from '../../src/config/compose-file.js';
import { parseJson, type Located } from '../../src/config/json.js';
import type { LoadedConfig, LoadedStack } from '../../src/config/load.js';
import {
  GlobalConfigSchema,
  LxcConfigSchema,
  ManifestSchema,
  VmConfigSchema,
  type GlobalConfig,
  type LxcConfig,
  type Manifest,
  type VmConfig,
} from '../../src/config/schema.js';
import { validateAgainst } from '../../src/config/validate-schema.js';
import { derive } from '../../src/desired/derive.js';
import type { DesiredState } from '../../src/desired/types.js';

/** A stack: its compose text and its manifest (none: a plain-compose stack folder). */
export interface MemoryStack {
  compose: string;
  manifest?: Record<string, unknown>;
}

/** The files of a root, as values. */
export interface MemoryRoot {
  global?: Record<string, unknown>;
  vms: Record<string, unknown>[];
  lxcs?: Record<string, Record<string, unknown>>;
  stacks?: Record<string, MemoryStack>;
}

export const GLOBAL_FILE = 'etc/phoenix_hypervisor_config.json';
export const VMS_FILE = 'etc/phoenix_vm_configs.json';
export const LXCS_FILE = 'etc/phoenix_lxc_configs.json';

/** The global file every table starts from: a domain, a gateway and the internal CA. */
export function baseGlobal(sync: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    domain_name: 'lab.test',
    sync: { gateway_ip: '10.0.0.12', traefik: { ca_file: 'certs/ca.pem' }, ...sync },
  };
}

function located(file: string, value: unknown): Located {
  const parsed = parseJson(file, JSON.stringify(value, null, 2));
  if (!parsed.doc) throw new Error(`${file}: ${parsed.errors[0]?.message}`);
  return parsed.doc;
}

function valid<T>(schema: Parameters<typeof validateAgainst>[0], doc: Located): T {
  const diags = new Diagnostics();
  const value = validateAgainst<T>(schema, doc, diags);
  if (!value || diags.hasErrors)
    throw new Error(`${doc.file} is invalid: ${diags.errors.map((e) => e.message).join('; ')}`);
  return value;
}

function stackOf(name: string, s: MemoryStack): LoadedStack {
  const composeFile = `stacks/${name}/docker-compose.yml`;
  const parsed = parseCompose(composeFile, s.compose);
  if (!parsed.compose) throw new Error(`${composeFile}: ${parsed.errors[0]?.message}`);
  const compose = parsed.compose;
  if (!s.manifest) {
    const start = { file: composeFile, line: 1, column: 1 };
    const doc: Located = {
      file: composeFile,
      value: { environments: {} },
      at: () => start,
      keyAt: () => start,
    };
    return {
      name,
      dir: `stacks/${name}`,
      compose,
      manifest: { environments: {} },
      manifestDoc: doc,
      home: 'none',
      files: new Map(),
    };
  }
  const manifestDoc = located(`stacks/${name}/phoenix.json`, s.manifest);
  const { $schema: _schema, ...manifest } = valid<Manifest>(ManifestSchema, manifestDoc);
  return {
    name,
    dir: `stacks/${name}`,
    compose,
    manifest: { ...manifest, environments: manifest.environments ?? {} },
    manifestDoc,
    home: 'folder',
    files: new Map(),
  };
}

/** The loaded config of a root given as values. */
export function memoryConfig(root: MemoryRoot): LoadedConfig {
  const globalDoc = located(GLOBAL_FILE, root.global ?? baseGlobal());
  const vmsDoc = located(VMS_FILE, { vms: root.vms });
  const lxcDoc = root.lxcs ? located(LXCS_FILE, { lxc_configs: root.lxcs }) : undefined;
  return {
    root: '/srv/phoenix',
    global: valid<GlobalConfig>(GlobalConfigSchema, globalDoc),
    globalDoc,
    vms: valid<VmConfig>(VmConfigSchema, vmsDoc),
    vmsDoc,
    lxcs: lxcDoc ? valid<LxcConfig>(LxcConfigSchema, lxcDoc) : undefined,
    lxcDoc,
    stacks: new Map(Object.entries(root.stacks ?? {}).map(([name, s]) => [name, stackOf(name, s)])),
    skipped: [],
    broken: new Set(),
    secrets: new Map(),
  };
}

/** One diagnostic as a table row: severity, code, file:line:col, message. */
export interface Row {
  severity: 'error' | 'warning';
  code: string;
  at: string;
  message: string;
  hint?: string;
}

/** Derive a root given as values; every diagnostic comes back as a row. */
export function deriveMemory(root: MemoryRoot): { desired: DesiredState; rows: Row[] } {
  const diags = new Diagnostics();
  const desired = derive(memoryConfig(root), diags);
  const rows = diags.items.map((d) => ({
    severity: d.severity,
    code: d.code,
    at: `${d.source.file}:${d.source.line}:${d.source.column}`,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
  return { desired, rows };
}

/** Routers as `name → backend URLs or addresses`, the way an operator reads them. */
export function backends(d: DesiredState): Record<string, string[]> {
  return Object.fromEntries(
    d.routes.routers.map((r) => [
      r.name,
      d.routes.services.find((s) => s.name === r.service && s.protocol === r.protocol)?.urls ?? [r.service],
    ]),
  );
}

/** DNS records as `name → ip (why)`. */
export function records(d: DesiredState): Record<string, string> {
  return Object.fromEntries(d.dns.map((r) => [r.name, `${r.ip} (${r.why})`]));
}

/** A compose file with one service publishing `ports`. */
export function compose(service: string, ports: string[], extra = ''): string {
  return `services:\n  ${service}:\n    image: example/${service}\n    ports: [${ports.map((p) => `"${p}"`).join(', ')}]\n${extra}`;
}

/** A manifest whose `production` environment labels `service` with `labels`. */
export function labelled(service: string, labels: string[], env = 'production'): Record<string, unknown> {
  return { environments: { [env]: { services: { [service]: { traefik_labels: labels } } } } };
}

/** A VM running `stacks`, with a static address unless `ip` says otherwise. */
export function vm(vmid: number, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    vmid,
    name,
    network_config: { ip: `10.0.0.${vmid % 1000}/24` },
    portainer_role: 'agent',
    ...extra,
  };
}

/**
 * `file:line:col` of `path` in one file of a root (`stacks/<name>/phoenix.json` for a
 * manifest), found in the same serialisation derivation reads: a table names the path a
 * diagnostic must point at, not a line number that moves with every edit of the table.
 */
export function loc(root: MemoryRoot, file: string, path: (string | number)[]): string {
  const value =
    file === GLOBAL_FILE
      ? (root.global ?? baseGlobal())
      : file === VMS_FILE
        ? { vms: root.vms }
        : file === LXCS_FILE
          ? { lxc_configs: root.lxcs }
          : root.stacks?.[/^stacks\/([^/]+)\//.exec(file)?.[1] ?? '']?.manifest;
  const s = located(file, value).at(path);
  return `${s.file}:${s.line}:${s.column}`;
}

/** `file:line:col` of a key of an object (an LXC's ctid). */
export function keyLoc(root: MemoryRoot, file: string, path: (string | number)[], key: string): string {
  const value = file === LXCS_FILE ? { lxc_configs: root.lxcs } : { vms: root.vms };
  const s = located(file, value).keyAt(path, key);
  return `${s.file}:${s.line}:${s.column}`;
}
