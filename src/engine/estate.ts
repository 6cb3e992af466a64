/**
 * Stage 1, load and validate: read the root, decrypt its age:/sops: secret references,
 * validate everything, derive the desired state. Diagnostics are emitted as events; any
 * error stops here with a UserError (exit 1), so nothing is ever touched on bad input.
 */
import { Diagnostics } from '../config/diagnostics.js';
import { loadRoot, type LoadedConfig } from '../config/load.js';
import { derive } from '../desired/derive.js';
import type { DesiredState } from '../desired/types.js';
import { UserError } from '../errors.js';
import type { Reporter } from '../output/events.js';
import type { Redactor } from '../secrets.js';
import { isSecretRef } from '../config/secret-ref.js';
import { reportSecretWarnings, resolveEncryptedSecrets } from '../config/secrets/resolve.js';

/**
 * Which root a command works on (`--root`, `PHOENIX_ROOT`, the default root, or the current
 * directory): the CLI asks the engine, which owns how a root is read.
 */
export { resolveRoot } from '../config/load.js';

export interface Estate {
  desired: DesiredState;
  /** The validated config it was derived from (re-derived to keep departed stacks' entries). */
  config: LoadedConfig;
  diagnostics: Diagnostics;
}

/** Load, validate and derive; throws UserError when anything is invalid. */
export async function loadEstate(
  root: string,
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
  redactor: Redactor,
  cwd?: string,
  /** Read the files from here instead (a materialised git revision); paths stay the root's. */
  source?: string,
): Promise<Estate> {
  const diags = new Diagnostics();
  const config = loadRoot(root, diags, env, cwd, source);
  if (config) {
    // Decryption is asynchronous; derivation reads the secrets, so it waits for them.
    await resolveEncryptedSecrets(config, env);
    reportSecretWarnings(config, diags);
  }
  const desired = config ? derive(config, diags) : undefined;
  if (config) {
    for (const s of config.secrets.values()) if (s.ok) redactor.add(s.value);
    // Plaintext Portainer credentials (references were resolved and added just above).
    for (const value of [
      config.global.portainer_api?.admin_password,
      config.global.sync?.portainer.api_key,
    ]) {
      if (value !== undefined && !isSecretRef(value)) redactor.add(value);
    }
  }
  for (const d of desired?.deployments ?? [])
    for (const v of d.variables) if (v.secret) redactor.add(v.value);
  // Before any warning, so renderers know which codes the root silences.
  const ignore = config?.global.sync?.ignore_warnings ?? [];
  if (ignore.length > 0) reporter.emit({ type: 'warning-policy', ignore });
  for (const diagnostic of diags.sorted()) reporter.emit({ type: 'diagnostic', diagnostic });
  if (!config || !desired || diags.hasErrors) {
    const n = diags.errors.length;
    throw new UserError(
      `${n} problem${n === 1 ? '' : 's'} in the configuration under ${root}; nothing was changed`,
    );
  }
  reporter.emit({ type: 'discovery', stacks: desired.discovery.stacks, skipped: desired.discovery.skipped });
  return { desired, config, diagnostics: diags };
}
