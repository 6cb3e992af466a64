/**
 * `phoenix plan`: what `sync all` would change (= `sync all --dry-run`). `--offline`
 * contacts nothing: the same planner against nothing observed, so everything is a create.
 */
import { resolve } from 'node:path';
import { resolveRoot } from '../../engine/estate.js';
import { loadEstate } from '../../engine/estate.js';
import { narrowChecked } from '../../engine/filters.js';
import { actionable, STAGES } from '../../plan/change.js';
import { unmet } from '../../plan/policy.js';
import { UserError } from '../../errors.js';
import type { Io } from '../io.js';
import { finish, openSession } from '../output.js';
import { syncOptions, type SyncFlags } from './sync.js';

export async function run(
  flags: SyncFlags & { offline?: boolean; detailedExitcode?: boolean; out?: string },
  _args: string[],
  io: Io,
): Promise<number> {
  const s = await openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  s.bus.emit({ type: 'run-start', command: 'plan', root, dryRun: true });
  return finish(s, async () => {
    if (flags.out !== undefined && flags.offline)
      throw new UserError(
        '--out cannot be combined with --offline: an offline plan observed nothing to apply',
        {
          hint: 'phoenix plan --out FILE contacts the targets, like sync',
        },
      );
    if (!flags.offline) {
      const [{ runSync }, { buildProviders }, { PlanWriter }] = await Promise.all([
        import('../../engine/pipeline.js'),
        import('../../engine/providers.js'),
        import('../../engine/saved-plan.js'),
      ]);
      const options = syncOptions(flags, {}, true);
      const { dryRun: _dryRun, ...fixed } = options;
      return runSync({
        command: 'plan',
        root,
        env: io.env,
        cwd: io.cwd,
        stages: [...STAGES],
        options,
        ...(flags.out !== undefined
          ? { saved: new PlanWriter({ stages: STAGES, options: fixed }, resolve(io.cwd, flags.out), s.bus) }
          : {}),
        skipChecks: true,
        detailedExitCode: Boolean(flags.detailedExitcode),
        reporter: s.bus,
        redactor: s.redactor,
        providers: buildProviders,
      });
    }
    const { desired } = await loadEstate(root, io.env, s.bus, s.redactor, io.cwd);
    const options = syncOptions(flags, {}, true);
    // Offline or not, a filter that names nothing is an error (the live path checks in runSync).
    const narrowed = narrowChecked(desired, options.filters, STAGES);
    const { offlinePlan } = await import('../../engine/offline.js');
    const changes = await offlinePlan(narrowed, options, s.bus, s.redactor);
    for (const stage of STAGES)
      s.bus.emit({ type: 'plan', stage, changes: changes.filter((c) => c.stage === stage) });
    s.bus.emit({ type: 'planned', pending: actionable(changes).length });
    const drift = actionable(changes).length + unmet(changes).length;
    return flags.detailedExitcode && drift > 0 ? 2 : 0;
  });
}
