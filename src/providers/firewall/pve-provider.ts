/**
 * The Proxmox VE firewall target: cluster.fw and `<vmid>.fw` under `pve_dir`, merged (see
 * pve-render.ts) and written with the shared file mechanics. pve-firewall re-reads the files
 * by itself (about every 10 s), so nothing is reloaded unless `apply_command` is set.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ApplyError, errorMessage } from '../../errors.js';
import type { Change } from '../../plan/change.js';
import type { ApplyResult, Provider, ProviderContext } from '../provider.js';
import { applyFiles, observeFiles, resolveSettingPath, runCommand, type LiveFile } from '../files/index.js';
import { selectedGuests } from '../../plan/policy.js';
import { PVE_FILE_KIND, planPve } from './pve-plan.js';

/** Where the PVE files of this run live. */
export function pveDir(ctx: Pick<ProviderContext, 'desired'>): string {
  return resolveSettingPath(ctx.desired.root, ctx.desired.settings.firewall.pve_dir);
}

/** Phoenix's provider for `firewall.backend: pve`. */
export class PveFirewallProvider implements Provider<LiveFile[]> {
  readonly stage = 'firewall' as const;

  async observe(ctx: ProviderContext): Promise<LiveFile[]> {
    const dir = pveDir(ctx);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      throw new ApplyError(`cannot read the Proxmox VE firewall directory ${dir}: ${errorMessage(err)}`, {
        cause: err,
        hint: 'run Phoenix on a Proxmox VE node, or set sync.firewall.pve_dir (or backend: nftables)',
      });
    }
    const paths = [
      join(dir, 'cluster.fw'),
      ...names.filter((n) => /^\d+\.fw$/.test(n)).map((n) => join(dir, n)),
    ];
    const live = await observeFiles(paths, {
      ownerId: ctx.desired.ownerId,
      kind: PVE_FILE_KIND,
      ownedWithoutHeader: () => true,
    });
    this.warnAboutNics(ctx);
    return live;
  }

  plan(ctx: ProviderContext, live: LiveFile[]): Change[] {
    return planPve(ctx.desired, pveDir(ctx), live, ctx.options);
  }

  apply(ctx: ProviderContext, changes: Change[], _live: LiveFile[]): Promise<ApplyResult[]> {
    const { settings } = ctx.desired;
    const timeoutMs = settings.command_timeout_seconds * 1000;
    const check = settings.firewall.check_command;
    const reload = settings.firewall.apply_command;
    const dir = pveDir(ctx);
    // Changes of this provider come from planFiles: their values are file contents.
    return applyFiles(ctx, changes as Change<string>[], {
      ...(check
        ? {
            validate: async ({ tmpPath }, signal) =>
              void (await runCommand(check, { file: tmpPath, timeoutMs, signal })),
          }
        : {}),
      ...(reload
        ? { reload: async (signal) => void (await runCommand(reload, { file: dir, timeoutMs, signal })) }
        : {}),
    });
  }

  /** A guest's rules work only with `firewall=1` on its NIC, which lives in the VM config. */
  private warnAboutNics(ctx: ProviderContext): void {
    const selected = selectedGuests(ctx.desired, ctx.options.filters);
    for (const g of ctx.desired.firewall.guests) {
      if (g.rules.length === 0 || (selected && !selected.has(g.guest.id))) continue;
      ctx.reporter.emit({
        type: 'log',
        level: 'warn',
        scope: 'firewall',
        code: 'pve-nic-firewall',
        subject: String(g.guest.id),
        message: `${g.guest.kind} ${g.guest.id} (${g.guest.name}): its firewall rules apply only if its network device has firewall=1 (set it in the guest's config; Phoenix does not change guest configs)`,
      });
    }
  }
}
