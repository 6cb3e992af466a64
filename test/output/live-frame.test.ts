/** The live view's frame on its own: bounded to the terminal, header and counters always kept. */
import { describe, expect, it } from 'vitest';
import { liveFrame, type LiveState, type LiveStep } from '../../src/output/live-frame.js';

const step = (label: string, over: Partial<LiveStep> = {}): LiveStep => ({
  label,
  started: 0,
  status: 'ok',
  durationMs: 1200,
  done: 0,
  failed: 0,
  skipped: 0,
  running: new Map(),
  failures: [],
  ...over,
});
const opts = { rows: 24, columns: 80, now: 12_300, mark: (s: string) => `[${s}]` };

describe('liveFrame', () => {
  it('collapses finished changes into counters under a header with N/M and the elapsed time', () => {
    const s: LiveState = {
      command: 'sync all',
      started: 0,
      total: 60,
      finished: 42,
      steps: [
        step('checks', { done: 2 }),
        step('reading live state'),
        step('stacks', {
          status: 'running',
          durationMs: undefined,
          done: 40,
          failed: 2,
          failures: ['create a: boom', 'create b: boom'],
        }),
      ],
    };
    expect(liveFrame(s, opts)).toEqual([
      'phoenix sync all · 42/60 changes · 12.3s',
      '[ok] checks (2 done) 1.2s',
      '[ok] reading live state 1.2s',
      '[running] stacks (40 done, 2 failed) 12.3s',
      '  [failed] create a: boom',
      '  [failed] create b: boom',
    ]);
  });

  it('shows waiting for health as its own step, counting the deployments waiting, not listing them again', () => {
    const waiting = (ids: string[]) =>
      new Map(ids.map((id) => [id, { label: `${id} on services (vm 1003)`, started: 10_000 }]));
    const s: LiveState = {
      command: 'sync all',
      started: 0,
      total: 60,
      finished: 20,
      steps: [
        step('stacks', {
          status: 'running',
          durationMs: undefined,
          done: 20,
          running: new Map([
            ['a', { label: 'create a on services (vm 1003) · health', started: 9_000 }],
            ['b', { label: 'create b on services (vm 1003) · health', started: 9_000 }],
            ['c', { label: 'create c on services (vm 1003)', started: 12_000 }],
          ]),
        }),
        step('waiting for health', {
          kind: 'wait',
          status: 'running',
          started: 5_000,
          durationMs: undefined,
          done: 20,
          failed: 1,
          running: waiting(['a', 'b']),
        }),
      ],
    };
    expect(liveFrame(s, opts)).toEqual([
      'phoenix sync all · 20/60 changes · 12.3s',
      '[running] stacks (20 done, 3 running) 12.3s',
      '[running] waiting for health (20 done, 1 failed, 2 waiting) 7.3s',
      '  [running] create a on services (vm 1003) · health 3.3s',
      '  [running] create b on services (vm 1003) · health 3.3s',
      '  [running] create c on services (vm 1003) 0.3s',
    ]);
    // Once none wait, the step is finished with its counters (and drawn like any finished step).
    const over = {
      ...s.steps[1]!,
      status: 'ok' as const,
      durationMs: 4_000,
      failed: 0,
      running: waiting([]),
    };
    expect(liveFrame({ ...s, steps: [over] }, opts)).toEqual([
      'phoenix sync all · 20/60 changes · 12.3s',
      '[ok] waiting for health (20 done) 4.0s',
    ]);
  });

  it('never has more lines than the terminal has rows, nor wider ones; the header stays', () => {
    const running = new Map(
      Array.from({ length: 60 }, (_, i) => [
        `s${i}`,
        { label: `create stack-${i} on a-very-long-environment-name-${'x'.repeat(60)}`, started: 0 },
      ]),
    );
    const s: LiveState = {
      command: 'sync all',
      started: 0,
      total: 60,
      finished: 0,
      steps: [step('stacks', { status: 'running', running })],
    };
    for (const rows of [24, 10, 4]) {
      const lines = liveFrame(s, { ...opts, rows });
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      expect(lines[0]).toBe('phoenix sync all · 0/60 changes · 12.3s');
      for (const l of lines) expect(l.length).toBeLessThan(80);
    }
    expect(liveFrame(s, opts).at(-1)).toMatch(/^ {2}… \d+ more$/);
  });
});
