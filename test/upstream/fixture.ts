/**
 * The original-format fixture roots (test/fixtures/upstream/): copies with Phoenix's `sync`
 * section added, a walk of every JSON key with its position, and the CLI's JSON report.
 * The fixtures themselves stay exactly as the original wrote its files: no `sync` section.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { applyEdits, modify, visit } from 'jsonc-parser';
import type { JsonReport } from '../../src/output/json-report.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/root.js';

/** Where the fixtures live. */
export const FIXTURES = join(REPO, 'test', 'fixtures', 'upstream');

/** The two fixture roots: the newest revisions' shape and an older one. */
export type FixtureName = 'current' | 'legacy';

/**
 * The only thing the original format lacks: where routed names resolve (the Traefik LXC) and
 * the internal CA that HTTPS backends are signed by. Everything else is left to defaults.
 */
export const SYNC: Record<FixtureName, Record<string, unknown>> = {
  current: { gateway_ip: '10.40.0.20', traefik: { ca_file: '/etc/traefik/certs/hearth_root_ca.crt' } },
  legacy: { gateway_ip: '10.60.0.20' },
};

export const GLOBAL = 'etc/phoenix_hypervisor_config.json';
export const VMS = 'etc/phoenix_vm_configs.json';
export const LXCS = 'etc/phoenix_lxc_configs.json';
export const STACKS_CONFIG = 'etc/phoenix_stacks_config.json';

/** Copy a fixture root into `parent` unchanged. */
export function copyPristine(name: FixtureName, parent: string = tmpdir()): string {
  const root = mkdtempSync(join(parent, `upstream-${name}-`));
  cpSync(join(FIXTURES, name), root, { recursive: true });
  return root;
}

/**
 * Copy a fixture root and add its `sync` section with jsonc-parser, as `phoenix init` would:
 * appended at the end of the global file, so every other line keeps its number.
 */
export function copyFixture(name: FixtureName, parent: string = tmpdir()): string {
  const root = copyPristine(name, parent);
  const path = join(root, GLOBAL);
  const text = readFileSync(path, 'utf8');
  const edits = modify(text, ['sync'], SYNC[name], {
    formattingOptions: { insertSpaces: true, tabSize: 4, eol: '\n' },
  });
  writeFileSync(path, applyEdits(text, edits));
  return root;
}

/** Every `.json` file under a root, relative to it, sorted. */
export function jsonFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) out.push(relative(root, path));
    }
  };
  walk(root);
  return out;
}

/** One key (or array element) of a JSON file. */
export interface KeyAt {
  /** Dotted path; array elements are `[]`, e.g. `vms[].network_config.ip`. */
  path: string;
  /** The key itself (`[]` for an array element). */
  key: string;
  /** The path of the object or array holding it, with indices, as diagnostics name it: `vms.1.network_config`. */
  parent: string;
  /** 1-based position of the key (or of the element's value). */
  line: number;
  column: number;
}

/** Every key and array element of a JSON text, with its dotted path and position. */
export function walkKeys(text: string): KeyAt[] {
  const out: KeyAt[] = [];
  // The container being visited: its dotted path, its path with indices, and (arrays) the next index.
  const stack: { path: string; concrete: string; next: number | undefined }[] = [];
  let pendingKey: string | undefined;
  const dot = (a: string, b: string) => (a ? `${a}.${b}` : b);
  /** The path of the value now starting, recorded when it is an array element. */
  const value = (line: number, column: number): { path: string; concrete: string } => {
    const top = stack.at(-1);
    if (!top) return { path: '', concrete: '' };
    if (top.next === undefined) {
      // An object member: recorded at its key already.
      const key = pendingKey!;
      return { path: dot(top.path, key), concrete: dot(top.concrete, key) };
    }
    const index = top.next++;
    const path = `${top.path}[]`;
    out.push({ path, key: '[]', parent: top.concrete, line: line + 1, column: column + 1 });
    return { path, concrete: dot(top.concrete, String(index)) };
  };
  visit(text, {
    onObjectBegin: (_o, _l, line, column) => void stack.push({ ...value(line, column), next: undefined }),
    onObjectEnd: () => void stack.pop(),
    onArrayBegin: (_o, _l, line, column) => void stack.push({ ...value(line, column), next: 0 }),
    onArrayEnd: () => void stack.pop(),
    onLiteralValue: (_v, _o, _l, line, column) => void value(line, column),
    onObjectProperty: (key, _o, _l, line, column) => {
      pendingKey = key;
      const top = stack.at(-1)!;
      out.push({ path: dot(top.path, key), key, parent: top.concrete, line: line + 1, column: column + 1 });
    },
  });
  return out;
}

/** Every key of every JSON file of a root, by file. */
export function keysOf(root: string): Map<string, KeyAt[]> {
  return new Map(jsonFiles(root).map((f) => [f, walkKeys(readFileSync(join(root, f), 'utf8'))]));
}

/** One diagnostic of the JSON report. */
export type ReportDiagnostic = JsonReport['diagnostics'][number];

/**
 * Run `phoenix <command> --json --root <root>` in-process with the root as the working
 * directory, so every diagnostic's file is relative to the root (`etc/…`, `stacks/…`).
 */
export async function runJson(
  argv: string[],
  root: string,
): Promise<{ code: number; report: JsonReport; err: string; out: string }> {
  const r = await runCli([...argv, '--json', '--root', root], { cwd: root });
  let report: JsonReport;
  try {
    report = JSON.parse(r.out) as JsonReport;
  } catch {
    throw new Error(`phoenix ${argv.join(' ')} printed no JSON report:\n${r.out}\n${r.err}`);
  }
  return { code: r.code, report, err: r.err, out: r.out };
}

/** A diagnostic as one line, for readable failure messages. */
export function show(d: ReportDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}`;
}

/** 1-based line of the one occurrence of `needle` in `root/file` (throws unless exactly one). */
export function lineOf(root: string, file: string, needle: string): number {
  const text = readFileSync(join(root, file), 'utf8');
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0)
    throw new Error(`${file}: expected exactly one ${JSON.stringify(needle)}`);
  return text.slice(0, at).split('\n').length;
}
