/**
 * What serve writes: one line per event on stderr, each with its time, redacted, never a
 * live view (journald and `docker logs` keep lines, not redraws). The engine's events of a
 * run become lines too, prefixed with the run's trigger, so a run can be followed in the log.
 */
import { formatDiagnostic } from '../config/diagnostics.js';
import type { PhoenixEvent, Reporter } from '../output/events.js';
import { actionable, countActions, type Change } from '../plan/change.js';
import { unmet } from '../plan/policy.js';
import type { Redactor } from '../secrets.js';

/** Writes timestamped lines. */
export class ServeLog {
  constructor(
    private readonly write: (text: string) => void,
    private readonly redactor: Redactor,
    private readonly verbose = false,
  ) {}

  /** One line (any newline inside is folded, so one event stays one line). */
  line(message: string): void {
    const text = this.redactor.redact(message).replace(/\s*\n\s*/g, ' · ');
    this.write(`${new Date().toISOString()} ${text}\n`);
  }

  /** A line only with --verbose. */
  debug(message: string): void {
    if (this.verbose) this.line(message);
  }

  /** A reporter for one run: its events as lines prefixed with `prefix`. */
  reporter(prefix: string, onEvent?: (e: PhoenixEvent) => void): Reporter {
    // Warning codes the root silences (`sync.ignore_warnings`): sent before any warning.
    let ignore = new Set<string>();
    return {
      emit: (e) => {
        onEvent?.(e);
        if (e.type === 'warning-policy') ignore = new Set(e.ignore);
        const code = e.type === 'diagnostic' ? e.diagnostic.code : e.type === 'log' ? e.code : undefined;
        const warning = e.type === 'diagnostic' ? e.diagnostic.severity === 'warning' : e.type === 'log';
        if (warning && code !== undefined && ignore.has(code)) return;
        const text = eventLine(e, this.verbose);
        if (text !== undefined) this.line(`${prefix}: ${text}`);
      },
    };
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The plan of one stage in a few words: what it would do. */
export function planWords(changes: readonly Change[]): string {
  const n = countActions(changes);
  const parts = [
    n.create ? `${n.create} to create` : '',
    n.update ? `${n.update} to update` : '',
    n.delete ? `${n.delete} to delete` : '',
    unmet(changes).length ? `${unmet(changes).length} held back` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

/** The line of one engine event, or undefined for events not worth a line. */
function eventLine(e: PhoenixEvent, verbose: boolean): string | undefined {
  switch (e.type) {
    case 'diagnostic':
      return formatDiagnostic(e.diagnostic);
    case 'check-end':
      return e.ok && !verbose ? undefined : `check ${e.name}: ${e.ok ? 'ok' : 'failed'} (${e.detail})`;
    case 'plan':
      if (e.incomplete) return `plan ${e.stage}: not observed (${e.incomplete})`;
      return actionable(e.changes).length || unmet(e.changes).length || verbose
        ? `plan ${e.stage}: ${planWords(e.changes)}`
        : undefined;
    case 'planned':
      return `planned: ${e.pending} change${e.pending === 1 ? '' : 's'}`;
    case 'cleanup':
      return `removed ${e.removed.length} temp file(s) an earlier run left: ${e.removed.join(', ')}`;
    case 'change-end':
      return `${e.change.stage} ${e.change.action} ${e.change.label}: ${e.status}${e.error ? `: ${e.error}` : ''} (${secs(e.durationMs)})`;
    case 'stage-end':
      return e.status === 'ok' && !verbose
        ? undefined
        : `stage ${e.stage}: ${e.status}${e.reason ? ` (${e.reason})` : ''} (${secs(e.durationMs)})`;
    case 'interrupted':
      return `interrupted by ${e.signal}${e.aborted ? ' (in-flight work aborted)' : ''}: ${e.applied.length} applied, ${e.failed.length} failed or cut short, ${e.notStarted.length} not started`;
    case 'log':
      if (e.level === 'debug' && !verbose) return undefined;
      return `${e.level === 'warn' ? 'warning: ' : ''}${e.message}${e.code ? ` [${e.code}]` : ''}`;
    default:
      return undefined;
  }
}
