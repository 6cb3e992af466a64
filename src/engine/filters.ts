/**
 * Filters are input too (invalid input is exit 1): a `--vm`, `--stack` or `--env`
 * that names nothing in the config, or a `sync stack <name> to <vmid>` for a stack that VM
 * does not run, is refused before anything is contacted, instead of "converging" nothing.
 */
import type { DesiredState } from '../desired/types.js';
import { UserError } from '../errors.js';
import type { Stage } from '../plan/change.js';
import { narrow } from '../plan/policy.js';
import type { SyncOptions } from '../plan/options.js';

const list = (xs: readonly (string | number)[]) => xs.join(', ') || 'none';

/**
 * The filters of the command line (`--vm`, `--stack`, `--env`, repeated or comma-separated),
 * vmids checked: what every command that takes filters reads them with.
 */
export function parseFilters(flags: {
  vm?: string[];
  stack?: string[];
  env?: string[];
}): SyncOptions['filters'] {
  const vm = (flags.vm ?? []).map((v) => {
    if (!/^\d+$/.test(v)) throw new UserError(`--vm takes a vmid, not "${v}"`);
    return Number(v);
  });
  return {
    ...(vm.length ? { vm } : {}),
    ...(flags.stack?.length ? { stack: flags.stack } : {}),
    ...(flags.env?.length ? { env: flags.env } : {}),
  };
}

/**
 * The desired state narrowed to the filters, after checking them: the one way every command
 * (offline ones included) narrows, so none "succeeds" on a filter that names nothing.
 */
export function narrowChecked(
  full: DesiredState,
  filters: SyncOptions['filters'],
  stages: readonly Stage[],
): DesiredState {
  const narrowed = narrow(full, filters);
  checkFilters(full, narrowed, filters, stages);
  return narrowed;
}

/** Throw UserError when a filter names something unknown, or narrows the stacks to nothing. */
export function checkFilters(
  full: DesiredState,
  narrowed: DesiredState,
  filters: SyncOptions['filters'],
  stages: readonly Stage[],
): void {
  const vms = full.guests.filter((g) => g.kind === 'vm');
  for (const vm of filters.vm ?? []) {
    if (!vms.some((g) => g.id === vm)) {
      throw new UserError(`--vm ${vm}: no VM with that vmid in phoenix_vm_configs.json`, {
        hint: `VMs: ${list(vms.map((g) => g.id))}`,
      });
    }
  }
  for (const stack of filters.stack ?? []) {
    if (full.discovery.stacks.includes(stack)) continue;
    const skipped = full.discovery.skipped.find((s) => s.name === stack);
    throw new UserError(
      `no stack named "${stack}"${skipped ? `: its folder was skipped (${skipped.reason})` : ' under stacks/'}`,
      {
        hint: `stacks: ${list(full.discovery.stacks)}`,
      },
    );
  }
  const envs = [...new Set(full.deployments.map((d) => d.environment))].sort();
  for (const env of filters.env ?? []) {
    if (!envs.includes(env))
      throw new UserError(`--env ${env}: no stack is deployed in an environment of that name`, {
        hint: `environments in use: ${list(envs)}`,
      });
  }
  // A VM filter alone may match no deployment on purpose (pruning a VM emptied of stacks);
  // a stack or environment filter that matches none would silently do nothing.
  const narrowsStacks = Boolean(filters.stack?.length || filters.env?.length);
  if (!narrowsStacks || !stages.includes('stacks') || narrowed.deployments.length > 0) return;
  const where = (stack: string) => {
    const on = full.deployments
      .filter((d) => d.stack === stack)
      .map((d) => `vm ${d.vmid} (${d.vmName}, ${d.environment})`);
    return on.length ? `${stack} is deployed on ${on.join(', ')}` : `${stack} is not assigned to any VM`;
  };
  const vmName = (id: number) => {
    const g = vms.find((x) => x.id === id);
    return g ? `vm ${id} (${g.name})` : `vm ${id}`;
  };
  if (filters.stack?.length === 1 && filters.vm?.length === 1 && !filters.env?.length) {
    throw new UserError(
      `stack ${filters.stack[0]} is not assigned to ${vmName(filters.vm[0]!)}: ${where(filters.stack[0]!)}`,
      {
        hint: `to deploy it there, add "${filters.stack[0]}" to that VM's docker_stacks in phoenix_vm_configs.json`,
      },
    );
  }
  const asked = [
    filters.vm?.length && `vm ${list(filters.vm)}`,
    filters.stack?.length && `stack ${list(filters.stack)}`,
    filters.env?.length && `environment ${list(filters.env)}`,
  ].filter(Boolean);
  throw new UserError(
    `no stack deployment matches ${asked.join(', ')}${filters.stack?.length ? `: ${filters.stack.map(where).join('; ')}` : ''}`,
    {
      hint: "a stack is deployed to a VM by listing it in that VM's docker_stacks in phoenix_vm_configs.json",
    },
  );
}
