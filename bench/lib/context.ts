/** What every scenario gets from the runner. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Shared by the scenarios of one `npm run bench`. */
export interface BenchContext {
  repo: string;
  /** The built CLI, `bin/phoenix.js` (needs `npm run build`). */
  cli: string;
  /** Fewer repetitions (`--quick`): for trying the harness, not for reporting figures. */
  quick: boolean;
  /** Environment of Phoenix child processes: no colours, no inherited Phoenix settings. */
  env: NodeJS.ProcessEnv;
  /** A progress line on stderr. */
  log(message: string): void;
}

/** The context for this process. */
export function benchContext(quick: boolean): BenchContext {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (k.startsWith('PHOENIX_')) delete env[k];
  const started = Date.now();
  return {
    repo: REPO,
    cli: join(REPO, 'bin', 'phoenix.js'),
    quick,
    env,
    log: (m) =>
      process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`),
  };
}
