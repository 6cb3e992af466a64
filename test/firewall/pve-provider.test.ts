import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Firewall } from '../../src/desired/types.js';
import { actionable, type Change } from '../../src/plan/change.js';
import { PveFirewallProvider } from '../../src/providers/firewall/pve-provider.js';
import type { SyncOptions } from '../../src/plan/options.js';
import { context, desiredState, homelabFirewall, settings } from './fixture.js';
import { applyPolicy } from '../../src/plan/policy.js';

let dir: string;
const operatorFile = () =>
  readFile(new URL('../fixtures/golden/firewall/1002.operator.fw', import.meta.url), 'utf8');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phoenix-pve-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** observe → plan → apply, as the engine does. */
async function sync(
  fw: Firewall,
  options: Partial<SyncOptions> = {},
  apply: { apply_command?: string[] } = {},
) {
  const provider = new PveFirewallProvider();
  const ctx = context(desiredState(fw, settings({ pve_dir: dir, ...apply })), options);
  const live = await provider.observe(ctx);
  const changes = applyPolicy(provider.plan(ctx, live), ctx.options) as Change<string>[];
  const results = await provider.apply(ctx, changes, live);
  return { changes, results, events: ctx.reporter.events };
}

const mtimes = async () => {
  const out: Record<string, number> = {};
  for (const n of await readdir(dir)) out[n] = (await stat(join(dir, n))).mtimeMs;
  return out;
};
const byName = (changes: Change[]) =>
  Object.fromEntries(
    changes.map((c) => [c.id.slice(dir.length + 1), c.blocked ? `${c.action} (blocked)` : c.action]),
  );

