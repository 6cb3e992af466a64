/** `phoenix check`: the readiness checks alone (stage 3), as a table. */
import { createColors } from 'picocolors';
import { resolveRoot } from '../../engine/estate.js';
import { checksFor, runChecks } from '../../engine/checks.js';
import { loadEstate } from '../../engine/estate.js';
import { narrowChecked, parseFilters } from '../../engine/filters.js';
import { STAGES } from '../../plan/change.js';
import { CheckError } from '../../errors.js';
import type { Io } from '../io.js';
import { finish, openSession, type GlobalFlags } from '../output.js';

export async function run(flags: GlobalFlags, _args: string[], io: Io): Promise<number> {
  const s = await openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  s.bus.emit({ type: 'run-start', command: 'check', root, dryRun: true });
  return finish(s, async () => {
    const { desired } = await loadEstate(root, io.env, s.bus, s.redactor, io.cwd);
    // Filters are input too: one that names nothing is an error here as in every command.
    narrowChecked(desired, parseFilters(flags), STAGES);
    const results = await runChecks(
      checksFor(desired, desired.portainer.url, desired.dnsServer.listenAddress),
      { emit: () => undefined },
    );
    for (const r of results) s.bus.emit({ type: 'check-end', ...r });
    if (!flags.json) {
      const c = createColors(flags.color && io.isTTY && !('NO_COLOR' in io.env));
      const w = Math.max(5, ...results.map((r) => r.name.length));
      const rows = results.map((r) => {
        const status = r.ok ? c.green('ok  ') : r.required ? c.red('FAIL') : c.yellow('warn');
        return `${r.name.padEnd(w)}  ${status}  ${r.required ? 'required' : 'advisory'}  ${String(r.durationMs).padStart(5)} ms  ${r.detail}`;
      });
      io.out(
        s.redactor.redact([`${'check'.padEnd(w)}  state  kind      time      detail`, ...rows].join('\n')) +
          '\n',
      );
    }
    const failed = results.filter((r) => r.required && !r.ok);
    if (failed.length)
      throw new CheckError(
        `${failed.length} required check${failed.length === 1 ? '' : 's'} failed: ${failed.map((f) => f.name).join(', ')}`,
      );
    return 0;
  });
}
