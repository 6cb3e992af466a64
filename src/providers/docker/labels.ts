/**
 * The labels the docker backend reads: Docker's own project labels and Phoenix's ownership
 * labels (what marks a stack as Phoenix's), which the derivation puts into every service of a rendered compose file.
 */

/** Phoenix's ownership labels, as the derivation writes them (owner id, deploy name, content hash). */
export { DEPLOYMENT_LABEL, HASH_LABEL, OWNER_LABEL } from '../../desired/compose-render.js';

/** Set by compose (v1 and v2) on every container of a project. */
export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
/** Set by compose on every container: the service name inside the project. */
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';
/** Set by `docker stack deploy` on services, configs, networks and task containers. */
export const STACK_NAMESPACE_LABEL = 'com.docker.stack.namespace';

/**
 * Labels in either compose form, a map or a list of `key=value` strings, as a map.
 * Anything else (absent, malformed) gives an empty map: validation reports malformed labels.
 */
export function labelMap(labels: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(labels)) {
    for (const item of labels) {
      if (typeof item !== 'string') continue;
      const eq = item.indexOf('=');
      if (eq < 0) out[item] = '';
      else out[item.slice(0, eq)] = item.slice(eq + 1);
    }
  } else if (labels && typeof labels === 'object') {
    for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
      out[k] = v === null || v === undefined ? '' : String(v);
    }
  }
  return out;
}
