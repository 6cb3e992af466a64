/**
 * Change markers reveal nothing about secrets. An attacker who has the stack folder (no
 * secrets in it), the owner id and a published `io.phoenix.hash` label tries a dictionary
 * that contains the real secret, with every formula that could have produced the label, with
 * and without the compose inputs: no candidate matches. The same attack on the label the
 * previous version published finds the secret, so the attack is real and the test can fail.
 */
import { createHash, createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { LoadedConfig } from '../../src/config/load.js';
import {
  DEPLOYMENT_LABEL,
  HASH_LABEL,
  OWNER_LABEL,
  RENDER_VERSION,
} from '../../src/desired/compose-render.js';
import {
  compareMarkers,
  computeMarker,
  isLegacyMarker,
  legacyMarker,
  shownMarker,
  type MarkerInputs,
} from '../../src/desired/marker.js';
import type { StackDeployment } from '../../src/desired/types.js';
import { deriveConfig, loadExample } from '../helpers/example.js';
import { copyExample, editJson, removeDir, tempDir } from '../helpers/root.js';

const SECRET = 'change-me-qdrant'; // what examples/homelab/secrets/qdrant_api_key holds
const KEY = 'f3b1c9e07a5d42c68e1b0d9f7a6c5e43b2a1908f7e6d5c4b3a29180f7e6d5c4b';
const DICTIONARY = [
  'password',
  '123456',
  'admin',
  'changeme',
  'change-me',
  'qdrant',
  'change-me-grafana',
  SECRET,
  'change-me-webui',
  'homelab',
  'letmein',
  'qdrant-production',
];

const dir = tempDir('phoenix-marker-');
afterAll(() => removeDir(dir));

/** The example root, derived, optionally with `sync.marker_key` as an `env:` reference. */
function derived(key?: string, secret = SECRET): { config: LoadedConfig; qdrant: StackDeployment } {
  const root = copyExample(dir);
  writeFileSync(join(root, 'secrets', 'qdrant_api_key'), `${secret}\n`);
  if (key !== undefined)
    editJson(
      join(root, 'etc', 'phoenix_hypervisor_config.json'),
      (c) => void (c.sync.marker_key = 'env:PHOENIX_MARKER_KEY'),
    );
  const { config } = loadExample(root, key === undefined ? {} : { PHOENIX_MARKER_KEY: key });
  const { desired, errors } = deriveConfig(config);
  expect(errors).toEqual([]);
  return { config, qdrant: desired.deployments.find((d) => d.id === '1002/qdrant-production')! };
}

/** The label as anyone who can read the container (or the compose file) sees it. */
function publishedLabel(d: StackDeployment): string {
  const compose = parse(d.compose.standalone) as {
    services: Record<string, { labels: Record<string, string> }>;
  };
  return compose.services['qdrant']!.labels[HASH_LABEL]!;
}

/** What the attacker knows: the stack folder and the owner id; the secret is the candidate. */
function attackerInputs(config: LoadedConfig, candidate: string, secret = true): MarkerInputs {
  const stack = config.stacks.get('qdrant')!;
  const env = stack.manifest.environments['production']!;
  return {
    renderVersion: RENDER_VERSION,
    composeText: stack.compose.text,
    labelTemplates: new Map(Object.entries(env.services ?? {}).map(([s, v]) => [s, v.traefik_labels])),
    owner: { [OWNER_LABEL]: 'homelab', [DEPLOYMENT_LABEL]: 'qdrant-production' },
    variables: [{ name: 'QDRANT_API_KEY', value: candidate, secret }],
    files: [],
    placementConstraints: [],
  };
}

const hex = (algo: string, s: string) => createHash(algo).update(s).digest('hex');
/** Every 16-hex-digit part of a marker (the whole of a legacy one, each part of a current one). */
const parts = (marker: string) => marker.match(/[0-9a-f]{16}/g) ?? [];

/** Candidate digests of one guess, one list per formula the attacker can think of. */
function candidates(config: LoadedConfig, guess: string): string[][] {
  const withInputs = [
    legacyMarker(attackerInputs(config, guess)),
    computeMarker(attackerInputs(config, guess, false), undefined),
    ...['', guess, 'homelab', 'qdrant-production', 'phoenix', ...DICTIONARY].map((k) =>
      computeMarker(attackerInputs(config, guess), k),
    ),
  ];
  const withoutInputs = [guess, `QDRANT_API_KEY=${guess}`, `${guess}\n`, JSON.stringify([guess])].flatMap(
    (s) => [hex('sha256', s), hex('sha1', s), hex('md5', s), createHmac('sha256', s).update(s).digest('hex')],
  );
  return [...withInputs.map(parts), ...withoutInputs.map((h) => [h.slice(0, 16), h.slice(-16)])];
}

/**
 * The guesses a formula singles out: those whose digest matches a part of the label, when
 * it does not match for every guess alike (a part that does not depend on the secret, as
 * the public part of a current marker, tells the attacker nothing).
 */
function crack(config: LoadedConfig, label: string): string[] {
  const target = new Set(parts(label));
  const all = DICTIONARY.map((g) => candidates(config, g));
  const found = new Set<string>();
  for (let f = 0; f < all[0]!.length; f++) {
    const hits = DICTIONARY.filter((_, i) => all[i]![f]!.some((c) => target.has(c)));
    if (hits.length < DICTIONARY.length) for (const h of hits) found.add(h);
  }
  return [...found];
}

describe('a published marker cannot be brute-forced', () => {
  it("the previous version's label gives the secret away (the attack works)", () => {
    const { config, qdrant } = derived();
    const old = qdrant.legacyMarker!();
    expect(isLegacyMarker(old)).toBe(true);
    expect(crack(config, old)).toEqual([SECRET]);
  });

  it('without a key: the label does not depend on the secret at all', () => {
    const { config, qdrant } = derived();
    const label = publishedLabel(qdrant);
    expect(label).toBe(qdrant.hash);
    expect(label).toMatch(/^v2\.[0-9a-f]{16}$/);
    expect(crack(config, label)).toEqual([]);
    // Whatever the secret is, the label is the same: there is nothing to test a guess against.
    expect(publishedLabel(derived(undefined, 'a-completely-different-one').qdrant)).toBe(label);
  });

  it('with a key: the keyed part matches no guess, even knowing every compose input', () => {
    const { config, qdrant } = derived(KEY);
    const label = publishedLabel(qdrant);
    expect(label).toMatch(/^v2\.[0-9a-f]{16}\.[0-9a-f]{16}$/);
    expect(crack(config, label)).toEqual([]);
    // The keyed part is what tells secrets apart: with the key (and only with it) it does.
    expect(label).toBe(computeMarker(attackerInputs(config, SECRET), KEY));
  });
});

describe('markers', () => {
  it('keep the previous formula byte for byte, so old labels are recognised', () => {
    const { config, qdrant } = derived();
    const stack = config.stacks.get('qdrant')!;
    const labels = Object.entries(stack.manifest.environments['production']!.services!).map(([svc, s]) => [
      svc,
      s.traefik_labels,
    ]);
    // The previous version's code, as it was.
    const previous = hex(
      'sha256',
      JSON.stringify([
        1,
        stack.compose.text,
        labels,
        { [OWNER_LABEL]: 'homelab', [DEPLOYMENT_LABEL]: 'qdrant-production' },
        [['QDRANT_API_KEY', SECRET]],
        [],
      ]),
    ).slice(0, 16);
    expect(qdrant.legacyMarker!()).toBe(previous);
  });

  it('a secret change: the public part stays, the keyed part changes; without a key nothing changes', () => {
    const a = derived(KEY).qdrant.hash;
    const b = derived(KEY, 'rotated-qdrant-key').qdrant.hash;
    expect(a.split('.')[1]).toBe(b.split('.')[1]);
    expect(a).not.toBe(b);
    expect(compareMarkers(b, a)).toBe('secret-changed');
    expect(derived(undefined, 'rotated-qdrant-key').qdrant.hash).toBe(derived().qdrant.hash);
  });

  it('a secret interpolated into a label leaves the public part alone', () => {
    const inputs = (secret: string): MarkerInputs => ({
      ...attackerInputs(derived().config, secret),
      labelTemplates: new Map([
        ['qdrant', ['traefik.http.middlewares.auth.basicauth.users=${QDRANT_API_KEY}']],
      ]),
    });
    expect(computeMarker(inputs('one'), undefined)).toBe(computeMarker(inputs('two'), undefined));
    expect(computeMarker(inputs('one'), KEY)).not.toBe(computeMarker(inputs('two'), KEY));
  });

  const D = 'v2.0123456789abcdef.fedcba9876543210';
  it.each<[string, string, string, (() => string) | undefined, string]>([
    ['identical', D, D, undefined, 'same'],
    ['other public part', D, 'v2.1111111111111111.fedcba9876543210', undefined, 'changed'],
    ['only the keyed part differs', D, 'v2.0123456789abcdef.0000000000000000', undefined, 'secret-changed'],
    ['live written without a key', D, 'v2.0123456789abcdef', undefined, 'same'],
    ['desired without a key', 'v2.0123456789abcdef', D, undefined, 'same'],
    ['legacy of these inputs', D, 'aaaaaaaaaaaaaaaa', () => 'aaaaaaaaaaaaaaaa', 'legacy-same'],
    ['legacy of other inputs', D, 'aaaaaaaaaaaaaaaa', () => 'bbbbbbbbbbbbbbbb', 'changed'],
    ['no marker', D, '', undefined, 'changed'],
    ['something else', D, 'forged', undefined, 'changed'],
  ])('%s', (_name, desired, live, legacy, want) => {
    expect(compareMarkers(desired, live, legacy)).toBe(want);
  });

  it.each([
    ['v2.0123456789abcdef.fedcba9876543210', 'v2.0123456789abcdef'],
    ['v2.0123456789abcdef', 'v2.0123456789abcdef'],
    ['0123456789abcdef', 'earlier version'],
    ['forged', 'forged'],
  ])('%s shows as %s', (marker, shown) => expect(shownMarker(marker)).toBe(shown));
});
