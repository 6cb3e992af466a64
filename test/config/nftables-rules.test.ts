import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, editJson, removeDir, snapshotTree } from '../helpers/root.js';

describe('validate with the nftables firewall backend', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) removeDir(root);
  });

  it('refuses a rule the nftables backend cannot translate (a PVE ipset), naming where it is', async () => {
    root = copyExample();
    editJson(join(root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      c.sync.firewall = { backend: 'nftables' };
    });
    editJson(join(root, 'etc', 'phoenix_vm_configs.json'), (c) => {
      c.vms[1].firewall.rules[0].source = '+trusted';
    });
    const before = snapshotTree(root);
    const r = await runCli(['validate', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /phoenix_vm_configs\.json:\d+:\d+: error: firewall rule: \+trusted is a PVE ipset, which nftables does not know/,
    );
    expect(snapshotTree(root)).toEqual(before);
  });

  it('accepts the same rule with the PVE backend, where ipsets exist', async () => {
    root = copyExample();
    editJson(join(root, 'etc', 'phoenix_vm_configs.json'), (c) => {
      c.vms[1].firewall.rules[0].source = '+trusted';
    });
    const r = await runCli(['validate', '--root', root]);
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });
});
