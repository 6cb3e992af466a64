/**
 * sops: references. The files in test/fixtures/sops-vectors/ were written by a real sops (3.8.1) for
 * an age recipient whose test identity is checked in beside them; the others are made by
 * the documented format with the real age binary for the data key (Debian has no sops).
 * Tampering with a file (moving a value, reordering, editing a plaintext value, dropping a
 * line) is refused; no message ever quotes a value or a key.
 */
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSecretAsync, type SecretResolution } from '../../src/config/secret-ref.js';
import { goFloat } from '../../src/config/secrets/sops.js';
import { removeDir, tempDir } from '../helpers/root.js';
import { ageKeygen, m, sopsFile, VECTORS } from './secrets-fixtures.js';

let dir: string;
let env: NodeJS.ProcessEnv;
let mine: { keyFile: string; recipient: string };

beforeAll(() => {
  dir = tempDir('phoenix-sops-');
  // The checked-in identity, kept privately (a checkout makes it 0644).
  copyFileSync(join(VECTORS, 'key.txt'), join(dir, 'vector-key.txt'));
  chmodSync(join(dir, 'vector-key.txt'), 0o600);
  for (const f of ['secret.enc.env', 'secret.enc.yaml', 'secret.enc.json']) {
    copyFileSync(join(VECTORS, f), join(dir, f));
    chmodSync(join(dir, f), 0o600);
  }
  env = { PHOENIX_AGE_KEY_FILE: join(dir, 'vector-key.txt') };
  mine = ageKeygen(dir, 'mine.txt');
});
afterAll(() => removeDir(dir));

const resolve = (ref: string, e: NodeJS.ProcessEnv = env) => resolveSecretAsync(ref, dir, e);
const value = async (ref: string, e?: NodeJS.ProcessEnv) => {
  const r = await resolve(ref, e);
  if (!r.ok) throw new Error(`${ref}: ${r.message}`);
  expect(r.warnings ?? []).toEqual([]);
  return r.value;
};
const problem = async (
  ref: string,
  e?: NodeJS.ProcessEnv,
): Promise<Extract<SecretResolution, { ok: false }>> => {
  const r = await resolve(ref, e);
  if (r.ok) throw new Error(`${ref} resolved`);
  return r;
};

