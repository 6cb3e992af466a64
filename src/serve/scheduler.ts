/**
 * One job at a time, and at most one waiting. A request while a job runs becomes the waiting
 * job, or joins it: a burst of webhooks, a poll tick and a drift tick that all arrive during
 * one run make a single job after it, which does everything they asked for once.
 */

/** What a job is asked to do: look at git (and sync a new commit), and/or check for drift. */
export interface Want {
  /** Fetch, fast-forward, sync a new commit; `webhook` when any request came from the webhook. */
  git?: 'poll' | 'webhook';
  drift?: boolean;
}

/** What became of a request. */
export type Queued = 'started' | 'queued' | 'joined' | 'closed';

/** Runs jobs one by one, merging the requests that arrive meanwhile. */
export class Scheduler {
  private running: Promise<void> | undefined;
  private pending: Want | undefined;
  private closed = false;

  constructor(private readonly work: (want: Want) => Promise<void>) {}

  /** Ask for a job: started now when idle, else queued (or joined to the queued one). */
  request(want: Want): Queued {
    if (this.closed) return 'closed';
    if (!this.running) {
      this.start(want);
      return 'started';
    }
    const joined = this.pending !== undefined;
    this.pending = merge(this.pending, want);
    return joined ? 'joined' : 'queued';
  }

  /** Is a job running now? */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Is a job waiting? */
  get waiting(): boolean {
    return this.pending !== undefined;
  }

  /** Accept nothing more and drop the waiting job; resolves once the running one has ended. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending = undefined;
    while (this.running) await this.running;
  }

  private start(want: Want): void {
    this.running = this.work(want)
      .catch(() => undefined) // a job reports its own failures; the queue goes on
      .finally(() => {
        this.running = undefined;
        const next = this.pending;
        this.pending = undefined;
        if (next && !this.closed) this.start(next);
      });
  }
}

function merge(a: Want | undefined, b: Want): Want {
  const git = a?.git === 'webhook' || b.git === 'webhook' ? 'webhook' : (a?.git ?? b.git);
  return { ...(git ? { git } : {}), ...(a?.drift || b.drift ? { drift: true } : {}) };
}
