/**
 * External commands: always an argument array, never a shell (a config value is never shell syntax), always a timeout.
 */
import { spawn } from 'node:child_process';
import { ApplyError } from '../errors.js';

export interface ExecResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface ExecOptions {
  timeoutMs: number;
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  signal?: AbortSignal;
}

/** Run `argv` and collect its output. Never throws for a non-zero exit; see `execOk`. */
export function exec(argv: readonly string[], opts: ExecOptions): Promise<ExecResult> {
  const [cmd, ...args] = argv;
  if (!cmd) throw new ApplyError('empty command');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
      cwd: opts.cwd,
      signal: opts.signal,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new ApplyError(`cannot run ${cmd}: ${err.message}`, { cause: err }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}

/** Run `argv`; a non-zero exit or a timeout becomes an ApplyError naming the command. */
export async function execOk(argv: readonly string[], opts: ExecOptions): Promise<ExecResult> {
  const r = await exec(argv, opts);
  if (r.timedOut)
    throw new ApplyError(`${argv.join(' ')} timed out after ${opts.timeoutMs} ms`, { transient: true });
  if (r.code !== 0) {
    const detail = (r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n');
    throw new ApplyError(`${argv.join(' ')} exited with ${r.code ?? r.signal}: ${detail}`);
  }
  return r;
}
