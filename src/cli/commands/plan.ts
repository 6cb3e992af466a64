/** `phoenix plan`: what sync all would change. `--offline` contacts nothing. */
import { resolveRoot } from '../../config/load.js';
import { loadEstate } from '../../engine/estate.js';
import { UserError } from '../../errors.js';
import { actionable } from '../../plan/change.js';
import { offlinePlan } from '../../plan/offline.js';
import { STAGES } from '../../plan/change.js';
import type { Io } from '../main.js';
import { finish, openSession, type GlobalFlags } from '../output.js';

export async function run(flags: GlobalFlags & { offline?: boolean; detailedExitcode?: boolean }, _args: string[], io: Io): Promise<number> {
  const s = openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  s.bus.emit({ type: 'run-start', command: 'plan', root, dryRun: true });
  return finish(s, async () => {
    const { desired } = loadEstate(root, io.env, s.bus, s.redactor);
    if (!flags.offline) throw new UserError('live planning arrives with the sync stages', { hint: 'use --offline' });
    const changes = offlinePlan(desired);
    for (const stage of STAGES) s.bus.emit({ type: 'plan', stage, changes: changes.filter((c) => c.stage === stage) });
    return flags.detailedExitcode && actionable(changes).length > 0 ? 2 : 0;
  });
}
