/**
 * The bundled example, loaded in-process: the only I/O the derivation tests do. Each call
 * reads the files again, so a test may change the loaded config in memory freely.
 */
import { Diagnostics } from '../../src/config/diagnostics.js';
import { loadRoot, type LoadedConfig } from '../../src/config/load.js';
import { derive } from '../../src/desired/derive.js';
import type { DesiredState } from '../../src/desired/types.js';
import { EXAMPLE } from './root.js';

/** Load a root (default: examples/homelab); throws when the files themselves do not load. */
export function loadExample(
  root: string = EXAMPLE,
  env: NodeJS.ProcessEnv = {},
): { config: LoadedConfig; diags: Diagnostics } {
  const diags = new Diagnostics();
  const config = loadRoot(root, diags, env);
  if (!config) throw new Error(`cannot load ${root}:\n${diags.items.map((d) => d.message).join('\n')}`);
  return { config, diags };
}

/** Derive the desired state of a loaded config; `errors` are the messages of every error. */
export function deriveConfig(
  config: LoadedConfig,
  diags = new Diagnostics(),
): { desired: DesiredState; diags: Diagnostics; errors: string[] } {
  const desired = derive(config, diags);
  return { desired, diags, errors: diags.errors.map((d) => d.message) };
}

/**
 * The bundled example's desired state, loaded and derived for real, with a fixed root so
 * file headers (and so golden files) do not depend on where the checkout lives.
 */
export function exampleDesired(): DesiredState {
  const { config, diags } = loadExample();
  const { desired, errors } = deriveConfig(config, diags);
  if (errors.length) throw new Error(`the example does not load: ${errors.join('; ')}`);
  return { ...desired, root: '/usr/local/phoenix_hypervisor' };
}
