/**
 * `phoenix sync <target>`: converge one target or all of them. Also the original form
 * `phoenix sync stack <name> to <vmid>`.
 */
import { createInterface } from 'node:readline/promises';
import { resolveRoot } from '../../config/load.js';
import { runSync } from '../../engine/pipeline.js';
import { buildProviders } from '../../engine/providers.js';
import { UserError } from '../../errors.js';
import { STAGES, type Change, type Stage } from '../../plan/change.js';
import type { SyncOptions } from '../../providers/provider.js';
import type { Io } from '../io.js';
import { finish, openSession, type GlobalFlags } from '../output.js';

export interface SyncFlags extends GlobalFlags {
  dryRun?: boolean;
  prune?: boolean;
  pruneAll?: boolean;
  adopt?: boolean;
  force?: boolean;
  pull?: boolean;
  includePortainer?: boolean;
  skipChecks?: boolean;
  yes?: boolean;
}

export const TARGETS = ['all', ...STAGES, 'stack'] as const;

/** Parse `<target> [args]` into stages and extra filters. */
export function parseTarget(args: string[]): { stages: Stage[]; vm?: number; stack?: string } {
  const [target = 'all', ...rest] = args;
  if (target === 'all' && rest.length === 0) return { stages: [...STAGES] };
  if ((STAGES as readonly string[]).includes(target) && rest.length === 0)
    return { stages: [target as Stage] };
  if (target === 'stack') {
    const [name, to, vmid] = rest;
    if (!name || to !== 'to' || !vmid || !/^\d+$/.test(vmid) || rest.length !== 3) {
      throw new UserError('usage: phoenix sync stack <name> to <vmid>', {
        hint: 'e.g. phoenix sync stack qdrant to 1002',
      });
    }
    return { stages: ['endpoints', 'stacks'], vm: Number(vmid), stack: name };
  }
  throw new UserError(`unknown sync target "${args.join(' ')}"`, { hint: `targets: ${TARGETS.join(', ')}` });
}

/** SyncOptions from flags. */
export function syncOptions(
  flags: SyncFlags,
  extra: { vm?: number; stack?: string } = {},
  dryRun = Boolean(flags.dryRun),
): SyncOptions {
  const vm = [...(flags.vm ?? []), ...(extra.vm ? [String(extra.vm)] : [])].map((v) => {
    if (!/^\d+$/.test(v)) throw new UserError(`--vm takes a vmid, not "${v}"`);
    return Number(v);
  });
  const stack = [...(flags.stack ?? []), ...(extra.stack ? [extra.stack] : [])];
  return {
    dryRun,
    prune: Boolean(flags.prune || flags.pruneAll),
    pruneAll: Boolean(flags.pruneAll),
    adopt: Boolean(flags.adopt),
    force: Boolean(flags.force),
    pull: Boolean(flags.pull),
    includePortainer: Boolean(flags.includePortainer),
    filters: {
      ...(vm.length ? { vm } : {}),
      ...(stack.length ? { stack } : {}),
      ...(flags.env?.length ? { env: flags.env } : {}),
    },
  };
}

export async function run(flags: SyncFlags, args: string[], io: Io): Promise<number> {
  const s = await openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  s.bus.emit({
    type: 'run-start',
    command: `sync ${args.join(' ') || 'all'}`,
    root,
    dryRun: Boolean(flags.dryRun),
  });
  return finish(s, async () => {
    const target = parseTarget(args);
    return runSync({
      command: `sync ${args.join(' ') || 'all'}`,
      root,
      env: io.env,
      cwd: io.cwd,
      stages: target.stages,
      options: syncOptions(flags, target),
      skipChecks: Boolean(flags.skipChecks),
      ...(io.interactive && !flags.yes && !flags.json
        ? { confirm: (changes: Change[]) => ask(io, changes) }
        : {}),
      reporter: s.bus,
      redactor: s.redactor,
      providers: buildProviders,
    });
  });
}

async function ask(io: Io, changes: Change[]): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `Apply ${changes.length} change${changes.length === 1 ? '' : 's'}? Only "yes" applies: `,
    );
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
