/**
 * Run the CLI in-process: `main()` from src/cli/main.ts with a capturing Io, so a test sees
 * the exit code and both output streams without spawning node or building dist/.
 */
import { main, type Io } from '../../src/cli/main.js';
import { REPO } from './root.js';

/** What one CLI run produced. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Options of `runCli`; the environment is empty unless given (never the test's own). */
export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  isTTY?: boolean;
  columns?: number;
}

/** Run `phoenix <argv>` and capture everything it prints. */
export async function runCli(argv: string[], opts: CliOptions = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    env: { ...opts.env },
    cwd: opts.cwd ?? REPO,
    isTTY: opts.isTTY ?? false,
    interactive: false,
    columns: opts.columns ?? 80,
  };
  const code = await main(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

/** One diagnostic line as the text renderer prints it. */
export interface PrintedDiagnostic {
  file: string;
  /** 0 when the diagnostic has no position (a missing file). */
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
}

// An optional ISO timestamp (plain logs), then `file[:line:col]: severity: message`.
const DIAG = /^(?:\d{4}-\d\d-\d\dT[\d:.]+Z )?(.+?)(?::(\d+):(\d+))?: (error|warning): (.*)$/;
const HINT = /^(?:\d{4}-\d\d-\d\dT[\d:.]+Z )?\s+hint: (.*)$/;

/** Parse the diagnostics out of the text renderer's stderr. */
export function parseDiagnostics(stderr: string): PrintedDiagnostic[] {
  const out: PrintedDiagnostic[] = [];
  for (const line of stderr.split('\n')) {
    const m = DIAG.exec(line);
    if (m) {
      out.push({
        file: m[1]!,
        line: m[2] ? Number(m[2]) : 0,
        column: m[3] ? Number(m[3]) : 0,
        severity: m[4] as 'error' | 'warning',
        // A warning line ends with its code (`[unknown-key]`): not part of the message.
        message: m[4] === 'warning' ? m[5]!.replace(/ \[[a-z0-9-]+\]$/, '') : m[5]!,
      });
      continue;
    }
    const h = HINT.exec(line);
    const last = out.at(-1);
    if (h && last && last.hint === undefined) last.hint = h[1]!;
  }
  return out;
}
