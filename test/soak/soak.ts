/**
 * The seeded fault soak: many `phoenix sync all` runs as real processes (bin/phoenix.js,
 * so a run can be killed with SIGKILL or started twice at once) against the homelab estate
 * (test/rig/homelab.ts, Portainer test double on 127.0.0.1, target files in a temp dir),
 * each after some drift and under one scenario's faults. After every run it checks:
 *
 * - no silent partial apply: a run that exits 0 left nothing pending (`plan
 *   --detailed-exitcode` exits 0 with the faults gone), under retryable faults (5xx, lost
 *   answers, resets) a run exits 0: they must not fail it, and when every write fails for
 *   good it exits 4;
 * - every clean re-run converges: after a failed or killed run, one sync without faults
 *   exits 0 and the plan is empty (a SIGKILL never locks the next run out);
 * - never two lock holders: the double sees no two processes writing at once;
 * - no secret in any output, in any encoding (the faults echo them back).
 *
 * Bounded: `runs` runs, every process killed after 60 s, the whole soak stopped after
 * `budgetMs`. Needs `npm run build`. Used by `npm run soak` (scripts/soak.ts) and, short,
 * by test/soak/soak.test.ts.
 */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { encodedForms } from '../../src/secrets.js';
import { removeDir, REPO, tempDir } from '../helpers/root.js';
import { PORTAINER_PASSWORD, startHomelab, type Homelab } from '../rig/homelab.js';
import { drift, faultsFor, pick, SCENARIOS, seeded, type Scenario } from './scenarios.js';

/** How long one run may take before it is killed and counted as hung. */
const RUN_TIMEOUT_MS = 60_000;

/**
 * A private copy of the built CLI: a `npm run build` elsewhere in the tree during a long
 * soak would otherwise swap modules under running processes.
 */
