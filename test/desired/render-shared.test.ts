/**
 * renderCompose renders into a partial copy of the parsed document, which every deployment
 * of a stack shares: it must give the same bytes as rendering into a freshly parsed
 * document, for every shape of labels, services and files, and must never change the
 * document it was given.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseCompose } from '../../src/config/compose-file.js';
import {
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  renderCompose,
  type RenderInput,
} from '../../src/desired/compose-render.js';
import type { StackFile } from '../../src/desired/types.js';
import { EXAMPLE } from '../helpers/root.js';

const owner = {
  [OWNER_LABEL]: 'homelab',
  [DEPLOYMENT_LABEL]: 'app-production',
  [HASH_LABEL]: '0123456789abcdef',
};
const file = (services: string[]): StackFile => ({
  source: 'conf/app.yml',
  destination: '/etc/app/app.yml',
  services,
  content: 'key: value\n',
  hash: '0123456789ab',
});

/** A freshly parsed document. */
function parsed(path: string, text: string) {
  const p = parseCompose(path, text);
  if (p.compose) return p.compose.doc;
  // Shapes validation refuses (no `services` mapping) must still not break the renderer.
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`fixture does not parse: ${text}`);
  return doc;
}

/** Render two deployments from one shared document, as the derivation does. */
function expectSameAsFresh(text: string, input: Omit<RenderInput, 'mode'>, name: string) {
  const before = input.doc.toString();
  const other = {
    ...input,
    deployName: 'other-env',
    labels: new Map([['web', ['traefik.http.routers.other.rule=Host(`other.lab`)']]]),
  };
  for (const mode of ['standalone', 'swarm'] as const) {
    for (const i of [other, input]) {
      expect(renderCompose({ ...i, mode }), `${name}, ${mode}`).toEqual(
        renderCompose({ ...i, doc: parsed('x.yml', text), mode }),
      );
    }
  }
  expect(input.doc.toString(), `${name}: the shared document changed`).toBe(before);
}

const COMPOSES: Record<string, string> = {
  'list labels': 'services:\n  web:\n    image: nginx\n    labels:\n      - "a=b"\n',
  'map labels': 'services:\n  web:\n    image: nginx\n    labels:\n      a: b # kept\n',
  'flow labels': 'services:\n  web:\n    image: nginx\n    labels: ["a=b", "c=d"]\n',
  'no labels': '# header\nservices:\n  web:\n    image: nginx\n  db:\n    image: postgres\n',
  'empty labels': 'services:\n  web:\n    image: nginx\n    labels:\n',
  'a label Phoenix also sets': `services:\n  web:\n    image: nginx\n    labels:\n      - "${HASH_LABEL}=forged"\n      - "${OWNER_LABEL}=someone"\n`,
  'existing configs':
    'services:\n  web:\n    image: nginx\n    configs:\n      - source: other\n        target: /x\nconfigs:\n  other:\n    file: ./other\n',
  'services not a map': 'services: []\n',
  'no services': 'volumes:\n  data: {}\n',
};

const cases = Object.entries(COMPOSES).flatMap(([name, text]) =>
  [
    { files: [] as StackFile[], label: 'no files' },
    { files: [file(['web'])], label: 'a file for web' },
    { files: [file([])], label: 'a file for no service' },
  ].map((f) => ({ name: `${name}, ${f.label}`, text, files: f.files })),
);

describe('renderCompose on a shared document', () => {
  it.each(cases)('matches rendering into a fresh document: $name', ({ name, text, files }) => {
    const input = {
      doc: parsed('docker-compose.yml', text),
      deployName: 'app-production',
      labels: new Map([
        ['web', ['traefik.enable=true', 'traefik.http.routers.web.rule=Host(`app.lab`)', 'a=changed']],
      ]),
      files,
      ownerLabels: owner,
    };
    expectSameAsFresh(text, input, name);
  });

  it("matches rendering into a fresh document for every compose file of the example, with each one's services labelled", () => {
    const stacks = join(EXAMPLE, 'stacks');
    for (const stack of readdirSync(stacks)) {
      const text = readFileSync(join(stacks, stack, 'docker-compose.yml'), 'utf8');
      const doc = parsed('docker-compose.yml', text);
      const services = Object.keys((doc.toJS() as { services?: object }).services ?? {});
      const input = {
        doc,
        deployName: `${stack}-production`,
        labels: new Map(services.map((s) => [s, [`traefik.http.routers.${s}.rule=Host(\`${s}.lab\`)`]])),
        files: [file(services.slice(0, 1))],
        ownerLabels: owner,
      };
      expectSameAsFresh(text, input, stack);
      expectSameAsFresh(text, { ...input, files: [] }, stack);
    }
  });
});
