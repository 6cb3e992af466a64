/**
 * Retention (pure): a stack deployment that left the config keeps running until `--prune`
 * deletes it, so what was derived from it — its DNS records, firewall rules and routes — must
 * stay too. Derivation takes those departed deployments as an input (derive's `retain`); this
 * puts them back into a copy of the config as assignments, where their stack folder and VM
 * still exist.
 */
import type { LoadedConfig } from '../config/load.js';

/** Which departed deployments are kept, and which cannot be (with why). */
export interface Retention {
  /** Departed deployment ids whose entries are kept. */
  kept: string[];
  /** Departed deployment ids that cannot be derived again (folder or VM gone, a clash), with why. */
  lost: { id: string; reason: string }[];
}

/** `<vmid>/<stack>-<environment>` → the stack and environment, if the config still has them. */
function resolveDeployment(
  config: LoadedConfig,
  id: string,
): { vmIndex: number; stack: string; environment: string } | string {
  const [vm, name = ''] = id.split('/');
  const vmIndex = config.vms.vms.findIndex((v) => String(v.vmid) === vm);
  if (vmIndex < 0) return `VM ${vm} is no longer in the config`;
  for (const [stack, s] of config.stacks) {
    for (const environment of Object.keys(s.manifest.environments)) {
      if (`${stack}-${environment}` === name) return { vmIndex, stack, environment };
    }
  }
  // A stack without environments deploys in any: the rest of the name is its environment.
  for (const [stack, s] of config.stacks) {
    if (Object.keys(s.manifest.environments).length === 0 && name.startsWith(`${stack}-`))
      return { vmIndex, stack, environment: name.slice(stack.length + 1) };
  }
  return `its stack folder or environment is gone`;
}

/** The config with the `departed` deployments assigned again, and which of them could be. */
export function assignDeparted(
  config: LoadedConfig,
  departed: readonly string[],
): Retention & { config: LoadedConfig } {
  const vms = structuredClone(config.vms);
  const kept: string[] = [];
  const lost: Retention['lost'] = [];
  for (const id of departed) {
    const r = resolveDeployment(config, id);
    if (typeof r === 'string') {
      lost.push({ id, reason: r });
      continue;
    }
    (vms.vms[r.vmIndex]!.docker_stacks ??= []).push({ name: r.stack, environment: r.environment });
    kept.push(id);
  }
  return { config: { ...config, vms }, kept, lost };
}
