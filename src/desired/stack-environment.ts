/**
 * One stack environment (pure): its variables (secrets resolved), published ports, files,
 * Traefik labels and change marker, and its compose text, rendered on first read. Derived
 * once per (stack, environment) and shared by every VM that runs it.
 */
import { createHash } from 'node:crypto';
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig, LoadedStack } from '../config/load.js';
import type { ManifestEnvironment } from '../config/schema.js';
import {
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  RENDER_VERSION,
  renderCompose,
} from './compose-render.js';
import { interpolate } from './interpolate.js';
import { computeMarker, legacyMarker, type MarkerInputs } from './marker.js';
import { parsePort, type PortMapping } from './ports.js';
import type { StackDeployment, StackFile, Variable } from './types.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Resolve and check the variables of one stack environment. */
function variablesOf(
  config: LoadedConfig,
  stack: LoadedStack,
  envName: string,
  env: ManifestEnvironment,
  diags: Diagnostics,
): Variable[] {
  return (env.variables ?? []).map((v, k) => {
    const ref = config.secrets.get(v.value);
    if (ref && !ref.ok) {
      diags.error(
        'secret',
        stack.manifestDoc.at(['environments', envName, 'variables', k, 'value']),
        `variable ${v.name}: ${ref.message}`,
        ref.hint,
      );
      return { name: v.name, value: '', secret: true };
    }
    return { name: v.name, value: ref?.ok ? ref.value : v.value, secret: Boolean(ref || v.secret) };
  });
}

/** One stack environment, ready to be deployed on any VM that runs it. */
export interface Rendered {
  compose: StackDeployment['compose'];
  variables: Variable[];
  files: StackFile[];
  /** The change marker (desired/marker.ts): reveals nothing about secret values. */
  hash: string;
  /** The previous version's marker of the same inputs (secrets included): compared, never shown. */
  legacyMarker: () => string;
  ports: Map<string, PortMapping[]>;
  unreadablePorts: Set<string>;
  vars: Map<string, string>;
  managesPortainer: boolean;
  /** Swarm placement constraints of every service: the manifest's, then the environment's. */
  placementConstraints: string[];
}

