/**
 * Timing child processes for the benchmarks: wall time from spawn to exit (hrtime), and
 * optionally the peak resident set size.
 *
 * Peak RSS is the kernel's own high-water mark of the process, not a sample: with GNU time
 * present (`/usr/bin/time -f %M`, which reports `ru_maxrss` from wait4), else a tiny preload
 * (hwm-preload.mjs) that reads `VmHWM` from /proc/self/status as the process exits. Both
 * read the same counter; neither samples, so a short spike cannot be missed. The same
 * measurement gives the process's CPU time, which a busy machine inflates less than wall time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How peak memory is read, as reported in results.json. */
export type RssMethod = 'gnu-time' | 'vmhwm-preload';

/** One finished child process. */
export interface TimedRun {
  wallMs: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Collected stdout, unless it went to a file. */
  stdout: string;
  stderr: string;
  /** Peak RSS in MiB, when asked for. */
  peakRssMb?: number;
  /** CPU time (user + system) of the process, measured with the peak RSS. */
  cpuMs?: number;
}

/** Options of one run. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process after this long (default 5 minutes). */
  timeoutMs?: number;
  /** Send stdout to this file instead of collecting it (large JSON reports). */
  stdoutFile?: string;
  /** Measure peak RSS; argv must then start with `node`. */
  peakRss?: boolean;
}

const GNU_TIME = '/usr/bin/time';
let gnuTime: boolean | undefined;

/** Which method `peakRss` uses on this machine. */
export function rssMethod(): RssMethod {
  if (process.env.PHOENIX_BENCH_RSS === 'vmhwm-preload') return 'vmhwm-preload';
  if (gnuTime === undefined) {
    gnuTime = false;
    if (existsSync(GNU_TIME)) {
      const probe = spawnSync(GNU_TIME, ['--version'], { encoding: 'utf8' });
      gnuTime = /GNU/i.test(`${probe.stdout ?? ''}${probe.stderr ?? ''}`);
    }
  }
  return gnuTime ? 'gnu-time' : 'vmhwm-preload';
}

const PRELOAD = pathToFileURL(join(fileURLToPath(new URL('.', import.meta.url)), 'hwm-preload.mjs')).href;

/** Run `argv`, timing it from spawn to exit. */
export async function timeProcess(argv: readonly string[], opts: RunOptions = {}): Promise<TimedRun> {
  let full = [...argv];
  let memDir: string | undefined;
  let memFile: string | undefined;
  const env = { ...(opts.env ?? process.env) };
  if (opts.peakRss) {
    memDir = mkdtempSync(join(tmpdir(), 'phoenix-bench-rss-'));
    memFile = join(memDir, 'rss');
    if (rssMethod() === 'gnu-time') full = [GNU_TIME, '-f', '%M %U %S', '-o', memFile, ...full];
    else {
      if (full[0] !== 'node') throw new Error('peakRss without GNU time needs a node command');
      full = ['node', '--import', PRELOAD, ...full.slice(1)];
      env.PHOENIX_BENCH_HWM_FILE = memFile;
    }
  }
  const out = opts.stdoutFile ? openSync(opts.stdoutFile, 'w') : undefined;
  try {
    const run = await spawnTimed(full, { ...opts, env }, out);
    if (memFile) {
      // The last line: GNU time puts "Command exited with non-zero status" lines before it.
      const [kb, user, sys] = (readFileSync(memFile, 'utf8').trim().split('\n').at(-1) ?? '')
        .split(' ')
        .map(Number);
      if (kb !== undefined && Number.isFinite(kb) && kb > 0) run.peakRssMb = kb / 1024;
      if (user !== undefined && sys !== undefined && Number.isFinite(user + sys))
        run.cpuMs = (user + sys) * 1000;
    }
    return run;
  } finally {
    if (out !== undefined) closeSync(out);
    if (memDir) rmSync(memDir, { recursive: true, force: true });
  }
}

function spawnTimed(argv: string[], opts: RunOptions, outFd: number | undefined): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', outFd ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ wallMs, code, signal, stdout, stderr });
    });
  });
}
