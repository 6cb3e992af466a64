/**
 * The picture in Graphviz DOT: `dot -Tsvg` (or any Graphviz tool) lays it out. One cluster
 * per group; colours only when statuses were asked for.
 */
import { markedLines, STATUS_COLOURS, type EstateGraph, type GraphNode } from './model.js';

/** Shape and style per node kind. */
const SHAPES: Record<GraphNode['kind'], { shape: string; style: string }> = {
  name: { shape: 'ellipse', style: '' },
  route: { shape: 'box', style: '' },
  deployment: { shape: 'box', style: 'rounded' },
  address: { shape: 'hexagon', style: '' },
  firewall: { shape: 'note', style: '' },
  environment: { shape: 'component', style: '' },
  legend: { shape: 'box', style: 'rounded' },
};

/** A DOT double-quoted string: backslashes and quotes escaped, no raw line breaks. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, ' ')}"`;
}

/** A multi-line label; firewall rule lists read better left-aligned (`\l`). */
function dotLabel(node: GraphNode): string {
  const lines = markedLines(node).map((l) => dotString(l).slice(1, -1));
  return node.kind === 'firewall' ? `"${lines.join('\\l')}\\l"` : `"${lines.join('\\n')}"`;
}

function attrs(list: [string, string][]): string {
  return list.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** The whole picture as a DOT digraph. */
export function renderDot(graph: EstateGraph): string {
  const out: string[] = [
    'digraph estate {',
    `  graph [${attrs([
      ['rankdir', 'LR'],
      ['label', dotString(graph.title)],
      ['labelloc', 't'],
      ['fontname', '"Helvetica"'],
      ['fontsize', '14'],
      ['nodesep', '0.2'],
      ['ranksep', '0.7'],
    ])}];`,
    `  node [${attrs([
      ['fontname', '"Helvetica"'],
      ['fontsize', '10'],
      ['margin', '"0.12,0.05"'],
    ])}];`,
    `  edge [${attrs([
      ['color', '"#5f6368"'],
      ['arrowsize', '0.7'],
    ])}];`,
  ];
  for (const group of graph.groups) {
    out.push(`  subgraph cluster_${group.id} {`);
    out.push(
      `    graph [${attrs([
        ['label', dotString(group.title)],
        ['style', '"rounded"'],
        ['color', '"#9aa0a6"'],
        ['fontsize', '11'],
      ])}];`,
    );
    for (const node of group.nodes) {
      const shape = SHAPES[node.kind];
      const a: [string, string][] = [
        ['label', dotLabel(node)],
        ['shape', shape.shape],
      ];
      const styles = shape.style ? [shape.style] : [];
      if (node.status) {
        const c = STATUS_COLOURS[node.status];
        styles.push('filled', ...(c.dashed ? ['dashed'] : []));
        a.push(
          ['fillcolor', dotString(c.fill)],
          ['color', dotString(c.stroke)],
          ['fontcolor', dotString(c.text)],
        );
      }
      if (styles.length) a.push(['style', dotString(styles.join(','))]);
      out.push(`    ${node.id} [${attrs(a)}];`);
    }
    out.push('  }');
  }
  for (const e of graph.edges)
    out.push(`  ${e.from} -> ${e.to}${e.style === 'dashed' ? ' [style=dashed, arrowhead=none]' : ''};`);
  out.push('}');
  return out.join('\n') + '\n';
}
