/**
 * One question on the terminal, whatever stdout is: on stderr when it is a terminal, else
 * on /dev/tty. So `phoenix sync all | tee log` still shows the question, and the answer is
 * read from stdin (which the caller has checked is a terminal).
 */
import { openSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { WriteStream } from 'node:tty';

/** Where the question goes: stderr if it is a terminal, else the controlling terminal. */
function terminalOutput(): { stream: NodeJS.WritableStream; close: () => void } {
  if (process.stderr.isTTY) return { stream: process.stderr, close: () => undefined };
  try {
    const tty = new WriteStream(openSync('/dev/tty', 'w'));
    return { stream: tty, close: () => tty.destroy() };
  } catch {
    return { stream: process.stderr, close: () => undefined }; // no controlling terminal
  }
}

/**
 * Ask `question` and resolve to the answer, or undefined when `signal` aborts first. The
 * terminal is raw while it asks, so Ctrl-C arrives as a key, not a signal: `onCtrlC` gets it.
 */
export async function askOnTerminal(
  question: string,
  opts: { signal?: AbortSignal; onCtrlC?: () => void } = {},
): Promise<string | undefined> {
  const out = terminalOutput();
  const rl = createInterface({ input: process.stdin, output: out.stream });
  if (opts.onCtrlC) rl.on('SIGINT', opts.onCtrlC);
  try {
    return await rl.question(question, opts.signal ? { signal: opts.signal } : {});
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
    out.stream.write('\n');
    return undefined;
  } finally {
    rl.close();
    out.close();
  }
}
