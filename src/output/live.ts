/**
 * The interactive renderer for terminals: a live view of the run redrawn in place
 * (log-update). A header with the overall `N/M` counter and the elapsed time, one line per
 * step (checks, reading live state, each stage, waiting for health) whose finished changes
 * collapse into counters, and only the changes still running beneath; the frame is bounded
 * to the terminal's rows (live-frame.ts), so nothing scrolls off while the run is live. Everything
 * else (warnings, the plan, the final summary) is printed by the text renderer above the
 * view, into the scrollback, where it stays complete.
 */
import { createLogUpdate } from 'log-update';
import { createColors } from 'picocolors';
import type { Redactor } from '../secrets.js';
import type { PhoenixEvent, ProgressEvent } from './events.js';
import { withoutLabel } from '../errors.js';
import { liveFrame, type LiveState, type LiveStep } from './live-frame.js';
import { TextRenderer, type TextOptions } from './text.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const OBSERVE = 'reading live state';
const HEALTH = 'waiting for health';
/** Appended to a running change while it waits for health. */
const WAITING = ' · health';

/** Live view on a terminal stream. */
export class LiveRenderer {
  private readonly state: LiveState = { command: '', started: Date.now(), finished: 0, steps: [] };
  private readonly text: TextRenderer;
  private readonly log: ReturnType<typeof createLogUpdate>;
  private readonly c: ReturnType<typeof createColors>;
  private frame = 0;
  private timer: NodeJS.Timeout | undefined;
  private finished = false;
  /** Lines of the frame last drawn (see draw). */
  private height = 0;

  constructor(
    private readonly redactor: Redactor,
    private readonly stream: NodeJS.WritableStream & { columns?: number; rows?: number },
    opts: Omit<TextOptions, 'timestamps'>,
  ) {
    this.log = createLogUpdate(stream);
    this.c = createColors(opts.color);
    // Lines printed above the view: clear the frame, print, redraw.
    const above = (write: (t: string) => void) => (t: string) => {
      this.log.clear();
      write(t);
      this.draw();
    };
    this.text = new TextRenderer(redactor, {
      ...opts,
      timestamps: false,
      progress: false,
      out: above(opts.out),
      err: above(opts.err),
    });
  }

  readonly onEvent = (e: PhoenixEvent): void => {
    this.update(e);
    if (e.type === 'run-end') {
      this.stop();
      this.draw();
      this.log.done();
      // The last frame stays on screen; the summary goes below it, not followed by a redraw.
      this.finished = true;
    }
    this.text.onEvent(e);
    if (e.type !== 'run-end') this.draw();
  };

  private step(label: string): LiveStep | undefined {
    return this.state.steps.find((s) => s.label === label);
  }

  private start(label: string): LiveStep {
    const existing = this.step(label);
    if (existing) return existing;
    const st: LiveStep = {
      label,
      started: Date.now(),
      status: 'running',
      done: 0,
      failed: 0,
      skipped: 0,
      running: new Map(),
      failures: [],
    };
    this.state.steps.push(st);
    this.tick();
    return st;
  }

  private end(label: string, status: LiveStep['status'], durationMs?: number, detail?: string): void {
    const st = this.step(label) ?? this.start(label);
    st.status = status;
    st.durationMs = durationMs ?? Date.now() - st.started;
    if (detail !== undefined) st.detail = detail;
  }

  /** Steps are named by the stage ids the summary table uses, so the two read alike. */
  private static title(stage: string): string {
    return stage;
  }

