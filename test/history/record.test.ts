/**
 * Every sync is recorded, with real parts: the homelab rig (Portainer double, temp-dir file
 * targets) whose root is a real git repository, the CLI in-process. What is kept: the
 * commit (and a dirty tree), each change with its result and error, the exit code, who, the
 * run as printed; never a secret; and a history that cannot be written never fails a sync.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/secrets.js';
import { editJson } from '../helpers/root.js';
import { startGitLab, type GitLab } from './lab.js';

const CANARY = 'canary-7f3a9b2c-never-in-the-history';
const GLOBAL = ['etc', 'phoenix_hypervisor_config.json'];

let lab: GitLab | undefined;
afterEach(async () => {
  await lab?.h.stop();
  lab = undefined;
});

describe('run history of phoenix sync', () => {
  it('records a sync with its commit, who, each change and its result, and the run as printed', async () => {
    lab = await startGitLab();
    const head = lab.git('rev-parse', 'HEAD');
    const r = await lab.cli('sync', 'all', '--yes');
    expect(r.code, r.err).toBe(0);
    const [run, ...older] = lab.runs();
    expect(older).toEqual([]);
    expect(run).toMatchObject({
      id: 1,
      trigger: 'manual',
      command: 'sync all',
      root: lab.h.root,
      commit: head,
      dirty: false,
      who: `${userInfo().username}@${hostname()}`,
      status: 'ok',
      exitCode: 0,
    });
    expect(run!.endedAt! >= run!.startedAt).toBe(true);
    expect(run!.summary).toMatchObject({ create: 16, blocked: 1 });
    const dns = run!.changes.find((c) => c.stage === 'dns')!;
    expect(dns).toMatchObject({ kind: 'dns-file', id: lab.h.paths.hosts, action: 'create', status: 'ok' });
    expect(run!.changes.filter((c) => c.status === 'ok')).toHaveLength(16);
    expect(run!.changes.filter((c) => c.status === 'blocked').map((c) => c.label)).toEqual([
      'portainer-production on phoenix-primary (vm 1001)',
    ]);
    expect(run!.rendered).toContain('+ dnsmasq file');
    expect(run!.rendered).toMatch(/Summary +status +made/);

    // The table and the full view; --json is the same record.
    const table = await lab.cli('history');
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^ID +WHEN \(UTC\) +TRIGGER +COMMIT +RESULT +CHANGES$/);
    expect(table.out.split('\n')[1]).toMatch(
      new RegExp(
        `^1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +manual +${head.slice(0, 10)} +ok \\(0\\) +16 ok, 1 blocked$`,
      ),
    );
    const json = await lab.cli('history', '--json', '--limit', '1');
    const { rendered: _rendered, ...listed } = run!;
    expect(JSON.parse(json.out)).toEqual([listed]);
    const show = await lab.cli('history', 'show', '1');
    expect(show.code).toBe(0);
    expect(show.out).toContain(`commit:  ${head}\n`);
    expect(show.out).toContain(`  ok      dns create dnsmasq file ${lab.h.paths.hosts}\n`);
    expect(show.out).toContain(`as printed:\n${run!.rendered}`);

    // An untracked file in the root: the next run says its commit is not the whole story.
    writeFileSync(join(lab.h.root, 'notes.txt'), 'edited by hand\n');
    expect((await lab.cli('sync', 'all', '--yes')).code).toBe(0);
    expect(lab.runs()[0]).toMatchObject({ id: 2, commit: head, dirty: true, status: 'ok' });
    expect((await lab.cli('history')).out).toMatch(
      new RegExp(`\\n2 .* ${head.slice(0, 10)}\\+ +ok \\(0\\) +1 blocked\\n`),
    );
  });

  it('records a failing change with its error, and never stores a secret (a canary in the error and the plan)', async () => {
    lab = await startGitLab();
    writeFileSync(join(lab.h.root, 'secrets', 'qdrant_api_key'), CANARY, { mode: 0o600 });
    lab.h.double.inject({
      kind: 'status',
      status: 500,
      times: 10, // retried as transient: fail every try
      message: `disk full on ai-worker while writing QDRANT_API_KEY=${CANARY}`,
      match: (c) => c.route.startsWith('POST /stacks/create/') && c.stackName === 'qdrant-production',
    });
    const r = await lab.cli('sync', 'all', '--yes', '--verbose');
    expect(r.code, r.err).toBe(4);
    const run = lab.runs()[0]!;
    expect(run).toMatchObject({ status: 'failed', exitCode: 4 });
    expect(run.error).toMatch(/^some changes failed: stacks/);
    const qdrant = run.changes.find((c) => c.label.startsWith('qdrant-production'))!;
    expect(qdrant.status).toBe('failed');
    expect(qdrant.error).toContain('disk full on ai-worker');
    expect(qdrant.error).toContain(REDACTED);
    // The canary did travel through the run (the other deployment using it got it)...
    const webui = lab.h.double.model.stacks.find((s) => s.Name.startsWith('open-webui'))!;
    expect(webui.Env).toContainEqual({ name: 'QDRANT_API_KEY', value: CANARY });
    // ...and is nowhere in the history's files, nor in what history shows.
    expect(lab.historyBytes().length).toBeGreaterThan(0);
    expect(lab.historyBytes().includes(CANARY)).toBe(false);
    expect(lab.historyBytes().includes(Buffer.from(CANARY).toString('base64').slice(0, 20))).toBe(false);
    const show = await lab.cli('history', 'show', String(run.id));
    expect(show.out).toContain('disk full on ai-worker');
    expect(show.out).not.toContain(CANARY);
    expect((await lab.cli('history', '--json')).out).not.toContain(CANARY);
  });

  it('a history that cannot be written is warned once, and the sync still succeeds', async () => {
    lab = await startGitLab();
    // A file where the state dir's parent should be: no user, root included, can create it.
    writeFileSync(join(lab.h.dir, 'blocker'), 'not a folder\n');
    const stateDir = join(lab.h.dir, 'blocker', 'state');
    editJson(join(lab.h.root, ...GLOBAL), (c) => {
      c.sync.state_dir = stateDir;
    });
    const r = await lab.cli('sync', 'all', '--yes');
    expect(r.code, r.err).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.includes('[history-unwritable]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `warning: cannot write the run history in ${stateDir}, so this run is not recorded \\(the sync goes on\\): ENOTDIR`,
      ),
    );
    expect(readFileSync(lab.h.paths.hosts, 'utf8')).toContain('whoami.lab.internal');
    expect(lab.h.double.model.stacks.length).toBeGreaterThan(0);
    // A history that cannot be read is an error of the history command, not of a sync.
    const history = await lab.cli('history');
    expect(history.code).toBe(0);
    expect(history.err).toContain(`no runs recorded in ${join(stateDir, 'history.db')} yet`);
  });

  it('a state dir under the root never makes the tree dirty', async () => {
    lab = await startGitLab();
    editJson(join(lab.h.root, ...GLOBAL), (c) => {
      c.sync.state_dir = '.phoenix-state';
    });
    const head = lab.commit('history under the root');
    mkdirSync(join(lab.h.root, '.phoenix-state'), { recursive: true });
    for (let i = 0; i < 2; i++) expect((await lab.cli('sync', 'all', '--yes')).code).toBe(0);
    const runs = (await lab.cli('history', '--json')).out;
    expect(JSON.parse(runs)).toMatchObject([
      { id: 2, commit: head, dirty: false },
      { id: 1, commit: head, dirty: false },
    ]);
  });
});
