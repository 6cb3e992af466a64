/**
 * `phoenix serve` from start to stop: load the root once (serve refuses to start on an
 * invalid one, or on a listen address other than loopback without a token), open the run
 * history, find the git upstream, listen, then poll, check drift and answer webhooks until
 * SIGTERM or SIGINT. Returns the exit code: 0 after a clean stop, 1 when it could not start.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import { Diagnostics, formatDiagnostic } from '../config/diagnostics.js';
import { loadEstate } from '../engine/estate.js';
import { PhoenixError } from '../errors.js';
import { History } from '../history/index.js';
import { Notifier } from '../notify/index.js';
import { silentReporter } from '../output/events.js';
import type { SyncRequest } from '../engine/pipeline.js';
import { Redactor } from '../secrets.js';
import { Git, short } from './git.js';
import { serveHttp, type Routes } from './http.js';
import { ServeLog } from './log.js';
import { Metrics } from './metrics.js';
import { estatePicture, renderRunPage, renderStatusPage } from './page.js';
import { Service } from './service.js';
import { serveConfig } from './settings.js';

/** How serve is started (by the CLI command, or a test). */
export interface ServeRequest {
  root: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  options: SyncRequest['options'];
  verbose: boolean;
  /** Where the log lines go (stderr). */
  err: (text: string) => void;
  /** Whose SIGTERM and SIGINT stop serve. */
  proc?: NodeJS.Process;
}

/** How long notifications still in flight may take once serve stops. */
const FLUSH_MS = 10_000;

/** Run serve until a signal stops it; resolves to the exit code. */
export async function serve(req: ServeRequest): Promise<number> {
  const proc = req.proc ?? process;
  // Taken over at once: a SIGTERM while starting stops serve cleanly once it has started.
  let service: Service | undefined;
  let early: 'SIGTERM' | 'SIGINT' | undefined;
  let stop!: () => void;
  const stopping = new Promise<void>((r) => (stop = r));
  const onSignal = (sig: 'SIGTERM' | 'SIGINT') => {
    if (service) service.signal(sig);
    else early ??= sig;
    stop();
  };
  const onTerm = () => onSignal('SIGTERM');
  const onInt = () => onSignal('SIGINT');
  proc.on('SIGTERM', onTerm);
  proc.on('SIGINT', onInt);
  try {
    return await run(
      req,
      (s) => {
        service = s;
        if (early) s.signal(early);
      },
      stopping,
    );
  } finally {
    proc.off('SIGTERM', onTerm);
    proc.off('SIGINT', onInt);
  }
}

/** Start, then serve until `stopping` resolves. */
async function run(
  req: ServeRequest,
  started: (s: Service) => void,
  stopping: Promise<void>,
): Promise<number> {
  const redactor = new Redactor();
  const log = new ServeLog(req.err, redactor, req.verbose);
  let estate;
  try {
    estate = await loadEstate(req.root, req.env, log.reporter('serve'), redactor, req.cwd);
  } catch (err) {
    log.line(`serve: not started: ${(err as Error).message}`);
    return err instanceof PhoenixError ? err.exitCode : 1;
  }
  const diags = new Diagnostics();
  const settings = estate.desired.settings;
  const cfg = serveConfig(estate.config, settings, req.env, diags);
  if (!cfg) {
    for (const d of diags.sorted()) log.line(`serve: ${formatDiagnostic(d)}`);
    log.line(`serve: not started: ${diags.errors.length} problem(s) in sync.serve; nothing was changed`);
    return 1;
  }
  redactor.add(cfg.token);
  redactor.add(cfg.webhookSecret);

  const probe = new Git(req.root, cfg.gitTimeoutMs);
  const repo = await probe.detect();
  const git = 'reason' in repo ? undefined : probe;
  let history: History | undefined;
  try {
    history = History.open(cfg.stateDir);
  } catch (err) {
    log.line(
      `serve: warning: the run history in ${cfg.stateDir} cannot be opened: ${(err as Error).message}`,
    );
  }
  const metrics = new Metrics();
  const notifier = new Notifier(settings.notify, req.root, req.env, redactor, { log: (l) => log.line(l) });
  const service = new Service({
    root: req.root,
    env: req.env,
    cwd: req.cwd,
    cfg,
    options: req.options,
    git,
    history,
    metrics,
    notifier,
    log,
    redactor,
  });
  metrics.seed(recent(history, 50));

  const server = serveHttp(routes(req, service, history, metrics, redactor, log, repo), cfg, log);
  try {
    server.listen(cfg.port, cfg.host);
    await once(server, 'listening');
  } catch (err) {
    log.line(`serve: not started: cannot listen on ${cfg.host}:${cfg.port}: ${(err as Error).message}`);
    history?.close();
    return 1;
  }
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  const host = cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host;
  log.line(
    `serve: listening on http://${host}:${port}; root ${req.root}; ` +
      ('reason' in repo
        ? `not following git (${repo.reason}): no polling, webhooks refused`
        : `following ${repo.upstream} at ${short(repo.head)}, poll ${seconds(cfg.pollMs)}`) +
      `; drift check ${seconds(cfg.driftMs)}, self_heal ${cfg.selfHeal ? 'on' : 'off'}; webhook ${cfg.webhookSecret ? 'on' : 'off'}; token ${cfg.token ? 'required' : 'none'}`,
  );

  started(service);
  const timers: NodeJS.Timeout[] = [];
  if (git && cfg.pollMs > 0)
    timers.push(setInterval(() => service.scheduler.request({ git: 'poll' }), cfg.pollMs));
  if (cfg.driftMs > 0)
    timers.push(setInterval(() => service.scheduler.request({ drift: true }), cfg.driftMs));
  // On start: take what the upstream has, and sync it unless the history says it was tried.
  if (git) service.scheduler.request({ git: 'poll' });

  await stopping;
  for (const t of timers) clearInterval(t);
  await service.stopped();
  await closeServer(server);
  await Promise.race([notifier.flush(), new Promise((r) => setTimeout(r, FLUSH_MS).unref())]);
  history?.close();
  log.line('serve: stopped');
  return 0;
}

