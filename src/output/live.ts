/**
 * The interactive renderer for terminals: a live tree of stages and their changes with
 * spinners and durations, redrawn in place (log-update). Everything else (diagnostics, the
 * plan, the summary) is printed by the text renderer above the tree.
 */
import { createLogUpdate } from 'log-update';
import { createColors } from 'picocolors';
import type { Redactor } from '../secrets.js';
import type { PhoenixEvent } from './events.js';
import { withoutLabel } from '../errors.js';
import { TextRenderer, type TextOptions } from './text.js';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

interface Row {
  label: string;
  started: number;
  status: 'running' | 'ok' | 'failed' | 'skipped';
  durationMs?: number;
  detail?: string;
  children: Map<string, Row>;
}

/** Live tree on a terminal stream. */
export class LiveRenderer {
  private readonly rows = new Map<string, Row>();
  private readonly text: TextRenderer;
  private readonly log: ReturnType<typeof createLogUpdate>;
  private readonly c: ReturnType<typeof createColors>;
  private frame = 0;
  private timer: NodeJS.Timeout | undefined;
  private finished = false;

  constructor(
    private readonly redactor: Redactor,
    stream: NodeJS.WritableStream & { columns?: number },
    opts: Omit<TextOptions, 'timestamps'>,
  ) {
    this.log = createLogUpdate(stream);
    this.c = createColors(opts.color);
    // Lines printed above the tree: clear the frame, print, redraw.
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
      // The final tree stays on screen; the summary goes below it, not followed by a redraw.
      this.finished = true;
    }
    this.text.onEvent(e);
    if (e.type !== 'run-end') this.draw();
  };

  /** Update the tree from one event. */
  private update(e: PhoenixEvent): void {
    switch (e.type) {
      case 'confirm':
        // The question goes below the tree: keep what is drawn and start a new tree after it,
        // so no redraw erases the question or the answer.
        this.log.done();
        this.rows.clear();
        break;
      case 'stage-start':
        this.rows.set(e.stage, {
          label: e.stage,
          started: Date.now(),
          status: 'running',
          children: new Map(),
        });
        this.tick();
        break;
      case 'check-start': {
        const row = this.rows.get('checks');
        row?.children.set(e.name, {
          label: `check ${e.name}`,
          started: Date.now(),
          status: 'running',
          children: new Map(),
        });
        break;
      }
      case 'check-end': {
        const row = this.rows.get('checks')?.children.get(e.name);
        if (row)
          Object.assign(row, {
            status: e.ok ? 'ok' : 'failed',
            durationMs: e.durationMs,
            detail: e.ok ? undefined : e.detail,
          });
        break;
      }
      case 'change-start': {
        const stage = this.rows.get(e.change.stage);
        stage?.children.set(e.change.id, {
          label: `${e.change.action} ${e.change.label}`,
          started: Date.now(),
          status: 'running',
          children: new Map(),
        });
        break;
      }
      case 'change-end': {
        const row = this.rows.get(e.change.stage)?.children.get(e.change.id);
        if (row)
          Object.assign(row, {
            status: e.status,
            durationMs: e.durationMs,
            detail: e.error === undefined ? undefined : withoutLabel(e.error, e.change.label),
          });
        break;
      }
      case 'stage-end': {
        const row = this.rows.get(e.stage) ?? {
          label: e.stage,
          started: Date.now(),
          status: 'running' as const,
          children: new Map(),
        };
        this.rows.set(
          e.stage,
          Object.assign(row, { status: e.status, durationMs: e.durationMs, detail: e.reason }),
        );
        break;
      }
      default:
        break;
    }
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

  private mark(status: Row['status']): string {
    const c = this.c;
    if (status === 'running') return c.cyan(SPINNER[this.frame % SPINNER.length]!);
    return status === 'ok' ? c.green('✓') : status === 'failed' ? c.red('✗') : c.yellow('-');
  }

  private draw(): void {
    if (this.finished) return;
    const lines: string[] = [];
    const now = Date.now();
    const line = (row: Row, indent: string) => {
      const ms = row.durationMs ?? now - row.started;
      const detail = row.detail ? this.c.dim(` ${row.detail}`) : '';
      lines.push(
        `${indent}${this.mark(row.status)} ${row.label} ${this.c.dim(`${(ms / 1000).toFixed(1)}s`)}${detail}`,
      );
    };
    for (const row of this.rows.values()) {
      line(row, '');
      for (const child of row.children.values()) line(child, '  ');
    }
    if (lines.length) this.log(this.redactor.redact(lines.join('\n')));
  }
}
