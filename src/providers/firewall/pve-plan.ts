/**
 * Planning the Proxmox VE firewall files (pure): which files Phoenix touches and their merged
 * content, given what is live. The decisions, in one table:
 *
 * | file                                   | result                                        |
 * |----------------------------------------|-----------------------------------------------|
 * | cluster.fw                             | merged (options + global rules), always       |
 * | <vmid>.fw of a guest with rules        | merged (created with a header if missing)     |
 * | other <vmid>.fw with marked rules      | marked rules removed; with --prune, a file    |
 * |                                        | that is wholly Phoenix's is deleted instead   |
 * | wholly Phoenix's, no rules left        | delete (blocked without --prune)              |
 * | anything else                          | not Phoenix's: never touched                  |
 *
 * Shared files are merged, so they are never refused for lacking the header; the header only
 * tells which files Phoenix may delete. A filter (--vm, --stack, --env) narrows the files
 * planned to the guests it selects (and leaves cluster.fw out); it never prunes the rest.
 */
import { basename, join } from 'node:path';
import type { DesiredState } from '../../desired/types.js';
import { UserError } from '../../errors.js';
import type { Change } from '../../plan/change.js';
import type { SyncOptions } from '../../plan/options.js';
import { selectedGuests } from '../../plan/policy.js';
import { planFiles, type DesiredFile, type LiveFile } from '../files/index.js';
import { parsePveFile } from './pve-parse.js';
import { isWhollyPhoenix, mergePveFile, policyOptions, pveHeader, stripPhoenixRules } from './pve-render.js';
import { ruleProblems, type RuleScope } from '../../syntax/firewall/validate.js';
import type { FirewallRule } from '../../desired/types.js';

/** Resource kind of a PVE firewall file. */
export const PVE_FILE_KIND = 'pve-firewall-file';

/** The vmid of `<vmid>.fw`, or undefined for cluster.fw and other files. */
export function vmidOf(path: string): number | undefined {
  const m = /^(\d+)\.fw$/.exec(basename(path));
  return m ? Number(m[1]) : undefined;
}

function checkRules(rules: readonly FirewallRule[], scope: RuleScope, where: string): void {
  for (const r of rules) {
    const problems = ruleProblems(r, scope);
    if (problems.length > 0) {
      throw new UserError(
        `invalid firewall rule for ${where}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
        {
          hint: 'pve-firewall skips a rule it cannot parse with only a log line, so Phoenix refuses to write it',
        },
      );
    }
  }
}

/** The files to write and the live files with ownership as planning needs it. */
export function pveFiles(
  desired: DesiredState,
  dir: string,
  live: readonly LiveFile[],
  opts: { prune: boolean; filters: SyncOptions['filters'] },
): { desired: DesiredFile[]; live: LiveFile[] } {
  const selected = selectedGuests(desired, opts.filters);
  const inScope = (path: string) => {
    const vmid = vmidOf(path);
    return selected === undefined || (vmid !== undefined && selected.has(vmid));
  };
  const header = pveHeader(desired.ownerId, desired.root);
  const liveByPath = new Map(live.filter((f) => inScope(f.id)).map((f) => [f.id, f.value]));
  const files: DesiredFile[] = [];

  const cluster = join(dir, 'cluster.fw');
  if (selected === undefined) {
    const { policy, rules } = desired.firewall.cluster;
    checkRules(rules, 'cluster', 'cluster.fw');
    files.push({
      path: cluster,
      content: mergePveFile(liveByPath.get(cluster), { options: policyOptions(policy), rules }, header),
    });
  }
  for (const g of desired.firewall.guests) {
    const path = join(dir, `${g.guest.id}.fw`);
    if (g.rules.length === 0 || !inScope(path)) continue;
    checkRules(g.rules, 'guest', `guest ${g.guest.id}`);
    files.push({
      path,
      content: mergePveFile(
        liveByPath.get(path),
        { options: policyOptions(g.policy), rules: g.rules },
        header,
      ),
    });
  }

  const wanted = new Set(files.map((f) => f.path));
  const planned: LiveFile[] = [];
  for (const [path, content] of liveByPath) {
    const file = { id: path, kind: PVE_FILE_KIND, value: content };
    if (wanted.has(path)) {
      planned.push({ ...file, owned: true });
      continue;
    }
    const wholly = vmidOf(path) !== undefined && isWhollyPhoenix(content, desired.ownerId);
    const marked = parsePveFile(content).lines.some((l) => l.marked === true);
    if (marked && !(wholly && opts.prune)) files.push({ path, content: stripPhoenixRules(content) });
    planned.push({ ...file, owned: marked || wholly });
  }
  return { desired: files, live: planned };
}

/**
 * Compare the PVE firewall files. The scope of a delete (refuse-on-empty, plan/policy.ts) is
 * every firewall file of the view when some guest has rules in the config, and the guest
 * files alone when none has: deleting every guest file then needs --prune-all.
 */
export function planPve(
  desired: DesiredState,
  dir: string,
  live: readonly LiveFile[],
  opts: Pick<SyncOptions, 'prune' | 'filters'>,
): Change<string>[] {
  const files = pveFiles(desired, dir, live, opts);
  const changes = planFiles(files.desired, files.live, {
    stage: 'firewall',
    kind: PVE_FILE_KIND,
    label: (path) =>
      vmidOf(path) === undefined
        ? `${basename(path)} (cluster rules)`
        : `${basename(path)} (guest ${vmidOf(path)})`,
  });
  const anyGuestRules = desired.firewall.guests.some((g) => g.rules.length > 0);
  if (anyGuestRules) return changes;
  return changes.map((c) => (c.action === 'delete' ? { ...c, scope: 'guest firewall files' } : c));
}