/** The routes, answered from the service, the history and the pages. */
function routes(
  req: ServeRequest,
  service: Service,
  history: History | undefined,
  metrics: Metrics,
  redactor: Redactor,
  log: ServeLog,
  repo: { reason: string } | { upstream: string },
): Routes {
  const redact = (t: string) => redactor.redact(t);
  let picture: { key: string; svg: Promise<string | undefined> } | undefined;
  const estateSvg = () => {
    // Drawn again only when the config may have changed: a new commit or a new run.
    const key = `${service.git.head ?? ''}|${service.lastRun?.id ?? ''}`;
    if (picture?.key !== key)
      picture = {
        key,
        svg: loadEstate(req.root, req.env, silentReporter, redactor, req.cwd)
          .then((e) => estatePicture(e.desired))
          .catch(() => undefined),
      };
    return picture.svg;
  };
  return {
    status: async () => {
      const svg = await estateSvg();
      return renderStatusPage(
        {
          runs: recent(history, 20),
          drift: [...service.drift.values()],
          ...(svg ? { estateSvg: svg } : {}),
          generatedAt: new Date().toISOString(),
        },
        redact,
      );
    },
    run: (id) => {
      const run = history?.get(id);
      return Promise.resolve(run ? renderRunPage(run, redact) : undefined);
    },
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.text() }),
    health: () => {
      const last = service.lastRun;
      return {
        status: 'ok',
        running: service.scheduler.busy,
        queued: service.scheduler.waiting,
        // The details (file names, git's messages, which may name a remote URL) stay in the log.
        git:
          'reason' in repo
            ? { state: 'off' }
            : { upstream: repo.upstream, state: service.git.state, head: service.git.head },
        ...(last
          ? {
              lastRun: {
                id: last.id,
                trigger: last.trigger,
                status: last.status,
                commit: last.commit,
                endedAt: last.endedAt,
              },
            }
          : {}),
      };
    },
    hook: (event) => {
      if ('reason' in repo) {
        log.line(
          `webhook: refused (409): ${repo.reason}, so there is nothing to fetch; serve checks drift only`,
        );
        return { code: 409, message: `not following git: ${repo.reason}` };
      }
      if (event === 'ping') {
        log.line('webhook: ping received (the forge reached serve, the secret matches)');
        return { code: 200, message: 'pong' };
      }
      const q = service.scheduler.request({ git: 'webhook' });
      const what = {
        started: 'fetching now',
        queued: 'queued after the run in flight',
        joined: 'joined the check already queued',
        closed: 'refused: serve is stopping',
      }[q];
      log.line(`webhook${event ? ` (${event})` : ''}: ${what}`);
      return q === 'closed' ? { code: 503, message: 'stopping' } : { code: 202, message: what };
    },
  };
}

function recent(history: History | undefined, n: number) {
  try {
    return history?.list(n) ?? [];
  } catch {
    return [];
  }
}

function seconds(ms: number): string {
  return ms > 0 ? `every ${ms / 1000} s` : 'off';
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise((r) => server.close(r));
  server.closeAllConnections();
  await closed;
}
