/** Small pure checks for addresses (IPv4/IPv6 via node:net). */
import { isIP } from 'node:net';

/** Is `s` an IPv4 or IPv6 address? */
export function isIpAddress(s: string): boolean {
  return isIP(s) !== 0;
}

/** Split `ip/prefix`; undefined when either part is invalid. */
export function parseCidr(s: string): { ip: string; prefix: number } | undefined {
  const [ip, prefix, extra] = s.split('/');
  if (extra !== undefined || !ip || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return undefined;
  const family = isIP(ip);
  const p = Number(prefix);
  if (family === 0 || p > (family === 4 ? 32 : 128)) return undefined;
  return { ip, prefix: p };
}

/** A DNS host name (labels of letters, digits and hyphens). */
export function isHostname(s: string): boolean {
  return (
    s.length <= 253 &&
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(s)
  );
}
