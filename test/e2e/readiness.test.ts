/**
 * Exit 3: a required readiness check that fails — the Portainer double
 * stopped, dnsmasq stopped — stops `sync all` before any change.
 */
import { describe, expect, it } from 'vitest';
import { startHomelab } from '../rig/homelab.js';
import { explain, phoenix, phoenixJson, targetFiles } from './harness.js';

describe('exit 3: a readiness failure stops the run before any change', () => {
  it('the Portainer double is stopped', async () => {
    const h = await startHomelab();
    try {
      await h.double.stop();
      const r = await phoenixJson(h, ['sync', 'all', '--yes']);
      expect(r.code, explain(r)).toBe(3);
      expect(r.report.error?.message).toMatch(
        /readiness check failed: portainer \(http:\/\/127\.0\.0\.1:\d+\/api\/system\/status: ECONNREFUSED\); nothing was changed/,
      );
      expect(r.report.results).toEqual([]);
      expect(targetFiles(h)).toEqual([]);
      expect(h.dns!.calls.hup).toBe(0);
      expect(h.double.model.endpoints.map((e) => e.Name)).toEqual(['local']);

      // `phoenix check` runs the same checks alone and prints them as a table.
      const check = await phoenix(h, ['check']);
      expect(check.code, explain(check)).toBe(3);
      expect(check.out).toMatch(
        /^portainer +FAIL +required +\d+ ms +http:\/\/127\.0\.0\.1:\d+\/api\/system\/status: ECONNREFUSED$/m,
      );
      expect(check.out).toMatch(/^dns +ok +required /m);
    } finally {
      await h.stop();
    }
  });

  it('dnsmasq is stopped', async () => {
    const h = await startHomelab();
    try {
      await h.dns!.stop();
      const r = await phoenixJson(h, ['sync', 'all', '--yes']);
      expect(r.code, explain(r)).toBe(3);
      expect(r.report.error?.message).toMatch(
        /readiness check failed: dns \(127\.0\.0\.1:\d+ did not answer/,
      );
      expect(r.report.checks.find((c) => c.name === 'portainer')?.ok).toBe(true);
      expect(h.double.counts().writes).toBe(0);
      expect(h.double.model.stacks).toEqual([]);
      expect(targetFiles(h)).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
