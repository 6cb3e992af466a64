/**
 * Shell completion. `phoenix completion bash|zsh|fish` prints a small script; on each Tab the
 * script runs `phoenix __complete <words…> <current word>`, which answers one candidate per
 * line. Commands and flags come from the command definitions themselves, values (stack names,
 * vmids, environments) from the root (completion-root.ts). Completion never fails loudly: any
 * problem means no candidates, and nothing on stderr.
 */
import type { Command, Option } from 'commander';
import { UserError } from '../../errors.js';
import { STAGES } from '../../plan/stages.js';
import type { Io } from '../io.js';
import { finish, openSession, type GlobalFlags } from '../output.js';
import { completionRoot, readRootValues, type RootValues } from './completion-root.js';

/** The shells Phoenix writes a completion script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/** A candidate line meaning "let the shell complete file names" (or directory names). */
export const FILES = '__files__';
export const DIRS = '__dirs__';

/** `sync`'s targets, and what `sync stack <name> to <vmid>` needs at each position. */
const SYNC_TARGETS: string[] = ['all', ...STAGES, 'stack'];

/** `phoenix completion <shell>`: print the script. */
export async function run(flags: GlobalFlags, args: string[], io: Io): Promise<number> {
  const s = await openSession(flags, io);
  return finish(s, async () => {
    const shell = args[0];
    if (!shell || !(SHELLS as readonly string[]).includes(shell))
      throw new UserError(
        `phoenix completion needs a shell: ${SHELLS.join(', ')}${shell ? ` (not "${shell}")` : ''}`,
        {
          hint: 'e.g. eval "$(phoenix completion bash)" in ~/.bashrc',
        },
      );
    io.out(SCRIPTS[shell as (typeof SHELLS)[number]]);
    return 0;
  });
}

/**
 * Candidates for the last word of `words` (the words after `phoenix`; the last one is the
 * word being completed, possibly empty). Never throws.
 */
