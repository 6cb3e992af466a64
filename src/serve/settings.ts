/**
 * `sync.serve` made ready to use: the listen address split and checked, the token and the
 * webhook secret resolved from their `env:` / `file:` references. Anything wrong is a located
 * problem (file:line:col) and serve does not start: in particular a listen address other
 * than loopback without a token, which would put the status page, the metrics and the run
 * history of the estate on the network for anyone to read.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { Diagnostics } from '../config/diagnostics.js';
import type { LoadedConfig } from '../config/load.js';
import { isSecretRef, resolveSecret } from '../config/secret-ref.js';
import type { SyncSettings } from '../config/settings.js';

/** What serve runs with. */
export interface ServeConfig {
  host: string;
  port: number;
  loopback: boolean;
  /** The bearer token, resolved (a secret: registered with the redactor by the caller). */
  token?: string;
  /** The webhook secret, resolved; without it `POST /hooks/git` is off. */
  webhookSecret?: string;
  pollMs: number;
  driftMs: number;
  selfHeal: boolean;
  stopMs: number;
  /** Where the run history lives (absolute). */
  stateDir: string;
  /** Bound of each git command. */
  gitTimeoutMs: number;
}

/** Is `host` a loopback name or address (only this machine can connect)? */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** `host:port` or `[v6]:port`; undefined when it is neither. */
export function parseListen(listen: string): { host: string; port: number } | undefined {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(listen.trim());
  const host = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  if (!host || !Number.isInteger(port) || port > 65535) return undefined;
  return { host, port };
}

/** The serve settings of a loaded root, checked; `diags` gets every problem (all of them at once). */
export function serveConfig(
  config: LoadedConfig,
  settings: SyncSettings,
  env: NodeJS.ProcessEnv,
  diags: Diagnostics,
): ServeConfig | undefined {
  const s = settings.serve;
  const doc = config.globalDoc;
  const at = (key: string) => doc.at(['sync', 'serve', key]);
  const listen = parseListen(s.listen);
  if (!listen)
    diags.error(
      'serve-listen',
      at('listen'),
      `sync.serve.listen "${s.listen}" is not host:port`,
      'e.g. "127.0.0.1:9440", or "[::1]:9440", or "0.0.0.0:9440" with a token',
    );
  const secret = (key: 'token' | 'webhook_secret'): string | undefined => {
    const ref = s[key];
    if (ref === undefined) return undefined;
    if (!isSecretRef(ref)) {
      // The value itself is never repeated: whoever reads the root would read it too.
      diags.error(
        'plaintext-secret',
        at(key),
        `sync.serve.${key} must be a reference ("env:NAME" or "file:PATH"), not the value itself`,
        'keep it out of the root: e.g. "file:/etc/phoenix/serve.token" (mode 0600)',
      );
      return undefined;
    }
    const r = resolveSecret(ref, config.root, env);
    if (!r.ok) {
      diags.error('secret', at(key), `sync.serve.${key}: ${r.message}`, r.hint);
      return undefined;
    }
    return r.value;
  };
  const token = secret('token');
  const webhookSecret = secret('webhook_secret');
  const loopback = listen ? isLoopback(listen.host) : true;
  if (listen && !loopback && s.token === undefined)
    diags.error(
      'serve-token',
      at('listen'),
      `sync.serve.listen "${s.listen}" is not a loopback address, and sync.serve.token is not set: refusing to serve the estate's status and history to the network without a token`,
      'set sync.serve.token to "env:NAME" or "file:PATH", or listen on 127.0.0.1',
    );
  if (!listen || diags.hasErrors) return undefined;
  return {
    ...listen,
    loopback,
    ...(token !== undefined ? { token } : {}),
    ...(webhookSecret !== undefined ? { webhookSecret } : {}),
    pollMs: s.poll_seconds * 1000,
    driftMs: s.drift_seconds * 1000,
    selfHeal: s.self_heal,
    stopMs: s.stop_seconds * 1000,
    stateDir: resolve(config.root, settings.state_dir),
    gitTimeoutMs: Math.max(settings.command_timeout_seconds, 30) * 1000,
  };
}
