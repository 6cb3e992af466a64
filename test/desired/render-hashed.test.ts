/**
 * renderHashed is an optimisation of three renderCompose calls (unhashed text → hash →
 * standalone and swarm texts with the hash label), and both render into a partial copy of
 * the parsed document: they must give the same bytes and the same hash as rendering into a
 * freshly parsed document, for every shape of labels, services and files, and must never
 * change the document they were given (it is shared by every deployment of a stack).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCompose } from '../../src/config/compose-file.js';
import {
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  renderCompose,
  renderHashed,
  type RenderInput,
} from '../../src/desired/compose-render.js';
import type { StackFile } from '../../src/desired/types.js';
import { EXAMPLE } from '../helpers/root.js';

const owner = { [OWNER_LABEL]: 'homelab', [DEPLOYMENT_LABEL]: 'app-production' };
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
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
  if (!p.compose) throw new Error(`fixture does not parse: ${text}`);
  return p.compose.doc;
}

/** The three calls renderHashed replaces, each on a document nothing else has touched. */
function reference(input: Omit<RenderInput, 'mode'>, text: string) {
  const fresh = () => parsed('docker-compose.yml', text);
  const hash = hashOf(renderCompose({ ...input, doc: fresh(), mode: 'standalone' }));
  const ownerLabels = { ...input.ownerLabels, [HASH_LABEL]: hash };
  return {
    hash,
    standalone: renderCompose({ ...input, doc: fresh(), ownerLabels, mode: 'standalone' }),
    swarm: renderCompose({ ...input, doc: fresh(), ownerLabels, mode: 'swarm' }),
  };
}

/** Render two deployments from one shared document, as the derivation does. */
function expectSameAsFresh(text: string, input: Omit<RenderInput, 'mode'>, name: string) {
  const before = input.doc.toString();
  const other = {
    ...input,
    deployName: 'other-env',
    labels: new Map([['web', ['traefik.http.routers.other.rule=Host(`other.lab`)']]]),
  };
  expect(renderHashed(other, hashOf), name).toEqual(reference(other, text));
  expect(renderHashed(input, hashOf), name).toEqual(reference(input, text));
  expect(renderCompose({ ...other, mode: 'swarm' }), name).toEqual(
    renderCompose({ ...other, doc: parsed('x.yml', text), mode: 'swarm' }),
  );
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

describe('renderHashed', () => {
  it.each(cases)('matches renderCompose on a fresh document: $name', ({ name, text, files }) => {
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

  it("matches renderCompose on every compose file of the example, with each one's services labelled", () => {
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
