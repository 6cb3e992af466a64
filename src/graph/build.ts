/**
 * The desired state (and, with `--from-plan`, what a sync would change) as one picture: each
 * guest with its address, its stack deployments, its Portainer environment and its firewall
 * openings; the Traefik routes pointing at the deployments; the DNS names pointing at routes
 * and guests. Pure: desired state in, model out.
 */
import type { DesiredState, Guest, StackDeployment } from '../desired/types.js';
import type { Change } from '../plan/change.js';
import { hasFilters, inScope, narrow, type Filters } from '../plan/policy.js';
import {
  Ids,
  STATUS_WORDS,
  type EstateGraph,
  type GraphEdge,
  type GraphGroup,
  type GraphNode,
  type Status,
} from './model.js';
import { backendLine, policyLine, ruleLine } from './labels.js';
import { ElementStatuses, valueOf } from './statuses.js';

/** What to draw besides the desired state. */
export interface GraphOptions {
  /**
   * Narrow the picture to these VMs, stacks and environments: the deployments they select,
   * their guests, and the routes, names and firewall rules that belong to those.
   */
  filters?: Filters;
  /** Element-level changes (see statuses.ts): present means "colour by what a sync would do". */
  changes?: readonly Change[];
}

/** Build the picture of `desired`. */
export function buildGraph(desired: DesiredState, opts: GraphOptions = {}): EstateGraph {
  return new Builder(desired, opts).build();
}

class Builder {
  private readonly ids = new Ids();
  private readonly edges: GraphEdge[] = [];
  private readonly statuses: ElementStatuses;
  private readonly filters: Filters;
  private readonly filtered: boolean;
  /** A stack or environment filter: guest-level things (guest routes) are not selected by it. */
  private readonly byStack: boolean;
  /** Deployment ids drawn (desired, or deleted by the plan): routes may point at them. */
  private readonly drawn = new Set<string>();

  constructor(
    private readonly desired: DesiredState,
    private readonly opts: GraphOptions,
  ) {
    this.statuses = new ElementStatuses(opts.changes);
    this.filters = opts.filters ?? {};
    this.filtered = hasFilters(this.filters);
    this.byStack = Boolean(this.filters.stack?.length || this.filters.env?.length);
  }

  build(): EstateGraph {
    const d = this.desired;
    const deployments = narrow(d, this.filters).deployments;
    const guests = this.shownGuests(deployments.map((x) => x.vmid));
    const addressOf = new Map<number, string>();
    for (const g of guests) addressOf.set(g.id, this.ids.of('addr', String(g.id)));
    const gone: GraphNode[] = [];

    const onGuest = new Map<number, StackDeployment[]>();
    for (const x of deployments) onGuest.set(x.vmid, [...(onGuest.get(x.vmid) ?? []), x]);
    const guestGroups = guests.map((g) => this.guestGroup(g, addressOf.get(g.id)!, onGuest.get(g.id) ?? []));
    // Deployments a sync would delete: drawn on their guest, else with the rest that goes.
    const known = new Set(d.deployments.map((x) => x.id));
    for (const c of this.statuses.gone('stack', (id) => known.has(id))) {
      const [vm = '', name = c.id] = c.id.split('/');
      const value = valueOf(c) as { stack?: string; environment?: string };
      if (!inScope(this.filters, Number(vm), value.stack, value.environment)) continue;
      const node = this.node('dep', c.id, 'deployment', [name], c.status);
      this.drawn.add(c.id);
      const home = guestGroups.find((grp) => grp.guest === Number(vm));
      if (home) {
        home.group.nodes.push(node);
        this.edge(addressOf.get(Number(vm))!, node.id);
      } else gone.push({ ...node, lines: [`${name} (vm ${vm})`] });
    }

    const routes = this.routeGroup(addressOf);
    const names = this.nameGroup(routes.hostIndex, guests, addressOf, gone);
    const groups: GraphGroup[] = [names.group, routes.group, ...guestGroups.map((x) => x.group)];
    if (!this.filtered) groups.push(this.hostGroup(gone));
    if (names.outside.nodes.length) groups.push(names.outside);
    if (gone.length)
      groups.push({ id: this.ids.of('grp', 'gone'), title: 'no longer in the config', nodes: gone });
    if (this.opts.changes) groups.push(this.legend());
    return {
      title: `Estate of ${d.domain}${this.opts.changes ? ': what a sync would change' : ''}`,
      groups: groups.filter((g) => g.nodes.length > 0),
      edges: this.edges,
      fromPlan: Boolean(this.opts.changes),
    };
  }

