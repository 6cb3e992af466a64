/**
 * When `phoenix serve` refuses to start (exit 1, the problem located in the global file,
 * nothing contacted or written): a listen address other than loopback without a token, a
 * token written in plain text, a token whose reference does not resolve, a listen address
 * that is not host:port. With a token, a non-loopback address starts, and SIGTERM while idle
 * exits 0. And the launcher users run (the bundle) serves too.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/root.js';
import {
  launchServe,
  runs,
  startGitLab,
  startServe,
  TOKEN,
  type GitLab,
  type ServeProc,
  stopLab,
} from './rig.js';

const GLOBAL = ['etc', 'phoenix_hypervisor_config.json'];

/** `file:line:col` of the value of `"key": <value>` in the global file, as serve names it (relative to its cwd). */
function where(lab: GitLab, key: string): string {
  const path = join(lab.h.root, ...GLOBAL);
  const lines = readFileSync(path, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(`"${key}": `));
  const column = lines[line]!.indexOf(`"${key}": `) + key.length + 5;
  return `${relative(REPO, path)}:${line + 1}:${column}`;
}

describe('phoenix serve: refusing to start', () => {
  let lab: GitLab | undefined;
  let serve: ServeProc | undefined;
  afterEach(async () => {
    await stopLab(lab, serve);
    lab = serve = undefined;
  });

  const refused = async (settings: Record<string, unknown>, key: string, message: RegExp) => {
    lab = await startGitLab(settings, { git: false });
    serve = launchServe(lab);
    const exit = await serve.exit;
    const log = serve.lines.join('\n');
    expect(exit.code, log).toBe(1);
    const at = where(lab, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(log).toMatch(new RegExp(`serve: ${at}: error: ${message.source}`, 'm'));
    expect(log).toMatch(/serve: not started: 1 problem\(s\) in sync\.serve; nothing was changed$/m);
    expect(log).not.toMatch(/listening/);
    // Nothing contacted, nothing written.
    expect(lab.h.double.calls).toEqual([]);
    expect(existsSync(lab.stateDir)).toBe(false);
    expect(existsSync(join(lab.h.root, '.phoenix.lock'))).toBe(false);
    expect(log).not.toContain(TOKEN);
  };

  it('a non-loopback listen address without a token', () =>
    refused(
      { listen: '0.0.0.0:0' },
      'listen',
      /sync\.serve\.listen "0\.0\.0\.0:0" is not a loopback address, and sync\.serve\.token is not set: refusing/,
    ));

  it('a token in plain text (never repeated)', () =>
    refused(
      { token: TOKEN },
      'token',
      /sync\.serve\.token must be a reference \("env:NAME" or "file:PATH"\), not the value itself/,
    ));

  it('a token whose reference does not resolve', () =>
    refused(
      { listen: '10.1.2.3:9440', token: 'env:PHOENIX_NO_SUCH_TOKEN' },
      'token',
      /sync\.serve\.token: environment variable PHOENIX_NO_SUCH_TOKEN is not set/,
    ));

  it('a listen address that is not host:port', () =>
    refused({ listen: 'localhost' }, 'listen', /sync\.serve\.listen "localhost" is not host:port/));

  it('the built CLI (bin/phoenix.js): serves, records a drift check, counts it in /metrics; SIGTERM exits 0', async () => {
    execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'pipe' });
    lab = await startGitLab({ drift_seconds: 1 }, { git: false });
    serve = await startServe(lab, [], { built: true });
    await serve.waitFor(/drift check: run #1 \w+/, 30_000);
    const metrics = await (await fetch(`${serve.url}/metrics`)).text();
    expect(metrics).toMatch(/^phoenix_runs_total\{trigger="drift",result="drift"\} \d+$/m);
    serve.child.kill('SIGTERM');
    expect(await serve.exit).toEqual({ code: 0, signal: null });
    expect(runs(lab)[0]).toMatchObject({ trigger: 'drift', command: 'serve plan' });
  }, 120_000);

  it('with a token, a non-loopback address starts; SIGTERM while idle exits 0', async () => {
    lab = await startGitLab(
      { listen: '0.0.0.0:0', token: 'env:PHOENIX_SERVE_TOKEN', drift_seconds: 0 },
      { git: false },
    );
    serve = await startServe(lab);
    expect(serve.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    const port = new URL(serve.url).port;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(401);
    serve.child.kill('SIGTERM');
    expect(await serve.exit).toEqual({ code: 0, signal: null });
    expect(serve.lines.at(-1)).toMatch(/serve: stopped$/);
  }, 60_000);
});
