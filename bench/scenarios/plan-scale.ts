/**
 * Scenario 1, plan at scale: `phoenix plan --offline --json` on generated estates of 100,
 * 1,000 and 2,000 VMs with 5 stacks each, run as the built CLI in a child process. Wall
 * time and peak RSS per size (medians over rounds; each round runs every size once, so
 * machine noise spreads evenly), and the growth of time between sizes. Each round also
 * times a bare `node -e 0`: how slow the machine was while the sizes ran.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEstate } from '../generate.js';
import { timeProcess, rssMethod } from '../lib/process.js';
import { check, median, ms, times, type Row } from '../lib/report.js';
import type { BenchContext } from '../lib/context.js';

const SIZES = [100, 1000, 2000] as const;
const STACKS_PER_VM = 5;
const TARGET_MS = 1000;
const TARGET_MB = 250;
const DOUBLING = 2.1;

/** Raw figures, kept in results.json. */
export interface PlanScaleDetail {
  rssMethod: string;
  rounds: number;
  sizes: { vms: number; deployments: number; wallMs: number[]; cpuMs: number[]; peakRssMb: number[] }[];
  /** A bare `node -e 0` once per round. */
  nodeBaselineMs: number[];
}

/** Run scenario 1. */
export async function planScale(ctx: BenchContext): Promise<{ rows: Row[]; detail: PlanScaleDetail }> {
  const dir = mkdtempSync(join(tmpdir(), 'phoenix-bench-scale-'));
  const rounds = ctx.quick ? 1 : 5;
  try {
    const estates = SIZES.map((vms) =>
      generateEstate(join(dir, `vms-${vms}`), { vms, stacksPerVm: STACKS_PER_VM }),
    );
    const sizes = estates.map((e) => ({
      vms: e.vms,
      deployments: e.deployments,
      wallMs: [] as number[],
      cpuMs: [] as number[],
      peakRssMb: [] as number[],
    }));
    const report = join(dir, 'report.json');
    const nodeBaselineMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      nodeBaselineMs.push((await timeProcess(['node', '-e', '0'], { env: ctx.env })).wallMs);
      for (const [i, e] of estates.entries()) {
        ctx.log(`plan --offline: ${e.vms} VMs, round ${round + 1}/${rounds}`);
        const run = await timeProcess(['node', ctx.cli, 'plan', '--offline', '--root', e.root, '--json'], {
          peakRss: true,
          stdoutFile: report,
          env: ctx.env,
        });
        if (run.code !== 0)
          throw new Error(
            `plan --offline on ${e.vms} VMs exited with ${run.code ?? run.signal}: ${run.stderr.slice(-2000)}`,
          );
        if (round === 0) assertComplete(report, e.deployments);
        sizes[i]!.wallMs.push(run.wallMs);
        if (run.peakRssMb !== undefined) sizes[i]!.peakRssMb.push(run.peakRssMb);
        if (run.cpuMs !== undefined) sizes[i]!.cpuMs.push(run.cpuMs);
      }
    }
    const detail = { rssMethod: rssMethod(), rounds, sizes, nodeBaselineMs };
    return { rows: rows(detail), detail };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The report must plan every deployment, or the timing means nothing. */
function assertComplete(report: string, deployments: number): void {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { changes: { stage: string; action: string }[] };
  const stacks = r.changes.filter((c) => c.stage === 'stacks' && c.action === 'create').length;
  if (stacks !== deployments)
    throw new Error(`plan --offline planned ${stacks} stack creates, expected ${deployments}`);
}

function rows({ sizes, nodeBaselineMs }: PlanScaleDetail): Row[] {
  const out: Row[] = [];
  const s = '1 plan at scale';
  out.push({
    scenario: s,
    metric: `bare \`node -e 0\` in the same rounds (median of ${nodeBaselineMs.length})`,
    target: '',
    measured: ms(median(nodeBaselineMs)),
    status: 'INFO',
    value: median(nodeBaselineMs),
    unit: 'ms',
    note: 'how loaded the machine was meanwhile: every wall time below includes one Node start',
  });
  const t = sizes.map((x) => median(x.wallMs));
  const m = sizes.map((x) => (x.peakRssMb.length ? median(x.peakRssMb) : NaN));
  const cpu = sizes.map((x) => (x.cpuMs.length ? median(x.cpuMs) : NaN));
  sizes.forEach((x, i) => {
    const label = `${x.vms.toLocaleString('en')} VMs / ${x.deployments.toLocaleString('en')} stacks`;
    const gated = x.vms === 1000;
    out.push({
      scenario: s,
      metric: `${label}, wall time`,
      target: gated ? `< ${ms(TARGET_MS)}` : '',
      measured: ms(t[i]!),
      status: gated ? check(t[i]! < TARGET_MS) : 'INFO',
      value: t[i]!,
      unit: 'ms',
      note: `median of ${x.wallMs.length}, range ${ms(Math.min(...x.wallMs))}–${ms(Math.max(...x.wallMs))}; CPU time ${ms(cpu[i]!)} (GC threads add to it)`,
    });
    out.push({
      scenario: s,
      metric: `${label}, peak RSS`,
      target: gated ? `< ${TARGET_MB} MB` : '',
      measured: `${m[i]!.toFixed(0)} MB`,
      status: gated ? check(m[i]! < TARGET_MB) : 'INFO',
      value: m[i]!,
      unit: 'MiB',
    });
  });
  const ratio = (a: number, b: number) => t[b]! / t[a]!;
  out.push({
    scenario: s,
    metric: 'time growth 100 → 1,000 VMs (10× input)',
    target: '',
    measured: times(ratio(0, 1)),
    status: 'INFO',
    value: ratio(0, 1),
    note: `${times(ratio(0, 1) ** (1 / Math.log2(10)))} per doubling on average`,
  });
  out.push({
    scenario: s,
    metric: 'time growth 1,000 → 2,000 VMs (2× input)',
    target: `≤ ${DOUBLING}×`,
    measured: times(ratio(1, 2)),
    status: check(ratio(1, 2) <= DOUBLING),
    value: ratio(1, 2),
    note: `in CPU time ${times(cpu[2]! / cpu[1]!)}`,
  });
  return out;
}
