/**
 * The fixtures really cover the original format: every key path of the inventory (keys.ts)
 * occurs in the current or the legacy fixture root.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURES, keysOf } from './fixture.js';
import { INVENTORY, matches, scopedPaths } from './keys.js';
import { join } from 'node:path';

/** Every scoped path of both fixtures. */
function fixturePaths(): Set<string> {
  const out = new Set<string>();
  for (const name of ['current', 'legacy'])
    for (const [file, keys] of keysOf(join(FIXTURES, name)))
      for (const k of keys) for (const p of scopedPaths(file, k.path)) out.add(p);
  return out;
}

describe('the upstream key inventory', () => {
  const paths = [...fixturePaths()];

  it('has no duplicates and is not trivially small', () => {
    expect(new Set(INVENTORY).size).toBe(INVENTORY.length);
    expect(INVENTORY.length).toBeGreaterThan(130);
  });

  it('matches wildcards per segment only', () => {
    expect(matches('lxc:<ctid>.name', 'lxc:101.name')).toBe(true);
    expect(matches('lxc:<ctid>.name', 'lxc:101.network_config.name')).toBe(false);
    expect(matches('vms[]:docker_stacks[]', 'vms[]:docker_stacks[].name')).toBe(false);
    expect(scopedPaths('etc/phoenix_vm_configs.json', 'vms[].firewall.rules[].iface')).toEqual([
      'rule:iface',
      'vms[]:firewall.rules[].iface',
    ]);
    expect(scopedPaths('etc/phoenix_vm_configs.json', 'vms[].docker_firewall_rules[].port')).toEqual([
      'vms[]:docker_firewall_rules[].port',
    ]);
  });

  it('every key path of the format occurs in the fixtures', () => {
    const missing = INVENTORY.filter((pattern) => !paths.some((p) => matches(pattern, p)));
    expect(missing).toEqual([]);
  });

  it('both manifest homes and both firewall homes are used', () => {
    expect(paths).toContain('stacks_config:docker_stacks.vaultwarden.compose_file_path');
    expect(paths).toContain('manifest:environments.production.services.mosquitto.traefik_labels[]');
    expect(paths).toContain('hypervisor:firewall.global_firewall_rules[]');
    expect(paths).toContain('hypervisor:shared_volumes.firewall.global_firewall_rules[]');
  });
});
