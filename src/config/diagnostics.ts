/**
 * Diagnostics: located problems found while loading and validating. Validation collects
 * all of them in one pass; errors fail the run (exit 1), warnings are reported only.
 */
import { formatSource, type Source } from './source.js';
import { byText } from '../util/text.js';

export interface Diagnostic {
  severity: 'error' | 'warning';
  /** A short stable code, e.g. `schema`, `unknown-stack`, `duplicate-host`. */
  code: string;
  message: string;
  hint?: string;
  source: Source;
}

/** Collects diagnostics from every rule. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];
  /** Exact repeats (a stack rule checked once per VM that runs it) are kept once, so counts match what is printed. */
  private readonly seen = new Set<string>();

  error(code: string, source: Source, message: string, hint?: string): void {
    this.add({ severity: 'error', code, message, source, ...(hint ? { hint } : {}) });
  }

  warn(code: string, source: Source, message: string, hint?: string): void {
    this.add({ severity: 'warning', code, message, source, ...(hint ? { hint } : {}) });
  }

  private add(d: Diagnostic): void {
    const key = JSON.stringify([d.severity, d.source, d.message]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Sorted by file, line, column, for stable output; exact repeats folded. */
  sorted(): Diagnostic[] {
    const seen = new Set<string>();
    const unique = this.items.filter((d) => {
      const key = JSON.stringify([d.source, d.message]);
      return !seen.has(key) && Boolean(seen.add(key));
    });
    return unique.sort(
      (a, b) =>
        byText(a.source.file, b.source.file) ||
        a.source.line - b.source.line ||
        a.source.column - b.source.column ||
        byText(a.message, b.message),
    );
  }
}

/** `path:line:col: error: message` plus an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${formatSource(d.source)}: ${d.severity}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** The closest candidate within a small edit distance (or `maxDistance`), for "did you mean" hints. */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  maxDistance?: number,
): string | undefined {
  let best: string | undefined;
  let bestDistance = (maxDistance ?? Math.max(2, Math.floor(word.length / 3))) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
