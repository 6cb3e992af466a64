/**
 * The table rows of scenarios 2 and 3 from their raw figures (pure), including the ideal
 * parallel bound of a first deploy:
 *
 *   T_ideal = ⌈E / C⌉ · (S / E) · (t_call + t_deploy)
 *
 * E environments with S/E stacks each, C environments deployed at once (`sync.concurrency`),
 * the stacks of one environment one after another (one Docker engine), each needing at
 * least one deploy call (request latency + deploy latency). Reads, logins, environment
 * creation and health polls are Phoenix's overhead on top of it.
 *
 * And the physical floor of the no-op (b):
 *
 *   T_floor = t_node + (1 + L + ⌈S / F⌉) · t_call
 *
 * a bare Node start (timed in the same rounds), then one login, the L listings Phoenix
 * makes, and the S stack files read F at a time (F = 2 · sync.concurrency, what the client
 * allows in flight), each round of calls costing one request latency.
 */
import { check, median, ms, times, type Row } from '../lib/report.js';

/** One measured sync (either side). */
export interface RunFigures {
  wallMs: number;
  /** First request to last response, as the double saw it. */
  apiMs: number;
  counts: { total: number; reads: number; writes: number; auth: number; byRoute: Record<string, number> };
  summary?: Record<string, number>;
  /** The baseline only: the wall time with every PUT charged the deploy latency. */
  fairWallMs?: number;
  /** The baseline only: PUTs the double answered without redeploying (real Portainer redeploys). */
  freePuts?: number;
}

/** The runs of one side. */
export interface Measured {
  a: RunFigures[];
  b: RunFigures[];
  c: RunFigures[];
}

/** Everything scenarios 2 and 3 keep. */
export interface PortainerDetail {
  latency: { perCallMs: number; perDeployMs: number };
  stacks: number;
  environments: number;
  stacksPerEnvironment: number;
  concurrency: number;
  phoenix: Measured;
  bash: Measured;
  /** A bare `node -e 0` after each no-op. */
  nodeMs: number[];
}

const MAX_OVER_BOUND = 1.5;
const NOOP_SPEEDUP = 20;
const MAX_OVER_FLOOR = 1.5;

/** The ideal parallel bound of (a), in ms. */
export function idealBoundMs(d: PortainerDetail): number {
  return (
    Math.ceil(d.environments / d.concurrency) *
    d.stacksPerEnvironment *
    (d.latency.perCallMs + d.latency.perDeployMs)
  );
}

/** The no-op's floor in ms, and its parts. */
export function noopFloor(d: PortainerDetail): {
  ms: number;
  listings: number;
  fileRounds: number;
  node: number;
} {
  const c = d.phoenix.b[0]!.counts;
  const fileReads = c.byRoute['GET /stacks/{id}/file'] ?? 0;
  const listings = c.reads - fileReads;
  const fileRounds = Math.ceil(d.stacks / (2 * d.concurrency));
  const node = median(d.nodeMs);
  return { ms: node + (1 + listings + fileRounds) * d.latency.perCallMs, listings, fileRounds, node };
}

const wall = (runs: RunFigures[]) => median(runs.map((r) => r.wallMs));
const fair = (runs: RunFigures[]) => median(runs.map((r) => r.fairWallMs ?? r.wallMs));
const api = (runs: RunFigures[]) => median(runs.map((r) => r.apiMs));
const calls = (runs: RunFigures[]) => {
  const c = runs[0]!.counts;
  const same = runs.every((r) => r.counts.reads === c.reads && r.counts.writes === c.writes);
  return `${c.reads} reads, ${c.writes} writes, ${c.auth} login${same ? '' : ' (varied between rounds)'}`;
};
const worst = (runs: RunFigures[], f: (r: RunFigures) => number) => Math.max(...runs.map(f));

