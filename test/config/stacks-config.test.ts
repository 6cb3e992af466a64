/**
 * Loading the original format's other shapes: stack manifests in
 * etc/phoenix_stacks_config.json, plain-compose stack folders, open shared sections (hints
 * only on near misses of keys Phoenix reads) and numeric object keys located at the key.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/config/diagnostics.js';
import { loadRoot, type LoadedConfig } from '../../src/config/load.js';
import { copyExample, editJson, removeDir, tempDir } from '../helpers/root.js';

let parent: string;
beforeAll(() => {
  parent = tempDir('phoenix-stacks-config-');
});
afterAll(() => removeDir(parent));

const STACKS_CONFIG = join('etc', 'phoenix_stacks_config.json');

/** The example with whoami's manifest moved into the stacks config (kept byte-stable for lines). */
function rootWithStacksConfig(entry: Record<string, unknown> = {}): string {
  const root = copyExample(parent);
  const manifest = JSON.parse(readFileSync(join(root, 'stacks', 'whoami', 'phoenix.json'), 'utf8')) as {
    $schema?: string;
  };
  delete manifest.$schema;
  renameSync(join(root, 'stacks', 'whoami', 'phoenix.json'), join(parent, `moved-${Date.now()}.json`));
  const config = {
    docker_stacks: {
      whoami: { ...manifest, compose_file_path: 'whoami/docker-compose.yml', ...entry },
    },
  };
  writeFileSync(join(root, STACKS_CONFIG), JSON.stringify(config, null, 2) + '\n');
  return root;
}

function load(root: string): { config: LoadedConfig | undefined; diags: Diagnostics } {
  const diags = new Diagnostics();
  const config = loadRoot(root, diags, {}, root);
  return { config, diags };
}

/** The 1-based line of the first line of `file` that contains `text`. */
function lineOf(root: string, file: string, text: string): number {
  return (
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1
  );
}

describe('etc/phoenix_stacks_config.json', () => {
  it('loads a stack from it, with manifest paths located in that file', () => {
    const root = rootWithStacksConfig({ nginx_proxy: { hostname: 'whoami.example' } });
    const { config, diags } = load(root);
    expect(diags.errors).toEqual([]);
    const stack = config!.stacks.get('whoami')!;
    expect(stack.home).toBe('stacks-config');
    expect(stack.dir).toBe(join(root, 'stacks', 'whoami'));
    expect(Object.keys(stack.manifest.environments)).toEqual(['production', 'staging']);
    expect(stack.manifestDoc.file).toBe(STACKS_CONFIG);
    expect(stack.manifestDoc.at(['environments', 'staging']).line).toBe(
      lineOf(root, STACKS_CONFIG, '"staging"'),
    );
  });

  it('reads an absolute compose_file_path under the production root from this root', () => {
    const root = rootWithStacksConfig({
      compose_file_path: '/usr/local/phoenix_hypervisor/stacks/whoami/docker-compose.yml',
    });
    const { config, diags } = load(root);
    expect(diags.errors).toEqual([]);
    expect(config!.stacks.get('whoami')!.compose.file).toBe(join('stacks', 'whoami', 'docker-compose.yml'));
  });

  it('a stack defined in both homes is an error naming both places', () => {
    const root = rootWithStacksConfig();
    writeFileSync(join(root, 'stacks', 'whoami', 'phoenix.json'), '{ "environments": {} }\n');
    const { diags } = load(root);
    expect(diags.errors).toEqual([
      expect.objectContaining({
        code: 'duplicate-stack',
        source: { file: join('stacks', 'whoami', 'phoenix.json'), line: 1, column: 1 },
        message: expect.stringContaining(`${STACKS_CONFIG}:${lineOf(root, STACKS_CONFIG, '"whoami"')}:5`),
      }),
    ]);
  });

  it('a compose_file_path that is missing or leaves the root is located at the path', () => {
    for (const [path, message] of [
      ['nowhere/docker-compose.yml', /does not exist/],
      ['../../../../etc/hostname', /resolves outside the root/],
    ] as const) {
      const root = rootWithStacksConfig({ compose_file_path: path });
      const { diags } = load(root);
      expect(diags.errors).toEqual([
        expect.objectContaining({
          code: 'unreadable',
          source: expect.objectContaining({ file: STACKS_CONFIG, line: lineOf(root, STACKS_CONFIG, path) }),
          message: expect.stringMatching(message),
        }),
      ]);
    }
  });

  it('its stack entries are strict', () => {
    const root = rootWithStacksConfig({ compose_file_pth: 'x' });
    const { diags } = load(root);
    expect(diags.errors).toEqual([
      expect.objectContaining({
        code: 'unknown-key',
        message: 'unknown key "compose_file_pth" in docker_stacks.whoami',
        hint: 'did you mean "compose_file_path"?',
        source: expect.objectContaining({ line: lineOf(root, STACKS_CONFIG, '"compose_file_pth"') }),
      }),
    ]);
  });
});

