import { describe, expect, it } from 'vitest';
import {
  explainRecords,
  normaliseRecords,
  parseHosts,
  renderDnsmasqConf,
  renderHosts,
} from '../../src/providers/dns/render.js';
import { renderDnsFile } from '../../src/providers/dns/provider.js';
import { desired, exampleDesired, here, settings } from '../files/fixture.js';

const records = [
  { name: 'Traefik.lab.test', ip: '10.0.0.10' },
  { name: 'grafana.lab.test', ip: '10.0.0.10' },
  { name: 'portainer.lab.test', ip: '10.0.0.101' },
  { name: 'grafana.lab.test', ip: '10.0.0.10' },
];

describe('dnsmasq rendering', () => {
  it('normalises: lower case, sorted by name, duplicates merged', () => {
    expect(normaliseRecords(records).map((r) => r.name)).toEqual([
      'grafana.lab.test',
      'portainer.lab.test',
      'traefik.lab.test',
    ]);
  });

  it('dnsmasq-conf: local domain, upstreams, then one address= line per name', () => {
    expect(renderDnsmasqConf(records, { domain: 'Lab.Test', upstreams: ['1.1.1.1', '9.9.9.9#53'] })).toBe(
      [
        'local=/lab.test/',
        'server=1.1.1.1',
        'server=9.9.9.9#53',
        'address=/grafana.lab.test/10.0.0.10',
        'address=/portainer.lab.test/10.0.0.101',
        'address=/traefik.lab.test/10.0.0.10',
        '',
      ].join('\n'),
    );
    expect(renderDnsmasqConf([], { domain: '', upstreams: [] })).toBe('');
  });

  it('hosts layouts: `ip name`, one per line', () => {
    expect(renderHosts(records)).toBe(
      '10.0.0.10 grafana.lab.test\n10.0.0.101 portainer.lab.test\n10.0.0.10 traefik.lab.test\n',
    );
  });

  it('the whole file starts with the ownership header (golden)', async () => {
    const dns = records.map((r) => ({ ...r, why: 'guest' as const, origin: 'explicit', source: here }));
    const conf = desired({
      dns,
      settings: settings({ dns: { layout: 'dnsmasq-conf', path: '/etc/dnsmasq.d/phoenix.conf' } }),
    });
    await expect(renderDnsFile(conf, ['1.1.1.1'])).toMatchFileSnapshot('../fixtures/golden/dns/phoenix.conf');
    await expect(renderDnsFile(desired({ dns }), ['1.1.1.1'])).toMatchFileSnapshot(
      '../fixtures/golden/dns/phoenix.hosts',
    );
  });
});

describe('hosts parser (the validator of the hosts layouts)', () => {
  it.each([
    ['valid v4 and v6, several names, comments', '# c\n10.0.0.1 a.lab b.lab # x\n\nfd00::1 c.lab\n', []],
    ['bad address', '10.0.0.300 a.lab\n', ['line 1: "10.0.0.300" is not an IP address']],
    ['no name', '10.0.0.1\n', ['line 1: no host name after 10.0.0.1']],
    [
      'bad name',
      '10.0.0.1 a..lab\n10.0.0.2 -x.lab\n',
      ['line 1: "a..lab" is not a valid host name', 'line 2: "-x.lab" is not a valid host name'],
    ],
    [
      'name first',
      'a.lab 10.0.0.1\n',
      ['line 1: "a.lab" is not an IP address', 'line 1: "10.0.0.1" is not a valid host name'],
    ],
  ])('%s', (_n, content, problems) => {
    expect(parseHosts(content).problems.map((p) => `line ${p.line}: ${p.message}`)).toEqual(problems);
  });

  it('reads the entries back', () => {
    expect(parseHosts(renderHosts(records)).entries).toEqual(normaliseRecords(records));
  });
});

describe('explaining a DNS change', () => {
  it('lists added, changed and removed names', () => {
    expect(
      explainRecords(
        [
          { name: 'a', ip: '1.1.1.1' },
          { name: 'b', ip: '2.2.2.3' },
        ],
        [
          { name: 'b', ip: '2.2.2.2' },
          { name: 'c', ip: '3.3.3.3' },
        ],
      ),
    ).toBe('records: +a → 1.1.1.1, ~b → 2.2.2.3, -c');
    expect(explainRecords([{ name: 'a', ip: '1' }], [{ name: 'a', ip: '1' }])).toBeUndefined();
  });
});

describe('the example estate', () => {
  it('renders both layouts with every derived record (golden)', async () => {
    const d = exampleDesired();
    const hosts = renderDnsFile(d, d.dnsServer.upstreams);
    expect(parseHosts(hosts).problems).toEqual([]);
    expect(parseHosts(hosts).entries).toEqual(normaliseRecords(d.dns));
    await expect(hosts).toMatchFileSnapshot('../fixtures/golden/dns/homelab.hosts');
    const conf = {
      ...d,
      settings: { ...d.settings, dns: { ...d.settings.dns, layout: 'dnsmasq-conf' as const } },
    };
    await expect(renderDnsFile(conf, d.dnsServer.upstreams)).toMatchFileSnapshot(
      '../fixtures/golden/dns/homelab.conf',
    );
  });
});
