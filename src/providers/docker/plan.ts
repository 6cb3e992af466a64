/**
 * Comparing for the docker backend, pure: desired deployments against observed engines,
 * through the shared planner, plus what only this backend knows (duplicate deploy names on
 * one engine, an engine that could not be observed, a marker of the previous version). The
 * flags are decided after it by plan/policy.ts; each change's scope is its engine.
 */
import type { DesiredState, StackDeployment, StackFile } from '../../desired/types.js';
import { REDACTED } from '../../secrets.js';
import { normaliseCompose } from '../compose-marker.js';
import type { Change, Resource } from '../../plan/change.js';
import { plan } from '../../plan/planner.js';
import type { SyncOptions } from '../../plan/options.js';
import { expectedServices } from './compose.js';
import type { DockerLive, EngineLive, LiveProject } from './live.js';
import { inScope } from '../../plan/policy.js';
import { notePlacement } from '../../desired/deployments.js';
import { compareMarkers, LEGACY_MARKER_NOTE, shownMarker } from '../../desired/marker.js';

/** What the plan shows and compares for one stack on one engine. */
export interface DockerStackValue {
  engine: string;
  /** Compose project / swarm stack name. */
  name: string;
  /** The deploy name in Phoenix's deployment label (a project renamed by hand shows here). */
  deployment: string | undefined;
  mode: 'standalone' | 'swarm';
  /**
   * The change marker as plans may show it (desired/marker.ts `shownMarker`): desired, or the
   * live markers joined by `,`. A live marker made from the desired inputs shows as the
   * desired one; one that differs from it in secret values only, as `(secret changed)`.
   */
  hash: string;
  /** Desired: services that must run. Live: services present. */
  services: string[];
  /** Live only: services with a container or task not running. */
  notRunning?: string[];
  /**
   * Desired: the rest of the instruction apply executes (it looks nothing up again), kept
   * out of the comparison. The compose text of the planned mode has its marker masked and
   * `vars` the secret values withheld (named in `withheld`): both are resolved at apply
   * from the desired state of the run and never written into a plan.
   */
  compose?: string;
  /** Variables the compose CLI interpolates, by name; a withheld one shows «redacted». */
  vars?: Record<string, string>;
  withheld?: string[];
  /** The manifest's files, delivered as configs or copied into the containers. */
  files?: StackFile[];
  /** `--pull`: pull the images again (set by the policy). */
  pull?: boolean;
}

/** The resource kind of a stack on an engine. */
export const STACK_KIND = 'stack';

/** Deployments this backend handles, narrowed by the run's filters. */
export function dockerDeployments(desired: DesiredState, options: SyncOptions): StackDeployment[] {
  return desired.deployments.filter(
    (d) => d.backend === 'docker' && inScope(options.filters, d.vmid, d.stack, d.environment),
  );
}

/**
 * Engines to observe: those of the desired deployments, plus the engines configured per VM in
 * `sync.docker.hosts` for VMs on the docker backend (so a VM whose stacks all left the config
 * can still be pruned).
 */
export function enginesToObserve(desired: DesiredState, deployments: readonly StackDeployment[]): string[] {
  const hosts = new Set(deployments.map((d) => d.dockerHost));
  const s = desired.settings;
  for (const [vmid, host] of Object.entries(s.docker.hosts)) {
    if ((s.backends[vmid] ?? s.backend) === 'docker') hosts.add(host);
  }
  return [...hosts].sort();
}

/** Desired value of a deployment on an engine in a mode: what is compared, and the instruction. */
export function desiredValue(d: StackDeployment, swarm: boolean): DockerStackValue {
  const mode = swarm ? 'swarm' : 'standalone';
  const withheld = d.variables.filter((v) => v.secret).map((v) => v.name);
  return {
    engine: d.dockerHost,
    name: d.name,
    deployment: d.name,
    mode,
    hash: shownMarker(d.hash),
    services: servicesOrNone(swarm ? d.compose.swarm : d.compose.standalone),
    compose: normaliseCompose(d.compose[mode]),
    vars: Object.fromEntries(d.variables.map((v) => [v.name, v.secret ? REDACTED : v.value])),
    ...(withheld.length ? { withheld } : {}),
    files: d.files,
  };
}

/** Expected services; none for a file that does not parse (its deploy fails with the reason). */
function servicesOrNone(compose: string): string[] {
  try {
    return expectedServices(compose);
  } catch {
    return [];
  }
}

/** What a live marker that differs from the desired one in secret values only shows as. */
export const SECRET_CHANGED = '(secret changed)';

/**
 * The value of a live project. Its markers are compared with the desired deployment's, if
 * any (markers themselves are never shown in full): `legacy` is set when a marker of the
 * previous version matched the desired inputs.
 */
function liveValue(engine: string, p: LiveProject, d: StackDeployment | undefined): LiveView {
  let legacy = false;
  const shown = p.hashes.map((h) => {
    if (!d) return shownMarker(h);
    const verdict = compareMarkers(d.hash, h, d.legacyMarker);
    if (verdict === 'legacy-same') legacy = true;
    if (verdict === 'same' || verdict === 'legacy-same') return shownMarker(d.hash);
    return verdict === 'secret-changed' ? SECRET_CHANGED : shownMarker(h);
  });
  const value: DockerStackValue = {
    engine,
    name: p.name,
    deployment: p.deployment,
    mode: p.mode,
    hash: [...new Set(shown)].sort().join(','),
    services: p.services,
    notRunning: p.notRunning,
  };
  return { value, legacy };
}

interface LiveView {
  value: DockerStackValue;
  legacy: boolean;
}

