/**
 * What the fault soak does to the estate between runs: a seeded random generator, drift
 * that gives each run real work (a stack deleted or edited behind Phoenix's back, a target
 * file removed, an environment gone, a stray stack of Phoenix's for --prune), and the
 * Portainer faults of each scenario, some echoing secrets in every encoding.
 */
import { rmSync } from 'node:fs';
import type { Homelab } from '../rig/homelab.js';
import type { CallInfo, Fault } from '../portainer-double/server.js';

/** The kinds of trouble a run meets. */
export const SCENARIOS = ['5xx', 'lost-answer', 'reset', 'sigkill', 'simultaneous', 'failing'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** A seeded generator in [0, 1) (mulberry32): the same seed replays the same soak. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pick one of a list. */
export function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)] as T;
}

/** The homelab's owner id (its root's `sync.owner_id`). */
const OWNER = 'homelab';

/**
 * Change the estate behind Phoenix's back so the run has work to do. Returns what it did
 * and whether the run needs --prune (a stray stack of Phoenix's to delete).
 */
export function drift(h: Homelab, rng: () => number): { did: string[]; prune: boolean } {
  const m = h.double.model;
  const did: string[] = [];
  let prune = false;
  const kinds = ['delete-stack', 'edit-stack', 'remove-file', 'drop-environment', 'stray-stack'] as const;
  for (let i = 0, n = 1 + Math.floor(rng() * 2); i < n; i++) {
    const kind = pick(rng, kinds);
    const stacks = m.stacks.filter((s) => s.Name !== 'portainer-production');
    if (kind === 'delete-stack' && stacks.length > 0) {
      const s = pick(rng, stacks);
      m.deleteStack(s.Id);
      did.push(`deleted stack ${s.Name}`);
    } else if (kind === 'edit-stack' && stacks.length > 0) {
      const s = pick(rng, stacks);
      s.file += '# edited by hand\n';
      did.push(`edited stack ${s.Name}`);
    } else if (kind === 'remove-file') {
      const path = pick(rng, [h.paths.traefik, h.paths.hosts]);
      rmSync(path, { force: true });
      did.push(`removed ${path.split('/').slice(-2).join('/')}`);
    } else if (kind === 'drop-environment') {
      const env = pick(
        rng,
        m.endpoints.filter((e) => e.Type === 2),
      );
      if (!env) continue;
      for (const s of m.stacks.filter((x) => x.EndpointId === env.Id)) m.deleteStack(s.Id);
      m.endpoints = m.endpoints.filter((e) => e !== env);
      did.push(`dropped environment ${env.Name}`);
    } else if (kind === 'stray-stack') {
      const local = m.endpoints.find((e) => e.Name === 'local');
      const name = `stray-${Math.floor(rng() * 1e6)}`;
      if (!local) continue;
      m.createStack(
        local.Id,
        {
          Name: name,
          StackFileContent: 'services:\n  app:\n    image: busybox\n',
          Env: [{ name: 'PHOENIX_OWNER', value: OWNER }],
        },
        false,
      );
      did.push(`added stray stack ${name}`);
      prune = true;
    }
  }
  return { did, prune };
}

/** Write routes Phoenix calls; a lost answer on any of them must not fail a run. */
const WRITES = [
  'POST /endpoints',
  'POST /stacks/create/standalone/string',
  'PUT /stacks/{id}',
  'DELETE /stacks/{id}',
];
/** Read routes, for 5xx and resets. */
const READS = [
  'GET /endpoints',
  'GET /stacks',
  'GET /stacks/{id}/file',
  'GET /endpoints/{id}/docker/containers/json',
  'GET /system/status',
];

/** A body that echoes every secret raw, JSON-escaped, URL-encoded and in base64. */
export function echoing(secrets: readonly string[]): string {
  return secrets
    .map(
      (s) => `${s} ${JSON.stringify({ v: s })} ${encodeURIComponent(s)} ${Buffer.from(s).toString('base64')}`,
    )
    .join(' | ');
}

/**
 * The faults of one run's scenario (none for the kill and start scenarios). `failing`: every
 * write fails for good with a body echoing the secrets, so the run's errors quote it.
 */
export function faultsFor(scenario: Scenario, rng: () => number, secrets: readonly string[]): Fault[] {
  const on = (route: string) => (c: CallInfo) => c.route === route;
  const echo = rng() < 0.5 ? `upstream: ${echoing(secrets)}` : undefined;
  const faults: Fault[] = [];
  for (let i = 0, n = 1 + Math.floor(rng() * 2); i < n; i++) {
    if (scenario === '5xx') {
      const status = pick(rng, [500, 502, 503, 504]);
      const times = 1 + Math.floor(rng() * 2);
      faults.push({
        kind: 'status',
        status,
        times,
        match: on(pick(rng, [...READS, ...WRITES])),
        ...(echo ? { rawBody: echo } : {}),
      });
    } else if (scenario === 'lost-answer') {
      const replaced =
        rng() < 0.5 ? { status: pick(rng, [502, 504]), ...(echo ? { rawBody: echo } : {}) } : {};
      // Any write, or one kind of write: whichever the drift makes the run send.
      const match = rng() < 0.5 ? (c: CallInfo) => WRITES.includes(c.route) : on(pick(rng, WRITES));
      faults.push({ kind: 'lost-answer', times: 1 + Math.floor(rng() * 2), match, ...replaced });
    } else if (scenario === 'failing') {
      const status = pick(rng, [400, 500]);
      faults.push({
        kind: 'status',
        status,
        times: Infinity,
        match: (c) => WRITES.includes(c.route),
        rawBody: `refused: ${echoing(secrets)}`,
      });
      break;
    } else if (scenario === 'reset') {
      faults.push({
        kind: 'reset',
        times: 1 + Math.floor(rng() * 2),
        match: on(pick(rng, [...READS, ...WRITES])),
      });
    }
  }
  return faults;
}
