/**
 * Saved plans, the engine's side: `phoenix plan --out FILE` writes the plan a run made
 * (plan/saved.ts says what is in it), `phoenix sync --plan FILE` reads one back, plans again
 * as usual, and applies only when the fresh plan is the saved one; otherwise it refuses with
 * every file and object that moved, before anything is changed.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { Diagnostics } from '../config/diagnostics.js';
import { parseJson } from '../config/json.js';
import { pathOf } from '../config/validate-schema.js';
import type { LoadedConfig } from '../config/load.js';
import { realRoot, watchRootReads } from '../config/root-files.js';
import { isSecretRef } from '../config/secret-ref.js';
import { markerKeyOf } from '../desired/marker-key.js';
import type { DesiredState } from '../desired/types.js';
import { UserError } from '../errors.js';
import type { Reporter } from '../output/events.js';
import type { Change, Stage } from '../plan/change.js';
import {
  buildSavedPlan,
  compareSaved,
  SAVED_PLAN_FORMAT,
  SavedPlanSchema,
  type Hasher,
  type SavedOptions,
  type SavedPlan,
} from '../plan/saved.js';
import { atomicWrite } from '../providers/files/atomic.js';
import type { Redactor } from '../secrets.js';
import type { Estate } from './estate.js';

/** What the pipeline tells a saved-plan hook once every requested stage is planned. */
export interface PlannedRun {
  desired: DesiredState;
  config: LoadedConfig;
  changes: readonly Change[];
  redactor: Redactor;
}

/** The pipeline's saved-plan hook: watches the load, then writes or checks the plan. */
export interface SavedPlanHook {
  /**
   * Run the load, noting every file it reads from the root (or from `source`, the folder a
   * run reads the root's files from); may refuse a plan of another root.
   */
  load(root: string, source: string | undefined, load: () => Promise<Estate>): Promise<Estate>;
  /** Every requested stage is planned: write the plan, or refuse when it moved. */
  planned(run: PlannedRun): Promise<void> | void;
}

/** What fixes a plan besides the estate: the stages and the planning options. */
interface Request {
  stages: readonly Stage[];
  options: SavedOptions;
}

/** Shared by both hooks: the load's reads, and the plan as this run sees it. */
abstract class Recorder implements SavedPlanHook {
  private readonly reads = new Map<string, string>();
  protected realRoot = '';

  constructor(protected readonly request: Request) {}

  async load(root: string, source: string | undefined, load: () => Promise<Estate>): Promise<Estate> {
    this.realRoot = realRoot(root);
    const jail = realRoot(source ?? root);
    const stop = watchRootReads((real, bytes) => {
      const rel = relative(jail, real);
      if (!rel.startsWith('..')) this.reads.set(rel, bytes.toString('utf8'));
    });
    try {
      const estate = await load();
      this.loaded(estate.desired);
      return estate;
    } finally {
      stop();
    }
  }

  /** Called once the estate is loaded. */
  protected loaded(_desired: DesiredState): void {}

  abstract planned(run: PlannedRun): Promise<void> | void;

  /** The plan of this run. */
  protected plan(run: PlannedRun): SavedPlan {
    return buildSavedPlan(
      {
        root: this.realRoot,
        owner: run.desired.ownerId,
        stages: this.request.stages,
        options: this.request.options,
        inputs: this.reads,
        secrets: secretValues(run.config),
        changes: run.changes,
        created: new Date(),
      },
      hasher(run),
    );
  }
}

/**
 * Each secret reference of the config and its value. The marker key is left out (the plan's
 * `key` tells keys apart), and so is a secret written in plain text: its "reference" is the
 * value itself.
 */
function secretValues(config: LoadedConfig): Map<string, string> {
  const markerKey = config.global.sync?.marker_key;
  const out = new Map<string, string>();
  for (const [ref, r] of config.secrets)
    if (r.ok && ref !== markerKey && isSecretRef(ref)) out.set(ref, r.value);
  return out;
}

/** How this run hashes: keyed with `sync.marker_key` when set, else with its secrets cut out. */
function hasher(run: PlannedRun): Hasher {
  return {
    key: markerKeyOf(run.config, new Diagnostics()),
    redact: (t) => run.redactor.redact(t),
    secretNames: new Set(
      run.desired.deployments.flatMap((d) => d.variables.filter((v) => v.secret).map((v) => v.name)),
    ),
  };
}

/** `plan --out FILE`: write the plan once it is made. */
export class PlanWriter extends Recorder {
  constructor(
    request: Request,
    private readonly file: string,
    private readonly reporter: Reporter,
  ) {
    super(request);
  }

