/**
 * The picture in Mermaid (`flowchart LR`): renders on GitHub, GitLab and in most editors'
 * Markdown previews. One subgraph per group; colours only when statuses were asked for.
 */
import { markedLines, STATUS_COLOURS, type EstateGraph, type GraphNode, type Status } from './model.js';

/** Mermaid's shape brackets per node kind. */
const SHAPES: Record<GraphNode['kind'], [string, string]> = {
  name: ['([', '])'],
  route: ['[', ']'],
  deployment: ['(', ')'],
  address: ['{{', '}}'],
  firewall: ['[[', ']]'],
  environment: ['[/', '/]'],
  legend: ['[', ']'],
};

/**
 * Text inside a quoted label: Mermaid reads `#…;` entity codes, treats `<…>` as markup and a
 * leading backtick as a Markdown string, so those characters are written as entity codes.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

/** The whole picture as a Mermaid flowchart. */
export function renderMermaid(graph: EstateGraph): string {
  const out: string[] = ['---', `title: ${mermaidText(graph.title)}`, '---', 'flowchart LR'];
  const byStatus = new Map<Status, string[]>();
  for (const group of graph.groups) {
    out.push(`  subgraph ${group.id}["${mermaidText(group.title)}"]`);
    for (const node of group.nodes) {
      const [open, close] = SHAPES[node.kind];
      const label = markedLines(node).map(mermaidText).join('<br/>');
      out.push(`    ${node.id}${open}"${label}"${close}`);
      if (node.status) byStatus.set(node.status, [...(byStatus.get(node.status) ?? []), node.id]);
    }
    out.push('  end');
  }
  for (const e of graph.edges) out.push(`  ${e.from} ${e.style === 'dashed' ? '-.-' : '-->'} ${e.to}`);
  if (graph.fromPlan) {
    for (const [status, c] of Object.entries(STATUS_COLOURS)) {
      const dash = c.dashed ? ',stroke-dasharray:5 3' : '';
      out.push(`  classDef ${status} fill:${c.fill},stroke:${c.stroke},color:${c.text}${dash}`);
    }
    for (const [status, ids] of byStatus) out.push(`  class ${ids.join(',')} ${status}`);
  }
  return out.join('\n') + '\n';
}
