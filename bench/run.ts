/**
 * `npm run bench` (after `npm run build`): every scenario of issue 7 in one run, a table of
 * targets with PASS/FAIL on stdout, and bench/results.json. See bench/README.md.
 *
 *   tsx bench/run.ts [--quick] [--only 1,2,4]
 *
 * Exit code 0 when every target passed, 1 when one failed or a scenario broke.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { benchContext, privateBuild, REPO, type BenchContext } from './lib/context.js';
import { machine, renderTable, type Row } from './lib/report.js';
import { rssMethod } from './lib/process.js';
import { planScale } from './scenarios/plan-scale.js';
import { portainerSync } from './scenarios/portainer-sync.js';
import { cliStart } from './scenarios/cli-start.js';
import { dockerNoop } from './scenarios/docker-noop.js';

interface Scenario {
  id: string;
  name: string;
  run: (ctx: BenchContext) => Promise<{ rows: Row[]; detail: unknown }>;
}

const SCENARIOS: Scenario[] = [
  { id: '4', name: 'CLI start', run: cliStart },
  { id: '1', name: 'plan at scale', run: planScale },
  { id: '2,3', name: 'sync vs Portainer double, and the bash baseline', run: portainerSync },
  { id: '5', name: 'docker backend', run: dockerNoop },
];

function args(argv: string[]): { quick: boolean; only?: string[] } {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--only');
  const only = i >= 0 ? argv[i + 1]?.split(',') : undefined;
  return { quick, ...(only ? { only } : {}) };
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {
      cwd: REPO,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${sha} (src/ modified)` : sha;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const { quick, only } = args(process.argv.slice(2));
  if (!existsSync(join(REPO, 'dist', 'phoenix.cjs')))
    throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  const build = privateBuild();
  try {
    return await runAll(benchContext(quick, build.cli), quick, only);
  } finally {
    build.remove();
  }
}

async function runAll(ctx: BenchContext, quick: boolean, only: string[] | undefined): Promise<number> {
  const started = performance.now();
  const loadAtStart = machine().loadAverage;
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const s of SCENARIOS) {
    if (only && !s.id.split(',').some((id) => only.includes(id))) continue;
    ctx.log(`scenario ${s.id}: ${s.name}`);
    const t0 = performance.now();
    try {
      const r = await s.run(ctx);
      rows.push(...r.rows);
      details[s.id] = { ...(r.detail as object), durationMs: Math.round(performance.now() - t0) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      ctx.log(`scenario ${s.id} broke: ${message}`);
      rows.push({
        scenario: `${s.id.split(',')[0]} ${s.name}`,
        metric: 'scenario ran',
        target: 'completes',
        measured: 'error',
        status: 'FAIL',
        note: message.split('\n')[0]!.slice(0, 400),
      });
      details[s.id] = { error: message, durationMs: Math.round(performance.now() - t0) };
    }
  }
  const totalMs = performance.now() - started;
  const results = {
    generatedAt: new Date().toISOString(),
    commit: commit(),
    quick,
    machine: { ...machine(), loadAverageAtStart: loadAtStart },
    peakRssMethod: rssMethod(),
    totalMs: Math.round(totalMs),
    rows,
    details,
  };
  writeFileSync(join(REPO, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const m = results.machine;
  process.stdout.write(
    `\nPhoenix benchmarks, ${results.generatedAt}, commit ${results.commit}${quick ? ' (--quick: too few repetitions to report)' : ''}\n`,
  );
  process.stdout.write(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, kernel ${m.kernel}, Node ${m.node}, Docker ${m.docker}; load average ${m.loadAverageAtStart} at start, ${m.loadAverage} at end\n\n`,
  );
  process.stdout.write(
    renderTable(rows, Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env)) + '\n',
  );
  const failed = rows.filter((r) => r.status === 'FAIL').length;
  const passed = rows.filter((r) => r.status === 'PASS').length;
  process.stdout.write(
    `\n${passed} passed, ${failed} failed, ${rows.filter((r) => r.status === 'SKIPPED').length} skipped; total ${(totalMs / 1000).toFixed(0)} s; results in bench/results.json\n`,
  );
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
