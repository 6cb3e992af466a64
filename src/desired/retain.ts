/**
 * Retention (pure): a stack deployment that left the config keeps running until `--prune`
 * deletes it, so what was derived from it — its DNS records, firewall rules and routes —
 * must stay too. This re-derives the file targets' desired state with those departed
 * deployments assigned again, as long as their stack folder and environment still exist.
 */
import { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { derive } from './derive.js';
import type { DesiredState } from './types.js';

export interface Retention {
  /** DNS, firewall and routes including the departed deployments' entries. */
  desired: DesiredState;
  /** Departed deployment ids whose entries are kept. */
  kept: string[];
  /** Departed deployment ids that cannot be re-derived (folder or VM gone), with why. */
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

/** Desired state with `departed` deployments assigned again; undefined when none can be. */
export function retainDeparted(config: LoadedConfig, departed: readonly string[]): Retention | undefined {
  const vms = structuredClone(config.vms);
  const kept: string[] = [];
  const lost: { id: string; reason: string }[] = [];
  for (const id of departed) {
    const r = resolveDeployment(config, id);
    if (typeof r === 'string') {
      lost.push({ id, reason: r });
      continue;
    }
    (vms.vms[r.vmIndex]!.docker_stacks ??= []).push({ name: r.stack, environment: r.environment });
    kept.push(id);
  }
  if (kept.length === 0) return undefined;
  const diags = new Diagnostics();
  const desired = derive({ ...config, vms }, diags);
  if (diags.hasErrors) {
    // The departed entries clash with the new config (a reused port or Host): they cannot be kept.
    return { desired, kept: [], lost: kept.map((id) => ({ id, reason: diags.errors[0]!.message })) };
  }
  return { desired, kept, lost };
}
