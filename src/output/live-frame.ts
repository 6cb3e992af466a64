/**
 * The live view's frame (pure): a header with the overall `N/M` counter and the elapsed time,
 * one line per step (checks, reading live state, each stage) whose finished changes collapse
 * into counters, and under a running step only the changes still running. A wait (for
 * health) is a step of its own that counts the deployments waiting. The frame never
 * has more lines than the terminal has rows, nor lines wider than it, so nothing the view
 * draws scrolls off while the run is live.
 */

/** One step of the run: the checks, reading live state, or a stage. */
export interface LiveStep {
  label: string;
  started: number;
  status: 'running' | 'ok' | 'failed' | 'skipped';
  durationMs?: number;
  detail?: string;
  done: number;
  failed: number;
  skipped: number;
  /** Children still running, by id (a check, a change). */
  running: Map<string, { label: string; started: number }>;
  /** Labels of failed children, kept on screen (they matter more than the ones that worked). */
  failures: string[];
  /**
   * `wait`: a step that deployments pass through (waiting for health). Its children are
   * counted as waiting, not listed: each is already on screen as its stage's running change.
   */
  kind?: 'wait';
}

/** What the frame is drawn from. */
export interface LiveState {
  command: string;
  started: number;
  /** Changes to apply (from the plan), once known. */
  total?: number;
  /** Changes finished (any status). */
  finished: number;
  steps: LiveStep[];
}

/** Terminal size and the marks to use. */
export interface FrameOptions {
  rows: number;
  columns: number;
  now: number;
  mark: (status: LiveStep['status']) => string;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

// eslint-disable-next-line no-control-regex -- colour codes take no columns
const ESCAPE = /\x1b\[[0-9;]*m/g;

/** Cut plain text to the width. */
function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** `prefix text`, the text cut so the whole line fits (the prefix's colour codes take no columns). */
function row(prefix: string, text: string, width: number): string {
  return `${prefix}${fit(text, width - prefix.replace(ESCAPE, '').length)}`;
}

/** The lines of one frame, at most `rows - 1` (the cursor's own line stays free). */
export function liveFrame(s: LiveState, o: FrameOptions): string[] {
  const width = Math.max(20, o.columns - 1);
  const budget = Math.max(3, o.rows - 1);
  const counter = s.total !== undefined ? `${s.finished}/${s.total} changes` : 'planning';
  const header = `phoenix ${s.command} · ${counter} · ${secs(o.now - s.started)}`;
  const stepLines = s.steps.map((st) => {
    const counts = [
      st.done ? `${st.done} done` : '',
      st.failed ? `${st.failed} failed` : '',
      st.skipped ? `${st.skipped} skipped` : '',
      st.running.size ? `${st.running.size} ${st.kind === 'wait' ? 'waiting' : 'running'}` : '',
    ].filter(Boolean);
    const ms = st.durationMs ?? o.now - st.started;
    const text = `${st.label}${counts.length ? ` (${counts.join(', ')})` : ''} ${secs(ms)}${st.detail ? ` ${st.detail}` : ''}`;
    return row(`${o.mark(st.status)} `, text, width);
  });
  const lines = [fit(header, width), ...stepLines];
  // What is left goes to the failures and the running children, newest steps first.
  let room = budget - lines.length;
  const extra: string[] = [];
  for (const st of s.steps) {
    if (st.kind === 'wait') continue;
    for (const f of st.failures) extra.push(row(`  ${o.mark('failed')} `, f, width));
    for (const r of st.running.values())
      extra.push(row(`  ${o.mark('running')} `, `${r.label} ${secs(o.now - r.started)}`, width));
  }
  if (extra.length <= room) return [...lines, ...extra];
  room = Math.max(0, room - 1);
  const shown = extra.slice(0, room);
  const more = `  … ${extra.length - shown.length} more`;
  // Too many steps for the rows (a very short terminal): keep the header and the newest steps.
  const all = [...lines, ...shown, more];
  return all.length <= budget ? all : [all[0]!, ...all.slice(all.length - budget + 1)];
}
