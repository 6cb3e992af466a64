/**
 * Stack deployments (pure): every stack assigned to a VM, in one environment, with the
 * assignment rules (known stack and environment, valid name, no duplicate, no port clash).
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig, LoadedStack } from '../config/load.js';
import type { Source } from '../config/source.js';
import type { ManifestEnvironment, Vm } from '../config/schema.js';
import type { SyncSettings } from '../config/settings.js';
import type { PortMapping } from './ports.js';
import { markerKeyOf, warnUnkeyedDockerSecrets } from './marker-key.js';
import { renderStackEnvironment, type Rendered } from './stack-environment.js';
import type { StackDeployment } from './types.js';

/** A compose project name, as Docker and Portainer accept it. */
export const DEPLOY_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** What routes and firewall derivation need to know about a deployment besides itself. */
export interface DeploymentFacts {
  deployment: StackDeployment;
  stack: LoadedStack;
  env: ManifestEnvironment;
  vars: Map<string, string>;
  /** Published ports per compose service. */
  ports: Map<string, PortMapping[]>;
  /** Services with a port entry that could not be read (already reported). */
  unreadablePorts: Set<string>;
  assignmentSource: Source;
}

/** Every deployment of every VM. */
export function deriveDeployments(
  config: LoadedConfig,
  settings: SyncSettings,
  ownerId: string,
  diags: Diagnostics,
): DeploymentFacts[] {
  const out: DeploymentFacts[] = [];
  const cache = new Map<string, Rendered>();
  const seen = new Map<string, Source>();
  const warnedManifestless = new Set<string>();
  const markerKey = markerKeyOf(config, diags);
  config.vms.vms.forEach((vm: Vm, i) => {
    const backend = settings.backends[String(vm.vmid)] ?? settings.backend;
    (vm.docker_stacks ?? []).forEach((entry, j) => {
      const at = config.vmsDoc.at(['vms', i, 'docker_stacks', j]);
      const stackName = typeof entry === 'string' ? entry : entry.name;
      const stack = config.stacks.get(stackName);
      if (!stack) {
        if (config.broken.has(stackName)) return; // its own errors are already reported
        const skipped = config.skipped.find((s) => s.name === stackName);
        const known = [...config.stacks.keys()];
        diags.error(
          'unknown-stack',
          at,
          skipped ? `stack "${stackName}" is incomplete: ${skipped.reason}` : `unknown stack "${stackName}"`,
          skipped ? `add the missing file to stacks/${stackName}/` : suggest(stackName, known, 'stacks'),
        );
        return;
      }
      const envName = environmentOf(stack, entry, settings, at, diags);
      if (envName === undefined) return;
      if (stack.home === 'none' && !warnedManifestless.has(stackName)) {
        warnedManifestless.add(stackName);
        diags.warn(
          'no-manifest',
          at,
          `stack ${stackName} has no phoenix.json: deployed as plain compose, with no routes or firewall rules`,
          `add stacks/${stackName}/phoenix.json (or an entry in etc/phoenix_stacks_config.json) to give it variables, routes or firewall rules`,
        );
      }
      const name = `${stackName}-${envName}`;
      if (!DEPLOY_NAME.test(name)) {
        diags.error(
          'invalid-stack-name',
          at,
          `deploy name "${name}" is not a valid compose project name`,
          'stack and environment names may use lower-case letters, digits, "-" and "_", and must start with a letter or digit',
        );
        return;
      }
      const key = `${vm.vmid}/${name}`;
      const dup = seen.get(key);
      if (dup) {
        diags.error(
          'duplicate-assignment',
          at,
          `stack ${name} is assigned to VM ${vm.vmid} twice`,
          `also at ${dup.file}:${dup.line}:${dup.column}`,
        );
        return;
      }
      seen.set(key, at);
      if (backend === 'portainer' && (vm.portainer_role === undefined || vm.portainer_role === 'none')) {
        diags.error(
          'no-portainer-role',
          config.vmsDoc.at(['vms', i]),
          `VM ${vm.vmid} (${vm.name}) has docker_stacks but no portainer_role`,
          'set "portainer_role": "primary" or "agent", or deploy it with the docker backend (sync.backends)',
        );
        return;
      }
      const env = environmentConfig(stack, envName);
      let r = cache.get(name);
      if (!r)
        cache.set(
          name,
          (r = renderStackEnvironment(config, stack, envName, env, name, ownerId, diags, markerKey)),
        );
      const deployment: StackDeployment = {
        id: key,
        vmid: vm.vmid,
        vmName: vm.name,
        stack: stackName,
        environment: envName,
        name,
        backend,
        portainerEnvironment:
          vm.portainer_role === 'agent'
            ? (vm.portainer_environment_name ?? vm.name)
            : settings.portainer.local_environment,
        dockerHost: settings.docker.hosts[String(vm.vmid)] ?? settings.docker.host,
        compose: r.compose,
        variables: r.variables,
        files: r.files,
        hash: r.hash,
        legacyMarker: r.legacyMarker,
        ...(r.placementConstraints.length ? { placementConstraints: r.placementConstraints } : {}),
        managesPortainer: r.managesPortainer,
        source: at,
      };
      out.push({
        deployment,
        stack,
        env,
        vars: r.vars,
        ports: r.ports,
        unreadablePorts: r.unreadablePorts,
        assignmentSource: at,
      });
    });
  });
  checkPortClashes(out, diags);
  warnUnkeyedDockerSecrets(out, markerKey, diags);
  return out;
}

