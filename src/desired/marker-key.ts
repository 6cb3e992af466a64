/**
 * `sync.marker_key` (pure): the key that makes change markers of stacks with secrets keyed
 * (desired/marker.ts). It is itself a secret of the estate, so only a reference to it is
 * accepted; every machine that syncs the root must resolve the same key.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { isSecretRef } from '../config/secret-ref.js';
import type { Source } from '../config/source.js';
import type { StackDeployment } from './types.js';

/** Shortest key accepted: a shorter one could be guessed along with the secrets. */
export const MIN_MARKER_KEY_LENGTH = 16;

/**
 * The resolved key, or undefined when none is set. A key written in plain text, an
 * unresolvable reference or a short key is an error: silently falling back to unkeyed
 * markers would change every keyed marker and hide secret changes on the docker backend.
 */
export function markerKeyOf(config: LoadedConfig, diags: Diagnostics): string | undefined {
  const ref = config.global.sync?.marker_key;
  if (ref === undefined) return undefined;
  const at = config.globalDoc.at(['sync', 'marker_key']);
  const make = 'phoenix init writes one into /etc/phoenix/marker.key (mode 0600)';
  if (!isSecretRef(ref)) {
    // The value is never repeated: it is meant to be a secret (the loader registered it).
    diags.error(
      'plaintext-secret',
      at,
      'sync.marker_key must be a reference ("env:NAME" or "file:PATH"), not the key itself',
      `a key written in the root is as public as the root; ${make}, then write "file:/etc/phoenix/marker.key"`,
    );
    return undefined;
  }
  const resolved = config.secrets.get(ref);
  if (!resolved?.ok) {
    diags.error(
      'secret',
      at,
      `sync.marker_key: ${resolved?.message ?? 'the reference was not resolved'}`,
      resolved?.hint ?? make,
    );
    return undefined;
  }
  if (resolved.value.length < MIN_MARKER_KEY_LENGTH) {
    diags.error(
      'secret',
      at,
      `sync.marker_key: the key is ${resolved.value.length} characters long, under ${MIN_MARKER_KEY_LENGTH}`,
      make,
    );
    return undefined;
  }
  return resolved.value;
}

/**
 * Without a key, a marker leaves secret values out. Portainer still sees a secret change
 * (it compares the live Env), but the docker backend has only the marker: containers get
 * variables through compose interpolation, wherever the file puts them, so there is no
 * one place to compare. Say so once, at the first such deployment.
 */
export function warnUnkeyedDockerSecrets(
  facts: readonly { deployment: StackDeployment; assignmentSource: Source }[],
  key: string | undefined,
  diags: Diagnostics,
): void {
  if (key !== undefined) return;
  const affected = facts.filter(
    (f) => f.deployment.backend === 'docker' && f.deployment.variables.some((v) => v.secret),
  );
  if (affected.length === 0) return;
  const names = affected.map((f) => f.deployment.id);
  diags.warn(
    'unkeyed-marker',
    affected[0]!.assignmentSource,
    `${names.length === 1 ? 'stack' : 'stacks'} ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''} ` +
      'deploy with the docker backend and use secret variables, but sync.marker_key is not set: ' +
      'a change of only a secret value is not detected there',
    'set sync.marker_key to an env: or file: reference (phoenix init generates a key), the same on every machine that syncs this root',
  );
}
