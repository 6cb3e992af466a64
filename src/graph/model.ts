/**
 * The estate as a picture, before it is written in any notation: groups (one per guest, the
 * DNS names, the Traefik routes, the host firewall), their nodes, and the edges between them.
 * Both renderers (Mermaid, Graphviz DOT) walk this one model, so they always draw the same thing.
 */

/** What a sync would do to the element a node stands for; absent: nothing (or no plan asked). */
export type Status = 'create' | 'update' | 'delete' | 'held';

/** What a node stands for; renderers pick a shape per kind. */
export type NodeKind = 'name' | 'route' | 'deployment' | 'address' | 'firewall' | 'environment' | 'legend';

/** One box of the picture. */
export interface GraphNode {
  /** A safe identifier in both notations (letters, digits, `_`), unique in the graph. */
  id: string;
  kind: NodeKind;
  /** Lines of the label, in reading order. */
  lines: string[];
  status?: Status;
}

/** A group of nodes drawn together (a Mermaid subgraph, a DOT cluster). */
export interface GraphGroup {
  id: string;
  title: string;
  nodes: GraphNode[];
}

/** `solid`: points at, runs on. `dashed`: belongs to (a guest's firewall, its Portainer environment). */
export interface GraphEdge {
  from: string;
  to: string;
  style: 'solid' | 'dashed';
}

/** The whole picture. */
export interface EstateGraph {
  /** One line for the top of the picture (the domain, and whether statuses come from a plan). */
  title: string;
  groups: GraphGroup[];
  edges: GraphEdge[];
  /** Statuses were asked for (`--from-plan`): renderers add the colours and a legend. */
  fromPlan: boolean;
}

/** The mark a label starts with per status (the plan's own marks), so colour is never the only cue. */
export const STATUS_MARK: Record<Status, string> = {
  create: '+',
  update: '~',
  delete: '-',
  held: '!',
};

/** Words for the legend. */
export const STATUS_WORDS: Record<Status, string> = {
  create: 'to create',
  update: 'to change',
  delete: 'to delete',
  held: 'held back (not applied)',
};

/** Fill, stroke and text colours per status, shared by both notations. */
export const STATUS_COLOURS: Record<Status, { fill: string; stroke: string; text: string; dashed: boolean }> =
  {
    create: { fill: '#e6f4ea', stroke: '#1e8e3e', text: '#0d652d', dashed: false },
    update: { fill: '#fef7e0', stroke: '#e37400', text: '#7a4100', dashed: false },
    delete: { fill: '#fce8e6', stroke: '#d93025', text: '#a50e0e', dashed: true },
    held: { fill: '#f1f3f4', stroke: '#80868b', text: '#3c4043', dashed: true },
  };

/** The label lines with the status mark in front of the first one. */
export function markedLines(node: GraphNode): string[] {
  if (!node.status) return node.lines;
  const [first = '', ...rest] = node.lines;
  return [`${STATUS_MARK[node.status]} ${first}`, ...rest];
}

/** Hands out identifiers safe in both notations, the same ones for the same inputs. */
export class Ids {
  private readonly taken = new Map<string, string>();
  private readonly used = new Set<string>();

  /** The identifier of `key` (e.g. `dep:1002/qdrant-production`), made on first use. */
  of(prefix: string, key: string): string {
    const full = `${prefix}:${key}`;
    const known = this.taken.get(full);
    if (known) return known;
    const base = `${prefix}_${key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
    let id = base;
    // Two keys that differ only in punctuation (`a-b`, `a.b`) must not share a node.
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.taken.set(full, id);
    this.used.add(id);
    return id;
  }
}
