/**
 * Notifications of `phoenix serve` (`sync.notify`): a failed run, drift found by a drift check,
 * and a recovery (a run that succeeds after a failed one) are sent to a generic JSON webhook,
 * an ntfy topic or an Apprise API. Sending never blocks or fails a sync: `onRun` only queues
 * (each receiver has its own queue, so a slow one delays no other), delivery is retried with
 * backoff a bounded number of times, and what could not be delivered is logged, not thrown.
 */
import { resolveSecret } from '../config/secret-ref.js';
import type { SyncSettings } from '../config/settings.js';
import type { RunRecord, RunStatus } from '../history/types.js';
import type { Redactor } from '../secrets.js';
import { DEFAULT_RETRY, deliver, type RetryPolicy } from './deliver.js';
import { outgoing, pending, type Notice, type NotifyEvent, type NotifyType } from './formats.js';

export type { NotifyEvent } from './formats.js';

/** One `sync.notify[]` entry as the settings give it (references unresolved). */
export type NotifySetting = SyncSettings['notify'][number];

/** Optional knobs; the defaults suit a service. */
export interface NotifierOptions {
  /** Where delivery problems are written, one line each (default: stderr). */
  log?: (line: string) => void;
  /** Retries and timeouts (default: `DEFAULT_RETRY`). */
  retry?: Partial<RetryPolicy>;
}

/** Notices waiting per receiver beyond this drop the oldest: a receiver down for days must not grow memory. */
const MAX_QUEUED = 100;

interface Target {
  /** `sync.notify[2] (ntfy)`: how logs name it (never by its URL, which may hold a token). */
  name: string;
  type: NotifyType;
  url: string;
  token?: string;
  on: NotifyEvent[];
  queue: Notice[];
  running?: Promise<void>;
}

/** Sends notices about runs to the receivers of `sync.notify`. */
export class Notifier {
  /** Receivers left out because their `url` or `token` could not be resolved, in words. */
  readonly problems: string[] = [];
  private readonly targets: Target[] = [];
  private readonly log: (line: string) => void;
  private readonly retry: RetryPolicy;
  /** Whether the last run that applied anything failed (decides a recovery). */
  private lastOutcome: RunStatus | undefined;
  /** The pending changes of the last drift notified: the same drift is told once. */
  private lastDrift: string | undefined;

  constructor(
    settings: readonly NotifySetting[],
    root: string,
    env: NodeJS.ProcessEnv,
    private readonly redactor: Redactor,
    opts: NotifierOptions = {},
  ) {
    this.log = opts.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    settings.forEach((s, i) => {
      const name = `sync.notify[${i}] (${s.type})`;
      const url = resolveSecret(s.url, root, env);
      const token = s.token === undefined ? undefined : resolveSecret(s.token, root, env);
      // A URL given as a reference holds a secret (an ntfy topic is its own password).
      if (url.ok && url.reference) redactor.add(url.value);
      if (token?.ok) redactor.add(token.value);
      const problem = !url.ok
        ? `url: ${url.message}`
        : token && !token.ok
          ? `token: ${token.message}`
          : !/^https?:\/\/./i.test(url.value)
            ? 'url: not an http:// or https:// URL'
            : undefined;
      if (problem || !url.ok) {
        this.problems.push(redactor.redact(`${name} ${problem}; this receiver is off`));
        return;
      }
      this.targets.push({
        name,
        type: s.type,
        url: url.value,
        ...(token?.ok ? { token: token.value } : {}),
        on: [...s.on],
        queue: [],
      });
    });
    for (const p of this.problems) this.log(`notify: ${p}`);
  }

  /**
   * Tell the receivers about a finished run: a failure, drift (once per distinct set of
   * pending changes), or a recovery when the run before it (`previous`, else the last one
   * this notifier saw) had failed. Returns at once; never throws.
   */
  onRun(run: RunRecord, previous?: RunRecord): void {
    try {
      for (const event of this.events(run, previous)) {
        const notice: Notice = { event, run, ...(event === 'recovery' && previous ? { previous } : {}) };
        for (const t of this.targets) if (t.on.includes(event)) this.enqueue(t, notice);
      }
    } catch (err) {
      this.log(`notify: run #${run.id} not notified: ${this.redactor.redact(String(err))}`);
    }
  }

  /** Wait until every queued notice is delivered or given up (for shutdown and tests). */
  async flush(): Promise<void> {
    for (;;) {
      const busy = this.targets.map((t) => t.running).filter((p): p is Promise<void> => !!p);
      if (!busy.length) return;
      await Promise.all(busy);
    }
  }

  private events(run: RunRecord, previous: RunRecord | undefined): NotifyEvent[] {
    const out: NotifyEvent[] = [];
    const before = previous && isOutcome(previous.status) ? previous.status : this.lastOutcome;
    if (run.status === 'failed') out.push('failure');
    if (run.status === 'ok' && before === 'failed') out.push('recovery');
    if (isOutcome(run.status)) this.lastOutcome = run.status;
    if (run.status === 'drift') {
      const key = pending(run)
        .map((c) => `${c.stage}\0${c.kind}\0${c.id}\0${c.action}`)
        .sort()
        .join('\n');
      if (key !== this.lastDrift) out.push('drift');
      this.lastDrift = key;
    } else if (run.status === 'no-drift' || run.status === 'ok') {
      this.lastDrift = undefined;
    }
    return out;
  }

  private enqueue(t: Target, notice: Notice): void {
    t.queue.push(notice);
    if (t.queue.length > MAX_QUEUED) {
      const dropped = t.queue.shift();
      this.log(
        `notify: ${t.name}: more than ${MAX_QUEUED} waiting; run #${dropped?.run.id}'s ${dropped?.event} dropped`,
      );
    }
    this.pump(t);
  }

  /** Work through a receiver's queue in order, one notice at a time. */
  private pump(t: Target): void {
    if (t.running) return;
    // Started on a later turn of the event loop: even building the first request is not the caller's time.
    t.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        for (let n = t.queue.shift(); n; n = t.queue.shift()) await this.send(t, n);
      })
      .finally(() => {
        t.running = undefined;
        // A notice queued while the loop was ending must not wait for the next one.
        if (t.queue.length) this.pump(t);
      });
  }

  private async send(t: Target, n: Notice): Promise<void> {
    const what = `${t.name}: run #${n.run.id}'s ${n.event}`;
    try {
      const req = outgoing(t.type, t.url, t.token, n, this.redactor);
      const r = await deliver(req, this.retry, (attempt, reason, wait) =>
        this.log(
          `notify: ${what}: attempt ${attempt} of ${this.retry.attempts} failed (${this.redactor.redact(reason)}); again in ${wait < 1000 ? `${wait} ms` : `${(wait / 1000).toFixed(1)} s`}`,
        ),
      );
      if (!r.ok)
        this.log(
          `notify: ${what} not delivered after ${r.attempts} attempt(s): ${this.redactor.redact(r.reason)}`,
        );
    } catch (err) {
      this.log(`notify: ${what} not delivered: ${this.redactor.redact(String(err))}`);
    }
  }
}

/** The statuses of runs that applied (drift checks and interrupted runs decide no recovery). */
function isOutcome(status: RunStatus): status is 'ok' | 'failed' {
  return status === 'ok' || status === 'failed';
}
