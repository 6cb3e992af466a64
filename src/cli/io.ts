/** The process edges a command may touch: output streams, environment, terminal facts. */
import { isatty } from 'node:tty';

/** Where output goes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  /**
   * stdin is a terminal, so Phoenix may ask before applying, whatever stdout is (the
   * question goes to the terminal, not into a pipe).
   */
  interactive: boolean;
  /** stdin is a terminal (init asks there even when its diff is piped). */
  stdinIsTTY?: boolean;
  columns: number;
  /** The terminal stream the live renderer redraws (stderr), when there is one. */
  errStream?: NodeJS.WritableStream;
}

/** The real process's streams and terminal facts. */
export function defaultIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    // isatty(0), not process.stdin.isTTY: creating the stdin stream costs every command ~10 ms.
    interactive: isatty(0),
    stdinIsTTY: isatty(0),
    columns: process.stdout.columns || 80,
    errStream: process.stderr,
  };
}
