/**
 * `npm run soak`: the seeded fault soak (test/soak/soak.ts) at full length, outside
 * `npm test`. Hundreds of `phoenix sync all` runs against the homelab estate on 127.0.0.1
 * under 5xx bursts, lost answers, connection resets, SIGKILL mid-apply and simultaneous
 * starts; prints one line per run and a tally, and exits 1 when any check failed.
 *
 *   npm run soak -- [--runs 250] [--seed 1] [--minutes 30] [--dist DIR]
 *
 * `--dist DIR`: soak that built dist/ instead of the repository's.
 */
import { runSoak, tally } from '../test/soak/soak.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} takes a positive number`);
  return v;
}

const runs = Math.min(arg('runs', 250), 2000);
const seed = arg('seed', 1);
const minutes = Math.min(arg('minutes', 30), 120);
console.log(`soak: ${runs} runs, seed ${seed}, at most ${minutes} min`);
const distAt = process.argv.indexOf('--dist');
const dist = distAt >= 0 ? process.argv[distAt + 1] : undefined;
const report = await runSoak({
  runs,
  seed,
  budgetMs: minutes * 60_000,
  log: (l) => console.log(l),
  ...(dist ? { dist } : {}),
});
console.log(
  `\n${report.runs.length} runs (${report.processes} phoenix processes) in ${(report.elapsedMs / 1000).toFixed(0)} s${report.stoppedEarly ? ' (time budget reached)' : ''}`,
);
for (const [scenario, outcomes] of Object.entries(tally(report)))
  console.log(
    `  ${scenario.padEnd(12)} ${Object.entries(outcomes)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
  );
if (report.problems.length > 0) {
  console.log(`\n${report.problems.length} problem(s):`);
  for (const p of report.problems) console.log(`- ${p}`);
  process.exitCode = 1;
} else
  console.log(
    'no problems: no silent partial apply, every clean re-run converged, never two writers, no secret in any output',
  );
