/**
 * Warnings on the homelab (issue 15): `validate` and `sync all` print at most one line per
 * warning code, `sync.ignore_warnings` silences a code (JSON still reports it, marked), and
 * `--verbose` prints each warning in full.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editJson } from '../helpers/root.js';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson } from '../e2e/harness.js';

/** The warning lines of a run's stderr, and the codes they end with. */
function warningLines(err: string): { lines: string[]; codes: string[] } {
  const lines = err.split('\n').filter((l) => / ?warning: /.test(l));
  const codes = lines.map((l) => /\[([a-z0-9-]+)\]$/.exec(l)?.[1] ?? `(no code) ${l}`);
  return { lines, codes };
}

describe('warnings on the homelab', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('validate and sync all print at most one line per warning code, each with its code', async () => {
    for (const argv of [['validate'], ['sync', 'all', '--yes']]) {
      const r = await phoenix(h, argv);
      expect(r.code, explain(r)).toBe(0);
      const { lines, codes } = warningLines(r.err);
      expect(
        codes.filter((c) => c.startsWith('(no code)')),
        explain(r),
      ).toEqual([]);
      expect(new Set(codes).size, explain(r)).toBe(codes.length);
      if (argv[0] === 'sync') {
        // The example's five guests with firewall rules: one line, not five paragraphs.
        expect(lines.filter((l) => l.includes('[pve-nic-firewall]'))).toEqual([
          expect.stringMatching(
            /^(?:\S+Z )?warning: 5 guests need firewall=1 on their NIC .*: 1001, 1002, 1003, 101, 102 \[pve-nic-firewall\]$/,
          ),
        ]);
        expect(r.err).not.toMatch(/its firewall rules apply only if/);
      }
    }
  });

  it('--verbose prints each warning in full', async () => {
    const r = await phoenix(h, ['sync', 'all', '--yes', '--verbose']);
    expect(r.code, explain(r)).toBe(0);
    const nic = r.err.split('\n').filter((l) => l.includes('[pve-nic-firewall]'));
    expect(nic).toHaveLength(5);
    for (const l of nic)
      expect(l).toMatch(/its firewall rules apply only if its network device has firewall=1/);
  });

  it('sync.ignore_warnings silences a code; --json keeps every item with its code, marked ignored', async () => {
    const before = await phoenixJson(h, ['sync', 'all', '--yes']);
    expect(before.report.warnings.filter((w) => w.code === 'pve-nic-firewall')).toHaveLength(5);
    expect(before.report.warnings.every((w) => w.ignored === undefined)).toBe(true);

    editJson(join(h.root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      c.sync.ignore_warnings = ['pve-nic-firewall'];
    });
    const r = await phoenix(h, ['sync', 'all', '--yes']);
    expect(r.code, explain(r)).toBe(0);
    expect(r.err).not.toMatch(/pve-nic-firewall|firewall=1/);

    const j = await phoenixJson(h, ['sync', 'all', '--yes']);
    const nic = j.report.warnings.filter((w) => w.code === 'pve-nic-firewall');
    expect(nic.map((w) => [w.subject, w.ignored])).toEqual(
      ['1001', '1002', '1003', '101', '102'].map((id) => [id, true]),
    );
  });
});
