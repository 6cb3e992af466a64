/**
 * The original's real defects, added to the current fixture: a traefik_service on a DHCP guest
 * with no static secondary address (the original routed to `http://dhcp:<port>`), a compose
 * variable no environment sets, a relative bind mount, an empty compose file. `phoenix
 * validate` exits 1 and reports exactly those four errors, each at its file and line, and
 * writes nothing. Everything else in the fixture stays valid, so nothing else may appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagnostics, runCli } from '../helpers/cli.js';
import { removeDir, replaceIn, snapshotTree, tempDir, writeIn } from '../helpers/root.js';
import { copyFixture, lineOf, LXCS, runJson, show } from './fixture.js';

let parent: string;
let root: string;
beforeAll(() => {
  parent = tempDir('phoenix-upstream-defects-');
  root = copyFixture('current', parent);
  // 1. A route to a DHCP guest that has no static secondary address.
  replaceIn(
    root,
    LXCS,
    '    "lxc_configs": {\n',
    '    "lxc_configs": {\n' +
      '        "140": {\n' +
      '            "name": "media-dl",\n' +
      '            "network_config": { "name": "eth0", "bridge": "vmbr0", "ip": "dhcp" },\n' +
      '            "traefik_service": { "name": "downloads", "port": 8112 }\n' +
      '        },\n',
  );
  // 2. A compose variable that no environment of the stack sets.
  replaceIn(root, MQTT, '      - "8883:8883"\n', '      - "8883:8883"\n      - "${MQTT_WS_PORT}:9001"\n');
  // 3. A relative bind mount (a stack deployed from text has no folder to be relative to).
  replaceIn(
    root,
    VAULT,
    '      - vw_data:/data\n',
    '      - vw_data:/data\n      - ./attachments:/data/attachments\n',
  );
  // 4. An empty compose file.
  writeIn(root, UPTIME, '');
});
afterAll(() => removeDir(parent));

const MQTT = 'stacks/mqtt/docker-compose.yml';
const VAULT = 'stacks/vaultwarden/docker-compose.yml';
const UPTIME = 'stacks/uptime/docker-compose.yml';

/** The four defects: code, file, and the text on the line the error must point at. */
function expected(): { code: string; file: string; line: number; names: string }[] {
  return [
    {
      code: 'no-static-ip',
      file: LXCS,
      line: lineOf(root, LXCS, '"traefik_service": { "name": "downloads"'),
      names: 'media-dl',
    },
    {
      code: 'unset-variable',
      file: MQTT,
      line: lineOf(root, MQTT, '${MQTT_WS_PORT}'),
      names: 'MQTT_WS_PORT',
    },
    {
      code: 'relative-bind',
      file: VAULT,
      line: lineOf(root, VAULT, './attachments'),
      names: './attachments',
    },
    { code: 'syntax', file: UPTIME, line: 1, names: 'compose file' },
  ];
}

describe('the original defects in the current fixture', () => {
  it('validate --json: exit 1, exactly the four errors, each located', async () => {
    const before = snapshotTree(root);
    const { code, report } = await runJson(['validate'], root);
    expect(code).toBe(1);
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.file}:${d.line}`).sort()).toEqual(
      expected()
        .map((e) => `${e.code} ${e.file}:${e.line}`)
        .sort(),
    );
    for (const e of expected())
      expect(errors.find((d) => d.code === e.code)?.message, e.code).toContain(e.names);
    for (const d of errors) expect(d.column, show(d)).toBeGreaterThan(0);
    expect(report.error?.message).toMatch(/^4 problems in the configuration under .*; nothing was changed$/);
    expect(report.changes).toEqual([]);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('validate (text): the same four errors as file:line:col lines', async () => {
    const before = snapshotTree(root);
    const r = await runCli(['validate', '--root', root], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const errors = parseDiagnostics(r.err).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}`).sort()).toEqual(
      expected()
        .map((e) => `${e.file}:${e.line}`)
        .sort(),
    );
    expect(errors.every((d) => d.column > 0)).toBe(true);
    expect(r.err).toMatch(/4 problems in the configuration under .*; nothing was changed/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('plan --offline refuses the same root and plans nothing', async () => {
    const before = snapshotTree(root);
    const { code, report } = await runJson(['plan', '--offline'], root);
    expect(code).toBe(1);
    expect(report.changes).toEqual([]);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(4);
    expect(snapshotTree(root)).toEqual(before);
  });
});