/**
 * The environment of an assignment. A bare name takes `sync.default_environment` when the
 * stack has it, else the stack's only environment; a stack without environments (no
 * manifest, or a manifest that defines none) deploys as plain compose in any environment.
 */
function environmentOf(
  stack: LoadedStack,
  entry: string | { name: string; environment: string },
  settings: SyncSettings,
  at: Source,
  diags: Diagnostics,
): string | undefined {
  const envs = Object.keys(stack.manifest.environments);
  const wanted = typeof entry === 'string' ? settings.default_environment : entry.environment;
  if (envs.length === 0 || envs.includes(wanted)) return wanted;
  if (typeof entry === 'string' && envs.length === 1) return envs[0]!;
  diags.error(
    'unknown-environment',
    at,
    typeof entry === 'string'
      ? `stack "${stack.name}" has no environment "${wanted}" (the default) and ${envs.length} environments to choose from`
      : `stack "${stack.name}" has no environment "${wanted}"`,
    typeof entry === 'string'
      ? `name one: { "name": "${stack.name}", "environment": "${envs[0]}" }; environments: ${envs.join(', ')}`
      : suggest(wanted, envs, 'environments'),
  );
  return undefined;
}

/** The manifest's settings for one environment (none for a stack without environments). */
function environmentConfig(stack: LoadedStack, envName: string): ManifestEnvironment {
  return stack.manifest.environments[envName] ?? {};
}

function suggest(word: string, known: string[], what: string): string {
  const close = known.filter((k) => k.includes(word) || word.includes(k) || k[0] === word[0]);
  return known.length === 0
    ? `there are no ${what}`
    : `known ${what}: ${(close.length ? close : known).slice(0, 8).join(', ')}`;
}

/** Two deployments on one VM publishing the same host port (and protocol, and address). */
function checkPortClashes(facts: DeploymentFacts[], diags: Diagnostics): void {
  const taken = new Map<string, { name: string; source: Source }>();
  for (const f of facts) {
    for (const [svc, mappings] of f.ports) {
      for (const m of mappings) {
        if (m.published === undefined) continue;
        const key = `${f.deployment.vmid}/${m.hostIp || '*'}/${m.published}/${m.protocol}`;
        const prev = taken.get(key);
        const here = `${f.deployment.name}/${svc}`;
        if (prev && prev.name !== here) {
          diags.error(
            'port-clash',
            f.assignmentSource,
            `host port ${m.published}/${m.protocol} on VM ${f.deployment.vmid} is published by both ${prev.name} and ${here}`,
            `also assigned at ${prev.source.file}:${prev.source.line}:${prev.source.column}; change one of the published ports`,
          );
        } else taken.set(key, { name: here, source: f.assignmentSource });
      }
    }
  }
}

/**
 * A plan's change of a deployment that runs standalone says when its placement constraints
 * are ignored (only swarm places services on nodes). Appended to the change's reason.
 */
export function notePlacement<C extends { reason?: string }>(
  change: C,
  d: StackDeployment | undefined,
  mode: 'standalone' | 'swarm' | undefined,
): C {
  if (mode !== 'standalone' || !d?.placementConstraints?.length) return change;
  const note = `placement constraints ignored for a standalone deployment (${d.placementConstraints.join(', ')})`;
  return { ...change, reason: change.reason ? `${change.reason}; ${note}` : note };
}
