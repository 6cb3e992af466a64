/** `phoenix validate`: stage 1 alone. */
import { resolveRoot } from '../../engine/estate.js';
import { loadEstate } from '../../engine/estate.js';
import { narrowChecked, parseFilters } from '../../engine/filters.js';
import { STAGES } from '../../plan/change.js';
import type { Io } from '../io.js';
import { finish, openSession, type GlobalFlags } from '../output.js';

export async function run(flags: GlobalFlags, _args: string[], io: Io): Promise<number> {
  const s = await openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  s.bus.emit({ type: 'run-start', command: 'validate', root, dryRun: true });
  return finish(s, async () => {
    const { desired, diagnostics } = await loadEstate(root, io.env, s.bus, s.redactor, io.cwd);
    // Filters are input too: one that names nothing is an error here as in every command.
    narrowChecked(desired, parseFilters(flags), STAGES);
    const w = diagnostics.warnings.length;
    s.bus.emit({
      type: 'log',
      level: 'info',
      message: `${root}: valid (${desired.guests.length} guests, ${desired.deployments.length} deployments, ${desired.routes.routers.length} routes, ${desired.dns.length} DNS records${w ? `, ${w} warning${w === 1 ? '' : 's'}` : ''})`,
    });
    return 0;
  });
}
