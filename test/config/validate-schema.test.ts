/** Schema validation and diagnostics, on small inline documents (no files). */
import { describe, expect, it } from 'vitest';
import { Diagnostics, didYouMean, formatDiagnostic } from '../../src/config/diagnostics.js';
import { parseJson } from '../../src/config/json.js';
import { ManifestSchema, VmConfigSchema, type Manifest, type VmConfig } from '../../src/config/schema.js';
import { validateAgainst } from '../../src/config/validate-schema.js';

function check<T>(schema: Parameters<typeof validateAgainst>[0], text: string) {
  const parsed = parseJson('f.json', text);
  if (!parsed.doc) throw new Error('fixture does not parse');
  const diags = new Diagnostics();
  const value = validateAgainst<T>(schema, parsed.doc, diags);
  return { value, diags, lines: diags.sorted().map(formatDiagnostic) };
}

describe('validateAgainst', () => {
  it('a union of literals reads as "must be one of"', () => {
    const { value, lines } = check(
      VmConfigSchema,
      '{ "vms": [{ "vmid": 100, "name": "a", "portainer_role": "boss" }] }',
    );
    expect(value).toBeUndefined();
    expect(lines).toEqual([
      'f.json:1:57: error: vms.0.portainer_role must be one of "primary", "agent", "none" (got "boss")',
    ]);
  });

  it('unknown keys alone are errors, but the value without them is returned for the cross-file rules', () => {
    const { value, diags } = check<Manifest>(
      ManifestSchema,
      '{ "environments": { "production": { "varibles": [], "services": {} } } }',
    );
    expect(diags.errors.map((d) => [d.message, d.hint])).toEqual([
      ['unknown key "varibles" in environments.production', 'did you mean "variables"?'],
    ]);
    expect(value).toEqual({ environments: { production: { services: {} } } });
  });

  it('other errors return nothing', () => {
    const { value, diags } = check(
      ManifestSchema,
      '{ "environments": { "production": { "varibles": [], "files": [{ "source": "a" }] } } }',
    );
    expect(value).toBeUndefined();
    expect(diags.errors).toHaveLength(2);
  });

  it('a near miss of a key Phoenix reads, in an open object, is a warning', () => {
    const { value, lines } = check<VmConfig>(
      VmConfigSchema,
      '{ "vms": [{ "vmid": 100, "name": "a", "docker_stack": ["x"], "cores": 2, "memory_mb": 1 }] }',
    );
    expect(value?.vms[0]?.docker_stacks).toBeUndefined();
    expect(lines).toEqual([
      'f.json:1:39: warning: unknown key "docker_stack" in vms.0 is ignored\n  hint: did you mean "docker_stacks"? (keys Phoenix does not read are left to provisioning tools)',
    ]);
  });

  it('fills defaults in', () => {
    const { value } = check<VmConfig>(VmConfigSchema, '{ "vms": [] }');
    expect(value).toEqual({ vms: [] });
  });
});

describe('Diagnostics', () => {
  it('keeps exact repeats once, so counts match what is printed', () => {
    const d = new Diagnostics();
    const at = { file: 'a', line: 1, column: 2 };
    d.error('x', at, 'same');
    d.error('x', at, 'same');
    d.error('x', { ...at, line: 2 }, 'same');
    d.warn('y', at, 'same');
    expect(d.errors).toHaveLength(2);
    expect(d.warnings).toHaveLength(1);
  });

  it('sorts by file, line and column', () => {
    const d = new Diagnostics();
    d.error('x', { file: 'b', line: 1, column: 1 }, 'm');
    d.error('x', { file: 'a', line: 2, column: 1 }, 'm');
    d.error('x', { file: 'a', line: 1, column: 9 }, 'm');
    expect(d.sorted().map((x) => `${x.source.file}:${x.source.line}:${x.source.column}`)).toEqual([
      'a:1:9',
      'a:2:1',
      'b:1:1',
    ]);
  });

  it.each([
    ['admin_pasword', ['admin_user', 'admin_password', 'portainer_hostname'], undefined, 'admin_password'],
    ['gatway_ip', ['gateway_ip', 'backend'], undefined, 'gateway_ip'],
    ['prot', ['proto', 'port', 'type'], undefined, 'proto'],
    ['zzz', ['proto', 'port'], undefined, undefined],
    ['cores', ['name', 'vmid'], 2, undefined],
    ['docker_stack', ['docker_stacks'], 2, 'docker_stacks'],
  ])('didYouMean(%s) → %s', (word, candidates, max, want) => {
    expect(didYouMean(word, candidates, max)).toBe(want);
  });
});
