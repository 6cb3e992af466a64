/**
 * The fault soak, short (npm run soak runs hundreds): every scenario at least three times
 * with real processes, and none of its checks may fail. Needs `npm run build`.
 */
import { describe, expect, it } from 'vitest';
import { runSoak, tally } from './soak.js';

describe('fault soak (short)', () => {
  it('15 runs: no silent partial apply, every clean re-run converges, never two writers, no secret leaks', async () => {
    const report = await runSoak({ runs: 15, seed: 7, budgetMs: 240_000 });
    console.log(
      `soak: ${report.runs.length} runs, ${report.processes} processes, ${report.elapsedMs} ms`,
      tally(report),
    );
    expect(report.problems).toEqual([]);
    expect(report.runs).toHaveLength(15);
  }, 300_000);
});
