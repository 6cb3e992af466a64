#!/usr/bin/env node
// Thin launcher: the bundled CLI lives in dist/ (built by `npm run build`).
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  // Answered here, as the CLI would: scripts and health checks ask often, and loading the CLI
  // (argument parser, command tree) would cost more than Node's own start.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { loadBundle } = await import('../dist/load-bundle.js');
  const { main } = loadBundle(new URL('../dist/', import.meta.url)).exports;
  process.exitCode = await main(argv);
}