/** Render one stack environment; problems in it are reported once, not once per VM. */
export function renderStackEnvironment(
  config: LoadedConfig,
  stack: LoadedStack,
  envName: string,
  env: ManifestEnvironment,
  deployName: string,
  ownerId: string,
  diags: Diagnostics,
  markerKey?: string,
): Rendered {
  const variables = variablesOf(config, stack, envName, env, diags);
  const vars = new Map(variables.map((v) => [v.name, v.value]));
  const services = (stack.compose.value['services'] ?? {}) as Record<string, Record<string, unknown>>;
  const serviceNames = Object.keys(services);
  const ports = new Map<string, PortMapping[]>();
  const unreadablePorts = new Set<string>();
  let managesPortainer = false;

  for (const [svc, def] of Object.entries(services)) {
    if (!def || typeof def !== 'object') continue;
    if (
      typeof def['image'] === 'string' &&
      /^(docker\.io\/)?portainer\/portainer-(ce|ee)(:|@|$)/.test(def['image'])
    )
      managesPortainer = true;
    const list: PortMapping[] = [];
    ((def['ports'] as unknown[] | undefined) ?? []).forEach((entry, k) => {
      const text = interpolatePort(entry, vars);
      const at = stack.compose.at(['services', svc, 'ports', k]);
      const shown = typeof entry === 'string' ? `"${entry}"` : 'entry';
      if (text.missing.length)
        diags.error(
          'unset-variable',
          at,
          `port ${shown} uses ${text.missing.join(', ')}, which environment "${envName}" does not set`,
          `add it to environments.${envName}.variables in ${stack.manifestDoc.file}, or give a default: \${NAME:-8080}`,
        );
      const parsed = parsePort(text.value);
      if (parsed.ok) list.push(...parsed.mappings);
      else {
        unreadablePorts.add(svc);
        // An unset variable is the cause; the unreadable result would only repeat it.
        if (!text.missing.length)
          diags.error(
            'invalid-port',
            at,
            `${parsed.message} (environment "${envName}")`,
            'use "HOST:CONTAINER", e.g. "8080:80"',
          );
      }
    });
    ports.set(svc, list);
    ((def['volumes'] as unknown[] | undefined) ?? []).forEach((vol, k) => {
      const src =
        typeof vol === 'string'
          ? vol.split(':')[0]!
          : String((vol as Record<string, unknown>)?.['source'] ?? '');
      if (src.startsWith('./') || src.startsWith('../') || src === '.') {
        diags.error(
          'relative-bind',
          stack.compose.at(['services', svc, 'volumes', k]),
          `relative bind mount "${src}" cannot work for a stack deployed from text`,
          `deliver the file with the manifest's "files" (source, destination_in_container) instead`,
        );
      }
    });
  }

  const files: StackFile[] = [];
  (env.files ?? []).forEach((f, k) => {
    const at = stack.manifestDoc.at(['environments', envName, 'files', k]);
    const read = stack.files.get(f.source);
    if (!read || 'problem' in read) {
      diags.error(
        'file-source',
        stack.manifestDoc.at(['environments', envName, 'files', k, 'source']),
        read?.problem ?? `file source "${f.source}" is unreadable`,
        read && 'hint' in read ? read.hint : undefined,
      );
      return;
    }
    if (f.service && !serviceNames.includes(f.service)) {
      diags.error(
        'unknown-service',
        at,
        `file ${f.source} names service "${f.service}", which ${stack.compose.file} does not define`,
        serviceNames.length ? `services: ${serviceNames.join(', ')}` : undefined,
      );
      return;
    }
    files.push({
      source: f.source,
      destination: f.destination_in_container,
      services: f.service ? [f.service] : serviceNames,
      content: read.content,
      hash: sha(read.content).slice(0, 12),
    });
  });

  const labels = new Map<string, string[]>();
  const labelTemplates = new Map<string, string[]>();
  for (const [svc, spec] of Object.entries(env.services ?? {})) {
    if (!serviceNames.includes(svc)) {
      diags.error(
        'unknown-service',
        stack.manifestDoc.keyAt(['environments', envName, 'services'], svc),
        `manifest labels service "${svc}", which ${stack.compose.file} does not define`,
        serviceNames.length ? `services: ${serviceNames.join(', ')}` : undefined,
      );
      continue;
    }
    labels.set(
      svc,
      spec.traefik_labels.map((l) => interpolate(l, vars).value),
    );
    labelTemplates.set(svc, spec.traefik_labels);
  }

  // The marker is computed from what the rendered text is a pure function of (the user's
  // file, the labels merged into it, the renderer's version) plus the variables and files,
  // so nothing needs rendering until a provider compares or deploys the text: planning
  // 5,000 stacks offline renders none (bench/README.md).
  const placementConstraints = [
    ...new Set([...(stack.manifest.placement_constraints ?? []), ...(env.placement_constraints ?? [])]),
  ];
  const owner = { [OWNER_LABEL]: ownerId, [DEPLOYMENT_LABEL]: deployName };
  const markerInputs: MarkerInputs = {
    renderVersion: RENDER_VERSION,
    composeText: stack.compose.text,
    labelTemplates,
    owner,
    variables,
    files,
    placementConstraints,
  };
  const hash = computeMarker(markerInputs, markerKey);
  let legacy: string | undefined;
  const input = {
    doc: stack.compose.doc,
    deployName,
    labels,
    files,
    ownerLabels: { ...owner, [HASH_LABEL]: hash },
    placementConstraints,
  };
  let standalone: string | undefined;
  let swarm: string | undefined;
  const compose = {
    get standalone(): string {
      return (standalone ??= renderCompose({ ...input, mode: 'standalone' }));
    },
    get swarm(): string {
      return (swarm ??=
        files.length || placementConstraints.length
          ? renderCompose({ ...input, mode: 'swarm' })
          : this.standalone);
    },
  };
  return {
    compose,
    variables,
    files,
    hash,
    // Only a live marker of the previous form asks for it: most runs never compute it.
    legacyMarker: () => (legacy ??= legacyMarker(markerInputs)),
    ports,
    unreadablePorts,
    vars,
    managesPortainer,
    placementConstraints,
  };
}

/** Interpolate a port entry: the short form, or every string field of the long form. */
function interpolatePort(
  entry: unknown,
  vars: ReadonlyMap<string, string>,
): { value: unknown; missing: string[] } {
  if (typeof entry === 'string') return interpolate(entry, vars);
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { value: entry, missing: [] };
  const missing: string[] = [];
  const value = Object.fromEntries(
    Object.entries(entry).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v];
      const r = interpolate(v, vars);
      missing.push(...r.missing);
      return [k, r.value];
    }),
  );
  return { value, missing };
}
