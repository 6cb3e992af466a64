import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCompose } from '../../src/config/compose-file.js';
import {
  configName,
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  renderCompose,
  type RenderInput,
} from '../../src/desired/compose-render.js';
import type { StackFile } from '../../src/desired/types.js';

const COMPOSE = `# The user's header comment.
services:
  web:
    image: nginx:1.27 # pinned on purpose
    ports:
      - "8080:80"
    labels:
      - "com.example.team=platform"
      - "traefik.http.routers.web.rule=Host(\`old.lab\`)"
  api:
    image: example/api:2
    labels:
      com.example.team: backend
      traefik.enable: "false"
  worker:
    # no labels yet
    image: example/worker:2
`;

const owner = { [OWNER_LABEL]: 'homelab', [DEPLOYMENT_LABEL]: 'app-production', [HASH_LABEL]: 'abc123' };
const file: StackFile = {
  source: 'conf/app.yml',
  destination: '/etc/app/app.yml',
  services: ['web'],
  content: 'key: value\n',
  hash: '0123456789ab',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rendered compose is read field by field
function render(partial: Partial<RenderInput> = {}): { text: string; value: Record<string, any> } {
  const parsed = parseCompose('docker-compose.yml', COMPOSE);
  if (!parsed.compose) throw new Error('fixture does not parse');
  const text = renderCompose({
    doc: parsed.compose.doc,
    deployName: 'app-production',
    labels: new Map([
      ['web', ['traefik.enable=true', 'traefik.http.routers.web.rule=Host(`app.lab`)']],
      ['api', ['traefik.enable=true', 'traefik.http.routers.api.rule=Host(`api.lab`)']],
    ]),
    files: [],
    ownerLabels: owner,
    mode: 'standalone',
    ...partial,
  });
  return { text, value: parse(text) };
}

describe('renderCompose: labels', () => {
  it('merges into a list, replacing a label of the same key and appending new ones', () => {
    const { value } = render();
    expect(value.services.web.labels).toEqual([
      'com.example.team=platform',
      'traefik.http.routers.web.rule=Host(`app.lab`)',
      'traefik.enable=true',
      'io.phoenix.owner=homelab',
      'io.phoenix.deployment=app-production',
      'io.phoenix.hash=abc123',
    ]);
  });

  it('merges into a map, replacing an existing key', () => {
    const { value } = render();
    expect(value.services.api.labels).toEqual({
      'com.example.team': 'backend',
      'traefik.enable': 'true',
      'traefik.http.routers.api.rule': 'Host(`api.lab`)',
      [OWNER_LABEL]: 'homelab',
      [DEPLOYMENT_LABEL]: 'app-production',
      [HASH_LABEL]: 'abc123',
    });
  });

  it('gives a service without labels a map with the ownership labels', () => {
    const { value } = render();
    expect(value.services.worker.labels).toEqual(owner);
  });

  it('keeps the comments and the order of the user file', () => {
    const { text } = render();
    expect(text.startsWith("# The user's header comment.\nservices:\n  web:\n")).toBe(true);
    expect(text).toContain('image: nginx:1.27 # pinned on purpose');
    expect(text).toContain('# no labels yet');
  });

  it('does not change the parsed document it was given (rendering twice gives the same text)', () => {
    const parsed = parseCompose('docker-compose.yml', COMPOSE);
    const input: RenderInput = {
      doc: parsed.compose!.doc,
      deployName: 'x',
      labels: new Map([['web', ['a=b']]]),
      files: [file],
      ownerLabels: owner,
      mode: 'standalone',
    };
    const first = renderCompose(input);
    expect(renderCompose(input)).toBe(first);
    expect(parsed.compose!.doc.toString()).toBe(COMPOSE);
  });
});

describe('renderCompose: files', () => {
  it('standalone: inline configs with the content, mounted into the named service', () => {
    const { value } = render({ files: [file] });
    const name = configName('app-production', file, 'standalone');
    expect(name).toBe('phoenix_conf_app.yml');
    expect(value.configs).toEqual({ [name]: { content: 'key: value\n' } });
    expect(value.services.web.configs).toEqual([{ source: name, target: '/etc/app/app.yml' }]);
    expect(value.services.api.configs).toBeUndefined();
  });

  it('swarm: external configs named by deployment, file and content hash', () => {
    const { value } = render({ files: [file], mode: 'swarm' });
    const name = configName('app-production', file, 'swarm');
    expect(name).toBe('app-production-conf_app.yml-0123456789ab');
    expect(value.configs).toEqual({ [name]: { external: true } });
    expect(value.services.web.configs).toEqual([{ source: name, target: '/etc/app/app.yml' }]);
  });

  it('swarm: new content gives a new config name (configs are immutable)', () => {
    expect(configName('a', file, 'swarm')).not.toBe(
      configName('a', { ...file, hash: 'ffffffffffff' }, 'swarm'),
    );
  });

  it('a file for every service is mounted into each of them', () => {
    const { value } = render({ files: [{ ...file, services: ['web', 'api', 'worker'] }] });
    for (const s of ['web', 'api', 'worker']) expect(value.services[s].configs).toHaveLength(1);
  });
});