export async function complete(
  program: Command,
  words: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<string[]> {
  try {
    return await candidates(program, normalise(words), env, cwd);
  } catch {
    return [];
  }
}

/** bash splits `--format=svg` into `--format`, `=`, `svg`: put the value back under its flag. */
function normalise(words: readonly string[]): string[] {
  const out = [...(words.length ? words : [''])];
  for (let i = out.length - 2; i >= 1; i--) if (out[i] === '=') out.splice(i, 1);
  return out;
}

async function candidates(
  program: Command,
  words: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<string[]> {
  const cur = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const commands = program.commands.map((c) => c.name());
  const cmd = program.commands.find((c) => c.name() === before[0]);
  if (!cmd) {
    if (before.length > 0) return [];
    return match(cur.startsWith('-') ? ['--help', '--version'] : commands, cur);
  }
  const values = lazyValues(before, env, cwd);
  const eq = /^(--[^=]+)=(.*)$/.exec(cur);
  if (eq) {
    const opt = findOption(cmd, eq[1]!);
    return opt ? withPrefix(`${eq[1]}=`, optionValues(opt, eq[2]!, values)) : [];
  }
  const scan = scanWords(cmd, before.slice(1));
  if (scan.pending && !cur.startsWith('-')) return optionValues(scan.pending, cur, values);
  if (cur.startsWith('-')) return match(flagsOf(cmd), cur);
  const positional = await positionalValues(cmd.name(), scan.args, values, program, () =>
    completionRoot(rootFlag(before), env, cwd),
  );
  return positional ? match(positional, cur) : match(flagsOf(cmd), cur);
}

/** Walk the words after the command the way commander reads them. */
function scanWords(cmd: Command, words: readonly string[]): { args: string[]; pending?: Option } {
  const args: string[] = [];
  let pending: Option | undefined;
  for (const w of words) {
    if (w.startsWith('-') && w !== '-') {
      const opt = w.includes('=') ? undefined : findOption(cmd, w);
      pending = opt && (opt.required || opt.optional) ? opt : undefined;
      continue;
    }
    if (pending) {
      // A variadic flag (`--vm 1001 1002`) keeps taking words until the next flag.
      if (!pending.variadic) pending = undefined;
      continue;
    }
    args.push(w);
  }
  return { args, ...(pending ? { pending } : {}) };
}

function findOption(cmd: Command, flag: string): Option | undefined {
  return cmd.options.find((o) => o.long === flag || o.short === flag);
}

function flagsOf(cmd: Command): string[] {
  return [...cmd.options.filter((o) => !o.hidden && o.long).map((o) => o.long!), '--help'];
}

/** Values of one flag: its choices, names from the root, or file names from the shell. */
function optionValues(opt: Option, cur: string, values: () => RootValues): string[] {
  if (opt.argChoices) return match(opt.argChoices, cur);
  const name = opt.attributeName();
  const list =
    name === 'vm'
      ? values().vmids
      : name === 'stack'
        ? values().stacks
        : name === 'env'
          ? values().environments
          : undefined;
  if (list) {
    // `--vm 1001,10<Tab>`: complete the last item of a comma-separated list.
    const at = cur.lastIndexOf(',') + 1;
    const given = cur.slice(0, at).split(',');
    return withPrefix(
      cur.slice(0, at),
      match(
        list.filter((v) => !given.includes(v)),
        cur.slice(at),
      ),
    );
  }
  if (/<(dir|directory)>/.test(opt.flags)) return [DIRS];
  if (/<[^>]+>/.test(opt.flags)) return [FILES];
  return [];
}

/** What the positional word at this place may be; undefined when the command takes none. */
async function positionalValues(
  command: string,
  args: readonly string[],
  values: () => RootValues,
  program: Command,
  root: () => string,
): Promise<string[] | undefined> {
  if (command === 'sync') {
    if (args.length === 0) return SYNC_TARGETS;
    if (args[0] !== 'stack') return [];
    return [values().stacks, ['to'], values().vmids][args.length - 1] ?? [];
  }
  if (command === 'completion') return args.length === 0 ? [...SHELLS] : [];
  if (command === 'history' && args.length === 0) return ['show'];
  if (
    (command === 'history' && args[0] === 'show' && args.length === 1) ||
    (command === 'rollback' && !args.length)
  ) {
    // Recent run ids from the history (a rollback needs one with a commit).
    const { recentRuns } = await import('./completion-runs.js');
    return recentRuns(root(), command === 'rollback');
  }
  if (command === 'history' || command === 'rollback') return [];
  if (command === 'schema') {
    if (args.length > 0) return [];
    // Imported only here: the schemas module is the heaviest part of a completion.
    const { schemaNames } = await import('./schema.js');
    return schemaNames();
  }
  if (command === 'help') return args.length === 0 ? program.commands.map((c) => c.name()) : [];
  return undefined;
}

/** Reads the root at most once, and only when a value is asked for. */
function lazyValues(before: readonly string[], env: NodeJS.ProcessEnv, cwd: string): () => RootValues {
  let cached: RootValues | undefined;
  return () => (cached ??= readRootValues(rootFlag(before), env, cwd));
}

/** The last `--root DIR` (or `--root=DIR`) on the line. */
function rootFlag(words: readonly string[]): string | undefined {
  let root: string | undefined;
  words.forEach((w, i) => {
    if (w === '--root' && words[i + 1] !== undefined) root = words[i + 1];
    else if (w.startsWith('--root=')) root = w.slice('--root='.length);
  });
  return root;
}

function match(list: readonly string[], cur: string): string[] {
  return list.filter((x) => x.startsWith(cur));
}

function withPrefix(prefix: string, list: readonly string[]): string[] {
  return list.map((x) => (x === FILES || x === DIRS ? x : prefix + x));
}

/** The scripts: each asks `phoenix __complete` and hands file names back to the shell. */
const SCRIPTS: Record<(typeof SHELLS)[number], string> = {
  bash: `# phoenix completion for bash. Load it with: eval "$(phoenix completion bash)"
# (in ~/.bashrc), or save it as /etc/bash_completion.d/phoenix.
_phoenix() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out
  local IFS=$'\\n'
  out=$("\${COMP_WORDS[0]}" __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
  case "$out" in
    ${FILES}) COMPREPLY=($(compgen -f -- "$cur")) ;;
    ${DIRS}) COMPREPLY=($(compgen -d -- "$cur")) ;;
    *) COMPREPLY=($out) ;;
  esac
}
complete -o default -o nosort -F _phoenix phoenix 2>/dev/null || complete -o default -F _phoenix phoenix
`,
  zsh: `#compdef phoenix
# phoenix completion for zsh. Load it with: eval "$(phoenix completion zsh)" (after compinit),
# or save it as _phoenix in a directory of your $fpath.
_phoenix() {
  local out
  out=$("\${words[1]}" __complete "\${(@)words[2,CURRENT]}" 2>/dev/null) || return 1
  case "$out" in
    ${FILES}) _files ;;
    ${DIRS}) _files -/ ;;
    *) local -a candidates; candidates=("\${(@f)out}"); compadd -- "\${candidates[@]}" ;;
  esac
}
if [ "$funcstack[1]" = "_phoenix" ]; then _phoenix "$@"; else compdef _phoenix phoenix; fi
`,
  fish: `# phoenix completion for fish. Load it with: phoenix completion fish | source
# (in ~/.config/fish/config.fish), or save it as ~/.config/fish/completions/phoenix.fish.
function __phoenix_complete
    set -l words (commandline -opc)
    set -l prog $words[1]
    set -e words[1]
    # Quoted: an empty current word is still a word (the one being completed).
    set -l cur (commandline -ct)
    set -l out ($prog __complete $words "$cur" 2>/dev/null)
    switch "$out[1]"
        case ${FILES}
            __fish_complete_path "$cur"
        case ${DIRS}
            __fish_complete_directories "$cur"
        case '*'
            printf '%s\\n' $out
    end
end
complete -c phoenix -f -a '(__phoenix_complete)'
`,
};
