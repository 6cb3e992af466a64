import { describe, expect, it } from 'vitest';
import { CHECK_STAGES } from '../../src/engine/checks.js';
import { STAGE_TITLES } from '../../src/output/plan-text.js';
import { FILE_STAGES, isStage, STAGE_TABLE, STAGES, stagesNeeding, WAVES } from '../../src/plan/stages.js';

describe('the stage table', () => {
  it('orders stages after what they need, and groups them into waves by the longest chain of needs', () => {
    expect(STAGES).toEqual(['dns', 'firewall', 'endpoints', 'stacks', 'traefik']);
    for (const [i, s] of STAGE_TABLE.entries())
      for (const n of s.needs) expect(STAGES.indexOf(n), `${s.name} needs ${n}`).toBeLessThan(i);
    expect(WAVES).toEqual([['dns', 'firewall'], ['endpoints'], ['stacks'], ['traefik']]);
  });

  it('is what the file stages, the titles and the readiness checks read', () => {
    expect(FILE_STAGES).toEqual(['dns', 'firewall', 'traefik']);
    expect(STAGE_TITLES.endpoints).toBe('Portainer environments');
    expect(CHECK_STAGES).toEqual({
      portainer: ['endpoints', 'stacks'],
      dns: ['dns', 'endpoints', 'stacks'],
      traefik: ['traefik'],
      'step-ca': ['endpoints', 'stacks', 'traefik'],
    });
    expect(stagesNeeding('traefik')).toEqual(['traefik']);
    expect(isStage('stacks')).toBe(true);
    expect(isStage('stack')).toBe(false);
  });
});