  /** Update the state from one event. */
  private update(e: PhoenixEvent): void {
    const s = this.state;
    switch (e.type) {
      case 'run-start':
        s.command = e.command;
        break;
      case 'confirm':
        // The question goes below the view: keep what is drawn and start a new view after it,
        // so no redraw erases the question or the answer.
        this.log.done();
        s.steps = [];
        break;
      case 'stage-start':
        if (e.stage !== 'discovery') this.start(LiveRenderer.title(e.stage));
        break;
      case 'check-start':
        this.start('checks').running.set(e.name, { label: `check ${e.name}`, started: Date.now() });
        break;
      case 'check-end': {
        const st = this.start('checks');
        st.running.delete(e.name);
        if (e.ok) st.done++;
        else if (e.required) {
          st.failed++;
          st.failures.push(`check ${e.name}: ${e.detail}`);
        } else st.skipped++;
        break;
      }
      case 'stage-end':
        if (e.stage === 'discovery') break;
        this.end(LiveRenderer.title(e.stage), e.status, e.durationMs, e.reason);
        // Reading live state follows the checks (or starts at once when they are skipped).
        if (e.stage === 'checks' && e.status !== 'failed') this.start(OBSERVE);
        break;
      case 'planned':
        s.total = e.pending;
        if (this.step(OBSERVE)) this.end(OBSERVE, 'ok');
        break;
      case 'change-start':
        if (this.step(OBSERVE)?.status === 'running') this.end(OBSERVE, 'ok');
        this.start(LiveRenderer.title(e.change.stage)).running.set(e.change.id, {
          label: `${e.change.action} ${e.change.label}`,
          started: Date.now(),
        });
        break;
      case 'change-end': {
        const st = this.start(LiveRenderer.title(e.change.stage));
        st.running.delete(e.change.id);
        s.finished++;
        if (e.status === 'ok') st.done++;
        else if (e.status === 'skipped') st.skipped++;
        else {
          st.failed++;
          st.failures.push(
            `${e.change.action} ${e.change.label}${e.error === undefined ? '' : `: ${withoutLabel(e.error, e.change.label)}`}`,
          );
        }
        break;
      }
      case 'progress':
        this.progress(e);
        break;
      case 'run-end':
        for (const st of s.steps)
          if (st.status === 'running') this.end(st.label, e.exitCode ? 'failed' : 'ok');
        break;
      default:
        break;
    }
  }

  /** A deployment starts or stops waiting for health: the wait step counts it, its change says so. */
  private progress(e: ProgressEvent): void {
    const st = this.start(HEALTH);
    st.kind = 'wait';
    const change = this.step(LiveRenderer.title(e.stage))?.running.get(e.id);
    if (e.state === 'start') {
      st.running.set(e.id, { label: e.label, started: Date.now() });
      st.status = 'running';
      delete st.durationMs;
      if (change && !change.label.endsWith(WAITING)) change.label += WAITING;
      return;
    }
    if (change?.label.endsWith(WAITING)) change.label = change.label.slice(0, -WAITING.length);
    if (!st.running.delete(e.id)) return;
    if (e.ok) st.done++;
    else st.failed++;
    if (st.running.size === 0) this.end(HEALTH, st.failed ? 'failed' : 'ok');
  }

  private tick(): void {
    this.timer ??= setInterval(() => {
      this.frame++;
      this.draw();
    }, 100);
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private mark(status: LiveStep['status']): string {
    const c = this.c;
    if (status === 'running') return c.cyan(SPINNER[this.frame % SPINNER.length]!);
    return status === 'ok' ? c.green('✓') : status === 'failed' ? c.red('✗') : c.yellow('-');
  }

  private draw(): void {
    if (this.finished || this.state.steps.length === 0) return;
    const lines = liveFrame(this.state, {
      rows: this.stream.rows ?? 24,
      columns: this.stream.columns ?? 80,
      now: Date.now(),
      mark: (st) => this.mark(st),
    });
    const text = this.redactor.redact(lines.join('\n'));
    // log-update 7 patches a redraw in place, keeping the lines the old and new frames end
    // with where they were: right only when both have as many lines. A frame that grew or
    // shrank in the middle (a step inserted above running changes) overwrote a line, left
    // the cursor off by one, and the next clear erased the line above the view (the plan's
    // last line, in the 60-stack tmux test). So a frame of another height is drawn afresh.
    const height = text.split('\n').length;
    if (height !== this.height) this.log.clear();
    this.height = height;
    this.log(text);
  }
}
