/**
 * Shell completion, run for real: the script `phoenix completion bash` prints is sourced in a
 * real bash, and its completion function is called the way bash calls it on Tab (COMP_WORDS,
 * COMP_CWORD), with `phoenix` on the PATH being bin/phoenix.js (needs `npm run build`).
 * Also: every command's --help carries 2–4 examples.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE, REPO, removeDir, tempDir, writeIn, copyExample } from '../helpers/root.js';

let dir: string;
let bin: string;
beforeAll(() => {
  dir = tempDir('phoenix-completion-');
  bin = join(dir, 'bin');
  mkdirSync(bin);
  const shim = join(bin, 'phoenix');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin', 'phoenix.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
});
afterAll(() => removeDir(dir));

/**
 * Source the bash script, call `_phoenix` as bash does on Tab for `line` (the cursor at its
 * end; a trailing space starts an empty word), and return COMPREPLY.
 */
function tab(line: string, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string[] {
  const words = line.split(' ');
  const script = [
    'source <(phoenix completion bash)',
    // What bash sets before calling a completion function.
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    `COMP_LINE='${line}'`,
    `COMP_POINT=${line.length}`,
    '_phoenix',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    cwd: opts.cwd ?? dir,
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, ...opts.env },
    encoding: 'utf8',
  });
  if (r.status !== 0 || r.stderr) throw new Error(`bash failed (${r.status}): ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean);
}

const STACKS = ['monitoring', 'n8n', 'open-webui', 'portainer', 'qdrant', 'scratch', 'whoami'];

describe('bash completion, in a real bash', () => {
  it("completes the example's stack names after --stack (root from --root)", () => {
    expect(tab(`phoenix plan --root ${EXAMPLE} --stack `)).toEqual(STACKS);
    expect(tab(`phoenix sync --root ${EXAMPLE} --stack o`)).toEqual(['open-webui']);
  });

  it('reads the root from $PHOENIX_ROOT, else the current directory', () => {
    expect(tab('phoenix graph --stack ', { env: { PHOENIX_ROOT: EXAMPLE } })).toEqual(STACKS);
    expect(tab('phoenix graph --stack w', { cwd: EXAMPLE })).toEqual(['whoami']);
  });

  it('completes commands, flags, targets, choices, vmids and environments', () => {
    const env = { PHOENIX_ROOT: EXAMPLE };
    expect(tab('phoenix ', { env })).toEqual([
      'validate',
      'plan',
      'sync',
      'check',
      'history',
      'rollback',
      'init',
      'graph',
      'schema',
      'completion',
      'serve',
    ]);
    expect(tab('phoenix sync ', { env })).toEqual([
      'all',
      'dns',
      'firewall',
      'endpoints',
      'stacks',
      'traefik',
      'stack',
    ]);
    expect(tab('phoenix sync stack ', { env })).toEqual(STACKS);
    expect(tab('phoenix sync stack qdrant ', { env })).toEqual(['to']);
    expect(tab('phoenix sync stack qdrant to ', { env })).toEqual(['1001', '1002', '1003', '9000']);
    expect(tab('phoenix plan --vm 100', { env })).toEqual(['1001', '1002', '1003']);
    expect(tab('phoenix plan --vm 1002,100', { env })).toEqual(['1002,1001', '1002,1003']);
    expect(tab('phoenix plan --env ', { env })).toEqual(['production', 'staging']);
    expect(tab('phoenix graph --format ', { env })).toEqual(['mermaid', 'dot', 'svg']);
    // bash splits `--format=` at the `=`: the value is completed on its own.
    expect(tab('phoenix graph --format = s', { env })).toEqual(['svg']);
    expect(tab('phoenix plan --det', { env })).toEqual(['--detailed-exitcode']);
    expect(tab('phoenix completion ', { env })).toEqual(['bash', 'zsh', 'fish']);
    expect(tab('phoenix schema phoenix_v', { env })).toEqual(['phoenix_vm_configs']);
  });

  it('--root completes folders (the shell does it)', () => {
    mkdirSync(join(dir, 'roots', 'lab-a'), { recursive: true });
    writeFileSync(join(dir, 'roots', 'lab-file'), '');
    expect(tab('phoenix plan --root roots/lab')).toEqual(['roots/lab-a']);
  });

  it('a broken or missing root offers nothing and prints nothing', () => {
    const root = copyExample(dir);
    writeIn(root, 'etc/phoenix_vm_configs.json', '{ "vms": [ {"vmid": 1001}, ');
    writeIn(root, 'stacks/whoami/phoenix.json', 'not json at all');
    // What is readable still helps; what is not adds nothing.
    expect(tab(`phoenix plan --root ${root} --vm `)).toEqual(['1001']);
    expect(tab(`phoenix plan --root ${root} --env `)).toEqual(['production']);
    expect(tab(`phoenix plan --root ${join(dir, 'nowhere')} --stack `)).toEqual([]);
    const r = spawnSync(
      join(bin, 'phoenix'),
      ['__complete', 'plan', '--root', join(dir, 'nowhere'), '--vm', ''],
      {
        encoding: 'utf8',
      },
    );
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });
});

describe('the zsh and fish scripts', () => {
  it("fish: `complete -C` answers with the example's stack names", () => {
    const r = spawnSync(
      'fish',
      [
        '--no-config',
        '-c',
        'phoenix completion fish | source; complete -C "phoenix plan --stack "; complete -C "phoenix graph --format=s"',
      ],
      { cwd: EXAMPLE, env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir }, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([...STACKS, '--format=svg']);
  });

  it("zsh: the completion function offers the example's stack names", () => {
    // compadd and _files are zsh's completion builtins; outside a Tab they are stood in for.
    const script = [
      'compdef() { :; }; compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }; _files() { print FILES "$@"; }',
      'eval "$(phoenix completion zsh)"',
      'words=(phoenix plan --stack ""); CURRENT=4; _phoenix',
      'words=(phoenix plan --root ""); CURRENT=4; _phoenix',
    ].join('\n');
    const r = spawnSync('zsh', ['-f', '-c', script], {
      cwd: EXAMPLE,
      env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([...STACKS, 'FILES -/']);
  });

  it.each(['zsh', 'fish'])('%s: printed, and they ask phoenix __complete', async (shell) => {
    const r = await runCli(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('__complete');
    expect(r.out).toContain(
      shell === 'zsh' ? 'compdef _phoenix phoenix' : "complete -c phoenix -f -a '(__phoenix_complete)'",
    );
  });

  it('bash parses the bash script, and an unknown shell is refused', async () => {
    const bash = execFileSync('bash', ['-n'], { input: (await runCli(['completion', 'bash'])).out });
    expect(bash.toString()).toBe('');
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/'tcsh' is invalid.*Allowed choices are bash, zsh, fish/);
    expect(r.out).toBe('');
  });
});

describe('--help', () => {
  it('every command has 2 to 4 examples, each running a real command', async () => {
    const commands = (await runCli(['__complete', ''])).out.trim().split('\n');
    expect(commands).toContain('graph');
    for (const cmd of commands) {
      const r = await runCli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      const block = r.out.split('\nExamples:\n')[1];
      expect(block, `${cmd} --help has no Examples`).toBeDefined();
      const examples = block!.split('\n').filter((l) => l.startsWith('  $ '));
      expect(examples.length, `${cmd}: ${examples.length} examples`).toBeGreaterThanOrEqual(2);
      expect(examples.length, `${cmd}: ${examples.length} examples`).toBeLessThanOrEqual(4);
      for (const e of examples) expect(e, cmd).toMatch(new RegExp(`phoenix ${cmd}\\b`));
    }
  });
});
