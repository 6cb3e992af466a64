/**
 * The bundled CLI (scripts/build.ts; `npm test` builds it first): the launcher's `--version`
 * answers as the CLI does, and the heavy paths stay out of what a plain command loads.
 * Reads dist/meta.json, esbuild's account of what went into each output file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { REPO } from './helpers/root.js';

interface Meta {
  outputs: Record<
    string,
    {
      entryPoint?: string;
      imports: { path: string; kind: string; external?: boolean }[];
      inputs: Record<string, unknown>;
    }
  >;
}

function meta(): Meta {
  const file = join(REPO, 'dist', 'meta.json');
  if (!existsSync(file)) throw new Error('dist/meta.json is missing: run `npm run build` (npm test does)');
  return JSON.parse(readFileSync(file, 'utf8')) as Meta;
}

/** Every source file in the output of `entry` and the chunks it imports statically. */
function staticInputs(m: Meta, entry: string): { inputs: string[]; external: string[] } {
  const start = Object.keys(m.outputs).find((f) => m.outputs[f]!.entryPoint === entry);
  if (!start) throw new Error(`no output for ${entry} in dist/meta.json`);
  const seen = new Set<string>();
  const external = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of m.outputs[f]!.imports) {
      if (i.external) external.add(i.path);
      else if (i.kind === 'import-statement') walk(i.path);
    }
  };
  walk(start);
  return { inputs: [...seen].flatMap((f) => Object.keys(m.outputs[f]!.inputs)), external: [...external] };
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

  it('the entry loads only the argument parser; validate and plan leave the HTTP client, Docker, the live renderer, Ajv and age out', () => {
    const m = meta();
    const entry = staticInputs(m, 'src/cli/main.ts').inputs;
    expect(entry.filter((f) => f.startsWith('src/'))).toEqual(['src/cli/main.ts', 'src/cli/io.ts']);
    expect(entry.filter((f) => f.startsWith('node_modules/') && !f.includes('/commander/'))).toEqual([]);
    for (const command of ['src/cli/commands/validate.ts', 'src/cli/commands/plan.ts']) {
      const { inputs } = staticInputs(m, command);
      const heavy = inputs.filter((f) =>
        /node_modules\/(undici|ajv|age-encryption|log-update)\/|src\/providers\/docker\/|src\/output\/live/.test(
          f,
        ),
      );
      expect(heavy, command).toEqual([]);
    }
  });

  it('the native lock addon stays outside the bundle', () => {
    const { external } = staticInputs(meta(), 'src/engine/lock.ts');
    expect(external).toContain('fs-ext');
  });
});
