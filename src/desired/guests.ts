/**
 * Guests (VMs and LXC containers) with their static addresses (pure). A guest's address is
 * its `network_config.ip`; an LXC whose primary NIC uses DHCP (or names no address) takes
 * its `secondary_network_config.ip` when that one is static, as the original did.
 */
import type { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import type { Source } from '../config/source.js';
import { isHostname, parseCidr } from '../util/net.js';
import type { Guest } from './types.js';

/** A configured address and where it is written. */
interface Address {
  ip: string | undefined;
  at: () => Source;
}

/** Every VM and LXC; duplicate ids and invalid addresses are reported. */
export function deriveGuests(config: LoadedConfig, diags: Diagnostics): Guest[] {
  const guests: Guest[] = [];
  const byId = new Map<number, Guest>();
  const add = (g: Guest, primary: Address, secondary?: Address) => {
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
    // The secondary address is read only when the primary has none: otherwise it is not Phoenix's.
    const dynamic = primary.ip === undefined || primary.ip === 'dhcp';
    const used = dynamic && secondary?.ip !== undefined && secondary.ip !== 'dhcp' ? secondary : primary;
    if (used.ip !== undefined && used.ip !== 'dhcp') {
      const cidr = parseCidr(used.ip);
      if (!cidr)
        diags.error(
          'invalid-ip',
          used.at(),
          `"${used.ip}" is not an address with a prefix length`,
          'write it as 10.0.0.102/24, or "dhcp"',
        );
      else {
        g.ip = cidr.ip;
        g.cidr = used.ip;
      }
    }
    guests.push(g);
  };

  config.vms.vms.forEach((vm, i) => {
    const source = config.vmsDoc.at(['vms', i, 'vmid']);
    add(
      { kind: 'vm', id: vm.vmid, name: vm.name, ip: undefined, cidr: undefined, source },
      { ip: vm.network_config?.ip, at: () => config.vmsDoc.at(['vms', i, 'network_config', 'ip']) },
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
        { ip: lxc.network_config?.ip, at: () => doc.at(['lxc_configs', ctid, 'network_config', 'ip']) },
        {
          ip: lxc.secondary_network_config?.ip,
          at: () => doc.at(['lxc_configs', ctid, 'secondary_network_config', 'ip']),
        },
      );
    }
  }
  return guests;
}
