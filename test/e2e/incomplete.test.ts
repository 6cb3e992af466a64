/**
 * Honest plans: with the Portainer double stopped, the environments and stacks stages
 * cannot be observed. The plan says so in its body and its JSON (`incomplete`, with the
 * reason per stage), its summary line starts "Plan incomplete", and plan, sync --dry-run and
 * sync (which then applies nothing) exit 3.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHomelab, type Homelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson, targetFiles } from './harness.js';

// The text wraps long reasons: a line break may fall inside one.
const REFUSED = /cannot observe: [\s\S]*ECONNREFUSED/;

describe('an incomplete plan (the Portainer double stopped)', () => {
  let h: Homelab;
  beforeAll(async () => {
    h = await startHomelab();
    await h.double.stop();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('plan: the body names the unknown stages and why, the summary says "Plan incomplete", exit 3', async () => {
    const r = await phoenix(h, ['plan']);
    expect(r.code, explain(r)).toBe(3);
    const body = r.out;
    // What could be observed is planned as usual.
    expect(body).toMatch(/^DNS records \(1 to create\)$/m);
    expect(body).toMatch(/^Firewall \(6 to create\)$/m);
    for (const title of ['Portainer environments', 'Stacks']) {
      const at = body.indexOf(`${title} (unknown: not observed)`);
      expect(at, `${title} in:\n${body}`).toBeGreaterThanOrEqual(0);
      expect(body.slice(at).split('\n')[1]).toMatch(/^\? cannot observe: /);
    }
    expect(body).toMatch(REFUSED);
    expect(body).toMatch(
      /^Plan incomplete: \d+ to create, 0 to update, 0 to delete, 0 unchanged; not observed: Portainer environments, Stacks\.$/m,
    );
    expect(r.err).toMatch(
      /error: plan incomplete, not observed: endpoints \(cannot observe: .*\); stacks \(/,
    );
  });

  it('plan --json: incomplete, each unobserved stage with its reason; --detailed-exitcode also exits 3', async () => {
    const r = await phoenixJson(h, ['plan']);
    expect(r.code, explain(r)).toBe(3);
    expect(r.report.incomplete).toBe(true);
    expect(r.report.exitCode).toBe(3);
    const unknown = r.report.stages.filter((s) => s.incomplete);
    expect(unknown.map((s) => s.stage)).toEqual(['endpoints', 'stacks']);
    for (const s of unknown) expect(s.reason).toMatch(REFUSED);
    expect((await phoenix(h, ['plan', '--detailed-exitcode'])).code).toBe(3);
  });

  it('sync --dry-run exits 3; sync applies nothing (exit 3), even with --yes --skip-checks', async () => {
    const dry = await phoenix(h, ['sync', 'all', '--dry-run']);
    expect(dry.code, explain(dry)).toBe(3);
    expect(dry.out).toMatch(/^Plan incomplete: /m);

    const r = await phoenixJson(h, ['sync', 'all', '--yes', '--skip-checks']);
    expect(r.code, explain(r)).toBe(3);
    expect(r.report.error?.message).toMatch(
      /^plan incomplete, not observed: endpoints .*; nothing was changed$/,
    );
    expect(r.report.results).toEqual([]);
    expect(targetFiles(h)).toEqual([]);
    expect(existsSync(join(h.root, '.phoenix.lock'))).toBe(false);
  });

  it('a complete plan is not called incomplete', async () => {
    const lab = await startHomelab();
    try {
      const r = await phoenixJson(lab, ['plan']);
      expect(r.code, explain(r)).toBe(0);
      expect(r.report.incomplete).toBe(false);
      expect((await phoenix(lab, ['plan'])).out).toMatch(/^Plan: 16 to create/m);
    } finally {
      await lab.stop();
    }
  });
});
