/**
 * Published ports of a compose service, short and long syntax, after interpolation.
 * Only host-published ports matter: a central Traefik reaches a stack through them.
 */

export interface PortMapping {
  hostIp: string;
  /** Host port, or undefined when Docker picks one (not reachable by a fixed route). */
  published: number | undefined;
  target: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export type PortParse = { ok: true; mappings: PortMapping[] } | { ok: false; message: string };

function range(spec: string): number[] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || b > 65535 || b < a || b - a > 1000) return undefined;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Parse one entry of a service's `ports` (already interpolated). */
export function parsePort(entry: unknown): PortParse {
  if (typeof entry === 'number') return parsePort(String(entry));
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    const target = Number(e['target']);
    const published = e['published'] === undefined ? undefined : Number(e['published']);
    const protocol = (e['protocol'] ?? 'tcp') as PortMapping['protocol'];
    if (!Number.isInteger(target) || target < 1 || target > 65535) return { ok: false, message: `invalid target port ${String(e['target'])}` };
    if (published !== undefined && (!Number.isInteger(published) || published < 1 || published > 65535)) {
      return { ok: false, message: `invalid published port ${String(e['published'])}` };
    }
    return { ok: true, mappings: [{ hostIp: String(e['host_ip'] ?? ''), published, target, protocol }] };
  }
  if (typeof entry !== 'string') return { ok: false, message: `a port must be a string, number or mapping` };
  const [spec, proto = 'tcp'] = entry.split('/');
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return { ok: false, message: `unknown protocol "${proto}"` };
  // [ip:]host:container, where ip may be [v6]
  const m = /^(?:(\[[^\]]+\]|[^:]+):)??(?:([\d-]*):)?([\d-]+)$/.exec(spec ?? '');
  if (!m) return { ok: false, message: `cannot read port "${entry}"` };
  const hostIp = m[1] ?? '';
  const targets = range(m[3]!);
  const hosts = m[2] ? range(m[2]) : undefined;
  if (!targets || (m[2] && !hosts)) return { ok: false, message: `invalid port or range in "${entry}"` };
  if (hosts && hosts.length !== targets.length && hosts.length !== 1) {
    return { ok: false, message: `host and container ranges differ in length in "${entry}"` };
  }
  return {
    ok: true,
    mappings: targets.map((target, i) => ({
      hostIp,
      published: hosts ? (hosts.length === 1 ? hosts[0] : hosts[i]) : undefined,
      target,
      protocol: proto,
    })),
  };
}
