/**
 * `phoenix serve`: keep the estate converged from the root's git upstream, in the
 * foreground (src/serve/start.ts). Logs one line per event on stderr; stdout stays empty.
 */
import { resolveRoot } from '../../engine/estate.js';
import type { Io } from '../io.js';
import type { GlobalFlags } from '../output.js';
import { syncOptions, type SyncFlags } from './sync.js';

/** Run `phoenix serve` until SIGTERM or SIGINT. */
export async function run(flags: GlobalFlags & SyncFlags, _args: string[], io: Io): Promise<number> {
  const { serve } = await import('../../serve/start.js');
  return serve({
    root: resolveRoot(flags.root, io.env, io.cwd),
    env: io.env,
    cwd: io.cwd,
    // The sync flags serve accepts apply to every sync it runs; filters are not offered.
    options: syncOptions({ ...flags, vm: [], stack: [], env: [] }),
    verbose: Boolean(flags.verbose),
    err: io.err,
  });
}
