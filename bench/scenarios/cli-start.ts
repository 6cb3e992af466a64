/**
 * Scenario 4, CLI start: `phoenix --version`, `phoenix validate --root examples/homelab` and
 * a bare `node -e 0`, as child processes of the built CLI, in turn, after one discarded
 * warm-up each (so the OS file cache is warm for all three). The targets are ratios to the
 * bare Node start taken in the same round, whose median is quoted: on a shared machine the
 * absolute times drift with the load, the ratio of neighbouring runs much less.
 */
import { join } from 'node:path';
import { timeProcess } from '../lib/process.js';
import { check, median, ms, times, type Row } from '../lib/report.js';
import type { BenchContext } from '../lib/context.js';

/** `phoenix --version` / `node -e 0`. */
export const TARGET_VERSION_RATIO = 1.2;
/** `phoenix validate` on the example / `node -e 0`. */
export const TARGET_VALIDATE_RATIO = 2;

/** Raw figures. */
export interface CliStartDetail {
  runs: number;
  versionMs: number[];
  validateMs: number[];
  nodeBaselineMs: number[];
}

/** The median of the round-by-round ratios a[i] / b[i]. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]!));
}

/** Run scenario 4. */
export async function cliStart(ctx: BenchContext): Promise<{ rows: Row[]; detail: CliStartDetail }> {
  const runs = ctx.quick ? 5 : 21;
  const example = join(ctx.repo, 'examples', 'homelab');
  const version = ['node', ctx.cli, '--version'];
  const validate = ['node', ctx.cli, 'validate', '--root', example];
  const bare = ['node', '-e', '0'];
  const detail: CliStartDetail = { runs, versionMs: [], validateMs: [], nodeBaselineMs: [] };
  const once = async (argv: string[], expect: RegExp) => {
    const r = await timeProcess(argv, { env: ctx.env, cwd: ctx.repo });
    if (r.code !== 0 || !expect.test(r.stdout + r.stderr))
      throw new Error(`${argv.slice(1).join(' ')} failed (${r.code}): ${r.stderr.slice(-1000)}`);
    return r.wallMs;
  };
  ctx.log(`CLI start: ${runs} rounds of --version, bare node, validate`);
  await once(version, /\d+\.\d+\.\d+/);
  await once(validate, /valid/);
  await once(bare, /^$/);
  for (let i = 0; i < runs; i++) {
    detail.versionMs.push(await once(version, /\d+\.\d+\.\d+/));
    detail.nodeBaselineMs.push(await once(bare, /^$/));
    detail.validateMs.push(await once(validate, /valid/));
  }
  return { detail, rows: cliStartRows(detail) };
}

/** The rows of scenario 4 (pure). */
export function cliStartRows(d: CliStartDetail): Row[] {
  const s = '4 CLI start';
  const node = median(d.nodeBaselineMs);
  const vRatio = pairedRatio(d.versionMs, d.nodeBaselineMs);
  const valRatio = pairedRatio(d.validateMs, d.nodeBaselineMs);
  return [
    {
      scenario: s,
      metric: `bare \`node -e 0\` (median of ${d.runs})`,
      target: '',
      measured: ms(node),
      status: 'INFO',
      value: node,
      unit: 'ms',
      note: 'the reference of the two ratios below, taken in the same rounds',
    },
    {
      scenario: s,
      metric: 'phoenix --version / node -e 0',
      target: `≤ ${times(TARGET_VERSION_RATIO)}`,
      measured: times(vRatio),
      status: check(vRatio <= TARGET_VERSION_RATIO),
      value: vRatio,
      note: `median of the ratios of neighbouring runs; --version itself ${ms(median(d.versionMs))}`,
    },
    {
      scenario: s,
      metric: 'phoenix validate examples/homelab / node -e 0',
      target: `≤ ${times(TARGET_VALIDATE_RATIO)}`,
      measured: times(valRatio),
      status: check(valRatio <= TARGET_VALIDATE_RATIO),
      value: valRatio,
      note: `median of the ratios of neighbouring runs; validate itself ${ms(median(d.validateMs))}`,
    },
  ];
}
