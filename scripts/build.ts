/**
 * `npm run build`: regenerates the precompiled schema validators, then bundles the CLI with
 * esbuild into dist/: one ES module per entry (dist/cli/main.js, which bin/phoenix.js runs,
 * and dist/engine/lock.js, which lock tests run in child processes) plus shared chunks in
 * dist/chunks/. Every dynamic import() in the sources (the command modules, the live
 * renderer, the pipeline) becomes a chunk loaded only when that path runs, and the
 * dependencies are bundled too, so a command resolves and reads a handful of files instead
 * of hundreds. The native lock addon (fs-ext) stays external: it cannot be bundled.
 *
 * Types are checked by `npm run typecheck` (tsc), not here. dist/meta.json is esbuild's
 * account of what went into each output file (test/build.test.ts reads it). The new dist/
 * replaces the old one in two renames, so a CLI started meanwhile (other tests on the same
 * tree) never sees it half written. `--outdir DIR` builds elsewhere instead.
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * `new URL('../../x', import.meta.url)` in a source file means a file of the package; in a
 * bundle the code runs from another folder (a chunk in dist/chunks/), so each such literal
 * is rewritten to be relative to the output file it lands in. Entries and chunks sit at
 * the same depth (dist/cli/, dist/engine/, dist/chunks/), so one rewrite fits all.
 */
const packageRelativeUrls = (outdir: string): Plugin => ({
  name: 'package-relative-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const outDir = resolve(outdir, 'chunks');
      const contents = text.replace(
        /new URL\((['"])(\.\.?\/[^'"]+)\1, import\.meta\.url\)/g,
        (_m, q: string, rel: string) => {
          const target = resolve(dirname(args.path), rel);
          return `new URL(${q}${relative(outDir, target)}${q}, import.meta.url)`;
        },
      );
      return { contents, loader: 'ts' };
    });
  },
});

/** Bundle src/ into `outdir`; returns esbuild's metafile. */
async function bundle(outdir: string) {
  const result = await build({
    entryPoints: { 'cli/main': at('src/cli/main.ts'), 'engine/lock': at('src/engine/lock.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: ['fs-ext'],
    // ES module builds where a package has them (jsonc-parser's UMD build hides its requires).
    mainFields: ['module', 'main'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [packageRelativeUrls(outdir)],
    // Bundled CommonJS dependencies call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __phoenixCreateRequire } from 'node:module'; const require = __phoenixCreateRequire(import.meta.url);",
    },
  });
  return result.metafile;
}

const started = performance.now();
// `--outdir DIR` builds elsewhere (the benchmarks compare builds side by side).
const flag = process.argv.indexOf('--outdir');
const dist = flag > 0 ? resolve(process.argv[flag + 1]!) : at('dist');
const written = writeValidators();
const next = `${dist}.next`;
rmSync(next, { recursive: true, force: true });
const meta = await bundle(next);
writeFileSync(resolve(next, 'meta.json'), JSON.stringify(meta));
const old = `${dist}.old`;
rmSync(old, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
const outputs = Object.keys(meta.outputs).filter((f) => f.endsWith('.js')).length;
console.log(
  `built ${relative(repo, dist) || '.'}/ (${outputs} files) in ${Math.round(performance.now() - started)} ms` +
    (written.length ? `; regenerated ${written.join(', ')}` : ''),
);