  /** Guests the filters select: named by --vm, else those running a selected deployment. */
  private shownGuests(vmids: number[]): Guest[] {
    const { vm } = this.filters;
    if (vm?.length) return this.desired.guests.filter((g) => vm.includes(g.id));
    if (this.byStack) return this.desired.guests.filter((g) => vmids.includes(g.id));
    return this.desired.guests;
  }

  private guestGroup(
    g: Guest,
    address: string,
    deployments: readonly StackDeployment[],
  ): { guest: number; group: GraphGroup } {
    const d = this.desired;
    const nodes: GraphNode[] = [
      { id: address, kind: 'address', lines: [g.ip ?? 'DHCP (no static address)'] },
    ];
    for (const x of deployments) {
      this.drawn.add(x.id);
      const node = this.node(
        'dep',
        x.id,
        'deployment',
        [`${x.stack} · ${x.environment}`],
        this.status('stack', x.id),
      );
      nodes.push(node);
      this.edge(address, node.id);
    }
    for (const e of d.environments.filter((e) => e.vmid === g.id)) {
      const node = this.node(
        'env',
        e.name,
        'environment',
        ['Portainer environment', e.name],
        this.status('environment', e.name),
      );
      nodes.push(node);
      this.edge(address, node.id, 'dashed');
    }
    const fw = d.firewall.guests.find((x) => x.guest.id === g.id);
    if (fw) {
      const node = this.node(
        'fw',
        String(g.id),
        'firewall',
        [policyLine('firewall', fw.policy), ...fw.rules.map(ruleLine)],
        this.status('firewall-ruleset', String(g.id)),
      );
      nodes.push(node);
      this.edge(address, node.id, 'dashed');
    }
    return {
      guest: g.id,
      group: { id: this.ids.of('grp', `guest-${g.id}`), title: `${g.kind} ${g.id} · ${g.name}`, nodes },
    };
  }

  private routeGroup(addressOf: ReadonlyMap<number, string>): {
    group: GraphGroup;
    hostIndex: Map<string, string[]>;
  } {
    const d = this.desired;
    const services = new Map(d.routes.services.map((s) => [`${s.protocol ?? 'http'}/${s.name}`, s]));
    const nodes: GraphNode[] = [];
    const hostIndex = new Map<string, string[]>();
    const target = (origin: string | undefined): string | undefined => {
      if (!origin) return undefined;
      const guest = /^guest:(\d+)$/.exec(origin);
      if (guest) return addressOf.get(Number(guest[1]));
      return this.drawn.has(origin) ? this.ids.of('dep', origin) : undefined;
    };
    const add = (
      key: string,
      hosts: string[],
      lines: string[],
      status: Status | undefined,
      origin?: string,
    ) => {
      const node = this.node('route', key, 'route', lines, status);
      nodes.push(node);
      for (const h of hosts) hostIndex.set(h, [...(hostIndex.get(h) ?? []), node.id]);
      const to = target(origin);
      if (to) this.edge(node.id, to);
    };
    for (const r of d.routes.routers) {
      const guestRoute = r.origin.startsWith('guest:');
      const shown = guestRoute
        ? !this.byStack && addressOf.has(Number(r.origin.slice(6)))
        : this.drawn.has(r.origin);
      if (!shown) continue;
      const svc = services.get(`${r.protocol ?? 'http'}/${r.service}`);
      add(
        `${r.protocol ?? 'http'}/${r.name}`,
        r.hosts,
        [r.hosts.join(', ') || r.rule, backendLine(svc?.urls ?? [r.service], r.protocol)],
        this.status('route', r.name, r.protocol),
        r.origin,
      );
    }
    if (!this.filtered) {
      const present = new Set(d.routes.routers.map((r) => `${r.protocol ?? 'http'}/${r.name}`));
      for (const c of this.statuses.gone('route', (id, p) => present.has(`${p ?? 'http'}/${id}`))) {
        const v = valueOf(c);
        const hosts = v.hosts ?? [];
        add(
          `${v.protocol ?? 'http'}/${c.id}`,
          hosts,
          [hosts.join(', ') || v.rule || c.id, backendLine(v.urls ?? [], v.protocol)],
          c.status,
          v.origin,
        );
      }
    }
    const gateway = d.settings.gateway_ip;
    const title = `Traefik routes${gateway ? ` · gateway ${gateway}` : ''}`;
    return { group: { id: this.ids.of('grp', 'routes'), title, nodes }, hostIndex };
  }

