/**
 * Results of the benchmarks: one row per target or figure, medians and ratios, the table
 * printed in the terminal, and the machine the figures came from.
 */
import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, totalmem, release, platform } from 'node:os';
import { readFileSync } from 'node:fs';
import pc from 'picocolors';

/** PASS/FAIL for a target; INFO for a figure without one; SKIPPED when it could not run. */
export type Status = 'PASS' | 'FAIL' | 'INFO' | 'SKIPPED';

/** One line of the table. */
export interface Row {
  /** Scenario number and short name, e.g. `1 plan at scale`. */
  scenario: string;
  /** What is measured. */
  metric: string;
  /** The target in words, e.g. `< 2 s`; empty for INFO rows. */
  target: string;
  /** The figure as shown, e.g. `1.83 s`. */
  measured: string;
  status: Status;
  /** The raw number behind `measured`, for results.json. */
  value?: number;
  unit?: string;
  note?: string;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds as `123 ms` or `1.23 s`. */
export function ms(v: number): string {
  return v < 1000 ? `${v.toFixed(0)} ms` : `${(v / 1000).toFixed(2)} s`;
}

/** A ratio as `3.4×`. */
export function times(v: number): string {
  return `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}×`;
}

/** PASS when `ok`, else FAIL. */
export function check(ok: boolean): Status {
  return ok ? 'PASS' : 'FAIL';
}

/** The machine the figures came from. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  os: string;
  kernel: string;
  node: string;
  docker: string;
  /** 1-minute load average when the figures were taken: other work on the machine inflates them. */
  loadAverage: number;
}

/** The machine the figures came from. */
export function machine(): Machine {
  // Called at the start and at the end of a run.
  const cpu = cpus();
  let docker: string;
  try {
    docker = execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    docker = 'not available';
  }
  let os: string = platform();
  try {
    os = /^PRETTY_NAME="?([^"\n]+)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // not Linux: the platform name will do
  }
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    os,
    kernel: release(),
    node: process.version,
    docker,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

const paint: Record<Status, (s: string) => string> = {
  PASS: pc.green,
  FAIL: pc.red,
  INFO: pc.dim,
  SKIPPED: pc.yellow,
};

/** The table as text (colours only when `color`). */
export function renderTable(rows: readonly Row[], color: boolean): string {
  const head = ['#', 'scenario / metric', 'target', 'measured', 'result'];
  const body = rows.map((r) => [
    r.scenario.split(' ')[0]!,
    `${r.scenario.replace(/^\S+\s*/, '')}: ${r.metric}`,
    r.target || '-',
    r.measured,
    r.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[], status?: Status) =>
    cells
      .map((c, i) => {
        const padded = i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!);
        return i === 4 && status && color ? paint[status](padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const notes = rows
    .filter((r) => r.note)
    .map((r) => `  [${r.scenario.split(' ')[0]}] ${r.metric}: ${r.note}`);
  return [
    line(head),
    rule,
    ...body.map((b, i) => line(b, rows[i]!.status)),
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}
