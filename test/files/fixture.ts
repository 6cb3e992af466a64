/**
 * Hand-built DesiredState and ProviderContext for provider tests (the config loader is not
 * needed to exercise a provider). Settings get their schema defaults, then the overrides.
 */
import { Value } from '@sinclair/typebox/value';
import { SyncSection, type SyncSettings } from '../../src/config/settings.js';
import type { DesiredState } from '../../src/desired/types.js';
import { RecordingReporter } from '../../src/output/events.js';
import type { SyncOptions } from '../../src/plan/options.js';
import type { ProviderContext } from '../../src/providers/provider.js';
import { Redactor } from '../../src/secrets.js';
import { emptyParts, syncOptions } from '../helpers/desired.js';

/** A source position for hand-made values. */
export const here = { file: 'test', line: 0, column: 0 };

/** Settings with schema defaults under `overrides` (one level deep per section). */
export function settings(overrides: Record<string, unknown> = {}): SyncSettings {
  return Value.Default(SyncSection, structuredClone(overrides)) as SyncSettings;
}

/** A DesiredState with nothing in it but what the test gives. */
export function desired(partial: Partial<DesiredState> = {}): DesiredState {
  return {
    root: '/srv/phoenix',
    ownerId: 'phoenix-test',
    domain: 'lab.test',
    settings: settings(),
    ...emptyParts(),
    firewall: {
      cluster: { policy: { enabled: true, policyIn: 'DROP', policyOut: 'ACCEPT' }, rules: [] },
      guests: [],
    },
    dnsServer: { enabled: true, upstreams: [], listenAddress: undefined },
    ...partial,
  };
}

/** Default sync options: apply, no prune, no force. */
export function options(partial: Partial<SyncOptions> = {}): SyncOptions {
  return syncOptions(partial);
}

/** A context recording its events. */
export function context(
  d: DesiredState,
  extra: { options?: Partial<SyncOptions>; failedDeployments?: string[] } = {},
): ProviderContext & { reporter: RecordingReporter } {
  return {
    desired: d,
    options: options(extra.options),
    reporter: new RecordingReporter(),
    redactor: new Redactor(),
    signal: new AbortController().signal,
    failedDeployments: new Set(extra.failedDeployments ?? []),
  };
}

/** The bundled example's desired state (see test/helpers/example.ts). */
export { exampleDesired } from '../helpers/example.js';
