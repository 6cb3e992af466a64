/**
 * Pure parts of the docker backend: compose helpers, the tar writer, version checks and the
 * environment commands run in.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  expectedServices,
  ownershipProblems,
  safeRelative,
  swarmBundle,
  withoutInlineConfigs,
} from '../../src/providers/docker/compose.js';
import {
  DockerEngine,
  compareVersions,
  detectCompose,
  type DockerRunner,
} from '../../src/providers/docker/engine.js';
import { labelMap } from '../../src/providers/docker/labels.js';
import { tarArchive, tarInput } from '../../src/providers/docker/tar.js';
import { Redactor } from '../../src/secrets.js';
import { execOk, type ExecOptions } from '../../src/util/exec.js';
import { OWNER, deployment } from './fixtures.js';

const spec = {
  stack: 'site',
  host: 'unix:///var/run/docker.sock',
  services: {
    web: { image: 'nginx', labels: ['a=1'] },
    db: { image: 'postgres', labels: { b: '2' } },
    debug: { image: 'busybox', profiles: ['debug'] },
    off: { image: 'busybox', deploy: { replicas: 0 } },
  },
  traefik: { web: ['traefik.enable=true'] },
  files: [
    { source: 'conf/app.ini', destination: '/etc/app.ini', services: ['web'], content: '[app]\nx=1\n' },
  ],
};

describe('compose helpers', () => {
  it('reads labels in list and map form', () => {
    expect(labelMap(['a=1', 'b=x=y', 'flag'])).toEqual({ a: '1', b: 'x=y', flag: '' });
    expect(labelMap({ a: 1, b: true, c: null })).toEqual({ a: '1', b: 'true', c: '' });
    expect(labelMap(undefined)).toEqual({});
  });

  it('expects every service except those behind a profile or scaled to zero', () => {
    expect(expectedServices(deployment(spec).compose.standalone)).toEqual(['db', 'web']);
  });

  it('finds missing ownership labels', () => {
    const d = deployment(spec);
    expect(
      ownershipProblems(d.compose.standalone, { owner: OWNER, deployment: d.name, hash: d.hash }),
    ).toEqual([]);
    expect(ownershipProblems(d.compose.swarm, { owner: OWNER, deployment: d.name, hash: d.hash })).toEqual(
      [],
    );
    const bare =
      'services:\n  web:\n    image: nginx\n    deploy:\n      labels: [io.phoenix.owner=phoenix-test.lan]\n';
    expect(ownershipProblems(bare, { owner: OWNER, deployment: '1/x', hash: 'h' })).toEqual([
      'service web: label io.phoenix.deployment is null, want "1/x"',
      'service web: label io.phoenix.hash is null, want "h"',
    ]);
    expect(ownershipProblems('services: {}\n', { owner: OWNER, deployment: '1/x', hash: 'h' })).toEqual([
      'the compose file has no service to run',
    ]);
  });

  it('drops inline configs (and only those) for compose CLIs without them', () => {
    const text = [
      'services:',
      '  web:',
      '    image: nginx  # keep me',
      '    configs:',
      '      - source: inline',
      '        target: /etc/a',
      '      - ondisk',
      'configs:',
      '  inline:',
      '    content: secret-free text',
      '  ondisk:',
      '    file: ./x.conf',
      '',
    ].join('\n');
    const out = parse(withoutInlineConfigs(text));
    expect(out).toEqual({
      services: { web: { image: 'nginx', configs: ['ondisk'] } },
      configs: { ondisk: { file: './x.conf' } },
    });
    const only = parse(withoutInlineConfigs(deployment(spec).compose.standalone));
    expect(only.configs).toBeUndefined();
    expect(only.services.web.configs).toBeUndefined();
    expect(withoutInlineConfigs('services:\n  a:\n    image: x\n')).toBe('services:\n  a:\n    image: x\n');
  });

  it('turns swarm configs into configs to create and files next to the compose file', () => {
    const d = deployment(spec);
    const bundle = swarmBundle(d.compose.swarm, d.name, d.files);
    const name = `site-production-conf_app.ini-${d.files[0]?.hash}`;
    expect(bundle.external).toEqual([{ path: name, content: '[app]\nx=1\n' }]);
    expect(bundle.files).toEqual([]);
    expect(bundle.configNames).toEqual([name]);
    const out = parse(bundle.compose);
    expect(out.version).toBe('3.8');
    expect(out.configs).toEqual({ [name]: { external: true } });
    expect(out.services.web.configs).toEqual([{ source: name, target: '/etc/app.ini' }]);

    const byFile = swarmBundle(
      'configs:\n  app:\n    name: app-v1\n    file: ./conf/app.ini\n',
      'x',
      d.files,
    );
    expect(byFile).toMatchObject({
      files: [{ path: 'conf/app.ini', content: '[app]\nx=1\n' }],
      configNames: ['app-v1'],
      external: [],
    });
    const inline = swarmBundle('version: "3.9"\nconfigs:\n  motd:\n    content: hi\n', 'x', []);
    expect(inline.files).toEqual([{ path: 'configs/motd', content: 'hi' }]);
    expect(inline.configNames).toEqual(['x_motd']);
    expect(parse(inline.compose)).toEqual({ version: '3.9', configs: { motd: { file: './configs/motd' } } });

    expect(() => swarmBundle('configs:\n  a:\n    file: ../../etc/passwd\n', 'x', [])).toThrow(
      /not one of the deployment's files/,
    );
    expect(() => swarmBundle('configs:\n  a:\n    file: ./other.txt\n', 'x', d.files)).toThrow(/not one of/);
    expect(swarmBundle('configs:\n  a:\n    external: true\n', 'x', [])).toMatchObject({
      configNames: ['a'],
      external: [],
    });
  });

  it.each([
    ['a/b.txt', 'a/b.txt'],
    ['./a/./b.txt', 'a/b.txt'],
    ['a/../b', 'b'],
    ['../a', undefined],
    ['a/../../b', undefined],
    ['/etc/passwd', undefined],
    ['.', undefined],
    ['', undefined],
  ])('safeRelative(%j) is %j', (input, want) => {
    expect(safeRelative(input)).toBe(want);
  });
});

describe('tar archives for docker cp', () => {
  it('extracts with tar to the same files, long and non-ASCII paths included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phoenix-tar-'));
    try {
      const long = `${'d'.repeat(90)}/${'e'.repeat(60)}/file.txt`;
      const entries = [
        { path: 'etc/app/app.ini', content: '[app]\nname=Zoë ✓\n' },
        { path: long, content: '' },
        { path: 'www/x.html', content: 'y'.repeat(1500), mode: 0o600 },
      ];
      const archive = tarArchive(entries);
      expect(archive.length % 512).toBe(0);
      await writeFile(join(dir, 'a.tar'), Buffer.from(tarInput(archive), 'utf8'));
      await execOk(['tar', '-C', dir, '-xf', join(dir, 'a.tar')], { timeoutMs: 10_000 });
      for (const e of entries) expect(await readFile(join(dir, e.path), 'utf8')).toBe(e.content);
      const listing = await execOk(['tar', '-tvf', join(dir, 'a.tar')], { timeoutMs: 10_000 });
      expect(listing.stdout).toMatch(/^-rw------- .*www\/x\.html$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('engine commands', () => {
  it('orders versions numerically', () => {
    expect(compareVersions('2.23.1', '2.23.1')).toBe(0);
    expect(compareVersions('v2.29.7', '2.23.1')).toBeGreaterThan(0);
    expect(compareVersions('2.9.0', '2.23.1')).toBeLessThan(0);
    expect(compareVersions('1.29.2', '2.23.1')).toBeLessThan(0);
  });

  const fakeRunner = (answers: Record<string, string | undefined>) => {
    const seen: { argv: string[]; env: NodeJS.ProcessEnv }[] = [];
    const runner: DockerRunner = async (argv: readonly string[], opts: ExecOptions) => {
      seen.push({ argv: [...argv], env: opts.env ?? {} });
      const out = answers[argv[0] === 'docker' ? argv.slice(0, 2).join(' ') : (argv[0] ?? '')];
      return {
        code: out === undefined ? 1 : 0,
        signal: null,
        stdout: out ?? '',
        stderr: out === undefined ? 'unknown command' : '',
        timedOut: false,
      };
    };
    return { runner, seen };
  };

  it('prefers the compose v2 plugin and knows when it copies inline configs', async () => {
    const engine = (answers: Record<string, string | undefined>) =>
      new DockerEngine('ssh://ops@vm1', fakeRunner(answers).runner, new Redactor(), 1000);
    expect(await detectCompose(engine({ 'docker compose': '2.29.7\n', 'docker-compose': '1.29.2' }))).toEqual(
      {
        argv: ['docker', 'compose'],
        version: '2.29.7',
        inlineConfigs: true,
      },
    );
    expect(await detectCompose(engine({ 'docker compose': '2.20.0' }))).toMatchObject({
      inlineConfigs: false,
    });
    expect(await detectCompose(engine({ 'docker-compose': '1.29.2\n' }))).toEqual({
      argv: ['docker-compose'],
      version: '1.29.2',
      inlineConfigs: false,
    });
    expect(await detectCompose(engine({}))).toBeUndefined();
  });

  it('runs with DOCKER_HOST and the variables in a clean environment, and redacts failures', async () => {
    process.env.DOCKER_CONTEXT = 'elsewhere';
    process.env.PHOENIX_UNRELATED = 'x';
    try {
      const { runner, seen } = fakeRunner({});
      const redactor = new Redactor();
      redactor.add('hunter22');
      const engine = new DockerEngine('tcp://10.0.0.5:2376', runner, redactor, 1000);
      await expect(
        engine.docker(['compose', 'hunter22'], {
          vars: [{ name: 'PASSWORD', value: 'hunter22', secret: true }],
        }),
      ).rejects.toThrow(
        /docker compose «redacted» on tcp:\/\/10\.0\.0\.5:2376 exited with 1: unknown command/,
      );
      expect(seen[0]?.env).toMatchObject({
        DOCKER_HOST: 'tcp://10.0.0.5:2376',
        PASSWORD: 'hunter22',
        PATH: process.env.PATH,
      });
      expect(seen[0]?.env.DOCKER_CONTEXT).toBeUndefined();
      expect(seen[0]?.env.PHOENIX_UNRELATED).toBeUndefined();
    } finally {
      delete process.env.DOCKER_CONTEXT;
      delete process.env.PHOENIX_UNRELATED;
    }
  });
});
