/**
 * Hand-built desired state and a rig for the Portainer tests: the test double with a local
 * environment, the real providers over the real client, and a `sync` that runs the two
 * stages the way the engine does (observe → plan → apply; environments, then stacks).
 */
import { createHash } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { stringify } from 'yaml';
import { SyncSection, type SyncSettings } from '../../src/config/settings.js';
import type {
  DesiredState,
  PortainerEnvironment,
  StackDeployment,
  Variable,
} from '../../src/desired/types.js';
import { RecordingReporter } from '../../src/output/events.js';
import type { Change } from '../../src/plan/change.js';
import {
  createPortainerProviders,
  type PortainerCredentials,
  type PortainerProviders,
} from '../../src/providers/portainer/index.js';
import type { SyncOptions } from '../../src/plan/options.js';
import type { ApplyResult, ProviderContext } from '../../src/providers/provider.js';
import { Redactor } from '../../src/secrets.js';
import { PortainerDouble, type DoubleOptions } from '../portainer-double/server.js';
import { emptyParts, syncOptions } from '../helpers/desired.js';
import { applyPolicy } from '../../src/plan/policy.js';

/** The fixture root's owner id. */
export const OWNER = 'phoenix-test.lan';
/** Canary secrets: they must never appear in any output. */
export const PASSWORD = 'canary-Pa55word-7f3a9e';
export const API_KEY = 'ptr_canary_ApiKey_41b7c2d9';
export const DB_PASSWORD = 'canary-db-secret-93be1';

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** Settings with the schema's defaults and short timeouts. */
export function settings(portainer: Partial<SyncSettings['portainer']> = {}, concurrency = 4): SyncSettings {
  const base = Value.Default(SyncSection, {}) as SyncSettings;
  return {
    ...base,
    concurrency,
    portainer: {
      ...base.portainer,
      request_timeout_seconds: 2,
      retries: 4,
      health_timeout_seconds: 3,
      ...portainer,
    },
  };
}

/** What a test says about one deployment. */
export interface Spec {
  stack: string;
  environment?: string;
  vmid: number;
  /** The Portainer environment (defaults to `vm-<vmid>`). */
  env?: string;
  services?: Record<string, Record<string, unknown>>;
  variables?: Variable[];
  managesPortainer?: boolean;
}

/** A deployment rendered roughly as the derivation does (ownership labels in every service). */
export function deployment(spec: Spec): StackDeployment {
  const environment = spec.environment ?? 'production';
  const name = `${spec.stack}-${environment}`;
  const id = `${spec.vmid}/${name}`;
  const services = spec.services ?? { app: { image: `example/${spec.stack}:1` } };
  const variables = spec.variables ?? [];
  const hash = sha(JSON.stringify({ services, variables }));
  const labelled = Object.fromEntries(
    Object.entries(services).map(([k, v]) => [
      k,
      { ...v, labels: { 'io.phoenix.owner': OWNER, 'io.phoenix.deployment': id } },
    ]),
  );
  const standalone = `# ${name}: rendered by Phoenix\n${stringify({ services: labelled })}`;
  return {
    id,
    vmid: spec.vmid,
    vmName: `vm${spec.vmid}`,
    stack: spec.stack,
    environment,
    name,
    backend: 'portainer',
    portainerEnvironment: spec.env ?? `vm-${spec.vmid}`,
    dockerHost: '',
    compose: { standalone, swarm: `version: "3.8"\n${standalone}` },
    variables,
    files: [],
    hash,
    managesPortainer: spec.managesPortainer ?? false,
    source: { file: `stacks/${spec.stack}/phoenix.json`, line: 1, column: 1 },
  };
}

/** An Agent environment for a VM. */
export function agent(vmid: number, ip = `10.0.0.${vmid - 990}`): PortainerEnvironment {
  return {
    name: `vm-${vmid}`,
    url: `tcp://${ip}:9001`,
    vmid,
    source: { file: 'etc/phoenix_vm_configs.json', line: 1, column: 1 },
  };
}

