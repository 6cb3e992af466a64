/**
 * Phoenix runs unmodified on roots written in the original format: `phoenix validate` on
 * both fixture roots (with only the `sync` section the original lacks) exits 0 with exactly
 * the warnings the differences call for, no key of the format is ever called unknown or
 * malformed, and the plaintext Portainer credentials of the original never reach output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { removeDir, snapshotTree, tempDir } from '../helpers/root.js';
import {
  copyFixture,
  copyPristine,
  GLOBAL,
  keysOf,
  LXCS,
  runJson,
  show,
  STACKS_CONFIG,
  VMS,
  type FixtureName,
  type KeyAt,
  type ReportDiagnostic,
} from './fixture.js';

let parent: string;
beforeAll(() => {
  parent = tempDir('phoenix-upstream-');
});
afterAll(() => removeDir(parent));

/** One expected warning: its code, file, and what its message must name. */
interface Want {
  code: string;
  file: string;
  names: string;
}

/**
 * Every warning each fixture must produce, each exactly once. The current fixture: the
 * original's plaintext password; a guest named like its own routed Host (the route wins); a
 * Traefik middleware label Phoenix cannot write; a stack folder with only a compose file; a
 * stack label claiming the Host a guest's traefik_service routes (the guest route wins).
 * The API key the original writes into portainer_api itself is used without a warning.
 */
const WARNINGS: Record<FixtureName, Want[]> = {
  current: [
    { code: 'plaintext-secret', file: GLOBAL, names: 'Portainer password' },
    { code: 'dns-shadowed', file: LXCS, names: 'grafana.hearth.internal' },
    {
      code: 'unsupported-label',
      file: STACKS_CONFIG,
      names: 'traefik.http.middlewares.llm-buffer.buffering.maxrequestbodybytes',
    },
    { code: 'no-manifest', file: VMS, names: 'scratchpad' },
    { code: 'host-shadowed', file: 'stacks/uptime/phoenix.json', names: 'status.hearth.internal' },
  ],
  legacy: [{ code: 'plaintext-secret', file: GLOBAL, names: 'Portainer password' }],
};

/** The original's plaintext credentials in the fixtures: never printed. */
const SECRETS: Record<FixtureName, string[]> = {
  current: ['Kindling-Spark-4417', 'ptr_HearthFixtureToken9vQ2mW7pL4xR8tN'],
  legacy: ['Ash-and-Ember-0712'],
};

/** Codes of the schema validator: a key of the format must never get one. */
const SCHEMA_CODES = new Set(['unknown-key', 'invalid-value', 'missing-key']);

/** Does a diagnostic name this key: `"key"` and, when nested, the path that holds it (`vms.1.network_config`)? */
function names(d: ReportDiagnostic, k: KeyAt): boolean {
  return k.key !== '[]' && d.message.includes(`"${k.key}"`) && (!k.parent || d.message.includes(k.parent));
}

/** A diagnostic that rejects (or questions) a key: any schema code, or "unknown key" in any wording. */
function isSchemaComplaint(d: ReportDiagnostic): boolean {
  return SCHEMA_CODES.has(d.code) || /unknown key/i.test(d.message);
}

const fixtures: FixtureName[] = ['current', 'legacy'];

describe.each(fixtures)('phoenix validate on the %s fixture', (name) => {
  it('exits 0 with exactly the expected warnings, each once', async () => {
    const root = copyFixture(name, parent);
    const before = snapshotTree(root);
    const { code, report } = await runJson(['validate'], root);

    expect(report.diagnostics.filter((d) => d.severity === 'error').map(show)).toEqual([]);
    expect(code).toBe(0);
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => d.code).sort()).toEqual(WARNINGS[name].map((w) => w.code).sort());
    for (const w of WARNINGS[name])
      expect(warnings, `${w.code} naming ${w.names}`).toContainEqual(
        expect.objectContaining({ code: w.code, file: w.file, message: expect.stringContaining(w.names) }),
      );
    for (const d of warnings) expect(d.line, show(d)).toBeGreaterThan(0);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('as the original wrote it (no sync section): only the missing gateway is an error', async () => {
    const root = copyPristine(name, parent);
    const { code, report } = await runJson(['validate'], root);
    expect(code).toBe(1);
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.file])).toEqual([['no-gateway', GLOBAL]]);
  });

  it('calls no key of the format unknown or malformed, with or without the sync section', async () => {
    for (const root of [copyFixture(name, parent), copyPristine(name, parent)]) {
      const { report } = await runJson(['validate'], root);
      // Every key and element of every file: no schema complaint located at it or naming it.
      const rejected: string[] = [];
      for (const [file, keys] of keysOf(root))
        for (const k of keys)
          for (const d of report.diagnostics.filter((x) => x.file === file && isSchemaComplaint(x)))
            if ((d.line === k.line && d.column === k.column) || names(d, k))
              rejected.push(`${k.path}: ${show(d)}`);
      expect(rejected).toEqual([]);
      // And none anywhere else (a complaint about a file the walk does not know).
      expect(report.diagnostics.filter(isSchemaComplaint).map(show)).toEqual([]);
    }
  });

  it('every key of every file is walked (the check above sees the whole format)', () => {
    const keys = keysOf(copyPristine(name, parent));
    const files = [...keys.keys()];
    expect(files).toEqual(expect.arrayContaining([GLOBAL, VMS, LXCS]));
    const count = [...keys.values()].reduce((n, k) => n + k.length, 0);
    expect(count).toBeGreaterThan(name === 'current' ? 400 : 100);
    // Positions are real: the first key of the global file is domain_name on line 2.
    expect(keys.get(GLOBAL)![0]).toMatchObject({ path: 'domain_name', line: 2, column: 5 });
  });

  it('never prints the plaintext Portainer credentials', async () => {
    const root = copyFixture(name, parent);
    const runs = [
      await runCli(['validate', '--root', root]),
      await runCli(['validate', '--json', '--root', root]),
      await runCli(['plan', '--offline', '--root', root]),
      await runCli(['plan', '--offline', '--json', '--root', root]),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      for (const s of SECRETS[name]) expect(r.out + r.err).not.toContain(s);
    }
  });
});
