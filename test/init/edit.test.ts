/**
 * Writing the proposal keeps every other byte of the global file: without a sync section the
 * edit is one insertion (the file with the inserted range removed is the original); with one,
 * only missing keys are added and the original is still a subsequence of the result.
 */
import { diffChars } from 'diff';
import { describe, expect, it } from 'vitest';
import { insertProposal } from '../../src/init/edit.js';
import type { ProposalGroup } from '../../src/init/propose.js';
import { UserError } from '../../src/errors.js';

const group = (name: string, keys: [string, unknown][], setBy?: string[][]): ProposalGroup => ({
  name,
  keys: keys.map(([p, value]) => ({ path: p.split('.'), value })),
  setBy: setBy ?? keys.map(([p]) => p.split('.')),
  notes: [],
});
const GROUPS = [
  group('gateway_ip', [['gateway_ip', '10.0.0.12']]),
  group('portainer.url', [['portainer.url', 'http://10.0.0.101:9000']]),
  group(
    'dns',
    [
      ['dns.layout', 'hostsdir'],
      ['dns.path', '/etc/dnsmasq.hosts.d/phoenix.hosts'],
    ],
    [
      ['dns', 'layout'],
      ['dns', 'path'],
    ],
  ),
  group(
    'firewall',
    [['firewall.backend', 'pve']],
    [
      ['firewall', 'backend'],
      ['firewall', 'pve_dir'],
      ['firewall', 'nft_file'],
    ],
  ),
];
const SYNC = {
  gateway_ip: '10.0.0.12',
  portainer: { url: 'http://10.0.0.101:9000' },
  dns: { layout: 'hostsdir', path: '/etc/dnsmasq.hosts.d/phoenix.hosts' },
  firewall: { backend: 'pve' },
};

/** The one range `after` has that `before` lacks; fails unless the edit is one pure insertion. */
function insertedRange(before: string, after: string): { start: number; text: string } {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  expect(p + s, 'every byte of the original is kept').toBe(before.length);
  return { start: p, text: after.slice(p, after.length - s) };
}

// Global files in the styles the original's revisions (and hand edits) have.
const FILES: Record<string, string> = {
  'two spaces, inline objects (the example style)': `{
  "domain_name": "internal.example.net",
  "network": { "portainer_server_ip": "10.0.0.101", "external_registry_url": "registry.internal.example.net" },
  "portainer_api": { "admin_user": "admin", "admin_password": "plaintext-pw", "api_key": null }
}
`,
  'four spaces, a trailing array': `{
    "domain_name": "internal.example.net",
    "dns_server": {
        "enabled": true,
        "upstream_servers": [
            "1.1.1.1",
            "8.8.8.8"
        ]
    },
    "users": [
        { "username": "phoenix_admin", "sudo_access": true }
    ]
}`,
  'tabs and CRLF':
    '{\r\n\t"domain_name": "internal.example.net",\r\n\t"zfs": {\r\n\t\t"pools": []\r\n\t}\r\n}\r\n',
  'one line': '{"domain_name":"internal.example.net","network":{"portainer_server_ip":"10.0.0.101"}}',
  'an empty object': '{}\n',
  'unicode and escapes':
    '{\n  "description": "café ☕ \\"quoted\\" \\u00e9",\n  "nfs": { "exports": [] }\n}\n',
};

