/**
 * `phoenix init` (the engine side): read the root's files and this host, propose a `sync`
 * section, show it as a diff of the global file, and write it there (asking first on a
 * terminal). Only keys the file lacks are added; every other byte of the file is kept.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseJson } from '../config/json.js';
import { isSecretRef } from '../config/secret-ref.js';
import { errorMessage, UserError } from '../errors.js';
import type { Reporter } from '../output/events.js';
import { atomicWrite, fileDiff } from '../providers/files/index.js';
import type { Redactor } from '../secrets.js';
import { insertProposal } from './edit.js';
import { readHost, type HostPaths } from './host.js';
import { writeKeyFile } from './marker-key.js';
import { MARKER_KEY_GROUP, proposeSync, type ProposalGroup } from './propose.js';

/** What a run of `phoenix init` is asked to do. */
export interface InitRequest {
  root: string;
  /** Where file names in messages are relative to. */
  cwd: string;
  host: HostPaths;
  /** Only show the diff. */
  dryRun: boolean;
  /** Write without asking. */
  yes: boolean;
  /** Asks before writing; present only when stdin is a terminal. Resolves true to write. */
  confirm?: (file: string) => Promise<boolean>;
  /** Where the diff goes (stdout); redacted before it gets there. */
  show: (text: string) => void;
  reporter: Reporter;
  redactor: Redactor;
}

/** The global file, relative to the root. */
export const GLOBAL_FILE = join('etc', 'phoenix_hypervisor_config.json');

/** Run init; resolves to the exit code, throws UserError on bad input or a refusal. */
export async function runInit(req: InitRequest): Promise<number> {
  const path = join(req.root, GLOBAL_FILE);
  const shown = relative(req.cwd, path) || path;
  const log = (message: string, level: 'info' | 'warn' = 'info') =>
    req.reporter.emit({ type: 'log', level, message, scope: 'init' });

  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${shown}: ${err.code ?? errorMessage(err)}`, {
      hint: 'run phoenix init in a root (etc/ and stacks/), or pass --root',
    });
  });
  const global = parsed(shown, text);
  registerSecrets(global, req.redactor);
  const optional = async (name: string) => {
    const p = join(req.root, 'etc', name);
    const t = await readFile(p, 'utf8').catch(() => undefined);
    return t === undefined ? undefined : parsed(relative(req.cwd, p) || p, t);
  };
  const root = {
    global,
    vms: await optional('phoenix_vm_configs.json'),
    lxcs: await optional('phoenix_lxc_configs.json'),
  };
  const host = await readHost(req.host, req.redactor);
  const groups = proposeSync(root, host);
  const edit = insertProposal(shown, text, groups);

  const kept = new Set(edit.kept.map((k) => k.group));
  // Notes of groups init proposes, and of groups neither the file nor init answers.
  const notes = groups
    .filter((g) => edit.added.includes(g) || (g.keys.length === 0 && !kept.has(g)))
    .flatMap((g) => g.notes);
  if (edit.added.length === 0) {
    for (const n of notes) log(n, 'warn');
    const set = edit.kept.map((k) => k.group.name);
    log(`${shown}: nothing to add${set.length ? ` (sync already sets ${set.join(', ')})` : ''}`);
    return 0;
  }
  if (!req.dryRun && !req.yes && !req.confirm) {
    throw new UserError(`phoenix init would write ${shown}, and stdin is not a terminal to ask`, {
      hint: 'run phoenix init --yes to write it, or --dry-run to only see the diff',
    });
  }

  req.show(req.redactor.redact(fileDiff(`/${GLOBAL_FILE}`, text, edit.text) ?? ''));
  if (edit.hadSync) log(`${shown} already has a sync section: only the keys it lacks are added`);
  for (const k of edit.kept)
    log(`${k.group.name}: kept as you set it (${k.by}); init never overwrites a value`);
  for (const g of edit.added) log(`+ ${describe(g)}${g.why ? ` — ${g.why}` : ''}`);
  for (const n of notes) log(n, 'warn');
  if (req.dryRun) {
    log('dry run: nothing was written');
    return 0;
  }
  if (!req.yes && !(await req.confirm!(shown)))
    throw new UserError(`stopped: ${shown} was not changed`, {
      hint: 'run with --yes to write without asking',
    });
  // Live state is the truth: a file edited while the operator read the diff is not overwritten.
  if ((await readFile(path, 'utf8').catch(() => undefined)) !== text)
    throw new UserError(`${shown} changed while init was running; nothing was written`, {
      hint: 'run phoenix init again',
    });
  // The key first: the config never names a key file that is not there.
  if (edit.added.some((g) => g.name === MARKER_KEY_GROUP) && host.markerKey.kind === 'missing') {
    await writeKeyFile(host.markerKeyFile, req.redactor);
    log(`wrote a new marker key to ${host.markerKeyFile} (mode 0600)`);
  }
  await atomicWrite(path, edit.text, { backup: false });
  log(`wrote the sync section into ${shown}; next: phoenix plan`);
  return 0;
}

/** Parse a JSON file of the root; a syntax error is a located UserError. */
function parsed(file: string, text: string): unknown {
  const r = parseJson(file, text);
  if (r.doc) return r.doc.value;
  const e = r.errors[0]!;
  throw new UserError(`${e.source.file}:${e.source.line}:${e.source.column}: ${e.message}`, {
    hint: 'phoenix init edits valid JSON only; fix the file first (phoenix validate shows every problem)',
  });
}

/** `sync.gateway_ip = "10.0.0.12", …` */
function describe(g: ProposalGroup): string {
  return g.keys.map((k) => `sync.${k.path.join('.')} = ${JSON.stringify(k.value)}`).join(', ');
}

/** Plaintext credentials of the global file never reach the diff. */
function registerSecrets(global: unknown, redactor: Redactor): void {
  const o = (v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const api = o(o(global)['portainer_api']);
  const sync = o(o(o(global)['sync'])['portainer']);
  for (const v of [api['admin_password'], api['api_key'], sync['api_key']])
    if (typeof v === 'string' && !isSecretRef(v)) redactor.add(v);
}
