/**
 * The text renderer for terminals and logs: diagnostics, discovery, the plan, results and
 * a summary. In plain mode (not a TTY, or NO_COLOR) there are no escape codes and each
 * progress line carries a timestamp.
 */
import { createColors } from 'picocolors';
import { formatDiagnostic } from '../config/diagnostics.js';
import { withoutLabel } from '../errors.js';
import type { Change, Stage } from '../plan/change.js';
import type { Redactor } from '../secrets.js';
import type { ChangeRef, Interruption, PhoenixEvent } from './events.js';
import { formatPlan, STAGE_TITLES, wrap } from './plan-text.js';
import { SummaryCollector } from './summary.js';
import { foldWarnings, longWarning, warningOf, type WarningItem } from './warnings.js';

export interface TextOptions {
  color: boolean;
  /** Prefix progress lines with an ISO timestamp (plain logs). */
  timestamps: boolean;
  verbose: boolean;
  /**
   * Print a line per check, change and stage as they end, and per health wait as it starts
   * (off under the live tree).
   */
  progress?: boolean;
  width: number;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Renders events as human text. */
export class TextRenderer {
  private readonly changes: Change[] = [];
  /** Stages that could not be observed, and why. */
  private readonly incomplete = new Map<Stage, string>();
  private interruption: Interruption | undefined;
  private readonly c: ReturnType<typeof createColors>;

  constructor(
    private readonly redactor: Redactor,
    private readonly opts: TextOptions,
  ) {
    this.c = createColors(opts.color);
  }

  /**
   * Print one (multi-line) message. Progress lines on stderr get a timestamp in plain mode;
   * diagnostics do not, so `file:line:col:` starts the line for editors and CI matchers.
   */
  private line(stream: 'out' | 'err', text: string, stamp = true): void {
    // Redacted before it is split into stamped lines: a secret may span a line break.
    const safe = this.redactor.redact(text);
    const stamped =
      this.opts.timestamps && stream === 'err' && stamp
        ? safe
            .split('\n')
            .map((l) => `${new Date().toISOString()} ${l}`)
            .join('\n')
        : safe;
    this.opts[stream](stamped + '\n');
  }

  private planPrinted = false;
  /** Warning codes the root silences (`sync.ignore_warnings`). */
  private ignore = new Set<string>();
  /** Warnings held back until a point where all of one code have arrived, then folded. */
  private pending: WarningItem[] = [];
  /** Warnings already printed (exact repeats are never printed again). */
  private readonly printedWarnings = new Set<string>();
  private verboseHintShown = false;

  /** Print the held-back warnings, one line per code (each in full under --verbose). */
  private flushWarnings(): void {
    const fresh = this.pending.filter((w) => {
      const key = JSON.stringify([w.code, w.subject, w.location, w.message]);
      return !this.printedWarnings.has(key) && Boolean(this.printedWarnings.add(key));
    });
    this.pending = [];
    const c = this.c;
    if (this.opts.verbose) {
      for (const w of fresh)
        if (w.code === undefined || !this.ignore.has(w.code))
          this.line('err', c.yellow(longWarning(w)), w.location === undefined);
      return;
    }
    const folded = foldWarnings(fresh, this.ignore);
    for (const f of folded) this.line('err', c.yellow(f.line), f.items[0]?.location === undefined);
    if (!this.verboseHintShown && folded.some((f) => f.shortened)) {
      this.verboseHintShown = true;
      this.line(
        'err',
        c.dim('  (--verbose shows each warning in full; sync.ignore_warnings silences a code)'),
      );
    }
  }

  private readonly summary = new SummaryCollector();

  /** Print the plan once, as soon as it is complete (before anything is applied). */
  private printPlan(): void {
    if (this.planPrinted || (this.changes.length === 0 && this.incomplete.size === 0)) return;
    this.planPrinted = true;
    this.line(
      'out',
      formatPlan(this.changes, {
        color: this.opts.color,
        verbose: this.opts.verbose,
        width: this.opts.width,
        redact: (text) => this.redactor.redact(text),
        incomplete: this.incomplete,
      }),
    );
  }