  private nameGroup(
    hostIndex: ReadonlyMap<string, string[]>,
    guests: readonly Guest[],
    addressOf: ReadonlyMap<number, string>,
    gone: GraphNode[],
  ): { group: GraphGroup; outside: GraphGroup } {
    const d = this.desired;
    const nodes: GraphNode[] = [];
    const outside: GraphGroup = { id: this.ids.of('grp', 'outside'), title: 'not a guest', nodes: [] };
    const byIp = new Map(guests.filter((g) => g.ip).map((g) => [g.ip!, addressOf.get(g.id)!]));
    const add = (name: string, ip: string, why: string | undefined, status: Status | undefined) => {
      // A route's name points at the gateway; what it serves is the route.
      const targets = why === 'guest' || why === 'agent' ? [] : [...(hostIndex.get(name) ?? [])];
      const routed = why === 'route' && this.filtered;
      if (targets.length === 0 && byIp.has(ip) && !routed) targets.push(byIp.get(ip)!);
      if (targets.length === 0) {
        // Filtered pictures keep only the names that point at what they show.
        if (this.filtered) return;
        const id = this.ids.of('ip', ip);
        if (!outside.nodes.some((n) => n.id === id)) outside.nodes.push({ id, kind: 'address', lines: [ip] });
        targets.push(id);
      }
      const node = this.node('dns', name, 'name', [name], status);
      nodes.push(node);
      for (const t of targets) this.edge(node.id, t);
    };
    for (const r of d.dns) add(r.name, r.ip, r.why, this.status('dns-record', r.name));
    if (!this.filtered) {
      const present = new Set(d.dns.map((r) => r.name));
      for (const c of this.statuses.gone('dns-record', (id) => present.has(id))) {
        const ip = valueOf(c).ip;
        if (ip) add(c.id, ip, undefined, c.status);
        else gone.push(this.node('dns', c.id, 'name', [c.id], c.status));
      }
    }
    return { group: { id: this.ids.of('grp', 'names'), title: `DNS · ${d.domain}`, nodes }, outside };
  }

  /** The cluster-wide firewall, and guests' rulesets whose guest left the config. */
  private hostGroup(gone: GraphNode[]): GraphGroup {
    const c = this.desired.firewall.cluster;
    const node = this.node(
      'fw',
      'cluster',
      'firewall',
      [policyLine('host firewall', c.policy), ...c.rules.map(ruleLine)],
      this.status('firewall-ruleset', 'cluster'),
    );
    const guests = new Set(this.desired.firewall.guests.map((g) => String(g.guest.id)));
    for (const x of this.statuses.gone('firewall-ruleset', (id) => id === 'cluster' || guests.has(id)))
      gone.push(this.node('fw', x.id, 'firewall', [`firewall of guest ${x.id}`], x.status));
    return { id: this.ids.of('grp', 'host'), title: 'Proxmox host', nodes: [node] };
  }

  private legend(): GraphGroup {
    const nodes = (['create', 'update', 'delete', 'held'] as const).map((s) =>
      this.node('legend', s, 'legend', [STATUS_WORDS[s]], s),
    );
    nodes.push(this.node('legend', 'same', 'legend', ['unchanged'], undefined));
    return { id: this.ids.of('grp', 'legend'), title: 'legend', nodes };
  }

  private status(kind: string, id: string, protocol?: 'tcp'): Status | undefined {
    return this.opts.changes ? this.statuses.status(kind, id, protocol) : undefined;
  }

  private node(
    prefix: string,
    key: string,
    kind: GraphNode['kind'],
    lines: string[],
    status?: Status,
  ): GraphNode {
    return { id: this.ids.of(prefix, key), kind, lines, ...(status ? { status } : {}) };
  }

  private edge(from: string, to: string, style: GraphEdge['style'] = 'solid'): void {
    this.edges.push({ from, to, style });
  }
}
