/**
 * A filter that names nothing is invalid input in every command that takes filters, the
 * offline ones included: exit 1, the message and its hint, no plan or picture printed.
 * (The commands that observe targets are covered against a running estate in test/e2e/filters.)
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ROOT = ['--root', 'examples/homelab'];

describe('filters that name nothing, contacting nothing', () => {
  it.each([
    [
      ['plan', '--offline', '--vm', '9999'],
      '--vm 9999: no VM with that vmid',
      'hint: VMs: 1001, 1002, 1003, 9000',
    ],
    [
      ['plan', '--offline', '--stack', 'nope'],
      'no stack named "nope" under stacks/',
      'hint: stacks: monitoring, n8n',
    ],
    [
      ['plan', '--offline', '--env', 'qa'],
      '--env qa: no stack is deployed',
      'hint: environments in use: production, staging',
    ],
    [
      ['plan', '--offline', '--stack', 'qdrant', '--vm', '1003'],
      'stack qdrant is not assigned to vm 1003 (services)',
      'hint: to deploy it there',
    ],
    [['plan', '--offline', '--vm', 'web'], '--vm takes a vmid, not "web"', undefined],
    [['validate', '--vm', '9999'], '--vm 9999: no VM with that vmid', 'hint: VMs:'],
    [['validate', '--stack', 'nope'], 'no stack named "nope"', 'hint: stacks:'],
    [['check', '--env', 'qa'], '--env qa: no stack is deployed', 'hint: environments in use:'],
    [['graph', '--vm', '9999'], '--vm 9999: no VM with that vmid', 'hint: VMs:'],
  ])('%j: exit 1', async (args, message, hint) => {
    const r = await runCli([...args, ...ROOT]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(`error: ${message}`);
    if (hint) expect(r.err).toContain(hint);
    expect(r.out).toBe('');
    // Checks never ran (they would have tried the example's hosts).
    expect(r.err).not.toMatch(/check \w+:/);
  });

  it('filters that name something still work offline', async () => {
    const r = await runCli(['plan', '--offline', '--vm', '1002', '--stack', 'qdrant', ...ROOT]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('+ qdrant-production on ai-worker (vm 1002)');
    // Stacks are narrowed; the files (DNS, Traefik) are whole and still name every stack.
    expect(r.out).not.toMatch(/^[+!] whoami-production/m);
    expect(r.out).toMatch(/^Stacks \(1 to create\)$/m);
    expect((await runCli(['validate', '--env', 'staging', ...ROOT])).code).toBe(0);
  });
});
