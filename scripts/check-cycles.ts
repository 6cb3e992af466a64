/**
 * `npm run lint` part: no import loop among the files of src/, type-only imports included
 * (ESLint's layer rules keep imports pointing down between folders; this catches two files
 * that import each other, in one folder or across several). Reads each file's imports with
 * TypeScript's own pre-processor, resolves relative `.js` specifiers to their `.ts` source,
 * and prints every loop found as `a -> b -> a`; exit 1 if there is one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');

/** Every .ts file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The files of src/ that `file` imports (statically or with `import()`), as absolute paths. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')))
    .filter((p) => existsSync(p));
}

const files = sources(join(root, 'src'));
const edges = new Map(files.map((f) => [f, importsOf(f)]));
const loops: string[][] = [];
const state = new Map<string, 'open' | 'done'>();
const stack: string[] = [];

/** Depth-first search; a file met again while still open closes a loop. */
function visit(file: string): void {
  state.set(file, 'open');
  stack.push(file);
  for (const next of edges.get(file) ?? []) {
    if (state.get(next) === 'open') loops.push([...stack.slice(stack.indexOf(next)), next]);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const f of files) if (!state.has(f)) visit(f);

for (const loop of loops) console.error(`import loop: ${loop.map((f) => relative(root, f)).join(' -> ')}`);
if (loops.length > 0) {
  console.error('move what both files need into a third file below them, or pass it in');
  process.exit(1);
}
console.log(`no import loop among ${files.length} files of src/`);