  /** What an interrupted run did: counts, then the changes applied and those never started. */
  private interruptedLines(i: Interruption): string[] {
    const c = this.c;
    const names = (list: ChangeRef[]) => list.map((x) => `${x.label} (${x.stage})`).join(', ');
    const lines = [
      c.yellow(
        `Interrupted by ${i.signal}: ${i.applied.length} applied, ${i.failed.length} failed or cut short, ${i.notStarted.length} not started` +
          (i.aborted ? '; in-flight work was aborted' : '; nothing new was started after it'),
      ),
    ];
    for (const [what, list] of [
      ['applied', i.applied],
      ['failed or cut short', i.failed],
      ['not started', i.notStarted],
    ] as const)
      if (list.length > 0) lines.push(...wrap(`  ${what}: ${names(list)}`, this.opts.width, '    '));
    return lines;
  }

  readonly onEvent = (e: PhoenixEvent): void => {
    const c = this.c;
    this.summary.add(e);
    const warning = warningOf(e);
    if (warning) {
      this.pending.push(warning);
      // Under --verbose each is printed as it comes; otherwise at the next point all of a code are in.
      if (this.opts.verbose) this.flushWarnings();
      return;
    }
    if (
      e.type === 'discovery' ||
      e.type === 'planned' ||
      e.type === 'confirm' ||
      e.type === 'stage-start' ||
      e.type === 'run-end'
    )
      this.flushWarnings();
    switch (e.type) {
      case 'warning-policy':
        this.ignore = new Set(e.ignore);
        break;
      case 'diagnostic': {
        const text = formatDiagnostic(e.diagnostic);
        this.line('err', e.diagnostic.severity === 'error' ? c.red(text) : c.yellow(text), false);
        break;
      }
      case 'discovery':
        this.line(
          'err',
          c.dim(
            `discovered ${e.stacks.length} stacks${e.skipped.length ? `; skipped ${e.skipped.map((s) => `${s.name} (${s.reason})`).join(', ')}` : ''}`,
          ),
        );
        break;
      case 'check-end':
        if (this.opts.progress === false) break;
        this.line(
          'err',
          `${e.ok ? c.green('✓') : e.required ? c.red('✗') : c.yellow('!')} check ${e.name}: ${e.detail} (${e.attempts} attempt${e.attempts === 1 ? '' : 's'}, ${e.durationMs} ms)`,
        );
        break;
      case 'plan':
        this.changes.push(...e.changes);
        if (e.incomplete !== undefined) this.incomplete.set(e.stage, e.incomplete);
        break;
      case 'cleanup':
        this.line(
          'err',
          c.yellow(
            `removed ${e.removed.length} temp file${e.removed.length === 1 ? '' : 's'} an interrupted run left: ${e.removed.join(', ')}`,
          ),
        );
        break;
      case 'interrupted':
        this.interruption = e;
        break;
      case 'planned':
        this.printPlan();
        break;
      case 'stage-start':
        if (e.stage !== 'checks' && e.stage !== 'discovery' && this.opts.timestamps)
          this.line('err', `stage ${e.stage}: started`);
        break;
      case 'progress':
        // One line as a deployment starts waiting; its change's own line says how it ended.
        if (this.opts.progress !== false && e.state === 'start')
          this.line('err', `${c.cyan('…')} ${e.label}: waiting for health`);
        break;
      case 'change-end': {
        if (this.opts.progress === false) break;
        const mark = e.status === 'ok' ? c.green('✓') : e.status === 'failed' ? c.red('✗') : c.yellow('-');
        this.line(
          'err',
          `${mark} ${e.change.action} ${e.change.label}${e.error ? `: ${withoutLabel(e.error, e.change.label)}` : ''} (${e.durationMs} ms)`,
        );
        break;
      }
      case 'stage-end':
        if (this.opts.progress !== false && e.stage !== 'checks' && e.stage !== 'discovery') {
          const title = STAGE_TITLES[e.stage];
          const status =
            e.status === 'ok' ? c.green('ok') : e.status === 'failed' ? c.red('failed') : c.yellow('skipped');
          this.line('err', `${title}: ${status}${e.reason ? ` (${e.reason})` : ''} in ${e.durationMs} ms`);
        }
        break;
      case 'log':
        // Warnings were taken above.
        if (e.level === 'info' || this.opts.verbose) this.line('err', e.message);
        break;
      case 'run-end':
        this.printPlan();
        for (const l of this.summary.lines()) this.line('err', l);
        if (this.interruption) this.line('err', this.interruptedLines(this.interruption).join('\n'));
        if (e.error)
          this.line(
            'err',
            c.red(`error: ${e.error.message}`) + (e.error.hint ? `\n  hint: ${e.error.hint}` : ''),
          );
        break;
      default:
        break;
    }
  };
}
