/**
 * `phoenix init`: propose a `sync` section for an existing root, show it as a diff of
 * etc/phoenix_hypervisor_config.json and write it there (asking first on a terminal).
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { resolveRoot } from '../../engine/estate.js';
import { DEFAULT_HOST_PATHS } from '../../init/host.js';
import { runInit } from '../../init/run.js';
import type { Io } from '../io.js';
import { finish, openSession, type GlobalFlags } from '../output.js';

/** The flags of `phoenix init`. */
export interface InitFlags extends GlobalFlags {
  dryRun?: boolean;
  yes?: boolean;
  dnsmasqConf?: string;
  dnsmasqDir?: string;
  pveDir?: string;
  traefikPath?: string;
  markerKeyFile?: string;
}

/** Run `phoenix init`. */
export async function run(flags: InitFlags, _args: string[], io: Io): Promise<number> {
  const s = await openSession(flags, io);
  const root = resolveRoot(flags.root, io.env, io.cwd);
  // Paths given on the command line are where the operator stands; they are written absolute.
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(io.cwd, p));
  s.bus.emit({ type: 'run-start', command: 'init', root, dryRun: Boolean(flags.dryRun) });
  return finish(s, () =>
    runInit({
      root,
      cwd: io.cwd,
      host: {
        dnsmasqConf: at(flags.dnsmasqConf) ?? DEFAULT_HOST_PATHS.dnsmasqConf,
        dnsmasqDir: at(flags.dnsmasqDir) ?? DEFAULT_HOST_PATHS.dnsmasqDir,
        pveDir: at(flags.pveDir) ?? DEFAULT_HOST_PATHS.pveDir,
        markerKeyFile: at(flags.markerKeyFile) ?? DEFAULT_HOST_PATHS.markerKeyFile,
        ...(flags.traefikPath ? { traefikPath: at(flags.traefikPath) } : {}),
      },
      dryRun: Boolean(flags.dryRun),
      yes: Boolean(flags.yes),
      ...(io.stdinIsTTY ? { confirm: ask } : {}),
      show: io.out,
      reporter: s.bus,
      redactor: s.redactor,
    }),
  );
}

async function ask(file: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`Write this into ${file}? Only "yes" writes: `)).trim() === 'yes';
  } finally {
    rl.close();
  }
}
