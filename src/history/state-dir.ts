/**
 * What the run history needs of a root before its run loads it: `sync.state_dir` of its
 * global file (relative paths under the root), so the run can be recorded from its first
 * event, and its owner id, to compare a git revision with the live root. Read leniently: a
 * file that does not parse gives the default here, and the run's own loading reports the
 * problem where it is.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SyncSettings } from '../config/settings.js';
import { ownerIdOf } from '../desired/derive.js';

/** The state dir when the root names none. */
export const DEFAULT_STATE_DIR = '/var/lib/phoenix';

/** The few keys of the global file read here, unchecked. */
interface GlobalPeek {
  domain_name?: unknown;
  sync?: { state_dir?: unknown; owner_id?: unknown };
}

/** The global file of the root (or revision) at `dir`, parsed; undefined when it cannot be. */
function peekGlobal(dir: string): GlobalPeek | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'etc', 'phoenix_hypervisor_config.json'), 'utf8')) as GlobalPeek;
  } catch {
    return undefined;
  }
}

/** The absolute state dir of `root`. */
export function stateDirOf(root: string): string {
  const dir = peekGlobal(root)?.sync?.state_dir;
  return resolve(root, typeof dir === 'string' && dir.length > 0 ? dir : DEFAULT_STATE_DIR);
}

/** The owner id the global file at `dir` gives; undefined when it cannot tell. */
export function ownerIdIn(dir: string): string | undefined {
  const g = peekGlobal(dir);
  const owner = typeof g?.sync?.owner_id === 'string' ? g.sync.owner_id : undefined;
  if (owner === undefined && typeof g?.domain_name !== 'string') return undefined;
  // Only owner_id is read from the settings; the rest of them play no part in the owner id.
  return ownerIdOf({ owner_id: owner } as SyncSettings, String(g?.domain_name ?? ''));
}
