/** The warning fold on its own: one line per code, repeats dropped, ignored codes left out. */
import { describe, expect, it } from 'vitest';
import { foldWarnings, longWarning, type WarningItem } from '../../src/output/warnings.js';

const nic = (id: number): WarningItem => ({
  code: 'pve-nic-firewall',
  subject: String(id),
  message: `vm ${id} (guest-${id}): its firewall rules apply only if its network device has firewall=1`,
});

describe('foldWarnings', () => {
  it('folds every warning of one code into one line naming the subjects', () => {
    const folded = foldWarnings([1001, 1002, 1003, 1004, 1005].map(nic));
    expect(folded.map((f) => f.line)).toEqual([
      'warning: 5 guests need firewall=1 on their NIC (Phoenix does not change guest configs): 1001, 1002, 1003, 1004, 1005 [pve-nic-firewall]',
    ]);
    expect(folded[0]?.items).toHaveLength(5);
    expect(folded[0]?.shortened).toBe(true);
  });

  it('names at most six subjects, then …', () => {
    const [f] = foldWarnings([1, 2, 3, 4, 5, 6, 7, 8].map(nic));
    expect(f?.line).toMatch(/: 1, 2, 3, 4, 5, 6, … \[pve-nic-firewall\]$/);
  });

  it('keeps a single warning whole on one line, its hint left to --verbose', () => {
    const w: WarningItem = {
      code: 'plain-password',
      message: 'the Portainer password is written in plain text',
      hint: 'use env:NAME',
      location: 'etc/g.json:10:23',
    };
    expect(foldWarnings([w])).toEqual([
      {
        code: 'plain-password',
        line: 'etc/g.json:10:23: warning: the Portainer password is written in plain text [plain-password]',
        items: [w],
        shortened: true,
      },
    ]);
    expect(longWarning(w)).toBe(
      'etc/g.json:10:23: warning: the Portainer password is written in plain text [plain-password]\n  hint: use env:NAME',
    );
  });

  it('drops exact repeats and keeps codes apart, in the order they first came', () => {
    const other: WarningItem = { code: 'unknown-key', message: 'unknown key "x"', location: 'a.json:1:2' };
    const folded = foldWarnings([nic(1001), other, nic(1001), nic(1002), other]);
    expect(folded.map((f) => [f.code, f.items.length])).toEqual([
      ['pve-nic-firewall', 2],
      ['unknown-key', 1],
    ]);
  });

  it('a code without a summary keeps its first message and counts the rest', () => {
    const a = { code: 'x-thing', message: 'first', location: 'a.json:1:1' };
    const b = { code: 'x-thing', message: 'second', location: 'b.json:2:2' };
    expect(foldWarnings([a, b])[0]?.line).toBe('warning: first (2 in all: a.json:1:1, b.json:2:2) [x-thing]');
  });

  it('warnings without a code fold only with the same message', () => {
    const folded = foldWarnings([{ message: 'a' }, { message: 'b' }, { message: 'a', subject: 's' }]);
    expect(folded.map((f) => f.line)).toEqual(['warning: a (2 in all: s)', 'warning: b']);
  });

  it('leaves ignored codes out', () => {
    const other: WarningItem = { code: 'unknown-key', message: 'unknown key "x"' };
    expect(foldWarnings([nic(1), other], new Set(['pve-nic-firewall'])).map((f) => f.code)).toEqual([
      'unknown-key',
    ]);
  });
});