function privateBuild(dist = join(REPO, 'dist')): { bin: string; dir: string } {
  const dir = tempDir('phoenix-soak-build-');
  // What the package ships (package.json "files"), as an install would lay it out.
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  for (const d of ['bin', 'schemas', 'contracts']) cpSync(join(REPO, d), join(dir, d), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return { bin: join(dir, 'bin', 'phoenix.js'), dir };
}

/** What to soak. */
export interface SoakOptions {
  runs: number;
  seed: number;
  /** Stop starting runs after this long. */
  budgetMs: number;
  log?: (line: string) => void;
  /** A built dist/ to soak instead of the repository's. */
  dist?: string;
}

/** One run's outcome. */
export interface RunRecord {
  n: number;
  scenario: Scenario;
  drift: string[];
  /** Exit codes of the run(s) under test (two for simultaneous starts; `killed`). */
  codes: (number | 'killed')[];
  /** Whether a clean re-run was needed, and its exit code. */
  rerun?: number;
  problems: string[];
}

/** The soak's result. */
export interface SoakReport {
  seed: number;
  runs: RunRecord[];
  /** Every sync and plan process started. */
  processes: number;
  elapsedMs: number;
  stoppedEarly: boolean;
  problems: string[];
}

interface Proc {
  code: number | 'killed';
  out: string;
}

/** The secrets of the homelab estate: the Portainer password and every secret file's value. */
function secretsOf(h: Homelab): string[] {
  const dir = join(h.root, 'secrets');
  return [PORTAINER_PASSWORD, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8').trim())];
}

/** Run the soak; never throws for a failed check, it reports it. */
export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const started = Date.now();
  const rng = seeded(o.seed);
  const build = privateBuild(o.dist);
  const h = await startHomelab({ dnsmasq: false });
  h.double.latency = { perCallMs: 0, perDeployMs: 30 };
  const secrets = secretsOf(h);
  const forms = secrets.flatMap(encodedForms);
  let processes = 0;
  const report: SoakReport = {
    seed: o.seed,
    runs: [],
    processes: 0,
    elapsedMs: 0,
    stoppedEarly: false,
    problems: [],
  };

  /** Start `phoenix <argv>`; `killAfterMs` sends SIGKILL then. */
  const start = (argv: string[], killAfterMs?: number): Promise<Proc> => {
    processes++;
    const child = spawn(process.execPath, [build.bin, ...argv, '--root', h.root], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...h.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs ?? RUN_TIMEOUT_MS);
    return new Promise((resolve) =>
      child.on('close', (code, signal) => {
        clearTimeout(kill);
        resolve({ code: signal === 'SIGKILL' ? 'killed' : (code ?? -1), out });
      }),
    );
  };

  const leaked = (p: Proc) => forms.filter((f) => p.out.includes(f));

  try {
    // The estate starts converged.
    const first = await start(['sync', 'all', '--yes']);
    if (first.code !== 0) throw new Error(`the first sync failed (exit ${first.code}):\n${first.out}`);

    for (let n = 1; n <= o.runs; n++) {
      if (Date.now() - started > o.budgetMs) {
        report.stoppedEarly = true;
        break;
      }
      // Every scenario in turn; the drift and the faults are the seeded part.
      const scenario = SCENARIOS[(n - 1) % SCENARIOS.length]!;
      const rec: RunRecord = { n, scenario, drift: [], codes: [], problems: [] };
      const { did, prune } = drift(h, rng);
      rec.drift = did;
      const flags = ['--yes', ...(prune ? ['--prune'] : [])];
      const mode = pick(rng, [[], ['--json'], ['--json=stream']]);
      h.double.resetCounters();
      for (const f of faultsFor(scenario, rng, secrets)) h.double.inject(f);

      const procs: Proc[] = [];
      if (scenario === 'simultaneous') {
        procs.push(
          ...(await Promise.all([start(['sync', 'all', ...flags]), start(['sync', 'all', ...flags])])),
        );
      } else if (scenario === 'sigkill') {
        procs.push(await start(['sync', 'all', ...flags, ...mode], 300 + Math.floor(rng() * 900)));
      } else {
        procs.push(await start(['sync', 'all', ...flags, ...mode]));
      }
      h.double.clearFaults();
      rec.codes = procs.map((p) => p.code);

      for (const p of procs)
        for (const f of leaked(p)) rec.problems.push(`secret in output (${JSON.stringify(f.slice(0, 4))}…)`);
      const overlaps = h.double.overlappingWriters();
      if (overlaps.length > 0) rec.problems.push(`two writers at once: ${JSON.stringify(overlaps)}`);

      const ok = procs.some((p) => p.code === 0);
      if (scenario === 'simultaneous') {
        if (!procs.every((p) => p.code === 0 || p.code === 5) || !ok)
          rec.problems.push(
            `simultaneous starts exited ${rec.codes.join(' and ')} (want 0 and 5, or 0 and 0)`,
          );
      } else if (scenario === 'failing') {
        const wrote = h.double.counts().writes > 0;
        if (rec.codes[0] !== (wrote ? 4 : 0))
          rec.problems.push(`exit ${rec.codes[0]} with every write failing (want ${wrote ? 4 : 0})`);
      } else if (scenario !== 'sigkill' && !ok) {
        rec.problems.push(
          `exit ${rec.codes[0]} under retryable ${scenario} faults:\n${procs[0]?.out.slice(-1500)}`,
        );
      }

      if (!ok) {
        // A clean re-run must converge, and must not be locked out by a killed run.
        const again = await start(['sync', 'all', ...flags]);
        rec.rerun = again.code === 'killed' ? -1 : again.code;
        if (again.code !== 0)
          rec.problems.push(`the clean re-run exited ${again.code}:\n${again.out.slice(-1500)}`);
      }
      const plan = await start(['plan', '--detailed-exitcode', ...(prune ? ['--prune'] : [])]);
      if (plan.code !== 0)
        rec.problems.push(
          `${ok ? 'silent partial apply: the run exited 0 but' : 'after the re-run'} plan --detailed-exitcode exited ${plan.code}:\n${plan.out.slice(-1500)}`,
        );
      if (h.double.violations.length > 0)
        rec.problems.push(`contract violations: ${JSON.stringify(h.double.violations)}`);
      h.double.violations.length = 0;

      report.runs.push(rec);
      report.problems.push(
        ...rec.problems.map((p) => `run ${n} (${scenario}; ${did.join(', ') || 'no drift'}): ${p}`),
      );
      o.log?.(
        `run ${String(n).padStart(3)} ${scenario.padEnd(12)} exit ${rec.codes.join('/')}${rec.rerun === undefined ? '' : `, re-run ${rec.rerun}`}${rec.problems.length ? `  PROBLEM: ${rec.problems[0]!.split('\n')[0]}` : ''}`,
      );
    }
  } finally {
    await h.stop();
    removeDir(build.dir);
  }
  report.processes = processes;
  report.elapsedMs = Date.now() - started;
  return report;
}

/** Outcomes per scenario: `exit 0`, `exit 0/5`, `killed, re-run 0`, … with counts. */
export function tally(report: SoakReport): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of report.runs) {
    const key = `exit ${r.codes.join('/')}${r.rerun === undefined ? '' : `, re-run ${r.rerun}`}`;
    const s = (out[r.scenario] ??= {});
    s[key] = (s[key] ?? 0) + 1;
  }
  return out;
}