  async planned(run: PlannedRun): Promise<void> {
    const plan = this.plan(run);
    const text = JSON.stringify(plan, null, 2) + '\n';
    // Written whole or not at all, as every file Phoenix writes.
    try {
      await atomicWrite(this.file, run.redactor.redact(text), { backup: false });
    } catch (err) {
      throw new UserError(`cannot write the plan to ${this.file}: ${(err as Error).message}`);
    }
    const pending = plan.changes.filter((c) => c.action !== 'noop' && !c.blocked).length;
    this.reporter.emit({
      type: 'log',
      level: 'info',
      message: `saved the plan (${pending} change${pending === 1 ? '' : 's'}) to ${this.file}: apply it with phoenix sync --plan ${this.file}`,
    });
  }
}

/** `sync --plan FILE`: apply only when the fresh plan is the saved one. */
export class PlanChecker extends Recorder {
  constructor(
    private readonly saved: SavedPlan,
    private readonly file: string,
  ) {
    super({ stages: saved.stages as Stage[], options: saved.options });
  }

  /** A plan of another root or owner id is refused before anything is contacted. */
  protected override loaded(desired: DesiredState): void {
    const why =
      this.saved.root !== this.realRoot
        ? `it was made for the root ${this.saved.root}, not ${this.realRoot}`
        : this.saved.owner !== desired.ownerId
          ? `it was made for owner id ${this.saved.owner}, this root's owner id is ${desired.ownerId}`
          : undefined;
    if (why)
      throw new UserError(`the saved plan ${this.file} does not belong here: ${why}; nothing was changed`, {
        hint: 'make a plan of this root with phoenix plan --out',
      });
  }

  planned(run: PlannedRun): void {
    const moved = compareSaved(this.saved, this.plan(run));
    if (moved.length === 0) return;
    throw new UserError(
      `the saved plan ${this.file} no longer matches (${moved.length} thing${moved.length === 1 ? '' : 's'} moved since it was made); nothing was changed:\n${moved.map((m) => `  - ${m}`).join('\n')}`,
      { hint: 'make a new plan with phoenix plan --out, review it, then apply that one' },
    );
  }
}

/**
 * Read a saved plan. A file that is not JSON, not a plan, or of another format version is
 * refused with located diagnostics (file:line:col), before anything is loaded or contacted.
 */
export function readSavedPlan(path: string, cwd: string, reporter: Reporter): SavedPlan {
  const file = resolve(cwd, path);
  const shown = relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(
      `cannot read the plan ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      {
        hint: 'make one with phoenix plan --out FILE',
      },
    );
  }
  const diags = new Diagnostics();
  const parsed = parseJson(shown, text);
  if (!parsed.doc) {
    for (const e of parsed.errors) diags.error('saved-plan', e.source, e.message);
  } else {
    const value = parsed.doc.value as { format?: unknown } | null;
    const format = value && typeof value === 'object' ? value.format : undefined;
    if (format !== SAVED_PLAN_FORMAT) {
      diags.error(
        'saved-plan',
        parsed.doc.at(format === undefined ? [] : ['format']),
        format === undefined
          ? 'not a Phoenix plan: there is no "format"'
          : `plan format ${JSON.stringify(format)} is not one this Phoenix applies (${SAVED_PLAN_FORMAT})`,
        'make the plan again with this version: phoenix plan --out FILE',
      );
    } else {
      const seen = new Set<string>();
      for (const e of Value.Errors(SavedPlanSchema, parsed.doc.value)) {
        if (seen.has(e.path)) continue;
        seen.add(e.path);
        const path = pathOf(e.path);
        // An unknown key is shown where the key is, anything else where its value is.
        const unknown = e.type === ValueErrorType.ObjectAdditionalProperties;
        const source = unknown
          ? parsed.doc.keyAt(path.slice(0, -1), String(path.at(-1)))
          : parsed.doc.at(path);
        const parent = path.length > 1 ? `/${path.slice(0, -1).join('/')}` : 'the plan';
        const message = unknown
          ? `unknown key ${e.path}`
          : e.type === ValueErrorType.ObjectRequiredProperty
            ? `${parent} is missing "${String(path.at(-1))}"`
            : `${e.path || 'the plan'}: ${e.message}`;
        diags.error('saved-plan', source, message);
      }
    }
  }
  if (diags.hasErrors) {
    for (const diagnostic of diags.sorted()) reporter.emit({ type: 'diagnostic', diagnostic });
    throw new UserError(`${shown} is not a usable plan; nothing was changed`, {
      hint: 'make one with phoenix plan --out FILE',
    });
  }
  return parsed.doc!.value as SavedPlan;
}
