/**
 * Phoenix's errors are values with a class. Each class maps to one exit code;
 * exactly one place (cli/main.ts) turns them into output and an exit code.
 */

/** Exit codes (the README lists them). */
export const ExitCode = {
  ok: 0,
  invalidInput: 1,
  changesPending: 2,
  checkFailed: 3,
  applyFailed: 4,
  lockHeld: 5,
  internal: 70,
  /** Stopped by SIGINT (128 + 2, what shells report for Ctrl-C). */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + 15). */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a message for the operator, an optional hint, and a cause. */
export class PhoenixError extends Error {
  readonly exitCode: ExitCode = ExitCode.internal;
  /** Transient errors (timeouts, 5xx, resets) may be retried. */
  readonly transient: boolean;
  readonly hint: string | undefined;

  constructor(message: string, opts: { cause?: unknown; hint?: string; transient?: boolean } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.hint = opts.hint;
    this.transient = opts.transient ?? false;
  }
}

/** Bad input: config that does not validate, unknown flags, unknown names. Exit 1. */
export class UserError extends PhoenixError {
  override readonly exitCode = ExitCode.invalidInput;
}

/** A required readiness check failed. Exit 3. */
export class CheckError extends PhoenixError {
  override readonly exitCode = ExitCode.checkFailed;
}

/** Applying a change failed (a write, a reload, an API call). Exit 4. */
export class ApplyError extends PhoenixError {
  override readonly exitCode = ExitCode.applyFailed;
}

/** Another sync holds the root's lock. Exit 5. */
export class LockError extends PhoenixError {
  override readonly exitCode = ExitCode.lockHeld;
}

/** A run stopped by SIGINT (exit 130) or SIGTERM (exit 143), after it let in-flight work end. */
export class InterruptedError extends PhoenixError {
  override readonly exitCode: ExitCode;

  constructor(signal: 'SIGINT' | 'SIGTERM', message: string, opts: { cause?: unknown; hint?: string } = {}) {
    super(message, opts);
    this.exitCode = signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
  }
}

/** A bug in Phoenix. */
export class InternalError extends PhoenixError {}

/** Is this error worth retrying? */
export function isTransient(err: unknown): boolean {
  return err instanceof PhoenixError && err.transient;
}

/** A readable one-line message for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Providers often start an error with the change's label; the line already shows it. */
export function withoutLabel(error: string, label: string): string {
  return error.startsWith(`${label}: `) ? error.slice(label.length + 2) : error;
}
