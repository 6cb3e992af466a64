/**
 * Compose templates: renderCompose fills a template per shape of labels instead of
 * serialising the document each time, and must give exactly the bytes of rendering it
 * directly, for every kind of value the yaml library writes differently (quoted, numbers,
 * booleans, indicators, YAML 1.1 words), in list and map labels, and fall back where a value
 * or the document is not certain.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseCompose } from '../../src/config/compose-file.js';
import {
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  renderCompose,
  renderComposeDirect,
  type RenderInput,
} from '../../src/desired/compose-render.js';
import { scalarText } from '../../src/util/yaml-scalar.js';
import type { StackFile } from '../../src/desired/types.js';

const doc = (text: string) => {
  const p = parseCompose('docker-compose.yml', text);
  if (p.compose) return p.compose.doc;
  const d = parseDocument(text);
  if (d.errors.length) throw new Error(`fixture does not parse: ${text}`);
  return d;
};

const COMPOSES: Record<string, string> = {
  'list labels':
    '# head\nservices:\n  web:\n    image: nginx # img\n    labels:\n      - "a=b"\n  db:\n    image: pg\n',
  'map labels': 'services:\n  web:\n    image: nginx\n    labels:\n      a: b # kept\n      n: "1"\n',
  'no labels': 'services:\n  web:\n    image: nginx\n  worker:\n    image: busybox\n',
  'empty labels': 'services:\n  web:\n    image: nginx\n    labels:\n',
  'flow labels': 'services:\n  web:\n    image: nginx\n    labels: ["a=b", "c=d"]\n',
  'flow map labels': 'services:\n  web:\n    image: nginx\n    labels: {a: b}\n',
  'flow service': 'services:\n  web: {image: nginx, labels: [a=b]}\n',
  'yaml 1.1': '%YAML 1.1\n---\nservices:\n  web:\n    image: nginx\n    labels:\n      a: b\n',
  'yaml 1.1 list': '%YAML 1.1\n---\nservices:\n  web:\n    image: nginx\n    labels:\n      - a=b\n',
  anchors:
    'x-common: &c\n  restart: always\nservices:\n  web:\n    <<: *c\n    image: nginx\n    labels: &l\n      - a=b\n  api:\n    image: api\n    labels: *l\n',
  'a token in the file':
    'services:\n  web:\n    image: zphoenixscalar0z\n    labels:\n      - zphoenixscalar1z=x\n',
  'services not a map': 'services: []\n',
  'top level not a map': '- a\n- b\n',
  'deep indentation':
    'services:\n      web:\n            image: nginx\n            labels:\n                  - a=b\n',
  'indentless list': 'services:\n  web:\n    image: nginx\n    labels:\n    - a=b\n',
};

/** Values the yaml library writes as they are, quoted, double-quoted, or not in one line. */
const VALUES = [
  'Host(`app.lab`)',
  'Host(`a.lab`) || Host(`b.lab`)',
  'true',
  'false',
  'yes',
  'on',
  'null',
  '~',
  '8080',
  '0x1F',
  '1e3',
  '.inf',
  '12:30',
  '0b101',
  'a: b',
  'a #b',
  'a#b',
  '#start',
  '-',
  '- x',
  '? x',
  '?x',
  'x:',
  ':x',
  'ends ',
  ' starts',
  '*alias',
  '&anchor',
  '!tag',
  '@at',
  '`tick',
  '%pct',
  '---doc',
  '...end',
  'say "hi"',
  "it's",
  'both "a" \'b\'',
  'back\\slash',
  'tab\there',
  'ünïcödé «x»',
  'line\nbreak',
  'ctrl\u0001',
  'nbsp\u00a0x',
  '[x]',
  '{x}',
  'a,b',
  '',
  'zphoenixvalue0z',
  'zphoenixscalar0z',
  'v2.0123456789abcdef',
];

const file = (services: string[]): StackFile => ({
  source: 'conf/app.yml',
  destination: '/etc/app/app.yml',
  services,
  content: 'key: value\nother: 1\n',
  hash: '0123456789ab',
});

