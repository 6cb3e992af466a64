/**
 * The command lines the backend runs for each compose CLI, against a scripted engine: this
 * machine has only compose v1, so the v2 path (inline configs copied by compose itself) is
 * proven here by its argv, environment and compose file, and v1's by the same means.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  DockerStacksProvider,
  type ComposeCli,
  type DockerRunner,
} from '../../src/providers/docker/index.js';
import type { ExecOptions, ExecResult } from '../../src/util/exec.js';
import { deployment, desiredState, sync } from './fixtures.js';

type Labels = Record<string, string>;

/** A pretend engine: containers appear when compose `up` reads a compose file. */
function scriptedEngine() {
  const containers = new Map<string, { labels: Labels; state: string }>();
  const calls: { argv: string[]; env: NodeJS.ProcessEnv; compose?: unknown; input?: string }[] = [];
  let next = 1;
  const ok = (stdout = ''): ExecResult => ({ code: 0, signal: null, stdout, stderr: '', timedOut: false });
  const runner: DockerRunner = async (argv: readonly string[], opts: ExecOptions) => {
    const a = [...argv];
    const call: (typeof calls)[number] = {
      argv: a,
      env: opts.env ?? {},
      ...(opts.input ? { input: opts.input } : {}),
    };
    calls.push(call);
    const composeAt = a.indexOf('-f');
    if (composeAt > 0 && a.includes('up')) {
      const project = a[a.indexOf('-p') + 1] ?? '';
      const file = parse(readFileSync(a[composeAt + 1] ?? '', 'utf8')) as {
        services: Record<string, { labels: Labels }>;
      };
      call.compose = file;
      for (const [service, def] of Object.entries(file.services)) {
        for (const [id, c] of containers)
          if (c.labels['com.docker.compose.service'] === service) containers.delete(id);
        const labels = {
          ...def.labels,
          'com.docker.compose.project': project,
          'com.docker.compose.service': service,
        };
        containers.set(`c${next++}`, { labels, state: a.includes('--no-start') ? 'created' : 'running' });
      }
      if (!a.includes('--no-start')) for (const c of containers.values()) c.state = 'running';
      return ok();
    }
    if (a[1] === 'info') return ok('inactive false\n');
    if (a[1] === 'ps') return ok([...containers.keys()].join('\n'));
    if (a[1] === 'container' && a[2] === 'inspect') {
      const list = a.slice(3).map((id) => ({
        Id: id,
        Config: { Labels: containers.get(id)?.labels },
        State: { Status: containers.get(id)?.state, ExitCode: 0 },
      }));
      return ok(JSON.stringify(list));
    }
    if (a[1] === 'cp') return ok();
    return { code: 1, signal: null, stdout: '', stderr: `unexpected ${a.join(' ')}`, timedOut: false };
  };
  return { runner, calls, containers };
}

const spec = {
  stack: 'site',
  host: 'ssh://ops@vm1',
  services: { web: { image: 'nginx', ports: ['${PORT}:80'] } },
  variables: [
    { name: 'PORT', value: '8081', secret: false },
    { name: 'DB_PASSWORD', value: 'correct-horse', secret: true },
  ],
  files: [{ source: 'app.ini', destination: '/etc/app/app.ini', services: [], content: '[app]\n' }],
};

async function deployWith(compose: ComposeCli) {
  const engine = scriptedEngine();
  const provider = new DockerStacksProvider({ runner: engine.runner, compose, pollIntervalMs: 1 });
  const d = deployment(spec);
  const r = await sync(provider, desiredState([d]));
  expect(r.failed.map((f) => f.error?.message)).toEqual([]);
  const composeCalls = engine.calls.filter((c) => c.argv.includes('-p'));
  return { engine, d, composeCalls };
}

describe('compose command lines', () => {
  it('compose v2 with inline configs: one `up -d`, the files inline, variables in the environment', async () => {
    const { engine, d, composeCalls } = await deployWith({
      argv: ['docker', 'compose'],
      version: '2.29.7',
      inlineConfigs: true,
    });
    expect(
      composeCalls.map((c) => c.argv.map((x) => (x.endsWith('docker-compose.yml') ? '<file>' : x))),
    ).toEqual([['docker', 'compose', '-p', d.name, '-f', '<file>', 'up', '-d', '--remove-orphans']]);
    const [up] = composeCalls;
    expect(up?.compose).toMatchObject({ configs: { 'phoenix_app.ini': { content: '[app]\n' } } });
    expect(up?.env).toMatchObject({
      DOCKER_HOST: 'ssh://ops@vm1',
      PORT: '8081',
      DB_PASSWORD: 'correct-horse',
    });
    expect(engine.calls.some((c) => c.argv[1] === 'cp')).toBe(false);
    expect(engine.calls.flatMap((c) => c.argv).join(' ')).not.toContain('correct-horse');
    expect(existsSync(up?.argv[5] ?? '')).toBe(false);
  });

  it('compose v1: `up --no-start`, the files copied into each container, then `up -d`', async () => {
    const { engine, d, composeCalls } = await deployWith({
      argv: ['docker-compose'],
      version: '1.29.2',
      inlineConfigs: false,
    });
    expect(composeCalls.map((c) => c.argv.filter((x) => !x.endsWith('docker-compose.yml')))).toEqual([
      ['docker-compose', '-p', d.name, '-f', 'up', '--no-start', '--remove-orphans'],
      ['docker-compose', '-p', d.name, '-f', 'up', '-d', '--remove-orphans'],
    ]);
    expect(composeCalls[0]?.compose).not.toHaveProperty('configs');
    const cp = engine.calls.filter((c) => c.argv[1] === 'cp');
    expect(cp.map((c) => c.argv)).toEqual([['docker', 'cp', '-', 'c1:/']]);
    expect(cp[0]?.input).toContain('etc/app/app.ini');
    expect(cp[0]?.input).toContain('[app]\n');
    const cpAt = engine.calls.indexOf(cp[0]!);
    expect(engine.calls.indexOf(composeCalls[0]!)).toBeLessThan(cpAt);
    expect(engine.calls.indexOf(composeCalls[1]!)).toBeGreaterThan(cpAt);
  });
});
