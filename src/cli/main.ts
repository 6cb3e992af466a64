/**
 * Entry point: parse argv, run one command, return the exit code. The only place where
 * errors become output and exit codes; commands never call process.exit. Command modules
 * are imported lazily so `phoenix --version` stays fast.
 */
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { defaultIo, type Io } from './io.js';
import type { GlobalFlags } from './output.js';
import { STAGES } from '../plan/stages.js';

export type { Io } from './io.js';

const HELP_EXAMPLES = `
Examples:
  $ phoenix validate --root /usr/local/phoenix_hypervisor
  $ phoenix plan --offline --root examples/homelab
  $ phoenix plan --detailed-exitcode          # 0 no changes, 2 changes pending (cron drift check)
  $ phoenix sync all --dry-run
  $ phoenix sync all --yes --json             # CI, cron: no terminal to ask, so --yes applies
  $ phoenix sync stacks --vm 1002 --prune
  $ phoenix sync stack qdrant to 1002
  $ phoenix check
  $ phoenix init --dry-run                     # propose a sync section for an existing root
  $ phoenix graph --format svg > estate.svg    # the estate as a picture
  $ phoenix history                            # the recorded runs: when, trigger, commit, result
  $ phoenix rollback 41                        # sync again at the commit run 41 synced
  $ phoenix serve                              # GitOps loop: poll or webhook, drift, status page

Applying: sync asks first when stdin is a terminal (the question goes to the terminal even
  when stdout is piped); with no terminal on stdin, or with --json, it applies only with --yes.
Ctrl-C or SIGTERM: nothing new starts, changes in flight finish (sync.interrupt_grace_seconds,
  default 30), the summary is printed, exit 130 / 143; a second Ctrl-C aborts them at once.

Exit codes: 0 converged, 1 invalid input (or changes pending without --yes and no terminal),
            2 changes pending (plan --detailed-exitcode), 3 readiness check failed or plan
            incomplete (a target could not be observed), 4 some changes failed or were
            refused (a change the config wants, held back), 5 lock held,
            130 / 143 interrupted (SIGINT / SIGTERM).
Root: --root, else $PHOENIX_ROOT, else /usr/local/phoenix_hypervisor if it exists, else the current directory.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The `Examples:` block of a command's --help (2–4 each). */
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

const list = (v: string, prev: string[] = []) => [
  ...prev,
  ...v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** Options every command accepts. */
function withGlobals(cmd: Command): Command {
  return cmd
    .option('--root <dir>', 'the Phoenix root (etc/ and stacks/)')
    .addOption(
      new Option(
        '--json [mode]',
        'machine-readable output: a final report, or NDJSON events with --json=stream',
      ).choices(['report', 'stream']),
    )
    .option('--vm <vmid...>', 'only these VMs (repeat or comma-separate)', list)
    .option('--stack <name...>', 'only these stacks', list)
    .option('--env <name...>', 'only these environments', list)
    .option('--no-color', 'no colours (also when NO_COLOR is set or output is not a terminal)')
    .option('-v, --verbose', 'also show unchanged resources and debug lines');
}

/** Options that shape planning (shared by sync and plan). */
function withSyncFlags(cmd: Command): Command {
  return cmd
    .option('--prune', 'delete what Phoenix made that left the config')
    .option('--prune-all', 'allow a prune that deletes every resource of a target (implies --prune)')
    .option('--adopt', 'take over existing stacks of a desired name that Phoenix did not make')
    .option('--force', "overwrite target files that lack Phoenix's header")
    .option('--pull', 'redeploy stacks with fresh images even when unchanged')
    .option('--include-portainer', 'also deploy stacks that run Portainer itself');
}

/** Run Phoenix with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const run =
    (
      load: () => Promise<{
        run: (flags: GlobalFlags & Record<string, unknown>, args: string[], io: Io) => Promise<number>;
      }>,
    ) =>
    async (...actionArgs: unknown[]) => {
      const cmd = actionArgs.at(-1) as Command;
      const flags = cmd.optsWithGlobals<GlobalFlags & Record<string, unknown>>();
      const mod = await load();
      exitCode = await mod.run(flags, cmd.args, io);
    };

  const program = new Command('phoenix')
    .description(
      'Make a self-hosted estate (Proxmox, Portainer, Traefik, dnsmasq, firewall) match a directory of declarative files.',
    )
    .version(version(), '--version')
    .addHelpText('after', HELP_EXAMPLES)
    .showHelpAfterError('(run phoenix --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  withGlobals(
    program
      .command('validate')
      .description('load and validate the root (stage 1 alone); nothing is contacted'),
  )
    .addHelpText(
      'after',
      examples(
        'phoenix validate --root /usr/local/phoenix_hypervisor',
        'phoenix validate --root examples/homelab --verbose',
        'phoenix validate --json > problems.json      # every diagnostic, machine-readable',
      ),
    )
    .action(run(() => import('./commands/validate.js')));

  withSyncFlags(
    withGlobals(
      program
        .command('plan')
        .description('show what sync all would change, without changing anything (= sync all --dry-run)'),
    ),
  )
    .option('--offline', 'contact nothing: every desired resource is shown as a create')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none')
    .option('--out <file>', 'also save the plan to apply later, exactly, with sync --plan (no secrets in it)')
    .addHelpText(
      'after',
      examples(
        'phoenix plan --offline --root examples/homelab   # contacts nothing',
        'phoenix plan --detailed-exitcode                 # 0 no changes, 2 changes pending',
        'phoenix plan --vm 1002 --stack qdrant',
        'phoenix plan --prune --out plan.json   # review it, then: phoenix sync --plan plan.json --yes',
      ),
    )
    .action(run(() => import('./commands/plan.js')));

  withSyncFlags(
    withGlobals(
      program
        .command('sync')
        .argument('[target...]', `all (default), ${STAGES.join(', ')}, or: stack <name> to <vmid>`),
    ),
  )
    .description('make the estate match the root: plan, then apply only what differs')
    .option('--dry-run', 'observe and plan, change nothing')
    .option('--skip-checks', 'do not stop when a readiness check fails')
    .option('-y, --yes', 'apply without asking (needed when stdin is not a terminal, and with --json)')
    .option(
      '--plan <file>',
      'apply a plan saved by plan --out, exactly: refused (exit 1, nothing applied) if anything moved since',
    )
    .option(
      '--at <rev>',
      'sync this git revision of the root (git archive into a temp dir), recorded with its commit',
    )
    .addHelpText(
      'after',
      examples(
        'phoenix sync all --dry-run',
        'phoenix sync stacks --vm 1002 --prune',
        'phoenix sync stack qdrant to 1002',
        'phoenix sync --plan plan.json --yes   # CI: what plan --out saved, or nothing',
      ),
    )
    .action(run(() => import('./commands/sync.js')));

  withGlobals(program.command('check').description('run the readiness checks alone and print a table'))
    .addHelpText(
      'after',
      examples('phoenix check', 'phoenix check --root /usr/local/phoenix_hypervisor --json'),
    )
    .action(run(() => import('./commands/check.js')));

  program
    .command('history')
    .description('the recorded runs (every sync): id, time, trigger, commit, result, changes; or one in full')
    .argument('[action]', 'show: one run in full (its plan and results as printed)')
    .argument('[id]', 'the run to show')
    .option('--root <dir>', 'the Phoenix root (its sync.state_dir holds the history)')
    .option('--limit <n>', 'how many runs, newest first', '20')
    .option('--json', 'the runs as JSON (secrets were redacted when recorded)')
    .option('--no-color', 'no colours in messages')
    .addHelpText(
      'after',
      examples(
        'phoenix history --limit 5',
        'phoenix history show 41                    # the plan and results of run 41',
        'phoenix history --json | jq \'.[] | select(.status == "failed") | .id\'',
      ),
    )
    .action(run(() => import('./commands/history.js')));

  withSyncFlags(
    withGlobals(
      program
        .command('rollback')
        .argument('<run-id>', 'the recorded run whose commit to sync again (phoenix history lists them)'),
    ),
  )
    .description(
      'sync all at the commit an earlier run synced (= sync all --at <its commit>), recorded as a rollback',
    )
    .option('--dry-run', 'observe and plan, change nothing')
    .option('--skip-checks', 'do not stop when a readiness check fails')
    .option('-y, --yes', 'apply without asking (needed when stdin is not a terminal, and with --json)')
    .addHelpText(
      'after',
      examples(
        'phoenix rollback 41 --dry-run           # what going back to run 41 would change',
        'phoenix rollback 41 --yes',
        'phoenix rollback 41 --json --yes > rollback.json',
        'phoenix rollback 41 --prune --yes       # also delete what was added since',
      ),
    )
    .action(run(() => import('./commands/rollback.js')));

  program
    .command('init')
    .description(
      'propose a sync section for an existing root and write it into the global file (a diff first)',
    )
    .option('--root <dir>', 'the Phoenix root (etc/ and stacks/)')
    .option('--dry-run', 'only show the diff')
    .option('-y, --yes', 'write without asking (needed when stdin is not a terminal)')
    .option('--dnsmasq-conf <file>', "dnsmasq's main configuration", '/etc/dnsmasq.conf')
    .option('--dnsmasq-dir <dir>', 'the folder the dnsmasq service reads as a conf-dir', '/etc/dnsmasq.d')
    .option('--pve-dir <dir>', 'the Proxmox VE firewall folder', '/etc/pve/firewall')
    .option('--traefik-path <file>', "where Phoenix should write Traefik's dynamic file (sync.traefik.path)")
    .option(
      '--marker-key-file <file>',
      'where the marker key is (written when missing)',
      '/etc/phoenix/marker.key',
    )
    .option('--no-color', 'no colours (also when NO_COLOR is set or output is not a terminal)')
    .option('-v, --verbose', 'also show debug lines')
    .addHelpText(
      'after',
      examples(
        'phoenix init --dry-run --root /usr/local/phoenix_hypervisor',
        'phoenix init --yes && phoenix plan',
        'phoenix init --dry-run --traefik-path /etc/traefik/dynamic/phoenix.yml',
      ),
    )
    .action(run(() => import('./commands/init.js')));

  withSyncFlags(
    program
      .command('graph')
      .description(
        'draw the estate: guests, their stack deployments, routes, DNS names and firewall openings',
      )
      .option('--root <dir>', 'the Phoenix root (etc/ and stacks/)')
      .addOption(
        new Option('--format <format>', 'mermaid, dot, or svg (laid out by Graphviz dot)')
          .choices(['mermaid', 'dot', 'svg'])
          .default('mermaid'),
      )
      .option(
        '--from-plan',
        'colour what a sync would create, change or delete (contacts the targets, like plan)',
      )
      .option('--offline', 'with --from-plan: contact nothing, so everything is a create')
      .option('--vm <vmid...>', 'only these VMs (repeat or comma-separate)', list)
      .option('--stack <name...>', 'only these stacks', list)
      .option('--env <name...>', 'only these environments', list)
      .option('--no-color', 'no colours in messages')
      .option('-v, --verbose', 'also show debug lines'),
  )
    .addHelpText(
      'after',
      examples(
        'phoenix graph --root examples/homelab > estate.mmd',
        'phoenix graph --format svg > estate.svg           # needs Graphviz',
        'phoenix graph --from-plan --format dot | dot -Tpng > plan.png',
        'phoenix graph --vm 1002 --from-plan --offline',
      ),
    )
    .action(run(() => import('./commands/graph.js')));

  program
    .command('schema')
    .description('the JSON Schemas of the root files, for editors: list them, print one, or copy them')
    .argument('[name]', 'the schema to print (e.g. phoenix_vm_configs)')
    .option('--write <dir>', 'copy every schema into this folder (e.g. <root>/schemas)')
    .option('--root <dir>', 'the root whose files will point at the copies (for the hint)')
    .option('--no-color', 'no colours in messages')
    .addHelpText(
      'after',
      examples(
        'phoenix schema                                   # each schema, its file and its URL',
        'phoenix schema phoenix_vm_configs > vm.schema.json',
        'phoenix schema --write /usr/local/phoenix_hypervisor/schemas',
      ),
    )
    .action(run(() => import('./commands/schema.js')));

  program
    .command('completion')
    .description('print a shell completion script (commands, flags, and stack names, vmids, environments)')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .option('--no-color', 'no colours in messages')
    .addHelpText(
      'after',
      examples(
        'eval "$(phoenix completion bash)"                 # in ~/.bashrc',
        'phoenix completion zsh > "${fpath[1]}/_phoenix"',
        'phoenix completion fish > ~/.config/fish/completions/phoenix.fish',
      ),
    )
    .action(run(() => import('./commands/completion.js')));

  program
    .command('serve')
    .description(
      "keep the estate converged: follow the root's git upstream (poll, webhook), check drift, serve a status page and metrics",
    )
    .option('--root <dir>', 'the Phoenix root (etc/ and stacks/), ideally a git clone with an upstream')
    .option('--prune', 'every sync deletes what Phoenix made that left the config')
    .option('--prune-all', 'allow a prune that deletes every resource of a target (implies --prune)')
    .option('--adopt', 'take over existing stacks of a desired name that Phoenix did not make')
    .option('--force', "overwrite target files that lack Phoenix's header")
    .option('--include-portainer', 'also deploy stacks that run Portainer itself')
    .option('--no-color', 'no colours (serve logs plain lines)')
    .option('-v, --verbose', 'also log unchanged stages, passed checks and quiet polls')
    .addHelpText(
      'after',
      `${examples(
        'phoenix serve --root /srv/phoenix-root          # a git clone: polls its upstream',
        'phoenix serve --prune                           # its syncs also delete what left the config',
        'phoenix serve --verbose 2>> /var/log/phoenix-serve.log',
      )}
Pages: / (status), /runs/<id>, /metrics (Prometheus), /healthz (never needs the token),
  POST /hooks/git (X-Hub-Signature-256 of GitHub, Forgejo, Gitea; needs webhook_secret).
Settings (sync.serve in etc/phoenix_hypervisor_config.json): listen (127.0.0.1:9440), token,
  webhook_secret, poll_seconds (60), drift_seconds (600), self_heal (false), stop_seconds (60).
Logs one line per event on stderr. SIGTERM: nothing new starts, the run in flight gets
  stop_seconds to finish (then it is interrupted), it is recorded, exit 0. Exit 1: could not start.
`,
    )
    .action(run(() => import('./commands/serve.js')));

  // The completion scripts call `phoenix __complete <words…>`: answered from the commands
  // defined above, never parsed as a command itself (its words are someone else's flags).
  if (argv[0] === '__complete') {
    const { complete } = await import('./commands/completion.js');
    const words = await complete(program, argv.slice(1), io.env, io.cwd);
    if (words.length) io.out(`${words.join('\n')}\n`);
    return 0;
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 1;
    throw err;
  }
  return exitCode;
}