/** A whole desired state around some deployments and environments. */
export function desired(
  deployments: StackDeployment[],
  environments: PortainerEnvironment[],
  s = settings(),
): DesiredState {
  return {
    root: '/tmp/phoenix-test',
    ownerId: OWNER,
    domain: 'lan',
    settings: s,
    ...emptyParts(),
    deployments,
    environments,
    discovery: { stacks: [...new Set(deployments.map((d) => d.stack))], skipped: [] },
  };
}

/** Sync options: nothing special unless asked. */
export function options(o: Partial<SyncOptions> = {}): SyncOptions {
  return syncOptions(o);
}

/** The estate most tests use: a primary (local) and two agent VMs, six stacks. */
export function estate(): { deployments: StackDeployment[]; environments: PortainerEnvironment[] } {
  const secret: Variable = { name: 'DB_PASSWORD', value: DB_PASSWORD, secret: true };
  const health = { test: ['CMD', 'true'], interval: '5s' };
  return {
    environments: [agent(1002), agent(1003)],
    deployments: [
      deployment({ stack: 'monitoring', vmid: 1001, env: 'local' }),
      deployment({ stack: 'web', vmid: 1002 }),
      deployment({
        stack: 'api',
        vmid: 1002,
        variables: [{ name: 'API_PORT', value: '8081', secret: false }, secret],
      }),
      deployment({ stack: 'web', vmid: 1003, environment: 'staging' }),
      deployment({
        stack: 'api',
        vmid: 1003,
        environment: 'staging',
        variables: [{ name: 'API_PORT', value: '9081', secret: false }, secret],
      }),
      deployment({
        stack: 'worker',
        vmid: 1003,
        services: { worker: { image: 'example/worker:2', healthcheck: health }, cache: { image: 'redis:7' } },
      }),
    ],
  };
}

/** One double plus providers. */
export interface Rig {
  double: PortainerDouble;
  providers: PortainerProviders;
  redactor: Redactor;
  reporter: RecordingReporter;
  close(): Promise<void>;
}

/** Start the double (with Portainer's local environment) and build providers against it. */
export async function startRig(
  o: {
    auth?: 'password' | 'apiKey';
    double?: DoubleOptions;
    credentials?: Partial<PortainerCredentials>;
    s?: SyncSettings;
  } = {},
): Promise<Rig> {
  const double = await PortainerDouble.start({ users: { admin: PASSWORD }, apiKeys: [API_KEY], ...o.double });
  double.model.addEndpoint({ Name: 'local' });
  const redactor = new Redactor();
  const auth = o.auth === 'apiKey' ? { apiKey: API_KEY } : { username: 'admin', password: PASSWORD };
  const providers = createPortainerProviders(
    desired([], [], o.s ?? settings()),
    redactor,
    { url: double.url, ...auth, ...o.credentials },
    { healthPollMs: 10, backoffBaseMs: 5 },
  );
  return {
    double,
    providers,
    redactor,
    reporter: new RecordingReporter(),
    async close() {
      await providers.client.close();
      await double.stop();
    },
  };
}

/** What one sync did. */
export interface SyncRun {
  environments: Change[];
  stacks: Change[];
  results: ApplyResult[];
  failed: ApplyResult[];
}

/** Run the endpoints and stacks stages as the engine does. */
export async function sync(rig: Rig, state: DesiredState, opts: SyncOptions = options()): Promise<SyncRun> {
  const ctx: ProviderContext = {
    desired: state,
    options: opts,
    reporter: rig.reporter,
    redactor: rig.redactor,
    signal: new AbortController().signal,
    failedDeployments: new Set(),
  };
  const { environments: envP, stacks: stackP } = rig.providers;
  const envLive = await envP.observe(ctx);
  const environments = applyPolicy(envP.plan(ctx, envLive), opts);
  const results = await envP.apply(ctx, environments, envLive);
  const stackLive = await stackP.observe(ctx);
  const stacks = applyPolicy(stackP.plan(ctx, stackLive), opts);
  results.push(...(await stackP.apply(ctx, stacks, stackLive)));
  return { environments, stacks, results, failed: results.filter((r) => r.status === 'failed') };
}

/** Actions by id, for compact assertions. */
export function actions(changes: Change[]): Record<string, string> {
  return Object.fromEntries(changes.map((c) => [c.id, c.blocked ? `${c.action} (blocked)` : c.action]));
}
