/**
 * Commands from the `sync` settings (reload, restart, validate): argument arrays, never a
 * shell, always a timeout, with `{file}` replaced by the file they act on.
 */
import { isAbsolute, resolve } from 'node:path';
import { execOk, type ExecResult } from '../../util/exec.js';

/** Replace every `{file}` inside every argument (whole or part, e.g. `--conf-file={file}`). */
export function substitute(argv: readonly string[], vars: { file?: string }): string[] {
  return argv.map((arg) => (vars.file === undefined ? arg : arg.split('{file}').join(vars.file)));
}

/** How to run a configured command. */
export interface CommandOptions {
  timeoutMs: number;
  /** Substituted for `{file}`. */
  file?: string;
  signal?: AbortSignal;
}

/** Run a configured command; a non-zero exit or a timeout throws an ApplyError naming it. */
export function runCommand(argv: readonly string[], opts: CommandOptions): Promise<ExecResult> {
  return execOk(substitute(argv, { file: opts.file }), {
    timeoutMs: opts.timeoutMs,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

/** A path from the settings: relative paths resolve against the root. */
export function resolveSettingPath(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}
