/**
 * `phoenix graph`: the estate as a picture (Mermaid, DOT or SVG) on stdout. Without
 * `--from-plan` nothing is contacted; `--from-plan` colours what a sync would create, change
 * or delete from the live plan (what `phoenix plan` shows), `--from-plan --offline` from the
 * offline plan, where everything is a create.
 */
import { resolveRoot } from '../../engine/estate.js';
import { UserError } from '../../errors.js';
import type { Io } from '../io.js';
import { finish, openSession } from '../output.js';
import { syncOptions, type SyncFlags } from './sync.js';

/** Flags of `phoenix graph`. */
export interface GraphFlags extends SyncFlags {
  format?: string;
  fromPlan?: boolean;
  offline?: boolean;
}

export async function run(flags: GraphFlags, _args: string[], io: Io): Promise<number> {
  // The picture is the output: no JSON report around it.
  const s = await openSession({ ...flags, json: undefined }, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  s.bus.emit({ type: 'run-start', command: 'graph', root, dryRun: true });
  return finish(s, async () => {
    const [{ estateGraph, GRAPH_FORMATS }, { buildProviders }] = await Promise.all([
      import('../../engine/graph.js'),
      import('../../engine/providers.js'),
    ]);
    const format = flags.format ?? 'mermaid';
    if (!(GRAPH_FORMATS as readonly string[]).includes(format))
      throw new UserError(`--format ${format}: not a format phoenix graph writes`, {
        hint: `formats: ${GRAPH_FORMATS.join(', ')}`,
      });
    if (flags.offline && !flags.fromPlan)
      throw new UserError('--offline only makes sense with --from-plan', {
        hint: 'phoenix graph alone contacts nothing; --from-plan --offline colours everything as a create',
      });
    const text = await estateGraph({
      root,
      env: io.env,
      cwd: io.cwd,
      format: format as (typeof GRAPH_FORMATS)[number],
      plan: !flags.fromPlan ? 'none' : flags.offline ? 'offline' : 'live',
      options: syncOptions(flags, {}, true),
      reporter: s.bus,
      redactor: s.redactor,
      providers: buildProviders,
    });
    io.out(s.redactor.redact(text));
    return 0;
  });
}
