/**
 * age decryption in-process (the age-encryption package): the operator's identity file
 * (`PHOENIX_AGE_KEY_FILE`, else `SOPS_AGE_KEY_FILE`, as written by age-keygen) and the
 * decryption of binary or armored age files. No message ever quotes a key.
 */
import { resolve } from 'node:path';
import { armor, Decrypter, identityToRecipient } from 'age-encryption';
import { readRootFile, READ_LIMITS } from '../root-files.js';
import { exposure, SecretProblem, safeReason, type SecretWarning } from './problem.js';

/** The identities of one identity file. */
export interface AgeIdentities {
  /** Where they were read from, as shown in messages. */
  shown: string;
  keys: string[];
  /** Their public keys (`age1…`), to tell the operator which key a file was not made for. */
  recipients: string[];
  warnings: SecretWarning[];
}

const KEY_VARS = ['PHOENIX_AGE_KEY_FILE', 'SOPS_AGE_KEY_FILE'] as const;
const ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';

/** Read the identity file named by the environment. */
export async function loadIdentities(env: NodeJS.ProcessEnv): Promise<AgeIdentities> {
  const name = KEY_VARS.find((v) => env[v]);
  if (!name)
    throw new SecretProblem(
      'no age identity: PHOENIX_AGE_KEY_FILE (or SOPS_AGE_KEY_FILE) is not set',
      'export PHOENIX_AGE_KEY_FILE=/path/to/keys.txt (the file age-keygen wrote)',
    );
  const path = resolve(env[name]!);
  const shown = `age identity file ${path} (from ${name})`;
  // Like any secret file, it may live anywhere, but it is a bounded, regular file.
  const read = readRootFile('/', path, shown, { limit: READ_LIMITS.secret });
  if (!read.ok)
    throw new SecretProblem(
      read.problem,
      read.reason === 'missing' ? `fix ${name} or create the file with age-keygen` : read.hint,
    );
  const keys: string[] = [];
  const lines = read.text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = `line ${i + 1} of ${shown}`;
    if (line.startsWith(ARMOR) || line.startsWith('age-encryption.org/'))
      throw new SecretProblem(
        `${shown} is itself encrypted (a passphrase-protected identity)`,
        'Phoenix cannot ask for a passphrase: decrypt it to a 0600 file (age -d -o keys.txt keys.age)',
      );
    if (line.startsWith('AGE-PLUGIN-'))
      throw new SecretProblem(
        `${at} is a plugin identity`,
        'age plugins are not supported: use a native key (age-keygen)',
      );
    if (!line.startsWith('AGE-SECRET-KEY-'))
      throw new SecretProblem(
        `${at} is not an age identity`,
        'the file must hold AGE-SECRET-KEY-1… lines (SSH keys are not supported)',
      );
    keys.push(line);
  }
  if (keys.length === 0)
    throw new SecretProblem(`${shown} holds no identity`, 'write one with age-keygen -o <file>');
  const recipients: string[] = [];
  for (const key of keys) {
    try {
      recipients.push(await identityToRecipient(key));
    } catch {
      throw new SecretProblem(`${shown} holds a malformed identity`, 'regenerate it with age-keygen');
    }
  }
  return { shown, keys, recipients, warnings: exposure('age identity file', path, read.mode) };
}

/** Decrypt an age file (binary or armored); `shown` names it in messages. */
export async function ageDecrypt(file: Uint8Array, ids: AgeIdentities, shown: string): Promise<Uint8Array> {
  let bytes = file;
  const head = Buffer.from(file.subarray(0, 64)).toString('latin1').trimStart();
  if (head.startsWith(ARMOR)) {
    try {
      bytes = armor.decode(Buffer.from(file).toString('utf8'));
    } catch (err) {
      throw new SecretProblem(
        `${shown} is not a valid armored age file: ${safeReason(err)}`,
        'encrypt it again with age -a',
      );
    }
  }
  const d = new Decrypter();
  for (const key of ids.keys) d.addIdentity(key);
  try {
    return await d.decrypt(bytes);
  } catch (err) {
    const reason = safeReason(err);
    if (/no identity matched/.test(reason))
      throw new SecretProblem(
        `${shown} was not encrypted for the identity in ${ids.shown} (${ids.recipients.join(', ')})`,
        `encrypt it for that recipient (age -r ${ids.recipients[0]}), or point PHOENIX_AGE_KEY_FILE at the right identity`,
      );
    throw new SecretProblem(
      `${shown} cannot be decrypted: ${reason}`,
      'the file is damaged or not an age file: encrypt it again',
    );
  }
}
