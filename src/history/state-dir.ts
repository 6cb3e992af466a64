/**
 * Where a root keeps its run history: `sync.state_dir` of its global file (relative paths
 * under the root), read before the run so the run can be recorded from its first event.
 * Read leniently: a file that does not parse gives the default here, and the run's own
 * loading reports the problem where it is.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The state dir when the root names none. */
export const DEFAULT_STATE_DIR = '/var/lib/phoenix';

/** The absolute state dir of `root`. */
export function stateDirOf(root: string): string {
  let dir: unknown;
  try {
    const text = readFileSync(join(root, 'etc', 'phoenix_hypervisor_config.json'), 'utf8');
    const global = JSON.parse(text) as { sync?: { state_dir?: unknown } };
    dir = global.sync?.state_dir;
  } catch {
    dir = undefined;
  }
  return resolve(root, typeof dir === 'string' && dir.length > 0 ? dir : DEFAULT_STATE_DIR);
}
