/**
 * `phoenix plan`: what `sync all` would change (= `sync all --dry-run`). `--offline`
 * contacts nothing and shows every desired resource as a create.
 */
import { resolveRoot } from '../../config/load.js';
import { loadEstate } from '../../engine/estate.js';
import { narrowChecked } from '../../engine/filters.js';
import { actionable, STAGES } from '../../plan/change.js';
import { offlinePlan } from '../../plan/offline.js';
import { unmet } from '../../plan/policy.js';
import type { Io } from '../io.js';
import { finish, openSession } from '../output.js';
import { syncOptions, type SyncFlags } from './sync.js';

export async function run(
  flags: SyncFlags & { offline?: boolean; detailedExitcode?: boolean },
  _args: string[],
  io: Io,
): Promise<number> {
  const s = await openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  s.bus.emit({ type: 'run-start', command: 'plan', root, dryRun: true });
  return finish(s, async () => {
    if (!flags.offline) {
      const [{ runSync }, { buildProviders }] = await Promise.all([
        import('../../engine/pipeline.js'),
        import('../../engine/providers.js'),
      ]);
      return runSync({
        command: 'plan',
        root,
        env: io.env,
        cwd: io.cwd,
        stages: [...STAGES],
        options: syncOptions(flags, {}, true),
        skipChecks: true,
        detailedExitCode: Boolean(flags.detailedExitcode),
        reporter: s.bus,
        redactor: s.redactor,
        providers: buildProviders,
      });
    }
    const { desired } = await loadEstate(root, io.env, s.bus, s.redactor, io.cwd);
    // Offline or not, a filter that names nothing is an error (the live path checks in runSync).
    const changes = offlinePlan(narrowChecked(desired, syncOptions(flags, {}, true).filters, STAGES));
    for (const stage of STAGES)
      s.bus.emit({ type: 'plan', stage, changes: changes.filter((c) => c.stage === stage) });
    s.bus.emit({ type: 'planned', pending: actionable(changes).length });
    const drift = actionable(changes).length + unmet(changes).length;
    return flags.detailedExitcode && drift > 0 ? 2 : 0;
  });
}
