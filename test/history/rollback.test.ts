/**
 * Rollback with real parts: the homelab root in a real git repository, the Portainer double,
 * temp-dir file targets. `rollback <run>` syncs the commit that run synced (materialised by
 * `git archive`, secrets from the live root, which git does not hold), restores that run's
 * stack content and DNS file, and is recorded as a rollback. Refusals change nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceIn } from '../helpers/root.js';
import { startGitLab, type GitLab } from './lab.js';

let lab: GitLab | undefined;
afterEach(async () => {
  await lab?.h.stop();
  lab = undefined;
});

const whoami = (l: GitLab) =>
  l.h.double.model.stacks.find((s) =>
    s.Env.some((e) => e.name === 'WHOAMI_NAME' && e.value === 'whoami-prod'),
  )!;
const temps = () => new Set(readdirSync(tmpdir()).filter((n) => n.startsWith('phoenix-at-')));

describe('rollback', () => {
  it("restores an earlier run's stack content and DNS file, recorded as a rollback with that commit", async () => {
    lab = await startGitLab();
    const first = lab.git('rev-parse', 'HEAD');
    expect((await lab.cli('sync', 'all', '--yes')).code).toBe(0);
    expect(whoami(lab).file).toContain('image: traefik/whoami:v1.10');

    replaceIn(lab.h.root, 'stacks/whoami/docker-compose.yml', 'traefik/whoami:v1.10', 'traefik/whoami:v1.11');
    replaceIn(lab.h.root, 'stacks/whoami/phoenix.json', '"whoami.lab.internal"', '"whoami-v2.lab.internal"');
    const second = lab.commit('whoami v1.11 at whoami-v2');
    expect((await lab.cli('sync', 'all', '--yes')).code).toBe(0);
    expect(whoami(lab).file).toContain('image: traefik/whoami:v1.11');
    expect(readFileSync(lab.h.paths.hosts, 'utf8')).toMatch(/ whoami-v2\.lab\.internal$/m);

    const before = temps();
    const r = await lab.cli('rollback', '1', '--yes');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`syncing commit ${first} of ${lab.h.root}`);
    const stack = whoami(lab);
    expect(stack.file).toContain('image: traefik/whoami:v1.10');
    expect(stack.Env).toContainEqual({ name: 'WHOAMI_HOST', value: 'whoami.lab.internal' });
    const hosts = readFileSync(lab.h.paths.hosts, 'utf8');
    expect(hosts).toMatch(/ whoami\.lab\.internal$/m);
    expect(hosts).not.toContain('whoami-v2');
    // Files Phoenix writes still name the live root, not the temp dir it read from.
    expect(hosts).toContain(`root: ${lab.h.root})`);
    // Secrets came from the live root (git holds none): the stacks that use them kept their values.
    const qdrant = lab.h.double.model.stacks.find((s) => s.Name.startsWith('qdrant'))!;
    expect(qdrant.Env).toContainEqual({ name: 'QDRANT_API_KEY', value: 'change-me-qdrant' });
    // The revision's temp dir is gone; the work tree is untouched (still at the second commit).
    expect(temps()).toEqual(before);
    expect(lab.git('rev-parse', 'HEAD')).toBe(second);
    expect(readFileSync(join(lab.h.root, 'stacks/whoami/docker-compose.yml'), 'utf8')).toContain('v1.11');

    const [rollback, second_, first_] = lab.runs();
    expect(first_).toMatchObject({ id: 1, commit: first, trigger: 'manual' });
    expect(second_).toMatchObject({ id: 2, commit: second, trigger: 'manual' });
    expect(rollback).toMatchObject({
      id: 3,
      trigger: 'rollback',
      command: `rollback 1 (sync all --at ${first.slice(0, 12)})`,
      commit: first,
      dirty: false,
      status: 'ok',
      exitCode: 0,
    });
    expect(rollback!.changes.find((c) => c.label.startsWith('whoami-production'))).toMatchObject({
      action: 'update',
      status: 'ok',
    });

    // sync --at a revision by name does the same, recorded as a manual run at that commit.
    const at = await lab.cli('sync', 'all', '--at', 'HEAD', '--yes');
    expect(at.code, at.err).toBe(0);
    expect(whoami(lab).file).toContain('image: traefik/whoami:v1.11');
    expect(lab.runs()[0]).toMatchObject({
      id: 4,
      trigger: 'manual',
      command: 'sync all --at HEAD',
      commit: second,
    });
  });

  it("refuses a revision whose owner id is not the root's, contacting nothing and leaving no temp dir", async () => {
    lab = await startGitLab();
    replaceIn(
      lab.h.root,
      'etc/phoenix_hypervisor_config.json',
      '"owner_id": "homelab"',
      '"owner_id": "homelab-2"',
    );
    lab.commit('a new owner id');
    const before = temps();
    const r = await lab.cli('sync', 'all', '--at', 'HEAD~1', '--yes');
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(
      `error: HEAD~1 of ${lab.h.root} has owner id "homelab", the root has "homelab-2": a sync at that revision would not recognise what Phoenix made for this root\n`,
    );
    expect(lab.h.double.calls).toEqual([]);
    expect(lab.h.snapshot().size).toBe(0);
    expect(temps()).toEqual(before);
    expect(lab.runs()).toEqual([]);
  });

  it('refuses a root that is not a git work tree, an unknown run and a run without a commit; nothing is contacted', async () => {
    lab = await startGitLab({ git: false });
    // A run recorded while the root was not in git: it has no commit.
    expect((await lab.cli('sync', 'all', '--yes')).code).toBe(0);
    expect(lab.runs()[0]!.commit).toBeUndefined();
    expect((await lab.cli('history')).out).toMatch(/\n1 .* manual +- +ok \(0\)/);
    const calls = lab.h.double.calls.length;
    const written = lab.h.snapshot();
    const refused = async (argv: string[], message: string, hint: string) => {
      const r = await lab!.cli(...argv);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toContain(`error: ${message}\n`);
      expect(r.err).toContain(`hint: ${hint}`);
    };
    await refused(
      ['sync', 'all', '--at', 'HEAD', '--yes'],
      `sync --at HEAD needs the root to be a git work tree with a commit, and ${lab.h.root} is not one`,
      `keep the root in git (git -C ${lab.h.root} init, then commit), or sync without --at`,
    );
    await refused(
      ['rollback', '1', '--yes'],
      'run 1 has no commit to go back to: its root was not a git work tree when it ran',
      'phoenix history shows which runs have a commit',
    );
    await refused(
      ['rollback', '99', '--yes'],
      `no run 99 in the run history ${join(lab.stateDir, 'history.db')}`,
      'phoenix history lists the runs with their ids',
    );
    await refused(
      ['rollback', 'latest'],
      'phoenix rollback needs a run id (a number), not "latest"',
      'phoenix history',
    );
    await refused(
      ['history', 'show', '42'],
      `no run 42 in the run history ${join(lab.stateDir, 'history.db')}`,
      'phoenix history',
    );

    // In git now, but run 1 still has no commit; an unknown revision is refused too.
    lab.git('init', '-q');
    lab.commit('now in git');
    await refused(
      ['rollback', '1', '--yes'],
      'run 1 has no commit to go back to: its root was not a git work tree when it ran',
      'phoenix history shows which runs have a commit',
    );
    await refused(
      ['sync', 'all', '--at', 'no-such-rev', '--yes'],
      `"no-such-rev" names no commit of the git repository of ${lab.h.root}`,
      `git -C ${lab.h.root} log --oneline lists the commits`,
    );
    expect(lab.h.double.calls.length).toBe(calls);
    expect(lab.h.snapshot()).toEqual(written);
    // Refusals are not runs.
    expect(lab.runs().map((r) => r.id)).toEqual([1]);
    expect(existsSync(join(lab.h.root, '.phoenix.lock'))).toBe(false);
  });
});
