// Loads the bundled CLI (dist/phoenix.cjs) with V8's code cache (dist/phoenix.<build>.cache),
// which `npm run build` makes by running a few commands once. Parsing and compiling the
// bundle was most of a command's start; with the cache V8 reads the compiled code instead.
// A cache from another Node version, or one V8 refuses for any reason, is ignored: the bundle
// then compiles as any script would. The build copies this file to dist/load-bundle.cjs, where
// bin/phoenix.js and the build's training run take it (so a copy of dist/ is self-contained).
// CommonJS, like the launcher: an ES module entry costs Node 5-15 ms more to start.
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join, resolve } = require('node:path');
const { fileURLToPath } = require('node:url');
const vm = require('node:vm');

/** The bundle's first line names its build: `// phoenix build <id>`; the cache carries the id. */
const BUILD_LINE = /^\/\/ phoenix build ([0-9a-f]+)\n/;

/**
 * Load the bundle from `dist` (a directory URL or path); returns its exports, whether the
 * cache was used, and `saveCache()` to write the code compiled so far (the build's training).
 * `opts.name`: the file's path once the build is in place, when loading it from elsewhere.
 */
function loadBundle(dist, opts = {}) {
  const dir = resolve(typeof dist === 'string' ? dist : fileURLToPath(dist));
  const file = join(dir, 'phoenix.cjs');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\``);
  // The build writes ASCII only (esbuild escapes the rest), which latin1 reads fastest.
  const source = readFileSync(file, 'latin1');
  const build = BUILD_LINE.exec(source)?.[1];
  const cacheFile = build ? join(dir, `phoenix.${build}.cache`) : undefined;
  let cachedData;
  try {
    if (cacheFile && existsSync(cacheFile)) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // unreadable: compile without it
  }
  // The CommonJS wrapper, as Node's own loader would add it; strict, as the ES module
  // sources were written to be (on the first line, so line numbers stay those of the file).
  // `name` is where the file will be: the cache keeps the name it was made under.
  const name = opts.name ? resolve(opts.name) : file;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {'use strict';${source}\n})`;
  const script = new vm.Script(wrapped, {
    filename: name,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(name), module, name, dirname(name));
  return {
    exports: module.exports,
    cached: Boolean(cachedData) && !script.cachedDataRejected,
    saveCache: () => {
      if (cacheFile) writeFileSync(cacheFile, script.createCachedData());
    },
  };
}

module.exports = { loadBundle };
