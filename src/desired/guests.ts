/** Guests (VMs and LXC containers) with their static addresses (pure). */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { isHostname, parseCidr } from '../util/net.js';
import type { Guest } from './types.js';

/** Every VM and LXC; duplicate ids and invalid addresses are reported. */
export function deriveGuests(config: LoadedConfig, diags: Diagnostics): Guest[] {
  const guests: Guest[] = [];
  const byId = new Map<number, Guest>();
  const add = (
    g: Guest,
    ipPath: { at: () => ReturnType<LoadedConfig['vmsDoc']['at']> },
    ip: string | undefined,
  ) => {
    const first = byId.get(g.id);
    if (first) {
      diags.error(
        'duplicate-id',
        g.source,
        `guest id ${g.id} (${g.name}) is already used by ${first.kind} ${first.name}`,
        `first defined at ${first.source.file}:${first.source.line}:${first.source.column}; ids must be unique across VMs and LXCs`,
      );
    } else byId.set(g.id, g);
    if (!isHostname(g.name))
      diags.error(
        'invalid-name',
        g.source,
        `guest name "${g.name}" is not a valid host name`,
        'use letters, digits and hyphens',
      );
    if (ip !== undefined && ip !== 'dhcp') {
      const cidr = parseCidr(ip);
      if (!cidr)
        diags.error(
          'invalid-ip',
          ipPath.at(),
          `"${ip}" is not an address with a prefix length`,
          'write it as 10.0.0.102/24, or "dhcp"',
        );
      else {
        g.ip = cidr.ip;
        g.cidr = ip;
      }
    }
    guests.push(g);
  };

  config.vms.vms.forEach((vm, i) => {
    const source = config.vmsDoc.at(['vms', i, 'vmid']);
    add(
      { kind: 'vm', id: vm.vmid, name: vm.name, ip: undefined, cidr: undefined, source },
      { at: () => config.vmsDoc.at(['vms', i, 'network_config', 'ip']) },
      vm.network_config?.ip,
    );
  });
  if (config.lxcs && config.lxcDoc) {
    const doc = config.lxcDoc;
    for (const [ctid, lxc] of Object.entries(config.lxcs.lxc_configs)) {
      add(
        {
          kind: 'lxc',
          id: Number(ctid),
          name: lxc.name,
          ip: undefined,
          cidr: undefined,
          source: doc.keyAt(['lxc_configs'], ctid),
        },
        { at: () => doc.at(['lxc_configs', ctid, 'network_config', 'ip']) },
        lxc.network_config?.ip,
      );
    }
  }
  return guests;
}
