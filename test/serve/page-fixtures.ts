/**
 * Run records for the page, metrics and notification tests, shaped as the history stores
 * them: a failed sync, a drift check and a recovery, with change labels and errors that hold
 * HTML and a secret canary (a history that missed it must not let it through to a page or
 * a notification).
 */
import type { RunChange, RunRecord } from '../../src/history/types.js';

/** A secret value that must never show: the tests add it to the Redactor. */
export const CANARY = 'canary-SECRET-7f3a9c1e';

/** A change, `ok` unless told. */
export function change(over: Partial<RunChange> = {}): RunChange {
  return {
    stage: 'stacks',
    kind: 'stack',
    id: '1002/qdrant-production',
    label: 'qdrant-production on vm 1002',
    action: 'update',
    status: 'ok',
    ...over,
  };
}

/** A run, a successful manual sync unless told. */
export function run(over: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 1,
    trigger: 'manual',
    command: 'sync all',
    root: '/srv/phoenix/root',
    commit: '3f1c2ab9d0e4c5b6a7f8091a2b3c4d5e6f708192',
    who: 'phoenix@hyper1',
    startedAt: '2026-12-03T12:00:00.000Z',
    endedAt: '2026-12-03T12:00:42.500Z',
    status: 'ok',
    exitCode: 0,
    summary: { create: 1, update: 1, delete: 0, noop: 7, blocked: 0 },
    changes: [
      change(),
      change({
        stage: 'dns',
        kind: 'dns-file',
        id: '/etc/dnsmasq.d/phoenix.conf',
        label: 'phoenix.conf',
        action: 'create',
      }),
    ],
    rendered: 'Stacks\n  ~ qdrant-production on vm 1002\n\nPlan: 1 to create, 1 to change, 0 to delete.',
    ...over,
  };
}

/** The three runs the page shows: a recovery (3), a drift check (2), a failure (1) with HTML and the canary in its error. */
export function history(): RunRecord[] {
  const failed = run({
    id: 1,
    trigger: 'poll',
    status: 'failed',
    exitCode: 4,
    error: `1 change failed (token ${CANARY})`,
    changes: [
      change({
        label: 'web <script>alert(1)</script> on vm 1002',
        status: 'failed',
        error: `HTTP 500 from Portainer: <b>boom</b> password=${CANARY}`,
      }),
      change({
        stage: 'traefik',
        kind: 'traefik-file',
        id: '/etc/traefik/dynamic/phoenix.yml',
        label: 'phoenix.yml',
        status: 'skipped',
        error: 'stacks failed',
      }),
    ],
    rendered: `Stacks\n  ~ web <script>alert(1)</script> on vm 1002\n    PASSWORD: ${CANARY}\n`,
  });
  const drift = run({
    id: 2,
    trigger: 'drift',
    command: 'plan',
    status: 'drift',
    exitCode: 0,
    startedAt: '2026-12-03T12:10:00.000Z',
    endedAt: '2026-12-03T12:10:03.000Z',
    summary: { create: 0, update: 2, delete: 0, noop: 6, blocked: 1 },
    changes: [
      change({ status: 'planned' }),
      change({
        stage: 'dns',
        kind: 'dns-file',
        id: '/etc/dnsmasq.d/phoenix.conf',
        label: 'phoenix.conf',
        status: 'planned',
      }),
      change({
        stage: 'stacks',
        id: '1003/old',
        label: 'old on vm 1003',
        action: 'delete',
        status: 'blocked',
      }),
    ],
  });
  const ok = run({
    id: 3,
    trigger: 'webhook',
    startedAt: '2026-12-03T12:20:00.000Z',
    endedAt: '2026-12-03T12:21:05.000Z',
  });
  return [ok, drift, failed];
}
