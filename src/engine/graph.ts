/**
 * `phoenix graph`: load and validate the root, narrow it by the filters (refusing one that
 * names nothing), optionally plan, and draw. The drawing is src/graph's (pure); planning is
 * the pipeline's own dry run, so the colours are exactly what `phoenix plan` would print.
 * SVG is the DOT laid out by Graphviz's `dot`, when it is installed.
 */
import type { DesiredState } from '../desired/types.js';
import { InternalError, UserError } from '../errors.js';
import { renderGraph } from '../graph/index.js';
import type { Reporter } from '../output/events.js';
import { STAGES, type Change } from '../plan/change.js';
import type { SyncOptions } from '../plan/options.js';
import type { Redactor } from '../secrets.js';
import { exec } from '../util/exec.js';
import { loadEstate } from './estate.js';
import { narrowChecked } from './filters.js';
import { offlinePlan } from './offline.js';
import { elementChanges } from './graph-elements.js';
import { runSync, type ProviderFactory } from './pipeline.js';

/** The formats `--format` accepts. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/**
 * Where the colours come from. `none`: no colours, nothing contacted. `offline`: the offline
 * plan (the planner against nothing observed, so everything is a create). `live`: the plan a sync would make.
 */
export type GraphPlan = 'none' | 'offline' | 'live';

export interface GraphRequest {
  root: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  format: GraphFormat;
  plan: GraphPlan;
  /** Filters and the flags that shape a plan (prune, adopt, …); always a dry run. */
  options: SyncOptions;
  reporter: Reporter;
  redactor: Redactor;
  providers: ProviderFactory;
}

/** How long `dot` may take to lay out the picture. */
const DOT_TIMEOUT_MS = 60_000;

/** The picture as text (Mermaid, DOT or SVG). Throws PhoenixErrors. */
export async function estateGraph(req: GraphRequest): Promise<string> {
  const { desired, changes } = req.plan === 'live' ? await livePlan(req) : await offline(req);
  const text = renderGraph(desired, req.format === 'mermaid' ? 'mermaid' : 'dot', {
    filters: req.options.filters,
    ...(changes ? { changes } : {}),
  });
  return req.format === 'svg' ? svg(text, req.env) : text;
}

async function offline(req: GraphRequest): Promise<{ desired: DesiredState; changes?: Change[] }> {
  const { desired: full } = await loadEstate(req.root, req.env, req.reporter, req.redactor, req.cwd);
  const narrowed = narrowChecked(full, req.options.filters, STAGES);
  if (req.plan !== 'offline') return { desired: full };
  // The offline plan speaks in whole files, like the live one: split into elements the same way.
  const options = { ...req.options, dryRun: true };
  return {
    desired: full,
    changes: elementChanges(await offlinePlan(narrowed, options, req.reporter, req.redactor)),
  };
}

/**
 * The pipeline's dry run (load, filters, observe, plan), listening to its events: the plan
 * is collected for the picture instead of printed; everything else (diagnostics, warnings)
 * goes to the command's reporter. The desired state is the one the providers were built for.
 */
async function livePlan(req: GraphRequest): Promise<{ desired: DesiredState; changes: Change[] }> {
  const changes: Change[] = [];
  let desired: DesiredState | undefined;
  const reporter: Reporter = {
    emit: (e) => {
      if (e.type === 'plan') changes.push(...e.changes);
      else if (e.type !== 'planned') req.reporter.emit(e);
    },
  };
  const providers: ProviderFactory = (d, ...rest) => {
    desired = d;
    return req.providers(d, ...rest);
  };
  await runSync({
    command: 'graph',
    root: req.root,
    env: req.env,
    ...(req.cwd ? { cwd: req.cwd } : {}),
    stages: [...STAGES],
    options: { ...req.options, dryRun: true },
    skipChecks: true,
    reporter,
    redactor: req.redactor,
    providers,
  });
  if (!desired) throw new InternalError('the plan ran without building its providers');
  return { desired, changes: elementChanges(changes) };
}

/** Lay DOT out as SVG with Graphviz; a missing `dot` is the operator's to install (exit 1). */
async function svg(dot: string, env: NodeJS.ProcessEnv): Promise<string> {
  // The command's environment decides where `dot` is looked up (tests hide it this way).
  const path = env['PATH'] ?? process.env['PATH'];
  const hint =
    'install Graphviz (Debian and Ubuntu: apt-get install graphviz), or use --format dot or mermaid';
  let r;
  try {
    r = await exec(['dot', '-Tsvg'], { input: dot, timeoutMs: DOT_TIMEOUT_MS, env: { ...env, PATH: path } });
  } catch {
    throw new UserError("--format svg needs Graphviz's dot program, and it is not on the PATH", { hint });
  }
  if (r.timedOut) throw new UserError(`dot did not finish within ${DOT_TIMEOUT_MS / 1000} s`, { hint });
  if (r.code !== 0)
    throw new UserError(
      `dot could not lay out the picture: ${r.stderr.trim().split('\n').slice(-3).join('; ')}`,
      {
        hint: 'this is a bug in Phoenix; please report it with --format dot output',
      },
    );
  return r.stdout;
}
