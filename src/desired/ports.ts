/**
 * Published ports of a compose service, short and long syntax, after interpolation.
 * Only host-published ports matter: a central Traefik reaches a stack through them.
 */
import { isIpAddress } from '../util/net.js';

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
    if (!Number.isInteger(target) || target < 1 || target > 65535)
      return { ok: false, message: `invalid target port ${String(e['target'])}` };
    if (published !== undefined && (!Number.isInteger(published) || published < 1 || published > 65535)) {
      return { ok: false, message: `invalid published port ${String(e['published'])}` };
    }
    const hostIp = String(e['host_ip'] ?? '');
    if (hostIp && !isIpAddress(hostIp))
      return { ok: false, message: `host_ip "${hostIp}" is not an IP address` };
    if (!['tcp', 'udp', 'sctp'].includes(protocol))
      return { ok: false, message: `unknown protocol "${String(protocol)}"` };
    return { ok: true, mappings: [{ hostIp, published, target, protocol }] };
  }
  if (typeof entry !== 'string') return { ok: false, message: `a port must be a string, number or mapping` };
  const [spec = '', proto = 'tcp', extra] = entry.split('/');
  if (extra !== undefined || (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp')) {
    return { ok: false, message: `unknown protocol "${entry.slice(spec.length + 1)}" in "${entry}"` };
  }
  const parts = splitShort(spec);
  if (!parts) return { ok: false, message: `cannot read port "${entry}"` };
  const { hostIp, host, container } = parts;
  if (hostIp && !isIpAddress(hostIp))
    return { ok: false, message: `"${hostIp}" in "${entry}" is not an IP address` };
  const targets = range(container);
  const hosts = host ? range(host) : undefined;
  if (!targets || (host && !hosts)) return { ok: false, message: `invalid port or range in "${entry}"` };
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

/**
 * Split the short syntax `[[IP:]HOST:]CONTAINER`. IP may be `[v6]` or a bare IPv6 address
 * (`::1:8080:80`); HOST may be empty only after an IP (`127.0.0.1::80`: Docker picks it).
 */
function splitShort(spec: string): { hostIp: string; host: string; container: string } | undefined {
  let hostIp = '';
  let rest = spec;
  if (spec.startsWith('[')) {
    const close = spec.indexOf(']:');
    if (close < 0) return undefined;
    hostIp = spec.slice(1, close);
    rest = spec.slice(close + 2);
  }
  const parts = rest.split(':');
  if (hostIp && parts.length !== 2) return undefined;
  if (parts.length === 1) return { hostIp, host: '', container: parts[0]! };
  if (parts.length === 2)
    return parts[0] || hostIp ? { hostIp, host: parts[0]!, container: parts[1]! } : undefined;
  return { hostIp: parts.slice(0, -2).join(':'), host: parts.at(-2)!, container: parts.at(-1)! };
}