describe('plain-compose stack folders and manifests without environments', () => {
  it('a folder with only a compose file is a stack without a manifest', () => {
    const { config, diags } = load(copyExample(parent));
    expect(diags.errors).toEqual([]);
    const scratch = config!.stacks.get('scratch')!;
    expect(scratch.home).toBe('none');
    expect(scratch.manifest.environments).toEqual({});
    expect(scratch.manifestDoc.at(['environments', 'x'])).toEqual({
      file: join('stacks', 'scratch', 'docker-compose.yml'),
      line: 1,
      column: 1,
    });
  });

  it('a phoenix.json without environments is accepted', () => {
    const root = copyExample(parent);
    writeFileSync(join(root, 'stacks', 'scratch', 'phoenix.json'), '{ "description": "no environments" }\n');
    const { config, diags } = load(root);
    expect(diags.errors).toEqual([]);
    expect(config!.stacks.get('scratch')!.home).toBe('folder');
    expect(config!.stacks.get('scratch')!.manifest.environments).toEqual({});
  });

  it('a folder with only a phoenix.json is skipped with its reason', () => {
    const root = copyExample(parent);
    mkdirSync(join(root, 'stacks', 'half'));
    writeFileSync(join(root, 'stacks', 'half', 'phoenix.json'), '{}\n');
    const { config } = load(root);
    expect(config!.skipped).toContainEqual({
      name: 'half',
      reason: 'missing a compose file (docker-compose.yml)',
    });
  });
});

describe('shared sections are open', () => {
  it('keys of provisioning scripts are silent; a near miss of a key Phoenix reads is a warning', () => {
    const root = copyExample(parent);
    editJson(join(root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      c.network.external_registry_url = 'registry.lab.internal:5000';
      c.network.brand_new_provisioning_key = { anything: [1, 2] };
      c.network.portainer_agent_prot = 9001;
      c.portainer_api.api_key = null;
      c.dns_server.authoritative_zones = [];
    });
    const { diags } = load(root);
    expect(diags.errors).toEqual([]);
    expect(diags.warnings).toEqual([
      expect.objectContaining({
        code: 'unknown-key',
        message: 'unknown key "portainer_agent_prot" in network is ignored',
        hint: expect.stringContaining('did you mean "portainer_agent_port"?'),
      }),
    ]);
  });

  it('a near miss of a key only provisioning scripts read gets no hint', () => {
    const root = copyExample(parent);
    editJson(join(root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      c.network.external_registry_ur = 'x';
    });
    expect(load(root).diags.items).toEqual([]);
  });

  it('an unknown key inside lxc_configs.<ctid> is located at the key itself', () => {
    const root = copyExample(parent);
    const file = join('etc', 'phoenix_lxc_configs.json');
    const text = readFileSync(join(root, file), 'utf8');
    writeFileSync(
      join(root, file),
      text.replace(
        '"traefik_service": { "name": "proxy"',
        '"traefik_service": { "nmae": "x", "name": "proxy"',
      ),
    );
    const { diags } = load(root);
    const line = lineOf(root, file, '"nmae"');
    expect(diags.errors).toEqual([
      expect.objectContaining({
        code: 'unknown-key',
        message: 'unknown key "nmae" in lxc_configs.102.traefik_service',
        source: {
          file,
          line,
          column: readFileSync(join(root, file), 'utf8').split('\n')[line - 1]!.indexOf('"nmae"') + 1,
        },
      }),
    ]);
  });
});
