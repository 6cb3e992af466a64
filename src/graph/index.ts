/**
 * `phoenix graph`'s pure core: the desired state (and optionally what a plan would change)
 * in, the picture as text out. Laying out SVG needs Graphviz, a program: that is the engine's.
 */
import type { DesiredState } from '../desired/types.js';
import { buildGraph, type GraphOptions } from './build.js';
import { renderDot } from './dot.js';
import { renderMermaid } from './mermaid.js';

export { buildGraph, type GraphOptions } from './build.js';
export { type GoneValue } from './statuses.js';

/** The notations Phoenix writes itself (SVG is DOT laid out by Graphviz). */
export type GraphNotation = 'mermaid' | 'dot';

/** The picture of `desired` in `notation`. */
export function renderGraph(desired: DesiredState, notation: GraphNotation, opts: GraphOptions = {}): string {
  const graph = buildGraph(desired, opts);
  return notation === 'dot' ? renderDot(graph) : renderMermaid(graph);
}