/** Rows of scenarios 2 and 3. */
export function portainerRows(d: PortainerDetail): Row[] {
  const { phoenix: p, bash: b } = d;
  const s2 = '2 sync vs Portainer double';
  const s3 = '3 bash baseline, same run';
  const bound = idealBoundMs(d);
  const aWall = wall(p.a);
  const noopReads = worst(p.b, (r) => r.counts.reads);
  const noopWrites = worst(p.b, (r) => r.counts.writes);
  const stackWrites = (r: RunFigures) =>
    (r.counts.byRoute['PUT /stacks/{id}'] ?? 0) +
    (r.counts.byRoute['POST /stacks/create/standalone/string'] ?? 0) +
    (r.counts.byRoute['POST /stacks/create/swarm/string'] ?? 0) +
    (r.counts.byRoute['DELETE /stacks/{id}'] ?? 0);
  const cOk = p.c.every((r) => stackWrites(r) === 1 && r.counts.writes === 1);
  const n = (runs: RunFigures[]) => `median of ${runs.length}`;
  const speed = (k: 'a' | 'b' | 'c') => wall(b[k]) / wall(p[k]);
  const fairSpeed = (k: 'a' | 'b' | 'c') => fair(b[k]) / wall(p[k]);
  const apiSpeed = fair(b.b) / api(p.b);
  const floor = noopFloor(d);
  const overFloor = wall(p.b) / floor.ms;
  const latency = `${d.latency.perCallMs} ms/call, ${d.latency.perDeployMs} ms/deploy`;
  return [
    {
      scenario: s2,
      metric: `(a) first deploy, ${d.stacks} stacks on ${d.environments} environments (${n(p.a)})`,
      target: `≤ ${ms(bound * MAX_OVER_BOUND)}`,
      measured: ms(aWall),
      status: check(aWall <= bound * MAX_OVER_BOUND),
      value: aWall,
      unit: 'ms',
      note: `1.5 × the ideal bound ⌈E/C⌉·(S/E)·(t_call+t_deploy) = ⌈${d.environments}/${d.concurrency}⌉·${d.stacksPerEnvironment}·(${d.latency.perCallMs}+${d.latency.perDeployMs}) ms = ${ms(bound)} (C = sync.concurrency); measured/bound = ${times(aWall / bound)}; latency ${latency}`,
    },
    { scenario: s2, metric: '(a) calls', target: '', measured: calls(p.a), status: 'INFO' },
    {
      scenario: s2,
      metric: `(b) no-op, wall time (${n(p.b)})`,
      target: '',
      measured: ms(wall(p.b)),
      status: 'INFO',
      value: wall(p.b),
      unit: 'ms',
      note: `of which ${ms(api(p.b))} between Phoenix's first and last API call; the rest is Node start, loading and validating the root`,
    },
    {
      scenario: s2,
      metric: '(b) no-op / its physical floor',
      target: `≤ ${times(MAX_OVER_FLOOR)}`,
      measured: times(overFloor),
      status: check(overFloor <= MAX_OVER_FLOOR),
      value: overFloor,
      note: `floor = t_node + (1 login + ${floor.listings} listings + ⌈${d.stacks}/${2 * d.concurrency}⌉ file reads) × ${d.latency.perCallMs} ms = ${ms(floor.node)} + ${(1 + floor.listings + floor.fileRounds) * d.latency.perCallMs} ms = ${ms(floor.ms)}, with t_node a bare \`node -e 0\` timed after each no-op`,
    },
    {
      scenario: s2,
      metric: '(b) no-op, writes',
      target: '0',
      measured: String(noopWrites),
      status: check(noopWrites === 0),
      value: noopWrites,
    },
    {
      scenario: s2,
      metric: '(b) no-op, reads',
      target: `≤ 3 + S = ${3 + d.stacks}`,
      measured: `${noopReads} (+${worst(p.b, (r) => r.counts.auth)} login)`,
      status: check(noopReads <= 3 + d.stacks),
      value: noopReads,
    },
    {
      scenario: s2,
      metric: `(c) one stack changed, wall time (${n(p.c)})`,
      target: '',
      measured: ms(wall(p.c)),
      status: 'INFO',
      value: wall(p.c),
      unit: 'ms',
    },
    {
      scenario: s2,
      metric: '(c) one stack changed, stack writes',
      target: 'exactly 1',
      measured: `${worst(p.c, stackWrites)} (${calls(p.c)})`,
      status: check(cOk),
      value: worst(p.c, stackWrites),
    },
    {
      scenario: s3,
      metric: `(a) first deploy (${n(b.a)})`,
      target: '',
      measured: `${ms(wall(b.a))}; ${calls(b.a)}`,
      status: 'INFO',
      value: wall(b.a),
      unit: 'ms',
    },
    {
      scenario: s3,
      metric: `(b) no-op, fair: every PUT redeploys (${n(b.b)})`,
      target: '',
      measured: `${ms(fair(b.b))}; ${calls(b.b)}`,
      status: 'INFO',
      value: fair(b.b),
      unit: 'ms',
      note: `measured ${ms(wall(b.b))} + ${b.b[0]!.freePuts ?? 0} PUTs the double did not redeploy × ${d.latency.perDeployMs} ms (real Portainer redeploys on every PUT)`,
    },
    {
      scenario: s3,
      metric: `(b) no-op, lower bound: an identical PUT free (${n(b.b)})`,
      target: '',
      measured: ms(wall(b.b)),
      status: 'INFO',
      value: wall(b.b),
      unit: 'ms',
    },
    {
      scenario: s3,
      metric: `(c) one stack changed, fair (${n(b.c)})`,
      target: '',
      measured: `${ms(fair(b.c))}; ${calls(b.c)}`,
      status: 'INFO',
      value: fair(b.c),
      unit: 'ms',
      note: `measured ${ms(wall(b.c))} (the lower bound) + ${b.c[0]!.freePuts ?? 0} PUTs the double did not redeploy × ${d.latency.perDeployMs} ms`,
    },
    {
      scenario: s3,
      metric: 'Phoenix speed-up, (a) first deploy',
      target: '',
      measured: times(speed('a')),
      status: 'INFO',
      value: speed('a'),
    },
    {
      scenario: s3,
      metric: 'Phoenix speed-up, (b) no-op, against the fair baseline',
      target: `≥ ${NOOP_SPEEDUP}×`,
      measured: times(fairSpeed('b')),
      status: check(fairSpeed('b') >= NOOP_SPEEDUP),
      value: fairSpeed('b'),
      note: `whole CLI run (Node start included) against the replay's HTTP calls alone; counting only Phoenix's API phase it is ${times(apiSpeed)}`,
    },
    {
      scenario: s3,
      metric: 'Phoenix speed-up, (b) no-op, against the lower bound',
      target: '',
      measured: times(speed('b')),
      status: 'INFO',
      value: speed('b'),
      note: 'the replay with an identical PUT free, as the double serves it',
    },
    {
      scenario: s3,
      metric: 'Phoenix speed-up, (c) one stack changed (fair / lower bound)',
      target: '',
      measured: `${times(fairSpeed('c'))} / ${times(speed('c'))}`,
      status: 'INFO',
      value: fairSpeed('c'),
    },
    {
      scenario: s3,
      metric: 'contract violations (both sides)',
      target: '0',
      measured: '0',
      status: 'PASS',
      value: 0,
    },
  ];
}
