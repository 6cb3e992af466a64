/**
 * The `--json` renderer: collects events into one report (printed at the end), or prints
 * each event as one line of NDJSON (`--json=stream`). Both are redacted.
 *
 * Report shape (version 1; fields are only ever added):
 *   { version, command, root, dryRun, exitCode, durationMs, incomplete, diagnostics[], warnings[],
 *     discovery, checks[], stages[], changes[], results[], summary, interrupted?, cleanup? }
 *   summary: counts by action, `blocked`, `failed`, and `unmet` (held back though wanted)
 *   changes[].impact: what a change does that deserves a second look (plan/impact.ts: `deletes`,
 *   `opens-access`, `removes-route`, `removes-name`, `replace`), absent when none
 *   incomplete: some stage could not be observed; its `stages[]` entry has `incomplete: true`
 *   and the reason, and its changes are unknown
 *   interrupted: the signal, and the changes applied, failed and never started
 *   cleanup: temp files an earlier, killed run left beside the targets, removed by this one
 *   warnings: every warning the providers logged (not folded), with its code and subject;
 *   a warning whose code `sync.ignore_warnings` names is kept with `ignored: true`, and so is
 *   such a diagnostic
 */
import type { Diagnostic } from '../config/diagnostics.js';
import { countActions, type Change } from '../plan/change.js';
import { unmet } from '../plan/policy.js';
import type { Redactor } from '../secrets.js';
import { writeJsonChunked } from './json-write.js';
import type { CheckResult, Interruption, PhoenixEvent } from './events.js';

export const REPORT_VERSION = 1;

export interface JsonReport {
  version: number;
  command: string;
  root: string;
  dryRun: boolean;
  exitCode: number;
  durationMs: number;
  /** Some stage could not be observed: the plan is not the whole truth (exit 3). */
  incomplete: boolean;
  diagnostics: (Omit<Diagnostic, 'source'> & {
    file: string;
    line: number;
    column: number;
    ignored?: true;
  })[];
  /** Warnings logged while running (observing, applying), each kept. */
  warnings: { code?: string; subject?: string; scope?: string; message: string; ignored?: true }[];
  discovery?: { stacks: string[]; skipped: { name: string; reason: string }[] };
  checks: CheckResult[];
  stages: { stage: string; status: string; incomplete?: true; reason?: string; durationMs: number }[];
  changes: Change[];
  results: {
    stage: string;
    id: string;
    action: string;
    status: string;
    error?: string;
    durationMs: number;
  }[];
  /** `unmet`: creates and updates the config wants that were held back (a conflict, not a flag). */
  summary: ReturnType<typeof countActions> & { failed: number; unmet: number };
  error?: { message: string; hint?: string };
  /** Set when SIGINT or SIGTERM stopped the run. */
  interrupted?: Interruption;
  /** Temp files a killed run had left beside the targets, removed by this run. */
  cleanup?: string[];
}

/** Builds the report from events. */
export class JsonReporter {
  readonly report: JsonReport = {
    version: REPORT_VERSION,
    command: '',
    root: '',
    dryRun: false,
    exitCode: 0,
    durationMs: 0,
    incomplete: false,
    diagnostics: [],
    warnings: [],
    checks: [],
    stages: [],
    changes: [],
    results: [],
    summary: { create: 0, update: 0, delete: 0, noop: 0, blocked: 0, failed: 0, unmet: 0 },
  };

  constructor(
    private readonly redactor: Redactor,
    private readonly write: (text: string) => void,
    private readonly stream: boolean,
  ) {}

  /** Codes the root silences: kept in the report, marked. */
  private ignore = new Set<string>();

  /** Subscribe this to the event bus. */
  readonly onEvent = (e: PhoenixEvent): void => {
    if (this.stream) this.write(JSON.stringify(this.redactor.redactDeep(e)) + '\n');
    const r = this.report;
    switch (e.type) {
      case 'run-start':
        Object.assign(r, { command: e.command, root: e.root, dryRun: e.dryRun });
        break;
      case 'warning-policy':
        this.ignore = new Set(e.ignore);
        break;
      case 'diagnostic': {
        const { source, ...rest } = e.diagnostic;
        r.diagnostics.push({
          ...rest,
          file: source.file,
          line: source.line,
          column: source.column,
          ...(rest.severity === 'warning' && this.ignore.has(rest.code) ? { ignored: true as const } : {}),
        });
        break;
      }
      case 'log':
        if (e.level === 'warn')
          r.warnings.push({
            ...(e.code !== undefined ? { code: e.code } : {}),
            ...(e.subject !== undefined ? { subject: e.subject } : {}),
            ...(e.scope !== undefined ? { scope: e.scope } : {}),
            message: e.message,
            ...(e.code !== undefined && this.ignore.has(e.code) ? { ignored: true as const } : {}),
          });
        break;
      case 'discovery':
        r.discovery = { stacks: e.stacks, skipped: e.skipped };
        break;
      case 'check-end':
        {
          const { type: _type, ...result } = e;
          r.checks.push(result);
        }
        break;
      case 'plan':
        // A loop, not push(...): a spread of tens of thousands of changes overflows the stack.
        for (const c of e.changes) r.changes.push(c);
        if (e.incomplete !== undefined) {
          // Never applied, so this is the stage's only entry.
          r.incomplete = true;
          r.stages.push({
            stage: e.stage,
            status: 'failed',
            incomplete: true,
            reason: e.incomplete,
            durationMs: 0,
          });
        }
        break;
      case 'interrupted': {
        const { type: _type, ...interruption } = e;
        r.interrupted = interruption;
        break;
      }
      case 'cleanup':
        r.cleanup = [...(r.cleanup ?? []), ...e.removed];
        break;
      case 'change-end':
        r.results.push({
          stage: e.change.stage,
          id: e.change.id,
          action: e.change.action,
          status: e.status,
          ...(e.error ? { error: e.error } : {}),
          durationMs: e.durationMs,
        });
        break;
      case 'stage-end':
        r.stages.push({
          stage: e.stage,
          status: e.status,
          ...(e.reason ? { reason: e.reason } : {}),
          durationMs: e.durationMs,
        });
        break;
      case 'run-end':
        r.exitCode = e.exitCode;
        r.durationMs = e.durationMs;
        r.summary = {
          ...countActions(r.changes),
          failed: r.results.filter((x) => x.status === 'failed').length,
          unmet: unmet(r.changes).length,
        };
        if (e.error) r.error = e.error;
        // Redacted while serialised, and written in pieces: a redacted deep copy of a large
        // report (thousands of changes) cost a third of a second and ~100 MB at 1,000 VMs, and
        // the 11 MB text in one piece another copy and its buffer (bench/README.md).
        if (!this.stream)
          writeJsonChunked(
            r,
            (_key, v: unknown) => (typeof v === 'string' ? this.redactor.redact(v) : v),
            this.write,
            (text) => this.redactor.foundInJson(text),
          );
        break;
      default:
        break;
    }
  };
}
