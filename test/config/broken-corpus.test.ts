/**
 * The broken corpus: one small edit of examples/homelab per validation rule, each run
 * through the CLI (`phoenix validate`). Every case must exit 1, print the error at the
 * right file, line and column with its message, and write nothing into the root. The
 * case tables live in corpus/; edits replace text in place, so the example's other line
 * numbers stay valid.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagnostics, runCli, type PrintedDiagnostic } from '../helpers/cli.js';
import { copyExample, removeDir, replaceIn, snapshotTree, tempDir } from '../helpers/root.js';
import { GLOBAL, LXCS, MONITORING, N8N, RULE, VMS, type Case } from './corpus/case.js';
import { configCases } from './corpus/config-cases.js';
import { routeCases } from './corpus/route-cases.js';
import { stackCases } from './corpus/stack-cases.js';

const cases: Case[] = [...configCases, ...routeCases, ...stackCases];

let parent: string;
beforeAll(() => {
  parent = tempDir('phoenix-corpus-');
});
afterAll(() => removeDir(parent));

/** Errors as printed, with the file resolved to an absolute path. */
function errorsOf(stderr: string): PrintedDiagnostic[] {
  return parseDiagnostics(stderr)
    .filter((d) => d.severity === 'error')
    .map((d) => ({ ...d, file: resolve(process.cwd(), d.file) }));
}

describe('broken corpus: phoenix validate', () => {
  it('has a case for every rule (at least 30)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const root = copyExample(parent);
    c.edit(root);
    const before = snapshotTree(root);
    const r = await runCli(['validate', '--root', root], { env: c.env ?? {} });

    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const errors = errorsOf(r.err);
    const want = expect.objectContaining({
      file: join(root, c.file),
      line: c.line,
      column: c.column,
      message: expect.stringContaining(c.message),
      ...(c.hint ? { hint: expect.stringContaining(c.hint) } : {}),
    });
    expect(errors).toContainEqual(want);
    expect(r.err).toMatch(/problems? in the configuration under .*; nothing was changed/);
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('broken corpus: every problem in one run', () => {
  it('reports errors from several files and rules together', async () => {
    const root = copyExample(parent);
    replaceIn(root, VMS, '"qdrant", "open', '"qdrnat", "open'); // unknown stack
    replaceIn(root, VMS, '"vmid": 1003', '"vmid": 1002'); // duplicate vmid
    replaceIn(root, VMS, '"port": "9443"', '"port": "99999"'); // invalid firewall port
    replaceIn(root, N8N, RULE, `(${RULE}`); // unbalanced parentheses
    replaceIn(root, 'stacks/open-webui/phoenix.json', '"proto": "tcp"', '"prot": "tcp"'); // unknown key
    replaceIn(
      root,
      'stacks/whoami/docker-compose.yml',
      '"${WHOAMI_PORT}:80"',
      '"${WHOAMI_PORT}:80"\n   bad: [indent',
    ); // YAML syntax
    replaceIn(root, LXCS, '"hostname": "step-ca"', '"hostname": "grafana"'); // DNS conflict
    replaceIn(
      root,
      MONITORING,
      '"source": "prometheus.yml"',
      '"source": "../../etc/phoenix_vm_configs.json"',
    ); // escape
    const before = snapshotTree(root);

    const r = await runCli(['validate', '--root', root]);

    expect(r.code).toBe(1);
    const errors = errorsOf(r.err);
    const at = (file: string, line: number, column: number, message: string) =>
      expect.objectContaining({
        file: join(root, file),
        line,
        column,
        message: expect.stringContaining(message),
      });
    expect(errors).toEqual(
      expect.arrayContaining([
        at(VMS, 29, 25, 'unknown stack "qdrnat"'),
        at(VMS, 36, 15, 'guest id 1002 (services) is already used'),
        at(VMS, 16, 79, 'invalid port "99999"'),
        at(N8N, 10, 13, 'unbalanced parentheses: expected ")"'),
        at('stacks/open-webui/phoenix.json', 22, 45, 'unknown key "prot"'),
        at('stacks/whoami/docker-compose.yml', 9, 1, 'invalid YAML'),
        at(LXCS, 37, 23, 'grafana.lab.internal would point to 10.0.0.10'),
        at(MONITORING, 7, 29, 'escapes the stack folder'),
      ]),
    );
    expect(new Set(errors.map((e) => e.file)).size).toBe(6);
    const count = /(\d+) problems in the configuration/.exec(r.err);
    expect(Number(count?.[1])).toBe(errors.length);
    expect(errors.length).toBeGreaterThanOrEqual(8);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('an unknown key does not hide the cross-file problems of the same files', async () => {
    const root = copyExample(parent);
    replaceIn(
      root,
      VMS,
      '"enabled": true,\n        "rules": [{ "type": "in", "action": "ACCEPT", "proto": "tcp", "port": "9001", "source": "10.0.0.101", "comment": "Portainer agent" }]\n      }\n    },\n    {\n      "vmid": 1003',
      '"enabled": true,\n        "rule": [{ "type": "in", "action": "ACCEPT", "proto": "tcp", "port": "9001", "source": "10.0.0.101", "comment": "Portainer agent" }]\n      }\n    },\n    {\n      "vmid": 1003',
    );
    replaceIn(root, VMS, '"qdrant", "open', '"qdrnat", "open');
    replaceIn(root, GLOBAL, '"gateway_ip"', '"gatway_ip"');
    const r = await runCli(['validate', '--root', root]);
    expect(r.code).toBe(1);
    expect(errorsOf(r.err).map((e) => [e.line, e.column, e.message])).toEqual([
      [30, 11, 'routes exist but sync.gateway_ip is not set'],
      [33, 5, 'unknown key "gatway_ip" in sync'],
      [29, 25, 'unknown stack "qdrnat"'],
      [32, 9, 'unknown key "rule" in vms.1.firewall'],
    ]);
  });

  it('the same root in --json lists the same problems with file, line and column', async () => {
    const root = copyExample(parent);
    replaceIn(root, VMS, '"qdrant", "open', '"qdrnat", "open');
    replaceIn(root, N8N, RULE, `(${RULE}`);
    const r = await runCli(['validate', '--json', '--root', root]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      exitCode: number;
      diagnostics: { severity: string; file: string; line: number; column: number; message: string }[];
    };
    expect(report.exitCode).toBe(1);
    const errors = report.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ ...d, file: resolve(process.cwd(), d.file) }));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: join(root, VMS),
          line: 29,
          column: 25,
          message: 'unknown stack "qdrnat"',
        }),
        expect.objectContaining({ file: join(root, N8N), line: 10, column: 13 }),
      ]),
    );
  });
});