describe('PveFirewallProvider', () => {
  it('creates cluster.fw and one file per guest with rules, then a second sync writes nothing', async () => {
    const first = await sync(homelabFirewall());
    expect(byName(first.changes)).toEqual({
      'cluster.fw': 'create',
      '101.fw': 'create',
      '102.fw': 'create',
      '1001.fw': 'create',
      '1002.fw': 'create',
    });
    expect(first.results.every((r) => r.status === 'ok')).toBe(true);
    expect(await readFile(join(dir, '1002.fw'), 'utf8')).toBe(
      await readFile(new URL('../fixtures/golden/firewall/1002.fw', import.meta.url), 'utf8'),
    );
    const before = await mtimes();
    const second = await sync(homelabFirewall());
    expect(actionable(second.changes)).toEqual([]);
    expect(second.results).toEqual([]);
    expect(await mtimes()).toEqual(before);
  });

  it('warns that each guest NIC needs firewall=1', async () => {
    const { events } = await sync(homelabFirewall());
    const warnings = events
      .filter((e) => e.type === 'log' && e.level === 'warn')
      .map((e) => (e.type === 'log' ? e.message : ''));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/^lxc 101 \(gateway\): .*firewall=1/);
  });

  it('keeps an operator file byte for byte around its rules over two syncs', async () => {
    const original = await operatorFile();
    await writeFile(join(dir, '1002.fw'), original);
    const first = await sync(homelabFirewall());
    expect(byName(first.changes)['1002.fw']).toBe('update');
    expect(first.changes.find((c) => c.id.endsWith('1002.fw'))?.diff).toContain(
      '+IN ACCEPT -source 10.0.0.101 -p tcp -dport 9001 # phoenix: portainer agent',
    );
    const afterFirst = await readFile(join(dir, '1002.fw'), 'utf8');
    const second = await sync(homelabFirewall());
    expect(actionable(second.changes)).toEqual([]);
    expect(await readFile(join(dir, '1002.fw'), 'utf8')).toBe(afterFirst);
    for (const line of original.split('\n').filter((l) => !/^(enable|policy_in):/.test(l))) {
      expect(afterFirst.split('\n')).toContain(line);
    }
    expect(await readFile(join(dir, '1002.fw.bak'), 'utf8')).toBe(original);
  });

  it('removing a stack removes only its rules', async () => {
    await writeFile(join(dir, '1002.fw'), await operatorFile());
    await sync(homelabFirewall());
    const before = await readFile(join(dir, '1002.fw'), 'utf8');
    const fw = homelabFirewall();
    const agent = fw.guests.find((g) => g.guest.id === 1002)!;
    agent.rules = agent.rules.filter((r) => !r.origins.includes('1002/qdrant-production'));
    const { changes } = await sync(fw);
    expect(byName(actionable(changes))).toEqual({ '1002.fw': 'update' });
    const after = await readFile(join(dir, '1002.fw'), 'utf8');
    expect(before.split('\n').filter((l) => !after.split('\n').includes(l))).toEqual([
      'IN ACCEPT -source 10.0.0.12 -p tcp -dport 6333:6334 # phoenix: qdrant',
    ]);
  });

  it('a guest that leaves the config: its rules go, an operator file stays, its own file needs --prune', async () => {
    await writeFile(join(dir, '1002.fw'), await operatorFile());
    await sync(homelabFirewall());
    const fw = homelabFirewall();
    fw.guests = fw.guests.filter((g) => g.guest.id !== 1002 && g.guest.id !== 1001);

    const without = await sync(fw);
    expect(byName(actionable(without.changes))).toEqual({ '1002.fw': 'update', '1001.fw': 'update' });
    expect(await readFile(join(dir, '1002.fw'), 'utf8')).not.toMatch(/^(IN|OUT) .*# phoenix:/m);
    expect(await readFile(join(dir, '1002.fw'), 'utf8')).toContain('[IPSET trusted]');
    expect(await readFile(join(dir, '1001.fw'), 'utf8')).not.toMatch(/^(IN|OUT) .*# phoenix:/m);

    const again = await sync(fw);
    expect(byName(again.changes.filter((c) => c.action !== 'noop'))).toEqual({
      '1001.fw': 'delete (blocked)',
    });
    const pruned = await sync(fw, { prune: true });
    expect(byName(actionable(pruned.changes))).toEqual({ '1001.fw': 'delete' });
    expect(await readdir(dir)).not.toContain('1001.fw');
    expect(await readdir(dir)).toContain('1002.fw');
  });

  it('with --prune a file wholly its own is deleted at once', async () => {
    await sync(homelabFirewall());
    const fw = homelabFirewall();
    fw.guests = fw.guests.filter((g) => g.guest.id !== 1001);
    const { changes } = await sync(fw, { prune: true });
    expect(byName(actionable(changes))).toEqual({ '1001.fw': 'delete' });
  });

  it('refuses to delete every guest file unless --prune-all', async () => {
    await sync(homelabFirewall());
    const fw = homelabFirewall();
    fw.guests = [];
    await sync(fw); // strips the rules
    const { changes } = await sync(fw, { prune: true });
    expect(
      changes.filter((c) => c.action === 'delete').every((c) => c.blocked?.includes('--prune-all')),
    ).toBe(true);
    const all = await sync(fw, { prune: true, pruneAll: true });
    expect(actionable(all.changes).filter((c) => c.action === 'delete')).toHaveLength(4);
  });

  it('never touches files without Phoenix rules, and a filter narrows to the selected guests', async () => {
    await writeFile(join(dir, '4242.fw'), '[RULES]\nIN DROP\n');
    const filtered = await sync(homelabFirewall(), { filters: { vm: [1002] } });
    expect(byName(filtered.changes)).toEqual({ '1002.fw': 'create' });
    const full = await sync(homelabFirewall(), { prune: true });
    expect(full.changes.map((c) => c.id)).not.toContain(join(dir, '4242.fw'));
    expect(await readFile(join(dir, '4242.fw'), 'utf8')).toBe('[RULES]\nIN DROP\n');
  });

  it('runs apply_command once when something changed, and never on a no-op', async () => {
    const counter = join(dir, 'reloads');
    const cmd = [process.execPath, '-e', `require('fs').appendFileSync(${JSON.stringify(counter)}, 'x')`];
    await sync(homelabFirewall(), {}, { apply_command: cmd });
    await sync(homelabFirewall(), {}, { apply_command: cmd });
    expect(await readFile(counter, 'utf8')).toBe('x');
  });

  it('refuses a rule pve-firewall would skip', async () => {
    const fw = homelabFirewall();
    fw.guests[0]!.rules.push({ direction: 'in', action: 'ACCEPT', dport: '22', origins: ['guest:101'] });
    await expect(sync(fw)).rejects.toThrow(/a port needs a protocol/);
  });

  it('fails clearly when pve_dir does not exist', async () => {
    const provider = new PveFirewallProvider();
    const ctx = context(desiredState(homelabFirewall(), settings({ pve_dir: join(dir, 'nope') })));
    await expect(provider.observe(ctx)).rejects.toThrow(/cannot read the Proxmox VE firewall directory/);
  });
});
