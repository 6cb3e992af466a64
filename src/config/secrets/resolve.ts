/**
 * The asynchronous half of loading: decrypt the age: and sops: references the loader left
 * pending, then report how each secret file is kept, located at the first reference to it.
 * Errors of a reference are reported where it is used (a stack variable is checked while
 * deriving), so a bad reference is a located error, like a missing env: variable.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { LoadedConfig } from '../load.js';
import { isEncryptedRef, resolveSecretAsync, SecretSession } from '../secret-ref.js';
import type { Source } from '../source.js';

/** Where secret references may appear in the global config. */
const GLOBAL_SITES: readonly (readonly string[])[] = [
  ['portainer_api', 'admin_password'],
  ['portainer_api', 'api_key'],
  ['sync', 'portainer', 'api_key'],
  ['sync', 'marker_key'],
];

/** Replace every pending age:/sops: entry of `config.secrets` by its decrypted value or problem. */
export async function resolveEncryptedSecrets(config: LoadedConfig, env: NodeJS.ProcessEnv): Promise<void> {
  const session = new SecretSession(env);
  for (const ref of [...config.secrets.keys()])
    if (isEncryptedRef(ref))
      config.secrets.set(ref, await resolveSecretAsync(ref, config.root, env, session));
}

/**
 * Report how the secret files are kept: one warning for all of them (a root with ten
 * world-readable secret files gets one line, not ten), at the first reference concerned.
 */
export function reportSecretWarnings(config: LoadedConfig, diags: Diagnostics): void {
  const warnings = new Map<string, { message: string; hint: string; ref: string }>();
  for (const [ref, resolution] of config.secrets)
    for (const w of resolution.warnings ?? [])
      if (!warnings.has(w.message)) warnings.set(w.message, { ...w, ref });
  const all = [...warnings.values()];
  if (all.length === 0) return;
  const at = secretSites(config).get(all[0]!.ref) ?? config.globalDoc.at([]);
  if (all.length === 1) return diags.warn('secret-file-mode', at, all[0]!.message, all[0]!.hint);
  diags.warn(
    'secret-file-mode',
    at,
    `${all.length} secret files are readable by group or others: ${all.map((w) => w.message.replace(/ is readable by group or others/, '')).join('; ')}`,
    all.map((w) => w.hint).join(' && '),
  );
}

/** The first place each reference is written, in file order of the config. */
function secretSites(config: LoadedConfig): Map<string, Source> {
  const sites = new Map<string, Source>();
  const note = (value: unknown, at: () => Source) => {
    if (typeof value === 'string' && !sites.has(value)) sites.set(value, at());
  };
  for (const path of GLOBAL_SITES) {
    const value = path.reduce<unknown>(
      (v, k) => (v as Record<string, unknown> | undefined)?.[k],
      config.globalDoc.value,
    );
    note(value, () => config.globalDoc.at(path));
  }
  for (const stack of config.stacks.values())
    for (const [envName, env] of Object.entries(stack.manifest.environments))
      for (const [k, v] of (env.variables ?? []).entries())
        note(v.value, () => stack.manifestDoc.at(['environments', envName, 'variables', k, 'value']));
  return sites;
}
