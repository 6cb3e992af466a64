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
 */
import { check, median, ms, times, type Row } from '../lib/report.js';

/** One measured sync (either side). */
export interface RunFigures {
  wallMs: number;
  /** First request to last response, as the double saw it. */
  apiMs: number;
  counts: { total: number; reads: number; writes: number; auth: number; byRoute: Record<string, number> };
  summary?: Record<string, number>;
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
}

const MAX_OVER_BOUND = 1.5;
const NOOP_SPEEDUP = 20;

/** The ideal parallel bound of (a), in ms. */
export function idealBoundMs(d: PortainerDetail): number {
  return (
    Math.ceil(d.environments / d.concurrency) *
    d.stacksPerEnvironment *
    (d.latency.perCallMs + d.latency.perDeployMs)
  );
}

const wall = (runs: RunFigures[]) => median(runs.map((r) => r.wallMs));
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
  const apiSpeed = wall(b.b) / api(p.b);
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
      metric: `(b) no-op (${n(b.b)})`,
      target: '',
      measured: `${ms(wall(b.b))}; ${calls(b.b)}`,
      status: 'INFO',
      value: wall(b.b),
      unit: 'ms',
    },
    {
      scenario: s3,
      metric: `(c) one stack changed (${n(b.c)})`,
      target: '',
      measured: `${ms(wall(b.c))}; ${calls(b.c)}`,
      status: 'INFO',
      value: wall(b.c),
      unit: 'ms',
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
      metric: 'Phoenix speed-up, (b) no-op',
      target: `≥ ${NOOP_SPEEDUP}×`,
      measured: times(speed('b')),
      status: check(speed('b') >= NOOP_SPEEDUP),
      value: speed('b'),
      note: `whole CLI run (Node start included) against the replay's HTTP calls alone; counting only Phoenix's API phase it is ${times(apiSpeed)}`,
    },
    {
      scenario: s3,
      metric: 'Phoenix speed-up, (c) one stack changed',
      target: '',
      measured: times(speed('c')),
      status: 'INFO',
      value: speed('c'),
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
