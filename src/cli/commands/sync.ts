/**
 * `phoenix sync <target>`: converge one target or all of them. Also the original form
 * `phoenix sync stack <name> to <vmid>`.
 */
import { resolveRoot } from '../../engine/estate.js';
import { buildProviders } from '../../engine/providers.js';
import { UserError } from '../../errors.js';
import type { Trigger } from '../../history/types.js';
import { STAGES, type Change, type Stage } from '../../plan/change.js';
import type { SyncOptions } from '../../plan/options.js';
import { SignalInterrupt } from '../interrupt.js';
import type { Io } from '../io.js';
import type { Reporter } from '../../output/events.js';
import { finish, openSession, type GlobalFlags } from '../output.js';
import { askOnTerminal } from '../prompt.js';
import { runRecorded } from '../../history/recorded-run.js';

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
  /** `--plan FILE`: apply this saved plan, exactly (engine/saved-plan.ts). */
  plan?: string;
  /** `--at REV`: sync this git revision of the root (history/recorded-run.ts). */
  at?: string;
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

/** Run `phoenix sync` (`rollback` runs it too, with its own trigger and command). */
export async function run(
  flags: SyncFlags,
  args: string[],
  io: Io,
  how: { trigger: Trigger; command?: string } = { trigger: 'manual' },
): Promise<number> {
  const s = await openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  const command = how.command ?? `sync ${args.join(' ') || 'all'}${flags.at ? ` --at ${flags.at}` : ''}`;
  s.bus.emit({ type: 'run-start', command, root, dryRun: Boolean(flags.dryRun) });
  const interrupt = new SignalInterrupt().install();
  try {
    return await finish(s, async () => {
      const saved = flags.plan ? await savedRun(flags, args, io, s.bus) : undefined;
      const target = saved ? undefined : parseTarget(args);
      const confirm = confirmation(flags, io, interrupt);
      return runRecorded(
        {
          command,
          root,
          env: io.env,
          cwd: io.cwd,
          stages: saved?.stages ?? target!.stages,
          options: saved?.options ?? syncOptions(flags, target),
          skipChecks: Boolean(flags.skipChecks),
          ...(confirm ? { confirm } : {}),
          ...(saved ? { saved: saved.hook } : {}),
          interrupt,
          reporter: s.bus,
          redactor: s.redactor,
          providers: buildProviders,
        },
        { trigger: how.trigger, ...(flags.at ? { at: flags.at } : {}), savedPlan: Boolean(saved) },
      );
    });
  } finally {
    interrupt.uninstall();
  }
}

/** Flags a saved plan already fixed: given with --plan, they are refused rather than ignored. */
const FIXED_BY_PLAN = {
  prune: '--prune',
  pruneAll: '--prune-all',
  adopt: '--adopt',
  force: '--force',
  pull: '--pull',
  includePortainer: '--include-portainer',
  vm: '--vm',
  stack: '--stack',
  env: '--env',
} as const;

/**
 * `sync [targets] --plan FILE`: the stages, options and filters come from the plan; targets,
 * when given, must name the plan's stages.
 */
async function savedRun(flags: SyncFlags, args: string[], io: Io, reporter: Reporter) {
  const given = (Object.keys(FIXED_BY_PLAN) as (keyof typeof FIXED_BY_PLAN)[]).filter((k) => {
    const v = flags[k];
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
  if (given.length > 0)
    throw new UserError(
      `${given.map((k) => FIXED_BY_PLAN[k]).join(', ')} cannot be combined with --plan: the saved plan already fixed its options and filters`,
      { hint: 'drop them, or make a new plan with them: phoenix plan --out FILE ...' },
    );
  const { readSavedPlan, PlanChecker } = await import('../../engine/saved-plan.js');
  const plan = readSavedPlan(flags.plan!, io.cwd, reporter);
  if (args.length > 0) {
    const asked = parseTarget(args).stages;
    if (asked.join(' ') !== plan.stages.join(' ') || args[0] === 'stack')
      throw new UserError(
        `the saved plan covers ${plan.stages.join(', ')}, not ${args.join(' ')}: a saved plan is applied whole`,
        { hint: `run phoenix sync --plan ${flags.plan} without targets` },
      );
  }
  return {
    stages: plan.stages as Stage[],
    options: { ...plan.options, dryRun: Boolean(flags.dryRun) } satisfies SyncOptions,
    hook: new PlanChecker(plan, flags.plan!),
  };
}

const plural = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

/**
 * Who decides to apply: nobody with --yes; the person at the terminal when stdin is one
 * (whatever stdout is); else the run refuses (exit 1), since CI, cron and pipes cannot
 * answer, and --json never asks.
 */
function confirmation(
  flags: SyncFlags,
  io: Io,
  interrupt: SignalInterrupt,
): ((changes: Change[]) => Promise<boolean>) | undefined {
  if (flags.yes || flags.dryRun) return undefined;
  const refuse = (why: string) => (changes: Change[]) =>
    Promise.reject(
      new UserError(`${plural(changes.length)} planned, nothing applied: ${why}`, {
        hint: 'add --yes to apply without asking (phoenix plan only shows the changes)',
      }),
    );
  if (flags.json) return refuse('--json never asks, so applying needs --yes');
  if (!io.interactive) return refuse('stdin is not a terminal, so there is no one to ask');
  return async (changes) => {
    const answer = await askOnTerminal(`Apply ${plural(changes.length)}? Only "yes" applies: `, {
      signal: interrupt.stop,
      onCtrlC: () => interrupt.trigger('SIGINT'),
    });
    return answer?.trim() === 'yes';
  };
}
