import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results.json', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The launcher and the bundle's loader are CommonJS: Node starts a CommonJS entry sooner.
  {
    files: ['bin/**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layers only point down: config, util and syntax (target grammars) at the bottom, then
  // desired, plan, providers, engine, cli. output/ (the event stream and its renderers) is
  // used by providers and the engine, and uses neither. graph/ (the estate as a picture) is
  // pure like plan/: it reads the desired state and changes, and only the engine and the CLI
  // use it. An import up is an error, type-only imports too.
  ...layers([
    [
      'src/{config,util,syntax}/**',
      ['desired', 'plan', 'graph', 'providers', 'engine', 'output', 'cli', 'init'],
    ],
    ['src/desired/**', ['plan', 'graph', 'providers', 'engine', 'output', 'cli', 'init']],
    // The pure planner and its policies: the flags they read live here too (plan/options.ts).
    ['src/plan/**', ['graph', 'providers', 'engine', 'output', 'cli', 'init']],
    ['src/graph/**', ['providers', 'engine', 'output', 'cli', 'init']],
    ['src/providers/**', ['graph', 'engine', 'cli', 'init']],
    ['src/engine/**', ['cli']],
    // The CLI parses flags and talks to the engine (and the run history, serve and init above
    // it): it never reads the root, derives or drives a target itself. `phoenix schema`
    // prints the config's own schemas, so it is the one command that reads config/.
    [
      'src/cli/**',
      ['config', 'desired', 'providers', 'syntax', 'util'],
      ['src/cli/commands/schema.ts'],
      'the CLI talks to the engine: ask it (src/engine) for what',
    ],
    ['src/output/**', ['graph', 'engine', 'cli', 'init']],
  ]),
);

/** One `no-restricted-imports` block per layer: the folders it must not import from (and files exempt). */
function layers(rules) {
  return rules.map(([files, above, ignores = [], why]) => ({
    files: [files],
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: above.map((folder) => ({
            group: [`**/${folder}/*`, `**/${folder}/**`],
            message: why
              ? `${why} ${folder}/ gives`
              : `${files.split('/')[1]} is below ${folder}/: move the shared piece down instead`,
          })),
        },
      ],
    },
  }));
}
