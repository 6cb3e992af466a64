/**
 * Hand-built desired state for the docker backend tests, rendered by the derivation's own
 * compose renderer: the manifest's Traefik labels and Phoenix's ownership labels
 * merged into every service, standalone files as inline `configs.content`, swarm files as
 * external content-addressed configs `<name>-<file>-<hash>`.
 */
import { createHash } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { parseDocument, stringify } from 'yaml';
import {
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  RENDER_VERSION,
  renderCompose,
} from '../../src/desired/compose-render.js';
import { computeMarker, legacyMarker, type MarkerInputs } from '../../src/desired/marker.js';
import { SyncSection, type SyncSettings } from '../../src/config/settings.js';
import type { DesiredState, StackDeployment, StackFile, Variable } from '../../src/desired/types.js';
import { RecordingReporter } from '../../src/output/events.js';
import type { Change } from '../../src/plan/change.js';
import type { SyncOptions } from '../../src/plan/options.js';
import type { ApplyResult, Provider } from '../../src/providers/provider.js';
import { Redactor } from '../../src/secrets.js';
import { exec, type ExecOptions } from '../../src/util/exec.js';
import type { DockerRunner } from '../../src/providers/docker/index.js';
import { emptyParts, syncOptions } from '../helpers/desired.js';
import { applyPolicy } from '../../src/plan/policy.js';

type Obj = Record<string, unknown>;

/** The owner id of the fixture root. */
export const OWNER = 'phoenix-test.lan';

const sha = (text: string, n: number) => createHash('sha256').update(text).digest('hex').slice(0, n);

/** Settings overrides; `docker` may be given in part. */
export type SettingsOverrides = Partial<Omit<SyncSettings, 'docker'>> & {
  docker?: Partial<SyncSettings['docker']>;
};

/** Sync settings with the schema's defaults and a few overrides. */
export function settings(overrides: SettingsOverrides = {}): SyncSettings {
  const base = Value.Default(SyncSection, {}) as SyncSettings;
  return {
    ...base,
    backend: 'docker',
    ...overrides,
    docker: { ...base.docker, health_timeout_seconds: 60, ...overrides.docker },
  };
}

/** What a test says about one deployment. */
export interface StackSpec {
  stack: string;
  environment?: string;
  vmid?: number;
  host: string;
  /** Compose services as the user wrote them (labels in list or map form). */
  services: Record<string, Obj>;
  /** Traefik labels from the manifest, per service. */
  traefik?: Record<string, string[]>;
  variables?: Variable[];
  files?: Omit<StackFile, 'hash'>[];
  /** Labels added to every service (the test-run label). */
  extraLabels?: Record<string, string>;
  /** The resolved `sync.marker_key`, when the test has one. */
  markerKey?: string;
}

/**
 * A deployment rendered by the derivation's own renderer (desired/compose-render.ts), with
 * the change marker computed the way desired/stack-environment.ts computes it.
 */
export function deployment(spec: StackSpec): StackDeployment {
  const environment = spec.environment ?? 'production';
  const vmid = spec.vmid ?? 1001;
  const name = `${spec.stack}-${environment}`;
  const serviceNames = Object.keys(spec.services);
  const files: StackFile[] = (spec.files ?? []).map((f) => ({
    ...f,
    services: f.services.length ? f.services : serviceNames,
    hash: sha(f.content, 12),
  }));
  const variables = spec.variables ?? [];
  const extra = Object.entries(spec.extraLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const labels = new Map(serviceNames.map((svc) => [svc, [...(spec.traefik?.[svc] ?? []), ...extra]]));
  const composeText = stringify({ services: spec.services });
  const doc = parseDocument(composeText);
  const base = { doc, deployName: name, labels, files };
  const owner = { [OWNER_LABEL]: OWNER, [DEPLOYMENT_LABEL]: name };
  const inputs: MarkerInputs = {
    renderVersion: RENDER_VERSION,
    composeText,
    labelTemplates: labels,
    owner,
    variables,
    files,
    placementConstraints: [],
  };
  const hash = computeMarker(inputs, spec.markerKey);
  const ownerLabels = { ...owner, [HASH_LABEL]: hash };
  return {
    id: `${vmid}/${name}`,
    vmid,
    vmName: `vm${vmid}`,
    stack: spec.stack,
    environment,
    name,
    backend: 'docker',
    portainerEnvironment: 'local',
    dockerHost: spec.host,
    compose: {
      standalone: renderCompose({ ...base, ownerLabels, mode: 'standalone' }),
      swarm: renderCompose({ ...base, ownerLabels, mode: 'swarm' }),
    },
    variables,
    files,
    hash,
    legacyMarker: () => legacyMarker(inputs),
    managesPortainer: false,
    source: { file: `stacks/${spec.stack}/docker-compose.yml`, line: 1, column: 1 },
  };
}

/** A desired state holding only these deployments. */
export function desiredState(
  deployments: StackDeployment[],
  overrides: SettingsOverrides = {},
): DesiredState {
  return {
    root: '/nonexistent/phoenix-test-root',
    ownerId: OWNER,
    domain: 'test.lan',
    settings: settings(overrides),
    ...emptyParts(),
    deployments,
    discovery: { stacks: deployments.map((d) => d.stack), skipped: [] },
  };
}

/** Sync options with everything off. */
export function options(overrides: Partial<SyncOptions> = {}): SyncOptions {
  return syncOptions(overrides);
}

/** A runner that records every command it runs. */
export function countingRunner(): { runner: DockerRunner; calls: string[][]; reset(): void } {
  const calls: string[][] = [];
  return {
    calls,
    runner: (argv: readonly string[], opts: ExecOptions) => {
      calls.push([...argv]);
      return exec(argv, opts);
    },
    reset: () => void calls.splice(0),
  };
}

/** Commands that deploy or change stacks (compose of any kind, `docker stack deploy|rm`). */
export function deployCommands(calls: readonly string[][]): string[][] {
  return calls.filter(
    (a) =>
      a[0] === 'docker-compose' ||
      a[1] === 'compose' ||
      (a[1] === 'stack' && (a[2] === 'deploy' || a[2] === 'rm')),
  );
}

/** One observe → plan → apply round, as the engine runs a stage. */
export async function sync<S>(provider: Provider<S>, desired: DesiredState, opts: SyncOptions = options()) {
  const reporter = new RecordingReporter();
  const ctx = {
    desired,
    options: opts,
    reporter,
    redactor: new Redactor(),
    signal: new AbortController().signal,
    failedDeployments: new Set<string>(),
  };
  const live = await provider.observe(ctx);
  const changes: Change[] = applyPolicy(provider.plan(ctx, live), opts);
  const results: ApplyResult[] = opts.dryRun ? [] : await provider.apply(ctx, changes, live);
  const failed = results.filter((r) => r.status === 'failed');
  return { changes, results, failed, events: reporter.events, redactor: ctx.redactor };
}

/** Changes by id → action (blocked ones as `blocked:<action>`), for table-like assertions. */
export function actions(changes: readonly Change[]): Record<string, string> {
  return Object.fromEntries(changes.map((c) => [c.id, c.blocked ? `blocked:${c.action}` : c.action]));
}
