/**
 * The bundled CLI (scripts/build.ts; `npm test` builds it first): the launcher's `--version`
 * answers as the CLI does, the code cache made at build time is the one V8 takes, the native
 * lock addon stays outside the bundle, and a plain command leaves the heavy paths unloaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { REPO } from './helpers/root.js';

const DIST = join(REPO, 'dist');

function built(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`dist/${file} is missing: run \`npm run build\` (npm test does)`);
  return path;
}

/** Run `code` (an ES module) in a fresh Node; returns its stdout. */
function node(code: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: REPO });
}

describe('bundled CLI', () => {
  it('bin/phoenix.js --version prints what the CLI itself prints', async () => {
    const launcher = execFileSync(process.execPath, [join(REPO, 'bin', 'phoenix.js'), '--version'], {
      encoding: 'utf8',
    });
    const cli = await runCli(['--version']);
    expect(cli.code).toBe(0);
    expect(launcher).toBe(cli.out);
    expect(launcher).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("V8 takes the build's code cache for the bundle", () => {
    built('phoenix.cjs');
    const out = node(`
      const { loadBundle } = await import('./dist/load-bundle.cjs');
      console.log(JSON.stringify(loadBundle('dist').cached));`);
    expect(out.trim()).toBe('true');
  });

  it('fs-ext, the native lock addon, is required at run time, not bundled', () => {
    const meta = JSON.parse(readFileSync(built('meta.json'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
    expect(Object.keys(meta.inputs).filter((f) => f.includes('node_modules/fs-ext/'))).toEqual([]);
    for (const [file, out] of Object.entries(meta.outputs).filter(
      ([f]) => f.endsWith('.cjs') || f.endsWith('lock.js'),
    ))
      expect(
        out.imports.filter((i) => i.path === 'fs-ext').map((i) => i.external),
        file,
      ).toEqual([true]);
  });

  it('validate loads neither the HTTP client, TLS, the live renderer nor age', () => {
    // Lazily imported modules are evaluated on first use only: their Node built-ins stay unloaded.
    const out = node(`
      const { loadBundle } = await import('./dist/load-bundle.cjs');
      const { main } = loadBundle('dist').exports;
      const io = { out() {}, err() {}, env: {}, cwd: process.cwd(), isTTY: false, interactive: false, columns: 80 };
      const code = await main(['validate', '--root', 'examples/homelab'], io);
      console.log(JSON.stringify({ code, loaded: process.moduleLoadList }));`);
    const { code, loaded } = JSON.parse(out) as { code: number; loaded: string[] };
    expect(code).toBe(0);
    // undici needs http and tls, the live renderer readline, the Docker backend child processes' streams.
    expect(
      loaded.filter((m) => /^NativeModule (tls|_tls_wrap|http|https|http2|readline|worker_threads)$/.test(m)),
    ).toEqual([]);
  });
});
