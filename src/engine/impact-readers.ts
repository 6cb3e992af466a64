/**
 * The readers plan/impact.ts classifies file changes with: each reads one facet of a target's
 * file (DNS names, Traefik routers, what a firewall lets in) with that target's own parser.
 */
import { parse } from 'yaml';
import { parseConfRecords, parseHosts } from '../providers/dns/render.js';
import { stripHeader } from '../providers/files/index.js';
import { NFT_FILE_KIND, NFT_TABLE_KIND } from '../providers/firewall/nft-provider.js';
import { parsePveFile, parsePveRule } from '../providers/firewall/pve-parse.js';
import { PVE_FILE_KIND } from '../providers/firewall/pve-plan.js';
import type { ContentReader, ImpactReaders } from '../plan/impact.js';

/** The names a DNS file serves, whichever layout it is in. */
const dnsNames: ContentReader = {
  facet: 'names',
  read: (content) => {
    const body = stripHeader(content);
    const conf = parseConfRecords(body);
    return new Set((conf.length > 0 ? conf : parseHosts(body).entries).map((r) => r.name));
  },
};

/**
 * The routers of a Traefik file (HTTP and TCP routers are separate sections). Parsed without
 * the duplicate-key check, which is quadratic in a section's size (5,000 routers at scale).
 */
const traefikRoutes: ContentReader = {
  facet: 'routes',
  read: (content) => {
    const keys = new Set<string>();
    let doc: unknown;
    try {
      doc = parse(content, { uniqueKeys: false });
    } catch {
      return keys;
    }
    for (const protocol of ['http', 'tcp'] as const) {
      const routers = (doc as Record<string, { routers?: unknown } | undefined> | null)?.[protocol]?.routers;
      if (routers && typeof routers === 'object')
        for (const n of Object.keys(routers)) keys.add(`${protocol}/${n}`);
    }
    return keys;
  },
};

/**
 * What a PVE firewall file lets in: its enabled inbound rules that accept (`ACCEPT` or a
 * macro such as `SSH(ACCEPT)`), without their comments, an inbound policy of ACCEPT, and the
 * firewall turned off (`enable: 0` lets everything in).
 */
const pveIngress: ContentReader = {
  facet: 'ingress',
  read: (content) => {
    const keys = new Set<string>();
    for (const l of parsePveFile(content).lines) {
      if (l.kind === 'option' && l.option) {
        const { key, value } = l.option;
        if (key === 'policy_in' && value.toUpperCase() === 'ACCEPT') keys.add('policy_in: ACCEPT');
        if (key === 'enable' && value.trim() === '0') keys.add('enable: 0');
      } else if (l.kind === 'rule') {
        const r = parsePveRule(l.text);
        if (!r || !r.enabled || r.type !== 'IN' || !/ACCEPT/i.test(r.action)) continue;
        const { comment: _comment, ...rule } = r;
        keys.add(JSON.stringify(Object.entries(rule).sort(([a], [b]) => a.localeCompare(b))));
      }
    }
    return keys;
  },
};

/**
 * What an nftables table lets in: the accepting lines (policies included) of its input chain
 * and of the guests' inbound chains, whitespace and comments aside.
 */
const nftIngress: ContentReader = {
  facet: 'ingress',
  read: (content) => {
    const keys = new Set<string>();
    for (const m of content.matchAll(/^\s*chain (\S+) \{\n([\s\S]*?)^\s*\}$/gm)) {
      const chain = m[1] ?? '';
      if (chain !== 'input' && !/^guest_\d+_in$/.test(chain)) continue;
      for (const line of (m[2] ?? '').split('\n')) {
        const rule = line
          .replace(/comment "(?:[^"\\]|\\.)*"/g, '')
          .replace(/\s+/g, ' ')
          .trim();
        if (/\baccept\b/.test(rule)) keys.add(`${chain}: ${rule}`);
      }
    }
    return keys;
  },
};

/** Readers by change kind. */
export const IMPACT_READERS: ImpactReaders = {
  'dns-file': dnsNames,
  'traefik-file': traefikRoutes,
  [PVE_FILE_KIND]: pveIngress,
  [NFT_TABLE_KIND]: nftIngress,
  [NFT_FILE_KIND]: nftIngress,
};
