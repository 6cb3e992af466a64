/**
 * The history's commands as the CLI knows them: completion offers `history`, `rollback`,
 * `history show` and the recorded run ids (a rollback only those with a commit), read from
 * the root's history; each command's --help has its examples.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startGitLab, type GitLab } from './lab.js';

let lab: GitLab | undefined;
afterEach(async () => {
  await lab?.h.stop();
  lab = undefined;
});

const complete = async (l: GitLab, ...words: string[]) =>
  (await runCli(['__complete', ...words.slice(0, -1), '--root', l.h.root, words.at(-1)!])).out
    .split('\n')
    .filter(Boolean);

describe('history and rollback in the CLI', () => {
  it('completion knows the commands, history show, and the run ids (rollback: those with a commit)', async () => {
    lab = await startGitLab({ git: false });
    expect(await complete(lab, 'history', 'show', '')).toEqual([]); // nothing recorded yet
    expect((await lab.cli('sync', 'all', '--yes')).code).toBe(0);
    lab.git('init', '-q');
    lab.commit('now in git');
    expect((await lab.cli('sync', 'all', '--yes')).code).toBe(0);

    const top = (await runCli(['__complete', ''])).out.split('\n');
    expect(top).toEqual(expect.arrayContaining(['history', 'rollback']));
    expect(await complete(lab, 'history', '')).toEqual(['show']);
    expect(await complete(lab, 'history', 'show', '')).toEqual(['2', '1']);
    expect(await complete(lab, 'rollback', '')).toEqual(['2']);
    expect(await complete(lab, 'rollback', '2', '')).toEqual([]);
    expect(await complete(lab, 'rollback', '--p')).toEqual(['--prune', '--prune-all', '--pull']);
    expect(await complete(lab, 'history', '--l')).toEqual(['--limit']);
    expect(await complete(lab, 'sync', '--a')).toEqual(['--adopt', '--at']);
  });

  it('each command has a help text with examples', async () => {
    for (const [cmd, example] of [
      ['history', 'phoenix history show 41'],
      ['rollback', 'phoenix rollback 41 --yes'],
      ['sync', '--at <rev>'],
    ] as const) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(example);
      if (cmd !== 'sync') expect(r.out).toContain('Examples:');
    }
    expect((await runCli(['--help'])).out).toContain('$ phoenix rollback 41');
  });

  it('refuses a bad --limit and an unknown action, exit 1', async () => {
    lab = await startGitLab({ git: false });
    const limit = await lab.cli('history', '--limit', '0');
    expect(limit.code).toBe(1);
    expect(limit.err).toContain('error: --limit takes a positive whole number, not "0"');
    const action = await lab.cli('history', 'delete', '3');
    expect(action.code).toBe(1);
    expect(action.err).toContain('error: unknown history action "delete 3"');
    expect(action.err).toContain('hint: phoenix history lists the runs; phoenix history show <id> shows one');
  });
});
