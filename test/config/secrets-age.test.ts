/**
 * age: references, with files and keys made by Debian's real `age` and `age-keygen`: binary
 * and armored files, the identity from PHOENIX_AGE_KEY_FILE or SOPS_AGE_KEY_FILE, each way
 * it can fail (named, never quoting a key), files readable by others warned about, and the
 * same bounds as a file: secret (size cap, regular files only).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSecret, resolveSecretAsync, type SecretResolution } from '../../src/config/secret-ref.js';
import type { DesiredState } from '../../src/desired/types.js';
import { portainerCredentials } from '../../src/engine/providers.js';
import { REDACTED, Redactor } from '../../src/secrets.js';
import { removeDir, tempDir } from '../helpers/root.js';
import { ageEncrypt, ageKeygen } from './secrets-fixtures.js';

let dir: string;
let key: { keyFile: string; recipient: string };
let other: { keyFile: string; recipient: string };
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = tempDir('phoenix-age-');
  key = ageKeygen(dir, 'keys.txt');
  other = ageKeygen(dir, 'other.txt');
  env = { PHOENIX_AGE_KEY_FILE: key.keyFile };
  writeFileSync(join(dir, 'db.age'), ageEncrypt('s3cret-binary\n', key.recipient), { mode: 0o600 });
  writeFileSync(join(dir, 'db.age.asc'), ageEncrypt('s3cret-armored\n', key.recipient, true), {
    mode: 0o600,
  });
});
afterAll(() => removeDir(dir));

const resolve = (ref: string, e: NodeJS.ProcessEnv = env) => resolveSecretAsync(ref, dir, e);
const problem = async (
  ref: string,
  e?: NodeJS.ProcessEnv,
): Promise<Extract<SecretResolution, { ok: false }>> => {
  const r = await resolve(ref, e);
  if (r.ok) throw new Error(`${ref} resolved`);
  expect(r.message + r.hint).not.toMatch(/AGE-SECRET-KEY-1[0-9A-Z]{20}/);
  return r;
};

describe('age: references', () => {
  it('binary and armored files decrypt, the trailing newline trimmed as for file:', async () => {
    expect(await resolve('age:db.age')).toEqual({ ok: true, value: 's3cret-binary', reference: true });
    expect(await resolve('age:db.age.asc')).toEqual({ ok: true, value: 's3cret-armored', reference: true });
  });

  it('PHOENIX_AGE_KEY_FILE wins over SOPS_AGE_KEY_FILE, which is used alone too', async () => {
    expect((await resolve('age:db.age', { SOPS_AGE_KEY_FILE: key.keyFile })).ok).toBe(true);
    expect(
      (await resolve('age:db.age', { PHOENIX_AGE_KEY_FILE: key.keyFile, SOPS_AGE_KEY_FILE: other.keyFile }))
        .ok,
    ).toBe(true);
    const p = await problem('age:db.age', {
      PHOENIX_AGE_KEY_FILE: other.keyFile,
      SOPS_AGE_KEY_FILE: key.keyFile,
    });
    expect(p.message).toMatch(/other\.txt \(from PHOENIX_AGE_KEY_FILE\)/);
  });

  it('the synchronous resolver leaves age: pending, as an error if nobody decrypts it', () => {
    expect(resolveSecret('age:db.age', dir, env)).toMatchObject({
      ok: false,
      message: 'age: reference not decrypted',
    });
  });

  it('no identity configured', async () => {
    const p = await problem('age:db.age', {});
    expect(p.message).toBe('no age identity: PHOENIX_AGE_KEY_FILE (or SOPS_AGE_KEY_FILE) is not set');
  });

  it('a missing identity file and a missing age file are named', async () => {
    const p = await problem('age:db.age', { PHOENIX_AGE_KEY_FILE: join(dir, 'nope.txt') });
    expect(p.message).toBe(
      `age identity file ${join(dir, 'nope.txt')} (from PHOENIX_AGE_KEY_FILE) does not exist`,
    );
    expect(p.hint).toBe('fix PHOENIX_AGE_KEY_FILE or create the file with age-keygen');
    const q = await problem('age:missing.age');
    expect(q.message).toBe(`age file ${join(dir, 'missing.age')} does not exist`);
  });

  it('a file encrypted for someone else names the identity’s recipient', async () => {
    const p = await problem('age:db.age', { PHOENIX_AGE_KEY_FILE: other.keyFile });
    expect(p.message).toBe(
      `age file ${join(dir, 'db.age')} was not encrypted for the identity in age identity file ${other.keyFile} (from PHOENIX_AGE_KEY_FILE) (${other.recipient})`,
    );
    expect(p.hint).toContain(`age -r ${other.recipient}`);
  });

  it('identity files Phoenix cannot use are refused without quoting them', async () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text, { mode: 0o600 });
      return { PHOENIX_AGE_KEY_FILE: join(dir, name) };
    };
    const good = readFileSync(key.keyFile, 'utf8');
    const secretLine = good.split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
    const corrupt = secretLine.slice(0, -2) + (secretLine.endsWith('QQ') ? 'PP' : 'QQ');
    expect((await problem('age:db.age', write('corrupt.txt', `${corrupt}\n`))).message).toMatch(
      /corrupt\.txt \(from PHOENIX_AGE_KEY_FILE\) holds a malformed identity$/,
    );
    expect((await problem('age:db.age', write('empty.txt', '# nothing\n'))).message).toMatch(
      /holds no identity$/,
    );
    expect((await problem('age:db.age', write('ssh.txt', 'ssh-ed25519 AAAA… me@host\n'))).message).toMatch(
      /^line 1 of .* is not an age identity$/,
    );
    expect((await problem('age:db.age', write('plugin.txt', 'AGE-PLUGIN-YUBIKEY-1XYZ\n'))).message).toMatch(
      /is a plugin identity$/,
    );
    const locked = ageEncrypt(good, other.recipient, true).toString('utf8');
    expect((await problem('age:db.age', write('locked.txt', locked))).message).toMatch(
      /is itself encrypted \(a passphrase-protected identity\)$/,
    );
  });

  it('a damaged file is refused', async () => {
    const bytes = readFileSync(join(dir, 'db.age'));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
    writeFileSync(join(dir, 'damaged.age'), bytes, { mode: 0o600 });
    expect((await problem('age:damaged.age')).message).toMatch(
      /^age file .*damaged\.age cannot be decrypted: /,
    );
    writeFileSync(
      join(dir, 'bad.asc'),
      '-----BEGIN AGE ENCRYPTED FILE-----\n!!!\n-----END AGE ENCRYPTED FILE-----\n',
      {
        mode: 0o600,
      },
    );
    expect((await problem('age:bad.asc')).message).toMatch(/is not a valid armored age file/);
  });
});

describe('how secret files are kept', () => {
  it('an identity readable by group or others is warned about; the encrypted file is not', async () => {
    const open = ageKeygen(dir, 'open-keys.txt');
    chmodSync(open.keyFile, 0o640);
    writeFileSync(join(dir, 'open.age'), ageEncrypt('v', open.recipient), { mode: 0o604 });
    chmodSync(join(dir, 'open.age'), 0o604);
    const r = await resolve('age:open.age', { PHOENIX_AGE_KEY_FILE: open.keyFile });
    expect(r).toMatchObject({ ok: true, value: 'v' });
    expect(r.warnings).toEqual([
      {
        message: `age identity file ${open.keyFile} is readable by group or others (mode 0640)`,
        hint: `chmod 600 ${open.keyFile}`,
      },
    ]);
  });

  it('a file: secret readable by others is warned about; 0600 is not', () => {
    writeFileSync(join(dir, 'plain'), 'x\n');
    chmodSync(join(dir, 'plain'), 0o644);
    expect(resolveSecret('file:plain', dir, {}).warnings).toEqual([
      {
        message: `secret file ${join(dir, 'plain')} is readable by group or others (mode 0644)`,
        hint: `chmod 600 ${join(dir, 'plain')}`,
      },
    ]);
    chmodSync(join(dir, 'plain'), 0o600);
    expect(resolveSecret('file:plain', dir, {}).warnings).toBeUndefined();
  });

  it('the same bounds as file: — size cap, regular files only', async () => {
    writeFileSync(join(dir, 'huge.age'), Buffer.alloc(70 * 1024, 1), { mode: 0o600 });
    expect((await problem('age:huge.age')).message).toMatch(/is 71680 bytes, over the limit of 65536$/);
    execFileSync('mkfifo', [join(dir, 'fifo.age')]);
    expect((await problem('age:fifo.age')).message).toMatch(/is not a regular file$/);
    mkdirSync(join(dir, 'folder.age'));
    expect((await problem('age:folder.age')).message).toMatch(/is not a regular file$/);
    execFileSync('mkfifo', [join(dir, 'fifo-key')]);
    expect((await problem('age:db.age', { PHOENIX_AGE_KEY_FILE: join(dir, 'fifo-key') })).message).toMatch(
      /fifo-key \(from PHOENIX_AGE_KEY_FILE\) is not a regular file$/,
    );
  });
});

describe('Portainer credentials', () => {
  it('an age: API key is decrypted when Portainer is used, and registered for redaction', async () => {
    writeFileSync(join(dir, 'portainer.age'), ageEncrypt('ptr_canary51d2e9\n', key.recipient), {
      mode: 0o600,
    });
    // Only what portainerCredentials reads of the desired state.
    const desired = {
      root: dir,
      portainer: {
        url: 'https://127.0.0.1:9443',
        username: undefined,
        password: undefined,
        apiKey: 'age:portainer.age',
      },
      settings: { portainer: {} },
    } as unknown as DesiredState;
    const redactor = new Redactor();
    expect(await portainerCredentials(desired, env, redactor)).toEqual({
      url: 'https://127.0.0.1:9443',
      apiKey: 'ptr_canary51d2e9',
    });
    expect(redactor.redact('key ptr_canary51d2e9')).toBe(`key ${REDACTED}`);
    await expect(portainerCredentials(desired, {}, new Redactor())).rejects.toThrow(
      'sync.portainer.api_key: no age identity: PHOENIX_AGE_KEY_FILE (or SOPS_AGE_KEY_FILE) is not set',
    );
  });
});
