/**
 * Scenario 4, CLI start: `phoenix --version` and `phoenix validate --root examples/homelab`
 * as child processes of the built CLI, alternating, median of repeated runs (after one
 * discarded warm-up each, so the OS file cache is warm for both).
 */
import { join } from 'node:path';
import { timeProcess } from '../lib/process.js';
import { check, median, ms, type Row } from '../lib/report.js';
import type { BenchContext } from '../lib/context.js';

const TARGET_VERSION_MS = 150;

/** Raw figures. */
export interface CliStartDetail {
  runs: number;
  versionMs: number[];
  validateMs: number[];
  nodeBaselineMs: number[];
}

/** Run scenario 4. */
export async function cliStart(ctx: BenchContext): Promise<{ rows: Row[]; detail: CliStartDetail }> {
  const runs = ctx.quick ? 5 : 15;
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
  ctx.log(`CLI start: ${runs} runs each of --version, validate, and bare node`);
  await once(version, /\d+\.\d+\.\d+/);
  await once(validate, /valid/);
  for (let i = 0; i < runs; i++) {
    detail.versionMs.push(await once(version, /\d+\.\d+\.\d+/));
    detail.validateMs.push(await once(validate, /valid/));
    detail.nodeBaselineMs.push(await once(bare, /^$/));
  }
  const v = median(detail.versionMs);
  const val = median(detail.validateMs);
  const node = median(detail.nodeBaselineMs);
  const s = '4 CLI start';
  return {
    detail,
    rows: [
      {
        scenario: s,
        metric: `phoenix --version (median of ${runs})`,
        target: `< ${TARGET_VERSION_MS} ms`,
        measured: ms(v),
        status: check(v < TARGET_VERSION_MS),
        value: v,
        unit: 'ms',
        note: `a bare \`node -e 0\` takes ${ms(node)} here`,
      },
      {
        scenario: s,
        metric: `phoenix validate examples/homelab (median of ${runs})`,
        target: '',
        measured: ms(val),
        status: 'INFO',
        value: val,
        unit: 'ms',
      },
    ],
  };
}
