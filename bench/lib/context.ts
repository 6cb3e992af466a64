/** What every scenario gets from the runner. */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Shared by the scenarios of one `npm run bench`. */
export interface BenchContext {
  repo: string;
  /** The built CLI: bin/phoenix.js of a private copy of the build (see `privateBuild`). */
  cli: string;
  /** Fewer repetitions (`--quick`): for trying the harness, not for reporting figures. */
  quick: boolean;
  /** Environment of Phoenix child processes: no colours, no inherited Phoenix settings. */
  env: NodeJS.ProcessEnv;
  /** A progress line on stderr. */
  log(message: string): void;
}

/**
 * A private copy of the built CLI, laid out as the package ships it: a `npm run build`
 * elsewhere in the tree during a run replaces dist/ and its chunks (their names change with
 * their content), which would break a CLI loading a chunk lazily at that instant.
 */
export function privateBuild(): { cli: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'phoenix-bench-build-'));
  for (const d of ['bin', 'dist', 'schemas', 'contracts'])
    cpSync(join(REPO, d), join(dir, d), { recursive: true });
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return { cli: join(dir, 'bin', 'phoenix.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The context for this process, running `cli`. */
export function benchContext(quick: boolean, cli: string): BenchContext {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (k.startsWith('PHOENIX_')) delete env[k];
  const started = Date.now();
  return {
    repo: REPO,
    cli,
    quick,
    env,
    log: (m) =>
      process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`),
  };
}
