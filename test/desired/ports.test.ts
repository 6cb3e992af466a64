import { describe, expect, it } from 'vitest';
import { parsePort, type PortMapping } from '../../src/desired/ports.js';

const m = (target: number, published?: number, extra: Partial<PortMapping> = {}): PortMapping => ({
  hostIp: '',
  published,
  target,
  protocol: 'tcp',
  ...extra,
});

describe('parsePort: valid entries', () => {
  it.each([
    ['container only', '80', [m(80)]],
    ['a number', 8080, [m(8080)]],
    ['host:container', '8080:80', [m(80, 8080)]],
    ['udp', '53:53/udp', [m(53, 53, { protocol: 'udp' })]],
    ['sctp', '9000:9000/sctp', [m(9000, 9000, { protocol: 'sctp' })]],
    ['bound to an IPv4 address', '127.0.0.1:8080:80', [m(80, 8080, { hostIp: '127.0.0.1' })]],
    [
      'bound to an address, host port chosen by Docker',
      '127.0.0.1::80',
      [m(80, undefined, { hostIp: '127.0.0.1' })],
    ],
    ['bound to a bracketed IPv6 address', '[::1]:8080:80', [m(80, 8080, { hostIp: '::1' })]],
    ['bound to a bare IPv6 address', '::1:8080:80', [m(80, 8080, { hostIp: '::1' })]],
    ['ranges of equal length', '8000-8002:9000-9002', [m(9000, 8000), m(9001, 8001), m(9002, 8002)]],
    ['container range', '9090-9091', [m(9090), m(9091)]],
    ['one host port for a range', '8080:80-81', [m(80, 8080), m(81, 8080)]],
    ['long syntax', { target: 80, published: 8080, protocol: 'tcp' }, [m(80, 8080)]],
    ['long syntax, published as a string', { target: 80, published: '8080' }, [m(80, 8080)]],
    [
      'long syntax, udp and host_ip',
      { target: 53, published: 53, protocol: 'udp', host_ip: '10.0.0.1' },
      [m(53, 53, { protocol: 'udp', hostIp: '10.0.0.1' })],
    ],
    ['long syntax, not published', { target: 3000 }, [m(3000)]],
  ])('%s', (_name, entry, mappings) => {
    expect(parsePort(entry)).toEqual({ ok: true, mappings });
  });
});

describe('parsePort: invalid entries', () => {
  it.each([
    ['letters', 'http', /cannot read port|invalid port/],
    ['port 0', '0:80', /invalid port or range/],
    ['port above 65535', '5678:70000', /invalid port or range/],
    ['unknown protocol', '80:80/icmp', /unknown protocol "icmp"/],
    ['two protocols', '80:80/tcp/udp', /unknown protocol/],
    ['empty host port without an address', ':80', /cannot read port/],
    ['a name instead of an address', 'localhost:8080:80', /"localhost" .* is not an IP address/],
    ['a bad address', '10.0.0.300:8080:80', /is not an IP address/],
    ['a host name alone', 'canary:80', /invalid port or range/],
    ['ranges of different length', '8000-8002:9000-9001', /differ in length/],
    ['reversed range', '9002-9000', /invalid port or range/],
    ['long syntax, bad target', { target: 'x' }, /invalid target port/],
    ['long syntax, bad published', { target: 80, published: 0 }, /invalid published port/],
    [
      'long syntax, bad host_ip',
      { target: 80, published: 80, host_ip: 'localhost' },
      /host_ip "localhost" is not an IP address/,
    ],
    ['long syntax, bad protocol', { target: 80, protocol: 'icmp' }, /unknown protocol/],
    ['a boolean', true, /must be a string, number or mapping/],
    ['null', null, /must be a string, number or mapping/],
  ])('%s', (_name, entry, message) => {
    const r = parsePort(entry);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
