/**
 * Wires the event bus to the renderer the flags ask for, and turns the outcome of a
 * command (a value or a thrown error) into an exit code — the one catch site.
 */
import { PhoenixError } from '../errors.js';
import { EventBus } from '../output/events.js';
import { JsonReporter } from '../output/json-report.js';
import { TextRenderer } from '../output/text.js';
import { Redactor } from '../secrets.js';
import type { Io } from './io.js';

/** Flags shared by every command. */
export interface GlobalFlags {
  root?: string;
  json?: true | 'report' | 'stream';
  vm?: string[];
  stack?: string[];
  env?: string[];
  color: boolean;
  verbose?: boolean;
}

export interface Session {
  bus: EventBus;
  redactor: Redactor;
  started: number;
}

/** Create the bus and attach the renderer for these flags. */
export async function openSession(flags: GlobalFlags, io: Io): Promise<Session> {
  const bus = new EventBus();
  const redactor = new Redactor();
  if (flags.json) {
    bus.subscribe(new JsonReporter(redactor, io.out, flags.json === 'stream').onEvent);
  } else {
    const color = flags.color && io.isTTY && !('NO_COLOR' in io.env) && io.env['TERM'] !== 'dumb';
    const opts = {
      color,
      verbose: Boolean(flags.verbose),
      width: Math.max(60, Math.min(io.columns, 120)),
      out: io.out,
      err: io.err,
    };
    if (io.isTTY && io.errStream && io.env['TERM'] !== 'dumb') {
      // Imported only for terminals: the live renderer's dependencies cost start-up time.
      const { LiveRenderer } = await import('../output/live.js');
      bus.subscribe(new LiveRenderer(redactor, io.errStream, opts).onEvent);
    } else bus.subscribe(new TextRenderer(redactor, { ...opts, timestamps: !io.isTTY }).onEvent);
  }
  return { bus, redactor, started: Date.now() };
}

/** Run a command body; errors become the run-end event and an exit code. */
export async function finish(session: Session, body: () => Promise<number>): Promise<number> {
  let exitCode: number;
  let error: { message: string; hint?: string } | undefined;
  try {
    exitCode = await body();
  } catch (err) {
    if (err instanceof PhoenixError) {
      exitCode = err.exitCode;
      error = { message: err.message, ...(err.hint ? { hint: err.hint } : {}) };
    } else {
      exitCode = 70;
      error = {
        message: `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
        hint: 'this is a bug in Phoenix; please report it',
      };
    }
  }
  session.bus.emit({
    type: 'run-end',
    exitCode,
    durationMs: Date.now() - session.started,
    ...(error ? { error } : {}),
  });
  return exitCode;
}
