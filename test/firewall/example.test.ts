/** Golden files for the bundled example estate (examples/homelab), loaded and derived for real. */
import { describe, expect, it } from 'vitest';
import { renderNft } from '../../src/providers/firewall/nft-render.js';
import { planPve } from '../../src/providers/firewall/pve-plan.js';
import { context, example } from './fixture.js';

describe('the example estate', () => {
  it('PVE files (golden)', async () => {
    const desired = example();
    const changes = planPve(desired, '/etc/pve/firewall', [], context(desired).options);
    expect(changes.every((c) => c.action === 'create')).toBe(true);
    expect(changes.length).toBeGreaterThan(1);
    const all = changes.map((c) => `==> ${c.id} <==\n${c.after ?? ''}`).join('\n');
    await expect(all).toMatchFileSnapshot('../fixtures/golden/firewall/example.pve.txt');
  });

  it('nftables table (golden)', async () => {
    const desired = example();
    const { script } = renderNft(desired.firewall, { table: 'phoenix', ownerId: desired.ownerId });
    await expect(script).toMatchFileSnapshot('../fixtures/golden/firewall/example.nft');
  });
});
