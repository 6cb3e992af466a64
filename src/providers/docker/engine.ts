/**
 * One Docker engine as the docker CLI sees it: every command runs with `DOCKER_HOST` set to
 * the engine's address, an argument array, a timeout, and a clean environment, so stack
 * variables reach compose interpolation through the environment and never through argv.
 */
import { basename } from 'node:path';
import { ApplyError } from '../../errors.js';
import type { Redactor } from '../../secrets.js';
import type { ExecOptions, ExecResult } from '../../util/exec.js';
import type { Variable } from '../../desired/types.js';

/** Runs one command; `exec` in production, a counting wrapper in tests. */
export type DockerRunner = (argv: readonly string[], opts: ExecOptions) => Promise<ExecResult>;

/** Variables of the caller's environment that the docker and compose CLIs need to reach an engine. */
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'USER',
  'LANG',
  'TMPDIR',
  'SSH_AUTH_SOCK',
  'DOCKER_CONFIG',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'DOCKER_TLS',
  'DOCKER_API_VERSION',
  'XDG_RUNTIME_DIR',
] as const;

/** How a run of one command should go. */
export interface RunOptions {
  /** Stack variables, set in the command's environment (compose interpolates them). */
  vars?: readonly Variable[];
  input?: string;
  cwd?: string;
  timeoutMs?: number;
  /** Return the result of a non-zero exit instead of throwing. */
  allowFailure?: boolean;
}

/** A compose CLI and what it can do. */
export interface ComposeCli {
  /** `['docker', 'compose']` (v2 plugin) or `['docker-compose']`. */
  argv: readonly string[];
  version: string;
  /** Understands `configs.<key>.content` and copies it into containers (v2.23.1 and later). */
  inlineConfigs: boolean;
}

/** The docker CLI bound to one engine. */
export class DockerEngine {
  constructor(
    /** DOCKER_HOST-style address: unix://, tcp://, ssh://. */
    readonly host: string,
    private readonly runner: DockerRunner,
    private readonly redactor: Redactor,
    private readonly defaultTimeoutMs: number,
    private readonly signal?: AbortSignal,
    private readonly dockerBinary = 'docker',
  ) {}

  /** The environment of every command: a few passed-through variables, DOCKER_HOST and the stack's variables. */
  env(vars: readonly Variable[] = []): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const key of PASSED_THROUGH) if (process.env[key] !== undefined) env[key] = process.env[key];
    for (const v of vars) env[v.name] = v.value;
    env.DOCKER_HOST = this.host;
    return env;
  }

  /** Run `docker <args>` against this engine. */
  docker(args: readonly string[], opts: RunOptions = {}): Promise<ExecResult> {
    return this.run([this.dockerBinary, ...args], opts);
  }

  /** Run any docker-family command (`docker-compose …`) against this engine. */
  async run(argv: readonly string[], opts: RunOptions = {}): Promise<ExecResult> {
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs;
    const r = await this.runner(argv, {
      timeoutMs,
      env: this.env(opts.vars),
      ...(opts.input !== undefined ? { input: opts.input } : {}),
      ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
      ...(this.signal ? { signal: this.signal } : {}),
    });
    const shown = this.redactor.redact(
      argv
        .slice(0, 10)
        .map((a) => (a.includes('/phoenix-docker-') ? basename(a) : a))
        .join(' '),
    );
    if (r.timedOut)
      throw new ApplyError(`${shown} on ${this.host} timed out after ${timeoutMs} ms`, { transient: true });
    if (r.code !== 0 && !opts.allowFailure) {
      const detail = this.redactor.redact((r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n'));
      throw new ApplyError(`${shown} on ${this.host} exited with ${r.code ?? r.signal}: ${detail}`);
    }
    return r;
  }

  /** Non-empty lines of a command's output. */
  async lines(args: readonly string[]): Promise<string[]> {
    const r = await this.docker(args);
    return r.stdout
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

/** Compare dotted versions numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a
    .replace(/^v/, '')
    .split(/[.+-]/)
    .map((x) => Number.parseInt(x, 10) || 0);
  const pb = b
    .replace(/^v/, '')
    .split(/[.+-]/)
    .map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The compose release that copies `configs.content` into containers. */
const INLINE_CONFIGS_SINCE = '2.23.1';

/**
 * Find the compose CLI: the v2 plugin (`docker compose`) where present, else
 * `docker-compose` (v1, or a standalone v2 binary). Undefined when neither answers.
 */
export async function detectCompose(
  engine: DockerEngine,
  dockerBinary = 'docker',
): Promise<ComposeCli | undefined> {
  for (const argv of [[dockerBinary, 'compose'], ['docker-compose']]) {
    const r = await engine
      .run([...argv, 'version', '--short'], { allowFailure: true, timeoutMs: 30_000 })
      .catch(() => undefined);
    const version = r?.code === 0 ? r.stdout.trim().split('\n')[0]?.trim() : undefined;
    if (!version) continue;
    const major = Number.parseInt(version.replace(/^v/, ''), 10);
    return {
      argv,
      version,
      inlineConfigs: major >= 2 && compareVersions(version, INLINE_CONFIGS_SINCE) >= 0,
    };
  }
  return undefined;
}
