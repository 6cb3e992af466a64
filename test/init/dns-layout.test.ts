/**
 * The DNS layout `phoenix init` proposes (pure): a table over dnsmasq configurations as this
 * host might have them, as the original's DNS setup and hand-made setups write them.
 */
import { describe, expect, it } from 'vitest';
import type { PathKind } from '../../src/init/dnsmasq.js';
import { proposeSync, type HostFacts } from '../../src/init/propose.js';
import { dnsHost, group, noHost, root, values } from './facts.js';

describe("dns: the layout of this host's dnsmasq", () => {
  const file = (phoenix: boolean): PathKind => ({ kind: 'file', phoenix });
  it.each<[string, HostFacts, Record<string, unknown>, RegExp]>([
    [
      'addn-hosts naming a file',
      dnsHost({ '/etc/dnsmasq.conf': 'domain-needed\naddn-hosts=/etc/phoenix/dnsmasq.hosts\n' }),
      { 'dns.layout': 'addn-hosts', 'dns.path': '/etc/phoenix/dnsmasq.hosts' },
      /addn-hosts= at \/etc\/dnsmasq\.conf:2/,
    ],
    [
      'addn-hosts naming a folder',
      dnsHost(
        { '/etc/dnsmasq.conf': 'addn-hosts=/etc/hosts.d\n' },
        { kinds: { '/etc/hosts.d': { kind: 'dir' } } },
      ),
      { 'dns.layout': 'addn-hosts', 'dns.path': '/etc/hosts.d/phoenix.hosts' },
      /hosts files in \/etc\/hosts\.d/,
    ],
    [
      'hostsdir',
      dnsHost({ '/etc/dnsmasq.conf': '# watched\nhostsdir=/var/lib/dnsmasq/hosts\n' }),
      { 'dns.layout': 'hostsdir', 'dns.path': '/var/lib/dnsmasq/hosts/phoenix.hosts' },
      /hostsdir= at \/etc\/dnsmasq\.conf:2/,
    ],
    [
      "a conf-dir with the original's address= records",
      dnsHost({
        '/etc/dnsmasq.conf': 'conf-dir=/etc/dnsmasq.d/,*.conf\n',
        '/etc/dnsmasq.d/00-phoenix-internal.conf':
          'local=/internal.example.net/\naddress=/portainer.internal.example.net/10.0.0.101\n',
      }),
      { 'dns.layout': 'dnsmasq-conf', 'dns.path': '/etc/dnsmasq.d/phoenix.conf' },
      /every file in \/etc\/dnsmasq\.d \(conf-dir= at \/etc\/dnsmasq\.conf:1\)/,
    ],
    [
      "Debian's default conf-dir, named nowhere",
      dnsHost(
        { '/etc/dnsmasq.d/phoenix-dns.conf': 'address=/n8n.internal.example.net/10.0.0.12\n' },
        { confDirs: ['/etc/dnsmasq.d'] },
      ),
      { 'dns.layout': 'dnsmasq-conf', 'dns.path': '/etc/dnsmasq.d/phoenix.conf' },
      /the distribution's default conf-dir/,
    ],
    [
      'a conf-dir that keeps only another extension',
      dnsHost({
        '/etc/dnsmasq.conf': 'conf-dir=/srv/dns,*.dnsmasq\naddress=/a.internal.example.net/10.0.0.5\n',
      }),
      { 'dns.layout': 'dnsmasq-conf', 'dns.path': '/srv/dns/phoenix.dnsmasq' },
      /\/srv\/dns/,
    ],
    [
      "a hosts file that is not Phoenix's yields to a free candidate",
      dnsHost(
        { '/etc/dnsmasq.conf': 'addn-hosts=/etc/banner_add_hosts\nhostsdir=/etc/dnsmasq.hosts.d\n' },
        { kinds: { '/etc/banner_add_hosts': file(false) } },
      ),
      { 'dns.layout': 'hostsdir', 'dns.path': '/etc/dnsmasq.hosts.d/phoenix.hosts' },
      /hostsdir=/,
    ],
    [
      "Phoenix's own hosts file is free",
      dnsHost(
        { '/etc/dnsmasq.conf': 'addn-hosts=/etc/phoenix/dnsmasq.hosts\n' },
        { kinds: { '/etc/phoenix/dnsmasq.hosts': file(true) } },
      ),
      { 'dns.layout': 'addn-hosts', 'dns.path': '/etc/phoenix/dnsmasq.hosts' },
      /addn-hosts=/,
    ],
  ])('%s', (_what, host, want, why) => {
    const g = group(proposeSync(root({}), host), 'dns');
    expect(values(g)).toEqual(want);
    expect(g.why).toMatch(why);
  });

  it("names the original's record files to remove after the first sync", () => {
    const g = group(
      proposeSync(
        root({}),
        dnsHost(
          { '/etc/dnsmasq.d/00-phoenix-internal.conf': 'address=/x.internal.example.net/10.0.0.5\n' },
          { confDirs: ['/etc/dnsmasq.d'] },
        ),
      ),
      'dns',
    );
    expect(g.notes).toEqual([
      '/etc/dnsmasq.d/00-phoenix-internal.conf also holds address= records: once phoenix sync dns has written phoenix.conf, remove that file so each name has one answer',
    ]);
  });

  it('a foreign file as the only candidate is proposed with a warning', () => {
    const g = group(
      proposeSync(
        root({}),
        dnsHost(
          { '/etc/dnsmasq.conf': 'addn-hosts=/etc/hosts.extra\n' },
          { kinds: { '/etc/hosts.extra': file(false) } },
        ),
      ),
      'dns',
    );
    expect(values(g)).toEqual({ 'dns.layout': 'addn-hosts', 'dns.path': '/etc/hosts.extra' });
    expect(g.notes.join()).toMatch(/\/etc\/hosts\.extra exists and was not written by Phoenix: .*--force/);
  });

  it.each<[string, HostFacts, RegExp]>([
    [
      'no dnsmasq configuration',
      noHost,
      /no dnsmasq configuration readable at \/etc\/dnsmasq\.conf: sync\.dns keeps its defaults/,
    ],
    [
      'a configuration that names no hosts and no records',
      dnsHost({ '/etc/dnsmasq.conf': 'conf-dir=/etc/dnsmasq.d\nport=53\n' }),
      /names no addn-hosts=, hostsdir= or address= records/,
    ],
  ])('%s: nothing proposed, a note says what to do', (_what, host, note) => {
    const g = group(proposeSync(root({}), host), 'dns');
    expect(g.keys).toEqual([]);
    expect(g.notes.join()).toMatch(note);
  });
});