/** Write a tampered copy of a vector. */
function tampered(name: string, edit: (text: string) => string): string {
  const out = `tampered-${Math.random().toString(36).slice(2)}-${name}`;
  const text = readFileSync(join(VECTORS, name), 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  writeFileSync(join(dir, out), changed, { mode: 0o600 });
  return out;
}

describe('files written by a real sops', () => {
  it.each(['secret.enc.env', 'secret.enc.yaml', 'secret.enc.json'])('%s decrypts, MAC checked', async (f) => {
    expect(await value(`sops:${f}#secret`)).toBe('this is a secret');
  });

  it('typed values come back as text; nested keys by dotted path', async () => {
    for (const f of ['secret.enc.yaml', 'secret.enc.json']) {
      expect(await value(`sops:${f}#string`)).toBe('string');
      expect(await value(`sops:${f}#int`)).toBe('7');
      expect(await value(`sops:${f}#float`)).toBe('3.14');
      expect(await value(`sops:${f}#boolean`)).toBe('true');
      expect(await value(`sops:${f}#complex.value`)).toBe('this is a secret');
    }
    expect(await value('sops:secret.enc.env#another_secret')).toBe('7');
  });

  it('SOPS_AGE_KEY_FILE names the identity too', async () => {
    expect(
      await value('sops:secret.enc.yaml#secret', { SOPS_AGE_KEY_FILE: env['PHOENIX_AGE_KEY_FILE'] }),
    ).toBe('this is a secret');
  });

  it('a missing key, a map, a list and a reference without a key are refused by name', async () => {
    const missing = await problem('sops:secret.enc.yaml#nope');
    expect(missing.message).toBe(`sops file ${join(dir, 'secret.enc.yaml')} has no key "nope"`);
    expect(missing.hint).toBe('keys at its top level: secret, string, int, float, boolean, complex');
    expect((await problem('sops:secret.enc.yaml#complex')).message).toMatch(
      /"complex" in .* is a map, not a single value/,
    );
    expect((await problem('sops:secret.enc.json#complex.array')).message).toMatch(
      /is a list, not a single value/,
    );
    expect((await problem('sops:secret.enc.yaml')).message).toBe('"sops:secret.enc.yaml" names no key');
    expect((await problem('sops:secret.enc.yaml#')).message).toMatch(/names no key/);
  });

  it('an identity the file was not made for is told which recipients it has', async () => {
    const p = await problem('sops:secret.enc.yaml#secret', { PHOENIX_AGE_KEY_FILE: mine.keyFile });
    expect(p.message).toMatch(
      new RegExp(`not encrypted for the identity in age identity file .*mine.txt .*\\(${mine.recipient}\\)`),
    );
    expect(p.message).toMatch(
      /it is for age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr, age19j4d/,
    );
    expect(p.hint).toContain(`add ${mine.recipient} to its recipients`);
    expect(p.message + p.hint).not.toMatch(/AGE-SECRET-KEY-1[0-9A-Z]{20}/);
  });

  it('a value moved to another key cannot be decrypted', async () => {
    const f = tampered('secret.enc.yaml', (t) => {
      const a = /^secret: (.*)$/m.exec(t)![1]!;
      const b = /^string: (.*)$/m.exec(t)![1]!;
      return t.replace(`secret: ${a}`, `secret: ${b}`).replace(`string: ${b}`, `string: ${a}`);
    });
    const p = await problem(`sops:${f}#string`);
    expect(p.message).toMatch(
      /^secret in sops file .* cannot be decrypted: it was moved or changed without sops$/,
    );
  });

  it('reordered keys, a dropped value or an edited MAC fail the MAC check', async () => {
    const reorder = tampered('secret.enc.yaml', (t) => {
      const a = /^secret: .*\n/m.exec(t)![0];
      const b = /^string: .*\n/m.exec(t)![0];
      return t.replace(a + b, b + a);
    });
    const dropped = tampered('secret.enc.env', (t) => t.replace(/^another_secret=.*\n/m, ''));
    const mac = tampered('secret.enc.json', (t) =>
      t.replace(/("mac": "ENC\[AES256_GCM,data:)(.)/, (_, p, c) => p + (c === 'A' ? 'B' : 'A')),
    );
    for (const f of [reorder, dropped]) {
      const p = await problem(`sops:${f}#secret`);
      expect(p.message).toMatch(/fails its MAC check: it was changed without sops$/);
    }
    expect((await problem(`sops:${mac}#secret`)).message).toMatch(/^sops\.mac in .* cannot be decrypted/);
  });

  it('a file without sops metadata, and one without an age recipient, are refused', async () => {
    writeFileSync(join(dir, 'plain.yaml'), 'secret: hello\n', { mode: 0o600 });
    expect((await problem('sops:plain.yaml#secret')).message).toMatch(/is not encrypted with SOPS/);
    const pgp = tampered('secret.enc.yaml', (t) =>
      t
        .replace(/ {2}age:\n(?: {4}.*\n| {6}.*\n| {8}.*\n)*/, '  age: []\n')
        .replace('  pgp: []', '  pgp: [{fp: ABC}]'),
    );
    expect((await problem(`sops:${pgp}#secret`)).message).toMatch(/has no age recipient \(only pgp\)$/);
  });

  it('an identity file readable by others is warned about; the value still resolves', async () => {
    const open = join(dir, 'open-key.txt');
    copyFileSync(join(VECTORS, 'key.txt'), open);
    chmodSync(open, 0o644);
    const r = await resolve('sops:secret.enc.yaml#secret', { PHOENIX_AGE_KEY_FILE: open });
    expect(r.ok && r.value).toBe('this is a secret');
    expect(r.warnings).toEqual([
      {
        message: `age identity file ${open} is readable by group or others (mode 0644)`,
        hint: `chmod 600 ${open}`,
      },
    ]);
  });
});

describe('files written by the documented format (age data key from the real age)', () => {
  const doc = m(
    ['db', m(['user_unencrypted', 'phoenix'], ['password', 'pa:ss\nword'], ['port', 5432])],
    ['10', 'ten'],
    ['2', 'two'],
    ['ratio', 0.000000125],
    ['big', 1e21],
    ['on', false],
    ['empty', ''],
    ['nothing', null],
    ['list', ['a', m(['x', 'y'])]],
    // Plaintext numbers and booleans enter the MAC as Go prints them (1e-7 → 0.0000001, True).
    ['plain_unencrypted', m(['tiny', 1e-7], ['flag', true], ['count', 3])],
  );

  it.each(['yaml', 'json'] as const)('%s: nested, typed, integer-like keys kept in order', async (format) => {
    const f = `doc.${format}`;
    writeFileSync(join(dir, f), sopsFile(format, doc, mine.recipient), { mode: 0o600 });
    const e = { PHOENIX_AGE_KEY_FILE: mine.keyFile };
    expect(await value(`sops:${f}#db.password`, e)).toBe('pa:ss\nword');
    expect(await value(`sops:${f}#db.user_unencrypted`, e)).toBe('phoenix');
    expect(await value(`sops:${f}#db.port`, e)).toBe('5432');
    expect(await value(`sops:${f}#10`, e)).toBe('ten');
    expect(await value(`sops:${f}#ratio`, e)).toBe('0.000000125');
    expect(await value(`sops:${f}#big`, e)).toBe('1000000000000000000000');
    expect(await value(`sops:${f}#on`, e)).toBe('false');
    expect(await value(`sops:${f}#empty`, e)).toBe('');
    expect((await problem(`sops:${f}#nothing`, e)).message).toMatch(/"nothing" in .* is empty \(null\)/);
    expect(await value(`sops:${f}#plain_unencrypted.tiny`, e)).toBe('0.0000001');
    expect(await value(`sops:${f}#plain_unencrypted.flag`, e)).toBe('true');
  });

  it('dotenv: comments skipped, escaped newlines restored', async () => {
    const flat = m(['API_KEY', 'k3y'], ['MULTI', 'line1\nline2'], ['PUBLIC_unencrypted', 'open']);
    writeFileSync(join(dir, 'app.env'), sopsFile('dotenv', flat, mine.recipient), { mode: 0o600 });
    const e = { PHOENIX_AGE_KEY_FILE: mine.keyFile };
    expect(await value('sops:app.env#API_KEY', e)).toBe('k3y');
    expect(await value('sops:app.env#MULTI', e)).toBe('line1\nline2');
    expect(await value('sops:app.env#PUBLIC_unencrypted', e)).toBe('open');
  });

  it('a plaintext value edited without sops fails the MAC; with mac_only_encrypted it may change', async () => {
    const e = { PHOENIX_AGE_KEY_FILE: mine.keyFile };
    const flat = m(['API_KEY', 'k3y'], ['PUBLIC_unencrypted', 'open']);
    writeFileSync(
      join(dir, 'full.env'),
      sopsFile('dotenv', flat, mine.recipient).replace('PUBLIC_unencrypted=open', 'PUBLIC_unencrypted=shut'),
      { mode: 0o600 },
    );
    expect((await problem('sops:full.env#API_KEY', e)).message).toMatch(/fails its MAC check/);
    writeFileSync(
      join(dir, 'partial.env'),
      sopsFile('dotenv', flat, mine.recipient, { macOnlyEncrypted: true }).replace(
        'PUBLIC_unencrypted=open',
        'PUBLIC_unencrypted=shut',
      ),
      { mode: 0o600 },
    );
    expect(await value('sops:partial.env#API_KEY', e)).toBe('k3y');
    expect(await value('sops:partial.env#PUBLIC_unencrypted', e)).toBe('shut');
  });
});

describe("Go's shortest float formatting (the MAC hashes numbers that way)", () => {
  it.each([
    [3.14, '3.14'],
    [7, '7'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-10, '-0.00000000025'],
    [1.2345678901234568e20, '123456789012345680000'],
    [-0, '-0'],
    [Infinity, '+Inf'],
  ])('%s → %s', (x, s) => {
    expect(goFloat(x)).toBe(s);
  });
});
