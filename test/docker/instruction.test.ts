/**
 * Docker backend: the change is the whole instruction. The plan carries the compose text of
 * the planned mode (marker masked), the variables (secret values withheld) and the files;
 * apply sends exactly that, with only secret values and the marker resolved from the desired
 * state of its own run. A runner stands in for the docker CLI and records what it is given.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RecordingReporter } from '../../src/output/events.js';
import type { Change } from '../../src/plan/change.js';
import { applyPolicy } from '../../src/plan/policy.js';
import { MARKER_MASK } from '../../src/providers/compose-marker.js';
import { DockerStacksProvider } from '../../src/providers/docker/provider.js';
import { planDockerStacks, type DockerStackValue } from '../../src/providers/docker/plan.js';
import type { DesiredState, StackDeployment } from '../../src/desired/types.js';
import type { ExecOptions, ExecResult } from '../../src/util/exec.js';
import { Redactor, REDACTED } from '../../src/secrets.js';
import { deployment, desiredState, options } from './fixtures.js';

const HOST = 'tcp://127.0.0.1:9';
const TOKEN = 'canary-docker-token-0e41c7';
const ROTATED = 'canary-docker-rotated-77ab02';

const web = (extra = '', token = TOKEN): StackDeployment => {
  const d = deployment({
    stack: 'web',
    host: HOST,
    services: { web: { image: 'nginx:alpine' } },
    variables: [
      { name: 'PORT', value: '80', secret: false },
      { name: 'TOKEN', value: token, secret: true },
    ],
  });
  return { ...d, compose: { standalone: d.compose.standalone + extra, swarm: d.compose.swarm + extra } };
};

function plan(d: StackDeployment): Change<DockerStackValue>[] {
  const live = { engines: [{ host: HOST, swarm: false, projects: [] }] };
  return applyPolicy(planDockerStacks(desiredState([d]), live, options()), options());
}

/** A docker CLI that records the compose file and variables of `up -d`, then fails it. */
function recorder() {
  const seen: { argv: string[]; compose?: string; token?: string }[] = [];
  const runner = async (argv: readonly string[], o: ExecOptions): Promise<ExecResult> => {
    const f = argv.indexOf('-f');
    seen.push({
      argv: [...argv],
      ...(f >= 0 ? { compose: readFileSync(argv[f + 1]!, 'utf8') } : {}),
      ...(o.env?.TOKEN ? { token: o.env.TOKEN } : {}),
    });
    const up = argv.includes('up');
    return {
      code: up ? 1 : 0,
      signal: null,
      stdout: '',
      stderr: up ? 'stopped by the test' : '',
      timedOut: false,
    };
  };
  return { seen, runner };
}

async function apply(changes: Change[], desired: DesiredState, runner = recorder()) {
  const provider = new DockerStacksProvider({
    runner: runner.runner,
    compose: { argv: ['docker', 'compose'], version: '2.30.0', inlineConfigs: true },
  });
  const ctx = {
    desired,
    options: options(),
    reporter: new RecordingReporter(),
    redactor: new Redactor(),
    signal: new AbortController().signal,
    failedDeployments: new Set<string>(),
  };
  const live = { engines: [{ host: HOST, swarm: false, projects: [] }] };
  return { results: await provider.apply(ctx, changes, live), seen: runner.seen };
}

describe('docker: the change is the whole instruction', () => {
  it('the plan carries compose, variables and files, with the marker masked and no secret value', () => {
    const d = web();
    const [c] = plan(d);
    expect(c?.action).toBe('create');
    expect(c?.after).toMatchObject({
      mode: 'standalone',
      vars: { PORT: '80', TOKEN: REDACTED },
      withheld: ['TOKEN'],
    });
    expect(c?.after?.compose).toContain(MARKER_MASK);
    expect(c?.after?.compose).not.toContain(d.hash);
    expect(JSON.stringify(c)).not.toContain(TOKEN);
  });

  it('apply sends the planned compose, not a later edit, with the secret and marker of its own run', async () => {
    const changes = plan(web());
    const later = web('# edited after the plan\n', ROTATED);
    const { results, seen } = await apply(changes, desiredState([later]));
    const up = seen.find((s) => s.argv.includes('up'));
    expect(up?.compose).toBeDefined();
    expect(up?.compose).not.toContain('edited after the plan');
    expect(up?.compose).toContain(later.hash);
    expect(up?.token).toBe(ROTATED);
    // The fake `up` failed: the change fails with its message, nothing else is attempted.
    expect(results.map((r) => r.status)).toEqual(['failed']);
  });

  it.each([
    [
      'a secret gone from the config',
      (d: StackDeployment) => ({ ...d, variables: d.variables.filter((v) => !v.secret) }),
      /variable TOKEN is no longer in the config$/,
    ],
    ['the deployment gone from the config', undefined, /1001\/web-production is no longer in the config$/],
  ])(
    '%s between plan and apply: the change fails and no docker command runs',
    async (_name, edit, message) => {
      const changes = plan(web());
      const desired = desiredState(edit ? [edit(web())] : []);
      const { results, seen } = await apply(changes, desired);
      expect(results.map((r) => [r.status, r.error?.message])).toEqual([
        ['failed', expect.stringMatching(message)],
      ]);
      expect(seen).toEqual([]);
    },
  );
});
