/**
 * `npm run build`: regenerates the precompiled schema validators, bundles the CLI with
 * esbuild, and makes V8's code cache for the bundle.
 *
 *   dist/phoenix.cjs              the whole CLI and its dependencies in one script, which
 *                                 bin/phoenix.js loads through dist/load-bundle.cjs (a
 *                                 copy of scripts/load-bundle.cjs)
 *   dist/phoenix.<build>.cache    V8's compiled code of what a few commands ran (training)
 *   dist/engine/lock.js           the lock alone, as an ES module (lock tests run it in
 *                                 child processes)
 *   dist/meta.json                esbuild's account of what went into each file
 *
 * Every dynamic import() in the sources (the command modules, the live renderer, the
 * pipeline, the providers and the HTTP client) stays lazy inside the bundle: its module is
 * evaluated only when that path runs. Node 20 has no compile cache for ES modules, so the
 * bundle is a CommonJS script: loaded with the cache, it costs a command a fraction of
 * compiling ES module chunks (bench/README.md has the figures). The native lock addon
 * (fs-ext) and SQLite (better-sqlite3) stay external: they cannot be bundled.
 *
 * Types are checked by `npm run typecheck` (tsc), not here. The new dist/ replaces the old
 * one in two renames, so a CLI started meanwhile never sees it half written. `--outdir DIR`
 * builds elsewhere instead.
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatedValidators } from './validators.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const at = (p: string) => resolve(repo, p);

/** Write the generated validators when they changed (an unchanged file keeps its mtime). */
function writeValidators(): string[] {
  const written: string[] = [];
  for (const [file, text] of Object.entries(generatedValidators())) {
    if (existsSync(at(file)) && readFileSync(at(file), 'utf8') === text) continue;
    writeFileSync(at(file), text);
    written.push(file);
  }
  return written;
}

/**
 * `new URL('../../x', import.meta.url)` in a source file means a file of the package; in the
 * bundle the code runs from `runsIn`, so each such literal is rewritten relative to it.
 */
const packageRelativeUrls = (runsIn: string): Plugin => ({
  name: 'package-relative-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const contents = text.replace(
        /new URL\((['"])(\.\.?\/[^'"]+)\1, import\.meta\.url\)/g,
        (_m, q: string, rel: string) =>
          `new URL(${q}${relative(runsIn, resolve(dirname(args.path), rel))}${q}, import.meta.url)`,
      );
      return { contents, loader: 'ts' };
    });
  },
});

/** Stands for the build's name until its bytes are known. */
const UNNAMED = '0'.repeat(16);

/** The CLI as one CommonJS script; returns its metafile. */
async function bundleCli(outdir: string) {
  const result = await build({
    entryPoints: { phoenix: at('src/cli/main.ts') },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Native addons cannot be bundled: fs-ext (the lock) and better-sqlite3 (the run history).
    external: ['fs-ext', 'better-sqlite3'],
    // ES module builds where a package has them (jsonc-parser's UMD build hides its requires).
    mainFields: ['module', 'main'],
    // import() of a bundled module becomes a lazy require, of fs-ext a plain require: the
    // script runs outside Node's module loader, which would have to resolve a real import().
    supported: { 'dynamic-import': false },
    // The sources are ES modules; in a script, import.meta.url is the script's own URL.
    define: { 'import.meta.url': '__phoenix_import_meta_url' },
    banner: {
      js: `// phoenix build ${UNNAMED}\nconst __phoenix_import_meta_url = require('node:url').pathToFileURL(__filename).href;`,
    },
    sourcemap: 'linked',
    // Less text to read and hash at every start; names are kept for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    metafile: true,
    logLevel: 'warning',
    plugins: [packageRelativeUrls(outdir)],
  });
  // Name the build on its first line (same length, so the source map still fits): the loader
  // takes only the cache made for these bytes.
  const file = resolve(outdir, 'phoenix.cjs');
  const text = readFileSync(file, 'utf8');
  const id = createHash('sha256').update(text).digest('hex').slice(0, UNNAMED.length);
  writeFileSync(file, text.replace(UNNAMED, id));
  return result.metafile;
}

/** The lock alone as an ES module, for the tests that take it in child processes. */
async function bundleLock(outdir: string) {
  const result = await build({
    entryPoints: { 'engine/lock': at('src/engine/lock.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['fs-ext'],
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

/**
 * Run a few commands that read but never change anything (validate and an offline plan of
 * the example, help) in a fresh Node, then save what V8 compiled as the code cache. A
 * failure costs only the cache: the CLI works without it, a little slower.
 */
function train(outdir: string, final: string): string {
  const loader = pathToFileURL(resolve(outdir, 'load-bundle.cjs')).href;
  const example = at('examples/homelab');
  const code = `
    const { loadBundle } = await import(${JSON.stringify(loader)});
    const bundle = loadBundle(${JSON.stringify(outdir)}, { name: ${JSON.stringify(resolve(final, 'phoenix.cjs'))} });
    const io = { out() {}, err() {}, env: {}, cwd: ${JSON.stringify(repo)}, isTTY: false,
      interactive: false, stdinIsTTY: false, columns: 80 };
    for (const argv of [
      ['validate', '--root', ${JSON.stringify(example)}],
      ['plan', '--offline', '--root', ${JSON.stringify(example)}],
      ['plan', '--offline', '--json', '--root', ${JSON.stringify(example)}],
      ['--help'],
    ]) await bundle.exports.main(argv, io);
    bundle.saveCache();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (r.status === 0) return 'code cache made';
  return `no code cache (training failed: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]})`;
}

/** Replace `dist` by `next`: two renames, retried when another build put a dist/ back between them. */
function swapIn(next: string, dist: string): void {
  const old = `${dist}.old-${process.pid}`;
  for (let attempt = 0; ; attempt++) {
    rmSync(old, { recursive: true, force: true });
    try {
      if (existsSync(dist)) renameSync(dist, old);
      renameSync(next, dist);
      break;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
  rmSync(old, { recursive: true, force: true });
}

const started = performance.now();
const flag = process.argv.indexOf('--outdir');
const dist = flag > 0 ? resolve(process.argv[flag + 1]!) : at('dist');
const written = writeValidators();
// Names of this build's own: builds by other engineers in the same tree may run at once.
const next = `${dist}.next-${process.pid}`;
let cache: string;
try {
  const cli = await bundleCli(next);
  const lock = await bundleLock(next);
  copyFileSync(at('scripts/load-bundle.cjs'), resolve(next, 'load-bundle.cjs'));
  const meta = { inputs: { ...cli.inputs, ...lock.inputs }, outputs: { ...cli.outputs, ...lock.outputs } };
  writeFileSync(resolve(next, 'meta.json'), JSON.stringify(meta));
  cache = train(next, dist);
  swapIn(next, dist);
} finally {
  rmSync(next, { recursive: true, force: true });
}
console.log(
  `built ${relative(repo, dist) || '.'}/ in ${Math.round(performance.now() - started)} ms; ${cache}` +
    (written.length ? `; regenerated ${written.join(', ')}` : ''),
);
