/**
 * A live plan speaks in whole files (the DNS file, the Traefik file, the firewall files); the
 * picture speaks in elements (a name, a route, a guest's ruleset). This splits each file
 * change into the changes of its elements by reading the file's before and after content
 * with the parsers of its own provider, so the graph colours exactly what would change.
 * Stacks and Portainer environments are elements already.
 */
import { basename } from 'node:path';
import { stripHeader } from '../providers/files/index.js';
import { parseConfRecords, parseHosts } from '../providers/dns/render.js';
import { PVE_FILE_KIND, vmidOf } from '../providers/firewall/pve-plan.js';
import { NFT_TABLE_KIND } from '../providers/firewall/nft-provider.js';
import { emptyEntries, parseLive, type RouteEntries } from '../providers/traefik/render.js';
import type { Action, Change } from '../plan/change.js';
import type { GoneValue } from '../graph/index.js';

type Element = Omit<Change, 'stage' | 'label'>;

/** Element-level changes for the graph (see src/graph/statuses.ts) from a live plan's changes. */
export function elementChanges(changes: readonly Change[]): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    const add = (elements: Element[]) =>
      out.push(
        ...elements.map((e) => ({
          ...e,
          stage: c.stage,
          label: `${e.kind} ${e.id}`,
          ...(c.blocked ? { blocked: c.blocked } : {}),
        })),
      );
    if (c.kind === 'stack' || c.kind === 'environment') out.push(c);
    else if (c.kind === 'dns-file') add(split(c, dnsRecords, 'dns-record', (ip) => ({ ip })));
    else if (c.kind === 'traefik-file') add(routeElements(c));
    else if (c.kind === PVE_FILE_KIND) add(pveElement(c));
    else if (c.kind === NFT_TABLE_KIND) add(split(c, nftRulesets, 'firewall-ruleset', () => ({})));
    // The nft file follows the table (the live table is the truth); other kinds are not drawn.
  }
  return out;
}

/** Compare the keyed parts (strings) of a file's before and after content. */
function split(
  c: Change,
  parts: (content: string) => Map<string, string>,
  kind: string,
  value: (v: string) => GoneValue,
): Element[] {
  const before = typeof c.before === 'string' ? parts(c.before) : new Map<string, string>();
  const after = typeof c.after === 'string' ? parts(c.after) : new Map<string, string>();
  const out: Element[] = [];
  const push = (id: string, action: Action, b?: string, a?: string) =>
    out.push({
      kind,
      id,
      action,
      ...(b !== undefined ? { before: value(b) } : {}),
      ...(a !== undefined ? { after: value(a) } : {}),
    });
  for (const [id, a] of after) {
    const b = before.get(id);
    push(id, b === undefined ? 'create' : a === b ? 'noop' : 'update', b, a);
  }
  for (const [id, b] of before) if (!after.has(id)) push(id, 'delete', b);
  return out;
}

/** name → address of the records of a DNS file, whichever layout it is in. */
function dnsRecords(content: string): Map<string, string> {
  const body = stripHeader(content);
  const conf = parseConfRecords(body);
  const records = conf.length > 0 ? conf : parseHosts(body).entries;
  return new Map(records.map((r) => [r.name, r.ip]));
}

/** Each router of the Traefik file, with the service it uses: a route changes when either does. */
function routeElements(c: Change): Element[] {
  const read = (v: unknown): RouteEntries => {
    if (typeof v !== 'string') return emptyEntries();
    try {
      return parseLive(v);
    } catch {
      return emptyEntries();
    }
  };
  const b = read(c.before);
  const a = read(c.after);
  const out: Element[] = [];
  for (const [routers, services, protocol] of [
    ['routers', 'services', undefined],
    ['tcpRouters', 'tcpServices', 'tcp'],
  ] as const) {
    const routesOf = (e: RouteEntries) =>
      new Map(
        [...e[routers]].map(([name, r]) => {
          const svc = e[services].get(r.value.service);
          return [name, { router: r, service: svc }] as const;
        }),
      );
    const picture = (e: ReturnType<typeof routesOf> extends Map<string, infer V> ? V : never): GoneValue => {
      const rule = e.router.value.rule;
      const svc = e.service?.value as { loadBalancer?: { servers?: { url?: string; address?: string }[] } };
      const urls = (svc?.loadBalancer?.servers ?? []).map((s) => s.url ?? s.address ?? '').filter(Boolean);
      return {
        rule,
        hosts: hostsOf(rule),
        urls,
        ...(e.router.origin ? { origin: e.router.origin } : {}),
        ...(protocol ? { protocol } : {}),
      };
    };
    const same = (x: { router: { value: unknown }; service?: { value: unknown } }, y: typeof x) =>
      JSON.stringify([x.router.value, x.service?.value]) ===
      JSON.stringify([y.router.value, y.service?.value]);
    const before = routesOf(b);
    const after = routesOf(a);
    for (const [name, x] of after) {
      const y = before.get(name);
      const action: Action = !y ? 'create' : same(x, y) ? 'noop' : 'update';
      out.push({ kind: 'route', id: name, action, after: picture(x), ...(y ? { before: picture(y) } : {}) });
    }
    for (const [name, y] of before)
      if (!after.has(name)) out.push({ kind: 'route', id: name, action: 'delete', before: picture(y) });
  }
  return out;
}

/** The values of `Host(...)` and `HostSNI(...)` matchers in a rule (for drawing a deleted route). */
export function hostsOf(rule: string): string[] {
  const hosts: string[] = [];
  for (const m of rule.matchAll(/Host(?:SNI)?\(([^)]*)\)/g))
    for (const h of (m[1] ?? '').matchAll(/`([^`]*)`/g)) if (h[1] && h[1] !== '*') hosts.push(h[1]);
  return hosts;
}

/** A PVE firewall file is one ruleset: a guest's (`<vmid>.fw`) or the host's (`cluster.fw`). */
function pveElement(c: Change): Element[] {
  const vmid = vmidOf(c.id);
  const id = vmid !== undefined ? String(vmid) : basename(c.id) === 'cluster.fw' ? 'cluster' : undefined;
  return id ? [{ kind: 'firewall-ruleset', id, action: c.action }] : [];
}

/** The chains of an nftables listing by ruleset: `guest_<vmid>_*` are a guest's, the rest the host's. */
function nftRulesets(listing: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of listing.matchAll(/^\s*chain (\S+) \{\n([\s\S]*?)^\s*\}$/gm)) {
    const guest = /^guest_(\d+)_(?:in|out)$/.exec(m[1] ?? '');
    const id = guest ? guest[1]! : 'cluster';
    out.set(id, `${out.get(id) ?? ''}${m[1]}\n${(m[2] ?? '').replace(/[ \t]+/g, ' ').trim()}\n`);
  }
  return out;
}
