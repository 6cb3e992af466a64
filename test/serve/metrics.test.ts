/**
 * `/metrics` as a Prometheus server reads it: the text parses with a Prometheus text-format
 * parser, and the counters, gauges and the histogram move as runs are observed.
 */
import parse, { type ParsedFamily } from 'parse-prometheus-text-format';
import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/serve/metrics.js';
import { history, run } from './page-fixtures.js';

async function read(m: Metrics): Promise<Map<string, ParsedFamily>> {
  const text = await m.text();
  return new Map(parse(text).map((f) => [f.name, f]));
}

/** The value of the sample of `name` whose labels include `labels`; undefined when there is none. */
function value(
  families: Map<string, ParsedFamily>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const sample = families
    .get(name)
    ?.metrics.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
  return sample?.value === undefined ? undefined : Number(sample.value);
}

describe('metrics', () => {
  it('parses as Prometheus text, with the types and help of each family', async () => {
    const m = new Metrics();
    expect(m.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const f = await read(m);
    expect(
      Object.fromEntries(
        [...f.values()].filter((x) => x.name.startsWith('phoenix_')).map((x) => [x.name, x.type]),
      ),
    ).toEqual({
      phoenix_runs_total: 'COUNTER',
      phoenix_changes_total: 'COUNTER',
      phoenix_last_success_timestamp_seconds: 'GAUGE',
      phoenix_last_run_timestamp_seconds: 'GAUGE',
      phoenix_drift_pending_changes: 'GAUGE',
      phoenix_run_duration_seconds: 'HISTOGRAM',
    });
    expect(value(f, 'phoenix_last_success_timestamp_seconds')).toBe(0);
  });

  it('counts runs by trigger and result, changes by stage, action and result, as runs are observed', async () => {
    const m = new Metrics();
    const [ok, drift, failed] = history();
    m.observe(failed!);
    let f = await read(m);
    expect(value(f, 'phoenix_runs_total', { trigger: 'poll', result: 'failed' })).toBe(1);
    expect(value(f, 'phoenix_changes_total', { stage: 'stacks', action: 'update', result: 'failed' })).toBe(
      1,
    );
    expect(value(f, 'phoenix_changes_total', { stage: 'traefik', action: 'update', result: 'skipped' })).toBe(
      1,
    );
    expect(value(f, 'phoenix_last_success_timestamp_seconds')).toBe(0);

    m.observe(drift!);
    m.observe(ok!);
    m.observe(run({ id: 4, trigger: 'webhook', endedAt: '2026-12-03T12:30:00.000Z' }));
    f = await read(m);
    expect(value(f, 'phoenix_runs_total', { trigger: 'webhook', result: 'ok' })).toBe(2);
    expect(value(f, 'phoenix_runs_total', { trigger: 'drift', result: 'drift' })).toBe(1);
    // A drift check's planned changes are drift, not changes made.
    expect(value(f, 'phoenix_changes_total', { stage: 'dns', action: 'create', result: 'ok' })).toBe(2);
    expect(value(f, 'phoenix_changes_total', { stage: 'dns', action: 'update' })).toBeUndefined();
    expect(value(f, 'phoenix_last_success_timestamp_seconds')).toBe(
      Date.parse('2026-12-03T12:30:00.000Z') / 1000,
    );
    // The parser merges a labelled histogram's samples (the last label set wins) and drops its
    // count and sum: the histogram is read from the text itself.
    const text = await m.text();
    expect(text).toContain('phoenix_run_duration_seconds_bucket{le="60",trigger="webhook"} 0\n');
    expect(text).toContain('phoenix_run_duration_seconds_bucket{le="120",trigger="webhook"} 1\n');
    expect(text).toContain('phoenix_run_duration_seconds_bucket{le="60",trigger="poll"} 1\n');
    expect(text).toContain('phoenix_run_duration_seconds_count{trigger="webhook"} 2\n');
    expect(text).toContain('phoenix_run_duration_seconds_sum{trigger="webhook"} 1865\n');
  });

  it('sets the drift gauge per stage from drift checks (held-back changes are not drift) and setDrift', async () => {
    const m = new Metrics();
    m.observe(history()[1]!);
    let f = await read(m);
    expect(value(f, 'phoenix_drift_pending_changes', { stage: 'stacks' })).toBe(1);
    expect(value(f, 'phoenix_drift_pending_changes', { stage: 'dns' })).toBe(1);
    expect(value(f, 'phoenix_drift_pending_changes', { stage: 'traefik' })).toBe(0);
    m.observe(run({ id: 5, trigger: 'drift', command: 'plan', status: 'no-drift', changes: [] }));
    m.setDrift('firewall', 3);
    f = await read(m);
    expect(value(f, 'phoenix_drift_pending_changes', { stage: 'stacks' })).toBe(0);
    expect(value(f, 'phoenix_drift_pending_changes', { stage: 'firewall' })).toBe(3);
  });

  it('seeds the gauges from the history without counting, and leaves the global registry alone', async () => {
    const m = new Metrics();
    m.seed(history());
    const f = await read(m);
    expect(value(f, 'phoenix_last_success_timestamp_seconds')).toBe(
      Date.parse('2026-12-03T12:21:05.000Z') / 1000,
    );
    expect(value(f, 'phoenix_drift_pending_changes', { stage: 'stacks' })).toBe(1);
    expect(f.get('phoenix_runs_total')!.metrics).toEqual([]);
    // Two serves in one process do not collide, and nothing lands in prom-client's default registry.
    new Metrics().observe(run());
    expect(await register.metrics()).not.toContain('phoenix_');
  });
});
