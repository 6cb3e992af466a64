/**
 * Secret canaries: values given as `env:NAME`, `file:PATH`, `age:PATH`, `sops:PATH#KEY`, the
 * Portainer password, the API key and a variable marked secret must never appear in any
 * output — text, JSON, NDJSON — nor in error messages that quote a value derived from them.
 */
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/output/json-report.js';
import { REDACTED } from '../../src/secrets.js';
import { ageEncrypt, ageKeygen, m, sopsFile } from '../config/secrets-fixtures.js';
import { parseDiagnostics, runCli } from '../helpers/cli.js';
import { copyExample, removeDir, replaceIn, snapshotTree, tempDir } from '../helpers/root.js';

const CANARY = {
  env: 'canaryenv7d1f3a9b',
  file: 'canaryfile5e2c8b41',
  password: 'canarypass9a3e7c22',
  apiKey: 'canarykey4b8d1f06',
  plain: 'canaryplain0c6f2d7e',
  port: 'canaryport3f9e1a',
  host: 'canary_host_61b0c2',
};
const ENV = {
  PHX_CANARY_ENV: CANARY.env,
  PHOENIX_PORTAINER_PASSWORD: CANARY.password,
  PHX_CANARY_PORT: CANARY.port,
  PHX_CANARY_HOST: CANARY.host,
};

/** Every canary that shows up in `text`. */
const leaks = (text: string) => Object.values(CANARY).filter((c) => text.includes(c));

let parent: string;
let valid: string;
let invalid: string;

beforeAll(() => {
  parent = tempDir('phoenix-secrets-');
  // A valid root carrying every kind of secret.
  valid = copyExample(parent);
  replaceIn(valid, 'stacks/whoami/phoenix.json', '"value": "whoami-prod"', '"value": "env:PHX_CANARY_ENV"');
  writeFileSync(join(valid, 'secrets', 'qdrant_api_key'), `${CANARY.file}\n`);
  replaceIn(
    valid,
    'etc/phoenix_hypervisor_config.json',
    '"local_environment": "local"',
    `"local_environment": "local", "api_key": "${CANARY.apiKey}"`,
  );
  replaceIn(
    valid,
    'stacks/n8n/phoenix.json',
    '"production": {',
    `"production": {\n      "variables": [{ "name": "N8N_ENCRYPTION_KEY", "value": "${CANARY.plain}", "secret": true }],`,
  );

  // An invalid root whose error messages quote values derived from secrets.
  invalid = copyExample(parent);
  replaceIn(
    invalid,
    'stacks/whoami/phoenix.json',
    '{ "name": "WHOAMI_PORT", "value": "8082" }',
    '{ "name": "WHOAMI_PORT", "value": "env:PHX_CANARY_PORT" }',
  );
  replaceIn(
    invalid,
    'stacks/whoami/phoenix.json',
    '"value": "whoami-staging.lab.internal"',
    '"value": "env:PHX_CANARY_HOST"',
  );
  replaceIn(
    invalid,
    'stacks/monitoring/phoenix.json',
    '"source": "10.0.0.12", "comment": "Grafana',
    '"source": "${GRAFANA_ADMIN_PASSWORD}/33", "comment": "Grafana',
  );
  writeFileSync(join(invalid, 'secrets', 'grafana_admin_password'), `${CANARY.file}\n`);
  replaceIn(
    invalid,
    'etc/phoenix_hypervisor_config.json',
    '"local_environment": "local"',
    `"local_environment": "local", "api_key": "${CANARY.apiKey}"`,
  );
});
afterAll(() => removeDir(parent));

