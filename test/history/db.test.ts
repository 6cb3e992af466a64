/**
 * The history's file and schema: each migration brings a database of the version before it
 * up to date and keeps its rows; a database of a newer schema is refused; runs left running
 * by a dead process are marked interrupted.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HISTORY_FILE,
  MIGRATIONS,
  SCHEMA_VERSION,
  migrate,
  openDb,
  schemaVersion,
} from '../../src/history/db.js';
import { History } from '../../src/history/history.js';
import { removeDir, tempDir } from '../helpers/root.js';

const dirs: string[] = [];
const fresh = () => {
  const d = tempDir('phoenix-history-');
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach(removeDir));

const start = { trigger: 'manual', command: 'sync all', root: '/r', who: 'a@b', locked: true } as const;

describe('history database', () => {
  it('creates the latest schema in a new state dir, readable by its owner only', () => {
    const dir = join(fresh(), 'state', 'deeper');
    const db = openDb(dir);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
    expect(statSync(join(dir, HISTORY_FILE)).mode & 0o777).toBe(0o600);
  });

  for (let v = 0; v < MIGRATIONS.length; v++) {
    it(`migration ${v + 1} brings a version-${v} database up to date and keeps what it held`, () => {
      const dir = fresh();
      const old = new Database(join(dir, HISTORY_FILE));
      migrate(old, v);
      expect(schemaVersion(old)).toBe(v);
      old.exec('CREATE TABLE keep_me (x INTEGER); INSERT INTO keep_me VALUES (42);');
      old.close();
      const h = History.open(dir);
      const id = h.begin(start);
      expect(h.get(id)?.status).toBe('running');
      h.close();
      const db = new Database(join(dir, HISTORY_FILE));
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT x FROM keep_me').get()).toEqual({ x: 42 });
      db.close();
    });
  }

  it('refuses a database written by a newer Phoenix, and leaves it as it was', () => {
    const dir = fresh();
    const db = new Database(join(dir, HISTORY_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 7}`);
    db.close();
    expect(() => History.open(dir)).toThrow(
      `the history was written by a newer Phoenix (schema ${SCHEMA_VERSION + 7}; this one knows up to ${SCHEMA_VERSION})`,
    );
    const again = new Database(join(dir, HISTORY_FILE));
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION + 7);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'runs'").get()).toEqual({
      n: 0,
    });
    again.close();
  });

  it('records a run, its changes and their results; lists newest first', () => {
    const h = History.open(fresh());
    const a = h.begin({ ...start, commit: 'c0ffee', dirty: true });
    h.setChanges(a, [
      { stage: 'dns', kind: 'dns-file', id: '/x', label: 'hosts', action: 'update', status: 'planned' },
      {
        stage: 'stacks',
        kind: 'stack',
        id: '1/q',
        label: 'q on 1',
        action: 'create',
        impact: 'replace',
        status: 'planned',
      },
    ]);
    h.setChange(a, 1, 'failed', 'boom');
    h.update(a, {
      status: 'failed',
      exitCode: 4,
      endedAt: 'now',
      error: 'some changes failed',
      rendered: 'text',
    });
    const b = h.begin(start);
    expect(h.list(10).map((r) => r.id)).toEqual([b, a]);
    expect(h.list(1).map((r) => r.id)).toEqual([b]);
    expect(h.list(10)[1]!.rendered).toBeUndefined();
    const run = h.get(a)!;
    expect(run).toMatchObject({
      commit: 'c0ffee',
      dirty: true,
      status: 'failed',
      exitCode: 4,
      rendered: 'text',
    });
    expect(run.changes[1]).toEqual({
      stage: 'stacks',
      kind: 'stack',
      id: '1/q',
      label: 'q on 1',
      action: 'create',
      impact: 'replace',
      status: 'failed',
      error: 'boom',
    });
    expect(h.previous(b)?.id).toBe(a);
    expect(h.get(9999)).toBeUndefined();
    h.close();
  });

  it('marks runs of a dead process interrupted on open, and other locked runs of a root whose lock is held', () => {
    const dir = fresh();
    const h = History.open(dir);
    const mine = h.begin(start);
    const otherRoot = h.begin({ ...start, root: '/other' });
    const dry = h.begin({ ...start, locked: false });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    h['db'].prepare('UPDATE runs SET pid = ? WHERE id = ?').run(dead, otherRoot);
    h.close();
    const again = History.open(dir);
    expect(again.get(otherRoot)?.status).toBe('interrupted');
    expect(again.get(otherRoot)?.error).toMatch(new RegExp(`pid ${dead} on .* ended before it finished`));
    expect(again.get(mine)?.status).toBe('running');
    const next = again.begin(start);
    expect(again.markInterrupted({ root: '/r', except: next })).toBe(1);
    expect(again.get(mine)?.status).toBe('interrupted');
    expect(again.get(dry)?.status).toBe('running'); // a dry run holds no lock: it may still be going
    expect(again.get(next)?.status).toBe('running');
    again.close();
  });
});
