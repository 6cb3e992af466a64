/**
 * `phoenix graph` on the bundled example: the Mermaid picture (a snapshot, and the block the
 * README embeds), the DOT laid out by the real Graphviz `dot`, the SVG, filters, the offline
 * plan's colours, and every error path (exit 1, a located or hinted message, no picture).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagnostics, runCli } from '../helpers/cli.js';
import { copyExample, REPO, removeDir, replaceIn, snapshotTree, tempDir } from '../helpers/root.js';

const ROOT = ['--root', 'examples/homelab'];
const PATH = { PATH: process.env['PATH'] ?? '/usr/bin:/bin' };

/** Lay DOT out with the real Graphviz; returns what dot printed. */
function dot(text: string, format = 'svg'): { code: number | null; out: string; err: string } {
  const r = spawnSync('dot', [`-T${format}`], { input: text, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The ids of the nodes and clusters an SVG by Graphviz holds (its `<title>`s). */
function svgTitles(svg: string): string[] {
  return [...svg.matchAll(/<g id="(?:node|clust)\d+" class="(?:node|cluster)">\s*<title>([^<]*)<\/title>/g)]
    .map((m) => m[1]!)
    .sort();
}

/** The node ids a DOT text declares (`id [label=…]`) and its clusters. */
function dotIds(text: string): string[] {
  const nodes = [...text.matchAll(/^\s+(\w+) \[label=/gm)].map((m) => m[1]!).filter((id) => id !== 'graph');
  const clusters = [...text.matchAll(/^\s+subgraph (cluster_\w+) \{/gm)].map((m) => m[1]!);
  return [...nodes, ...clusters].sort();
}

describe('phoenix graph on the example', () => {
  it('draws it in Mermaid: the snapshot, and the picture the README embeds', async () => {
    const r = await runCli(['graph', ...ROOT]);
    expect(r.code, r.err).toBe(0);
    await expect(r.out).toMatchFileSnapshot('./__snapshots__/homelab.mmd');
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(readme).toContain('```mermaid\n' + r.out + '```');
    // What the picture must show: each guest with its address, its deployments, its openings,
    // the routes (Host → backend) and the names.
    expect(r.out).toContain('subgraph grp_guest_1002["vm 1002 · ai-worker"]');
    expect(r.out).toContain('addr_1002{{"10.0.0.102"}}');
    expect(r.out).toContain('dep_1002_qdrant_production("qdrant · production")');
    expect(r.out).toContain('in tcp/6333 ← 10.0.0.12');
    expect(r.out).toContain(
      'route_http_qdrant_production_qdrant["qdrant.lab.internal<br/>→ http://10.0.0.102:6333"]',
    );
    expect(r.out).toContain('route_http_qdrant_production_qdrant --> dep_1002_qdrant_production');
    expect(r.out).toContain('dns_qdrant_lab_internal --> route_http_qdrant_production_qdrant');
    expect(r.out).toContain('dns_ai_worker_lab_internal --> addr_1002');
    expect(r.out).not.toContain('classDef'); // no colours without --from-plan
  });

  it('writes DOT that the real Graphviz dot lays out without a complaint', async () => {
    const r = await runCli(['graph', ...ROOT, '--format', 'dot']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^digraph estate \{/);
    const laid = dot(r.out);
    expect(laid.err).toBe('');
    expect(laid.code).toBe(0);
    // Every node and cluster made it into the layout.
    expect(svgTitles(laid.out)).toEqual(dotIds(r.out));
  });

  it('renders SVG with dot, and the README picture (docs/estate.svg) is that picture', async () => {
    const r = await runCli(['graph', ...ROOT, '--format', 'svg'], { env: PATH });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^<\?xml[^]*<svg [^]*<\/svg>\s*$/);
    expect(r.out).toContain('qdrant.lab.internal');
    const committed = readFileSync(join(REPO, 'docs', 'estate.svg'), 'utf8');
    // Graphviz versions differ in coordinates; the nodes and clusters must be the same ones.
    // Regenerate with: node bin/phoenix.js graph --root examples/homelab --format svg > docs/estate.svg
    expect(svgTitles(committed)).toEqual(svgTitles(r.out));
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain('](docs/estate.svg)');
  });

  it('--from-plan --offline colours everything as a create, and what only an opt-in applies as held back', async () => {
    const r = await runCli(['graph', ...ROOT, '--from-plan', '--offline']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('dep_1002_qdrant_production("+ qdrant · production")');
    expect(r.out).toContain('dep_1001_portainer_production("! portainer · production")');
    expect(r.out).toContain('dns_qdrant_lab_internal(["+ qdrant.lab.internal"])');
    expect(r.out).toContain('fw_cluster[["+ host firewall');
    expect(r.out).toMatch(/^ {2}class .*\bdep_1002_qdrant_production\b.* create$/m);
    expect(r.out).toMatch(/^ {2}class .*\bdep_1001_portainer_production\b.* held$/m);
    expect(r.out).toContain('classDef delete fill:#fce8e6');
    expect(r.out).toContain('subgraph grp_legend["legend"]');
    // Addresses are not Phoenix's to change: never marked.
    expect(r.out).toContain('addr_1002{{"10.0.0.102"}}');
    // The DOT of the same picture is filled per status and still lays out.
    const d = await runCli(['graph', ...ROOT, '--from-plan', '--offline', '--format', 'dot']);
    expect(d.out).toMatch(/dep_1002_qdrant_production \[label="\+ qdrant · production".*fillcolor="#e6f4ea"/);
    expect(dot(d.out).err).toBe('');
  });

  it('filters narrow the picture to what they select', async () => {
    const vm = await runCli(['graph', ...ROOT, '--vm', '1002']);
    expect(vm.code, vm.err).toBe(0);
    expect(vm.out).toContain('grp_guest_1002');
    expect(vm.out).not.toMatch(/grp_guest_(1001|1003|101|102|103|9000)\b/);
    expect(vm.out).toContain('dns_chat_lab_internal');
    expect(vm.out).toContain('dns_ai_worker_agent_lab_internal --> addr_1002');
    expect(vm.out).not.toMatch(/n8n|grafana|fw_cluster|step_ca/);

    const stack = await runCli(['graph', ...ROOT, '--stack', 'whoami']);
    expect(stack.code, stack.err).toBe(0);
    expect(stack.out).toContain('dep_1002_whoami_production');
    expect(stack.out).toContain('dep_1003_whoami_staging');
    expect(stack.out).toContain('dns_whoami_staging_lab_internal --> route_http_whoami_staging_whoami');
    expect(stack.out).not.toMatch(/qdrant|n8n|route_http_guest_proxy|grp_guest_1001/);

    const env = await runCli(['graph', ...ROOT, '--env', 'staging', '--format', 'dot']);
    expect(env.code, env.err).toBe(0);
    expect(env.out).toContain('dep_1003_whoami_staging');
    expect(env.out).not.toContain('whoami_production');
    expect(dot(env.out).err).toBe('');
  });
});

describe('phoenix graph refuses', () => {
  let parent: string;
  beforeAll(() => {
    parent = tempDir('phoenix-graph-');
  });
  afterAll(() => removeDir(parent));

  it.each([
    [['--vm', '9999'], /--vm 9999: no VM with that vmid/],
    [['--stack', 'nope'], /no stack named "nope"/],
    [['--env', 'nope', '--from-plan', '--offline'], /--env nope: no stack is deployed in an environment/],
    [['--stack', 'qdrant', '--vm', '1003'], /stack qdrant is not assigned to vm 1003/],
  ])('a filter that names nothing (%j): exit 1, no picture', async (args, message) => {
    const r = await runCli(['graph', ...ROOT, ...args]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('--format svg without Graphviz: exit 1 with a hint, no picture', async () => {
    const r = await runCli(['graph', ...ROOT, '--format', 'svg'], { env: { PATH: join(parent, 'no-bin') } });
    expect(r.code).toBe(1);
    expect(r.err).toContain("error: --format svg needs Graphviz's dot program, and it is not on the PATH");
    expect(r.err).toContain('hint: install Graphviz (Debian and Ubuntu: apt-get install graphviz)');
    expect(r.out).toBe('');
  });

  it('an unknown format, and --offline without --from-plan: exit 1', async () => {
    const f = await runCli(['graph', ...ROOT, '--format', 'png']);
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/argument 'png' is invalid\. Allowed choices are mermaid, dot, svg/);
    const o = await runCli(['graph', ...ROOT, '--offline']);
    expect(o.code).toBe(1);
    expect(o.err).toContain('--offline only makes sense with --from-plan');
    expect(f.out + o.out).toBe('');
  });

  it('an invalid root: the located problem, exit 1, no picture, nothing written', async () => {
    const root = copyExample(parent);
    replaceIn(root, 'etc/phoenix_vm_configs.json', '"port": "9443"', '"port": "99999"');
    const before = snapshotTree(root);
    const r = await runCli(['graph', '--root', root, '--format', 'dot']);
    expect(r.code).toBe(1);
    const errors = parseDiagnostics(r.err).filter((d) => d.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/etc\/phoenix_vm_configs\.json$/),
        line: 16,
        column: 79,
        message: expect.stringContaining('invalid port "99999"'),
      }),
    ]);
    expect(r.out).toBe('');
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('labels survive any text', () => {
  it('quotes, backslashes, markup and entity-like text are escaped in both notations', async () => {
    const { renderDot } = await import('../../src/graph/dot.js');
    const { renderMermaid } = await import('../../src/graph/mermaid.js');
    const nasty = 'a "quoted" \\ back <b>bold</b> #35; `tick` & more';
    const graph = {
      title: nasty,
      fromPlan: true,
      groups: [
        {
          id: 'grp_x',
          title: nasty,
          nodes: [
            { id: 'n1', kind: 'route' as const, lines: [nasty, 'second'], status: 'update' as const },
            { id: 'n2', kind: 'firewall' as const, lines: [nasty] },
          ],
        },
      ],
      edges: [{ from: 'n1', to: 'n2', style: 'solid' as const }],
    };
    const laid = dot(renderDot(graph));
    expect(laid.err).toBe('');
    // dot read the label back as it was written (SVG escapes &, < and > itself).
    expect(laid.out).toContain(
      '~ a &quot;quoted&quot; \\ back &lt;b&gt;bold&lt;/b&gt; #35; `tick` &amp; more',
    );
    const m = renderMermaid(graph);
    expect(m).toContain(
      'n1["~ a #quot;quoted#quot; \\ back #lt;b#gt;bold#lt;/b#gt; #35;35; #96;tick#96; #amp; more<br/>second"]',
    );
    // Nothing in a label can close it early.
    expect(
      m
        .split('\n')
        .find((l) => l.includes('n1['))!
        .match(/"/g),
    ).toHaveLength(2);
  });
});