/** Same stack, nothing to do: same mode, deployment and hash, every service present and running. */
export function stackEquals(d: DockerStackValue, l: DockerStackValue): boolean {
  return explainStack(d, l) === undefined;
}

/** Why a live stack differs from the desired one (undefined when it does not). */
export function explainStack(d: DockerStackValue, l: DockerStackValue): string | undefined {
  const why: string[] = [];
  if (d.mode !== l.mode) why.push(`runs as ${l.mode}, wanted ${d.mode}`);
  if (d.hash !== l.hash)
    why.push(
      l.hash === SECRET_CHANGED
        ? `content hash ${d.hash} ${SECRET_CHANGED}`
        : `content hash ${l.hash || 'none'} → ${d.hash}`,
    );
  if (d.deployment !== l.deployment) why.push(`deployment ${l.deployment ?? 'none'} → ${d.deployment}`);
  const missing = d.services.filter((s) => !l.services.includes(s));
  if (missing.length) why.push(`services missing: ${missing.join(', ')}`);
  const down = (l.notRunning ?? []).filter((s) => d.services.includes(s));
  if (down.length) why.push(`services not running: ${down.join(', ')}`);
  return why.length ? why.join('; ') : undefined;
}

function labelOf(r: Resource<DockerStackValue>): string {
  const [vmid] = r.id.split('/');
  const onVm = /^[0-9]+$/.test(vmid ?? '') ? ` on vm ${vmid}` : '';
  return `${r.value.name}${onVm} (${r.value.engine})`;
}

/**
 * The VM a stack on this engine belongs to, for change ids (`<vmid>/<name>`): the VM of a
 * deployment there, else the VM `sync.docker.hosts` points at it, else the engine itself.
 */
function vmOfEngine(host: string, deployments: readonly StackDeployment[], desired: DesiredState): string {
  const d = deployments.find((x) => x.dockerHost === host);
  if (d) return String(d.vmid);
  const configured = Object.entries(desired.settings.docker.hosts).find(([, h]) => h === host);
  return configured ? configured[0] : host;
}

function planEngine(
  engine: EngineLive,
  deployments: readonly StackDeployment[],
  desired: DesiredState,
): Change<DockerStackValue>[] {
  const changes: Change<DockerStackValue>[] = [];
  const scope = `engine ${engine.host}`;
  // A deployment the shared planner cannot decide for (a name clash, an unobservable engine).
  const unplanned = (
    d: StackDeployment,
    action: 'create' | 'update',
    why: { blocked: string } | { reason: string },
  ): Change<DockerStackValue> => {
    const after = desiredValue(d, engine.swarm);
    const label = labelOf({ id: d.id, kind: STACK_KIND, value: after });
    const c: Change<DockerStackValue> = {
      stage: 'stacks',
      kind: STACK_KIND,
      id: d.id,
      label,
      scope,
      action,
      after,
      ...why,
    };
    return notePlacement(c, d, after.mode);
  };
  const byName = new Map<string, StackDeployment>();
  const unique: StackDeployment[] = [];
  for (const d of deployments) {
    const taken = byName.get(d.name);
    if (!taken) {
      byName.set(d.name, d);
      unique.push(d);
      continue;
    }
    changes.push(
      unplanned(d, 'create', {
        blocked: `deploy name ${d.name} is already used on ${engine.host} by ${taken.id}`,
      }),
    );
  }

  if (engine.error !== undefined) {
    for (const d of unique)
      changes.push(
        unplanned(d, 'update', { reason: `cannot observe engine ${engine.host}: ${engine.error}` }),
      );
    return changes;
  }

  const want: Resource<DockerStackValue>[] = unique.map((d) => ({
    id: d.id,
    kind: STACK_KIND,
    value: desiredValue(d, engine.swarm),
  }));
  const vm = vmOfEngine(engine.host, deployments, desired);
  const projects = engine.projects;
  const legacy = new Set<string>();
  const have: Resource<DockerStackValue>[] = projects.map((p) => {
    const view = liveValue(engine.host, p, byName.get(p.name));
    if (view.legacy) legacy.add(p.name);
    return {
      id: byName.get(p.name)?.id ?? `${vm}/${p.name}`,
      kind: STACK_KIND,
      value: view.value,
      owned: p.owner === desired.ownerId,
    };
  });
  // A stack found both as compose project and swarm stack: compare the one in the wanted mode.
  const live = have.filter(
    (r, _, all) =>
      !all.some((o) => o !== r && o.id === r.id && o.value.mode === (engine.swarm ? 'swarm' : 'standalone')),
  );

  const planned = plan(want, live, {
    stage: 'stacks',
    equals: stackEquals,
    explain: explainStack,
    label: labelOf,
    scope,
  });
  for (const c of planned) {
    if (c.action === 'noop' && legacy.has(c.before?.name ?? '')) c.reason = LEGACY_MARKER_NOTE;
    changes.push(notePlacement(c, byName.get(c.after?.name ?? ''), c.after?.mode));
  }
  return changes;
}

/** Plan every engine: one change per desired deployment and per owned stack that left the config. */
export function planDockerStacks(
  desired: DesiredState,
  live: DockerLive,
  options: SyncOptions,
): Change<DockerStackValue>[] {
  const deployments = dockerDeployments(desired, options);
  const changes: Change<DockerStackValue>[] = [];
  for (const engine of live.engines) {
    changes.push(
      ...planEngine(
        engine,
        deployments.filter((d) => d.dockerHost === engine.host),
        desired,
      ),
    );
  }
  return changes;
}