describe('a file without a sync section', () => {
  it.each(Object.entries(FILES))('%s: one insertion, every other byte kept', (_style, text) => {
    const r = insertProposal('etc/phoenix_hypervisor_config.json', text, GROUPS);
    expect(r.added.map((g) => g.name)).toEqual(['gateway_ip', 'portainer.url', 'dns', 'firewall']);
    expect(r.hadSync).toBe(false);
    const inserted = insertedRange(text, r.text);
    const value = JSON.parse(r.text) as Record<string, unknown>;
    expect(value['sync']).toEqual(SYNC);
    const { sync: _s, ...rest } = value;
    expect(rest).toEqual(JSON.parse(text));
    // The insertion speaks the file's dialect: its line endings, and its indentation.
    if (text.includes('\r\n')) expect(inserted.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    if (text.includes('\n    "')) expect(inserted.text).toMatch(/\n {4}"sync": \{\n {8}"gateway_ip"/);
    if (text.includes('\t')) expect(inserted.text).toMatch(/\r\n\t"sync": \{\r\n\t\t"gateway_ip"/);
    if (!text.includes('\n')) expect(inserted.text).not.toMatch(/\n/);
  });

  it('a second run adds nothing and changes nothing', () => {
    for (const text of Object.values(FILES)) {
      const once = insertProposal('f', text, GROUPS).text;
      const twice = insertProposal('f', once, GROUPS);
      expect(twice.added).toEqual([]);
      expect(twice.kept.map((k) => k.by)).toEqual([
        'sync.gateway_ip',
        'sync.portainer.url',
        'sync.dns.layout',
        'sync.firewall.backend',
      ]);
      expect(twice.text).toBe(once);
    }
  });
});

describe('a file with a sync section', () => {
  const withSync = `{
  "domain_name": "internal.example.net",
  "sync": {
    "owner_id": "homelab",
    "gateway_ip": "10.0.0.99",
    "dns": { "enabled": true },
    "firewall": {
      "nft_file": "/etc/nftables.d/phoenix.nft"
    },
    "portainer": {}
  },
  "zfs": { "pools": [] }
}
`;

  it("adds only missing keys, never overwrites the operator's values, keeps every byte", () => {
    const r = insertProposal('etc/phoenix_hypervisor_config.json', withSync, GROUPS);
    expect(r.hadSync).toBe(true);
    expect(r.added.map((g) => g.name)).toEqual(['portainer.url', 'dns']);
    expect(r.kept.map((k) => `${k.group.name} ${k.by}`)).toEqual([
      'gateway_ip sync.gateway_ip',
      'firewall sync.firewall.nft_file',
    ]);
    expect(diffChars(withSync, r.text).filter((p) => p.removed)).toEqual([]);
    expect((JSON.parse(r.text) as { sync: unknown }).sync).toEqual({
      owner_id: 'homelab',
      gateway_ip: '10.0.0.99',
      dns: { enabled: true, layout: 'hostsdir', path: '/etc/dnsmasq.hosts.d/phoenix.hosts' },
      firewall: { nft_file: '/etc/nftables.d/phoenix.nft' },
      portainer: { url: 'http://10.0.0.101:9000' },
    });
    // Objects written on one line grow on that line, spaced as they are.
    expect(r.text).toContain(
      `    "dns": { "enabled": true, "layout": "hostsdir", "path": "/etc/dnsmasq.hosts.d/phoenix.hosts" },\n`,
    );
    expect(r.text).toContain(`    "portainer": { "url": "http://10.0.0.101:9000" }\n  },`);
    expect(insertProposal('f', r.text, GROUPS).added).toEqual([]);
  });

  it('one key of a group set by hand keeps the whole group out (a path without its layout is not mixed in)', () => {
    const text = '{\n  "sync": {\n    "dns": { "path": "/etc/phoenix/dnsmasq.hosts" }\n  }\n}\n';
    const r = insertProposal('f', text, GROUPS);
    expect(r.kept.map((k) => k.by)).toEqual(['sync.dns.path']);
    expect((JSON.parse(r.text) as { sync: { dns: unknown } }).sync.dns).toEqual({
      path: '/etc/phoenix/dnsmasq.hosts',
    });
  });

  it.each([
    [
      'sync is not an object',
      '{\n  "a": 1,\n  "sync": []\n}\n',
      /^etc\/g\.json:3:11: "sync" must be an object$/,
    ],
    [
      'a key init adds below is not an object',
      '{\n  "sync": {\n    "dns": "hostsdir"\n  }\n}\n',
      /^etc\/g\.json:3:12: "sync\.dns" must be an object$/,
    ],
  ])('%s: a located error', (_what, text, message) => {
    let err: unknown;
    try {
      insertProposal('etc/g.json', text, [group('dns', [['dns.layout', 'hostsdir']])]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
  });
});