describe('secret canaries in a valid root', () => {
  it.each([
    ['validate', ['validate']],
    ['validate --json', ['validate', '--json']],
    ['plan --offline', ['plan', '--offline']],
    ['plan --offline --verbose', ['plan', '--offline', '-v']],
    ['plan --offline --json', ['plan', '--offline', '--json']],
    ['plan --offline --json=stream', ['plan', '--offline', '--json=stream']],
  ])('%s prints no secret', async (_name, argv) => {
    for (const isTTY of [false, true]) {
      const r = await runCli([...argv, '--root', valid], { env: ENV, isTTY });
      expect(r.code).toBe(0);
      expect(leaks(r.out + r.err)).toEqual([]);
    }
  });

  it('the secrets did reach the plan, redacted (the test is not vacuous)', async () => {
    const r = await runCli(['plan', '--offline', '--json', '--root', valid], { env: ENV });
    const report = JSON.parse(r.out) as JsonReport;
    // A stack's Env as the plan shows it: every variable, the secret ones masked.
    const env = (id: string) =>
      (report.changes.find((c) => c.id === id)?.after as { env: Record<string, string> }).env;
    expect(env('1002/whoami-production')).toMatchObject({ WHOAMI_NAME: REDACTED });
    expect(env('1002/qdrant-production')).toMatchObject({ QDRANT_API_KEY: REDACTED });
    expect(env('1003/n8n-production')).toMatchObject({ N8N_ENCRYPTION_KEY: REDACTED });
    // the plaintext API key is reported as a warning that does not quote it
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: 'the Portainer API key is written in plain text',
      }),
    );
  });
});

describe('the Portainer API key as a file: reference', () => {
  it('is read, not warned about, and never printed', async () => {
    const root = copyExample(parent);
    writeFileSync(join(root, 'secrets', 'portainer_api_key'), `${CANARY.apiKey}\n`);
    replaceIn(
      root,
      'etc/phoenix_hypervisor_config.json',
      '"local_environment": "local"',
      '"local_environment": "local", "api_key": "file:secrets/portainer_api_key"',
    );
    for (const argv of [
      ['validate'],
      ['plan', '--offline'],
      ['plan', '--offline', '--json'],
      ['plan', '--offline', '--json=stream'],
    ]) {
      const r = await runCli([...argv, '--root', root], { env: ENV });
      expect(r.code).toBe(0);
      expect(r.out + r.err).not.toMatch(/plain text/);
      expect(leaks(r.out + r.err)).toEqual([]);
    }
  });
});