/** An input of `d` for deployment `n` with value `v` in every label. */
function input(
  d: RenderInput['doc'],
  n: number,
  v: string,
  files: StackFile[],
  mode: RenderInput['mode'],
): RenderInput {
  return {
    doc: d,
    deployName: `app-${n}`,
    labels: new Map([
      ['web', ['traefik.enable=true', `traefik.http.routers.web.rule=${v}`, `a = ${v}`, 'port=8080']],
      ['db', [`x=${v}`]],
      ['missing', [`y=${v}`]],
    ]),
    files,
    ownerLabels: { [OWNER_LABEL]: 'homelab', [DEPLOYMENT_LABEL]: `app-${n}`, [HASH_LABEL]: v },
    mode,
    placementConstraints: mode === 'swarm' ? ['node.role==worker'] : [],
  };
}

describe('compose templates', () => {
  it.each(Object.entries(COMPOSES))('give the direct rendering’s bytes: %s', (_name, text) => {
    const d = doc(text);
    const before = d.toString();
    for (const files of [[], [file(['web'])]])
      for (const mode of ['standalone', 'swarm'] as const)
        VALUES.forEach((v, n) => {
          const i = input(d, n, v, files, mode);
          expect(renderCompose(i), `${JSON.stringify(v)}, ${mode}`).toBe(renderComposeDirect(i));
        });
    expect(d.toString(), 'the shared document changed').toBe(before);
  });

  it('a label set twice (the manifest sets a Phoenix label) gives the direct rendering too', () => {
    const d = doc(COMPOSES['list labels']!);
    for (const v of VALUES) {
      const i = {
        ...input(d, 1, v, [], 'standalone'),
        labels: new Map([['web', [`${OWNER_LABEL}=${v}`, `a=${v}`]]]),
      };
      expect(renderCompose(i)).toBe(renderComposeDirect(i));
    }
  });

  it('a label whose key looks like a token gives the direct rendering', () => {
    const d = doc(COMPOSES['list labels']!);
    for (const key of ['zphoenixvalue0z', 'zphoenixvalue5z', 'zphoenixscalar0z', 'zphoenixscalar9z']) {
      const i = {
        ...input(d, 1, 'Host(`a.lab`)', [], 'standalone'),
        labels: new Map([['web', [`${key}=v`, 'b=w']]]),
      };
      expect(renderCompose(i), key).toBe(renderComposeDirect(i));
      expect(renderCompose(i), key).toContain(`${key}=v`);
    }
  });

  it('scalarText is what the library writes for a label value, or undefined', () => {
    for (const text of ['services:\n  web:\n    labels:\n      a: b\n', '%YAML 1.1\n---\nservices: {}\n']) {
      const d = doc(text);
      for (const v of VALUES) {
        const written = scalarText(v, d.schema);
        if (written === undefined) continue;
        const probe = parseDocument('x:\n  - a\n', { version: d.schema.name === 'yaml-1.1' ? '1.1' : '1.2' });
        probe.setIn(['x', 0], probe.createNode(v));
        expect(probe.toString({ lineWidth: 0 }), JSON.stringify(v)).toBe(`x:\n  - ${written}\n`);
      }
    }
  });

  it('fills values in: five thousand deployments of one shape give each its own text', () => {
    const d = doc(COMPOSES['list labels']!);
    const texts = new Set<string>();
    for (let n = 0; n < 5000; n++)
      texts.add(renderCompose(input(d, n, `Host(\`app${n}.lab\`)`, [file(['web'])], 'standalone')));
    expect(texts.size).toBe(5000);
    const one = input(d, 4321, 'Host(`app4321.lab`)', [file(['web'])], 'standalone');
    expect(renderCompose(one)).toBe(renderComposeDirect(one));
    expect(renderCompose(one)).toContain('traefik.http.routers.web.rule=Host(`app4321.lab`)');
  });
});