describe('secret canaries in error messages', () => {
  it.each([
    ['validate', ['validate']],
    ['validate --json', ['validate', '--json']],
    ['plan --offline', ['plan', '--offline']],
    ['plan --offline --json=stream', ['plan', '--offline', '--json=stream']],
  ])('%s reports the errors without the secrets', async (_name, argv) => {
    const r = await runCli([...argv, '--root', invalid], { env: ENV });
    expect(r.code).toBe(1);
    const all = r.out + r.err;
    // the errors are there, with the secret parts redacted
    expect(all).toMatch(/invalid port or range in|cannot read port/);
    expect(all).toMatch(/is not a valid host name/);
    expect(all).toMatch(/firewall rule: invalid source/);
    expect(all).toContain(REDACTED);
    expect(leaks(all)).toEqual([]);
  });

  it('a secret under a misspelt key is not quoted by the unknown-key error or warning', async () => {
    const root = copyExample(parent);
    replaceIn(
      root,
      'etc/phoenix_hypervisor_config.json',
      `"admin_password": "env:PHOENIX_PORTAINER_PASSWORD"`,
      `"admin_pasword": "${CANARY.password}"`,
    );
    replaceIn(
      root,
      'etc/phoenix_hypervisor_config.json',
      `"local_environment": "local"`,
      `"local_environment": "local", "api_kye": "${CANARY.password}"`,
    );
    for (const argv of [['validate'], ['validate', '--json'], ['plan', '--offline', '--json=stream']]) {
      const r = await runCli([...argv, '--root', root], { env: {} });
      expect(r.code).toBe(1);
      // portainer_api is shared with provisioning scripts: a near miss there is a warning
      expect(r.out + r.err).toMatch(/unknown key \\?"admin_pasword\\?" in portainer_api is ignored/);
      // sync is Phoenix's own section: an unknown key there is an error
      expect(r.out + r.err).toMatch(/unknown key \\?"api_kye\\?" in sync.portainer/);
      expect(leaks(r.out + r.err)).toEqual([]);
    }
  });

  it('a missing env: secret is named, never guessed at', async () => {
    const r = await runCli(['validate', '--root', invalid], {
      env: { PHOENIX_PORTAINER_PASSWORD: CANARY.password },
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/environment variable PHX_CANARY_PORT is not set/);
    expect(leaks(r.out + r.err)).toEqual([]);
  });
});

describe('age: and sops: references', () => {
  const ENCRYPTED = {
    age: 'canaryage8e4d1c77',
    sops: 'canarysops2b9f5a13',
    sopsKey: 'canarysopskey6d0e4f',
  };
  const encLeaks = (text: string) => Object.values(ENCRYPTED).filter((c) => text.includes(c));
  const WHOAMI = 'stacks/whoami/phoenix.json';
  let keys: { keyFile: string; recipient: string };
  let stranger: { keyFile: string; recipient: string };
  let encEnv: NodeJS.ProcessEnv;

  /** A copy of the example whose secrets are age: and sops: references. */
  function encryptedRoot(): string {
    const root = copyExample(parent);
    const secret = (name: string, content: Buffer | string) =>
      writeFileSync(join(root, 'secrets', name), content, { mode: 0o600 });
    secret('whoami.age', ageEncrypt(`${ENCRYPTED.age}\n`, keys.recipient, true));
    secret('app.enc.yaml', sopsFile('yaml', m(['db', m(['password', ENCRYPTED.sops])]), keys.recipient));
    secret('portainer.env', sopsFile('dotenv', m(['PORTAINER_KEY', ENCRYPTED.sopsKey]), keys.recipient));
    // The example's own file: secrets, kept as they should be.
    for (const f of readdirSync(join(root, 'secrets'))) chmodSync(join(root, 'secrets', f), 0o600);
    replaceIn(root, WHOAMI, '"value": "whoami-prod"', '"value": "age:secrets/whoami.age"');
    replaceIn(
      root,
      'stacks/n8n/phoenix.json',
      '"production": {',
      `"production": {\n      "variables": [{ "name": "N8N_ENCRYPTION_KEY", "value": "sops:secrets/app.enc.yaml#db.password" }],`,
    );
    replaceIn(
      root,
      'etc/phoenix_hypervisor_config.json',
      '"local_environment": "local"',
      '"local_environment": "local", "api_key": "sops:secrets/portainer.env#PORTAINER_KEY"',
    );
    return root;
  }

  /** Where a string starts in a root file, as a diagnostic locates it (1-based). */
  function locate(root: string, file: string, needle: string) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(needle));
    return { file, line: line + 1, column: lines[line]!.indexOf(needle) + 1 };
  }

  beforeAll(() => {
    keys = ageKeygen(parent, 'cli-keys.txt');
    stranger = ageKeygen(parent, 'cli-stranger.txt');
    encEnv = { ...ENV, PHOENIX_AGE_KEY_FILE: keys.keyFile };
  });

  it.each([
    ['validate', ['validate']],
    ['validate --json', ['validate', '--json']],
    ['plan --offline', ['plan', '--offline']],
    ['plan --offline --verbose', ['plan', '--offline', '-v']],
    ['plan --offline --json', ['plan', '--offline', '--json']],
    ['plan --offline --json=stream', ['plan', '--offline', '--json=stream']],
  ])('%s decrypts them in-process and prints none of them', async (_name, argv) => {
    const root = encryptedRoot();
    for (const isTTY of [false, true]) {
      const r = await runCli([...argv, '--root', root], { env: encEnv, isTTY });
      expect(r.code, r.err).toBe(0);
      expect(encLeaks(r.out + r.err)).toEqual([]);
      expect(leaks(r.out + r.err)).toEqual([]);
      expect(r.out + r.err).not.toMatch(/plain text|readable by group/);
    }
  });

  it('the decrypted values reach the plan, redacted (the test is not vacuous)', async () => {
    const root = encryptedRoot();
    const r = await runCli(['plan', '--offline', '--json', '--root', root], { env: encEnv });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as JsonReport;
    const env = (id: string) =>
      (report.changes.find((c) => c.id === id)?.after as { env: Record<string, string> }).env;
    expect(env('1002/whoami-production')).toMatchObject({ WHOAMI_NAME: REDACTED });
    expect(env('1003/n8n-production')).toMatchObject({ N8N_ENCRYPTION_KEY: REDACTED });
    // Without the identity the same root is refused: the values above were really decrypted.
    const without = await runCli(['validate', '--root', root], { env: ENV });
    expect(without.code).toBe(1);
    expect(without.err).toMatch(/no age identity: PHOENIX_AGE_KEY_FILE \(or SOPS_AGE_KEY_FILE\) is not set/);
  });

  const N8N = 'stacks/n8n/phoenix.json';
  it.each([
    {
      name: 'a missing age file',
      edit: (root: string) => replaceIn(root, WHOAMI, '"age:secrets/whoami.age"', '"age:secrets/nope.age"'),
      identity: 'keys',
      errors: [
        [
          WHOAMI,
          '"age:secrets/nope.age"',
          /^variable WHOAMI_NAME: age file .*secrets\/nope\.age does not exist$/,
        ],
      ],
    },
    {
      name: 'the wrong identity',
      edit: () => undefined,
      identity: 'stranger',
      errors: [
        [
          N8N,
          '"sops:secrets/app.enc.yaml#db.password"',
          /^variable N8N_ENCRYPTION_KEY: sops file .*app\.enc\.yaml was not encrypted for the identity in age identity file .*cli-stranger\.txt/,
        ],
        [
          WHOAMI,
          '"age:secrets/whoami.age"',
          /^variable WHOAMI_NAME: age file .*whoami\.age was not encrypted for the identity in age identity file .*cli-stranger\.txt/,
        ],
      ],
    },
    {
      name: 'a key missing from a sops file',
      edit: (root: string) =>
        replaceIn(root, WHOAMI, '"age:secrets/whoami.age"', '"sops:secrets/app.enc.yaml#db.nope"'),
      identity: 'keys',
      errors: [
        [
          WHOAMI,
          '"sops:secrets/app.enc.yaml#db.nope"',
          /^variable WHOAMI_NAME: sops file .*app\.enc\.yaml has no key "db\.nope"$/,
        ],
      ],
    },
  ] as const)(
    '$name is a located error at the value: exit 1, nothing changed, nothing leaked',
    async ({ edit, identity, errors }) => {
      const root = encryptedRoot();
      edit(root);
      const env = { ...ENV, PHOENIX_AGE_KEY_FILE: (identity === 'keys' ? keys : stranger).keyFile };
      const before = snapshotTree(root);
      const r = await runCli(['validate', '--root', root], { env, cwd: root });
      expect(r.code).toBe(1);
      expect(parseDiagnostics(r.err).filter((d) => d.severity === 'error')).toEqual(
        errors.map(([file, needle, message]) =>
          expect.objectContaining({ ...locate(root, file, needle), message: expect.stringMatching(message) }),
        ),
      );
      const sync = await runCli(['sync', 'all', '--yes', '--root', root], { env, cwd: root });
      expect(sync.code).toBe(1);
      expect(sync.err).toMatch(/nothing was changed/);
      for (const text of [r.out + r.err, sync.out + sync.err]) {
        expect(encLeaks(text)).toEqual([]);
        expect(text).not.toMatch(/AGE-SECRET-KEY-1[0-9A-Z]{20}/);
      }
      expect(snapshotTree(root)).toEqual(before);
    },
  );

  it('an encrypted file is meant to be shared: no warning for its mode', async () => {
    const root = encryptedRoot();
    chmodSync(join(root, 'secrets', 'whoami.age'), 0o644);
    const r = await runCli(['validate', '--root', root], { env: encEnv, cwd: root });
    expect(r.code).toBe(0);
    expect(parseDiagnostics(r.err).filter((d) => d.message.includes('whoami.age'))).toEqual([]);
    expect(encLeaks(r.out + r.err)).toEqual([]);
  });

  it('world-readable plain secret files are one warning, naming each', async () => {
    const root = copyExample(parent);
    for (const f of ['grafana_admin_password', 'qdrant_api_key', 'webui_secret_key'])
      chmodSync(join(root, 'secrets', f), 0o644);
    const r = await runCli(['validate', '--root', root], {
      env: { PHOENIX_PORTAINER_PASSWORD: 'x' },
      cwd: root,
    });
    const warnings = parseDiagnostics(r.err).filter((d) => d.message.includes('readable by group'));
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /^3 secret files are readable by group or others: secret file .*grafana_admin_password \(mode 0644\); /,
        ),
      }),
    ]);
  });
});
