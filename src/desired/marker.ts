/**
 * The change marker of a stack deployment (pure): what `io.phoenix.hash` and `PHOENIX_HASH`
 * hold, so that a later run can tell whether the live stack was made from the same inputs.
 *
 * A marker is published (a label on every container, a variable in Portainer), so it must
 * not let anyone test guesses of a secret offline. It has two parts:
 * - `v2.<public>`: SHA-256 over the inputs with every secret value left out (only the
 *   secret variables' names take part), so it depends on nothing secret;
 * - `.<keyed>`, only with `sync.marker_key` and only for a deployment with secrets:
 *   HMAC-SHA256 keyed with the marker key over the public part and the secret values.
 *   Without the key nobody can compute it, so nobody can test a guess against it.
 *
 * The previous version published an unkeyed SHA-256 over the inputs *including* the secret
 * values (16 hex digits). `legacyMarker` reproduces it exactly so that such a marker can be
 * recognised as "same content" and is never a reason to redeploy; it is compared, never shown.
 */
import { createHash, createHmac } from 'node:crypto';
import { interpolate } from './interpolate.js';
import type { StackFile, Variable } from './types.js';

/** Version tag of the current marker format. */
const MARKER_VERSION = 'v2';
/** Hex digits kept of each digest: 64 bits, plenty to tell contents apart. */
const DIGITS = 16;
/** A marker the previous version wrote: 16 lower-case hex digits and nothing else. */
const LEGACY = /^[0-9a-f]{16}$/;
/** A current marker: the public part, then the keyed part when there is one. */
const CURRENT = /^v2\.([0-9a-f]{16})(?:\.([0-9a-f]{16}))?$/;

/** Everything a deployment is made of, as the marker sees it. */
export interface MarkerInputs {
  renderVersion: number;
  /** The user's compose file, as read (not interpolated). */
  composeText: string;
  /** Per service, the manifest's Traefik labels as written (before interpolation). */
  labelTemplates: ReadonlyMap<string, readonly string[]>;
  owner: Readonly<Record<string, string>>;
  variables: readonly Variable[];
  files: readonly StackFile[];
  placementConstraints: readonly string[];
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Labels as they render, but with each secret variable standing for itself: a label may
 * interpolate a secret, and the public part must not depend on its value.
 */
function publicLabels(inputs: MarkerInputs): [string, string[]][] {
  const vars = new Map(inputs.variables.map((v) => [v.name, v.secret ? `«secret ${v.name}»` : v.value]));
  return [...inputs.labelTemplates].map(([svc, list]) => [svc, list.map((l) => interpolate(l, vars).value)]);
}

/** The marker of a deployment; `key` is the resolved `sync.marker_key`, when there is one. */
export function computeMarker(inputs: MarkerInputs, key: string | undefined): string {
  const secrets = inputs.variables.filter((v) => v.secret);
  const publicPart = sha(
    JSON.stringify([
      MARKER_VERSION,
      inputs.renderVersion,
      inputs.composeText,
      publicLabels(inputs),
      inputs.owner,
      // A secret's name takes part (adding or removing one is a visible change), its value never.
      inputs.variables.map((v) => (v.secret ? [v.name, true] : [v.name, v.value])),
      inputs.files.map((f) => [f.source, f.destination, f.services, f.hash]),
      inputs.placementConstraints,
    ]),
  ).slice(0, DIGITS);
  if (key === undefined || secrets.length === 0) return `${MARKER_VERSION}.${publicPart}`;
  const keyed = createHmac('sha256', key)
    .update(JSON.stringify([publicPart, secrets.map((v) => [v.name, v.value])]))
    .digest('hex')
    .slice(0, DIGITS);
  return `${MARKER_VERSION}.${publicPart}.${keyed}`;
}

/**
 * The marker the previous version wrote for the same inputs (unkeyed, secrets included),
 * byte for byte its formula. Only ever compared with a live marker.
 */
export function legacyMarker(inputs: MarkerInputs): string {
  const vars = new Map(inputs.variables.map((v) => [v.name, v.value]));
  const labels = [...inputs.labelTemplates].map(([svc, list]) => [
    svc,
    list.map((l) => interpolate(l, vars).value),
  ]);
  return sha(
    JSON.stringify([
      // The previous renderer's version: a later bump must not change what this recognises.
      1,
      inputs.composeText,
      labels,
      inputs.owner,
      inputs.variables.map((v) => [v.name, v.value]),
      inputs.files.map((f) => [f.source, f.destination, f.services, f.hash]),
      ...(inputs.placementConstraints.length ? [inputs.placementConstraints] : []),
    ]),
  ).slice(0, DIGITS);
}

/** Was this marker written by the previous version (and may so reveal a secret)? */
export function isLegacyMarker(marker: string | undefined): boolean {
  return marker !== undefined && LEGACY.test(marker);
}

/** How a live marker relates to the desired one. */
export type MarkerVerdict =
  /** Made from the same inputs (as far as the two markers can tell). */
  | 'same'
  /** The previous version's marker of exactly the desired inputs: the same content. */
  | 'legacy-same'
  /** Same public inputs, different keyed part: only secret values differ. */
  | 'secret-changed'
  | 'changed';

/**
 * Compare a live marker with the desired one. `legacy` computes the previous version's
 * marker of the desired inputs (asked for only when the live marker has that form). When
 * only one side has a keyed part (a key was added or removed since), the secrets cannot be
 * compared and the public parts decide: a key change then redeploys nothing.
 */
export function compareMarkers(desired: string, live: string, legacy?: () => string): MarkerVerdict {
  if (live === desired) return 'same';
  if (isLegacyMarker(live)) return legacy?.() === live ? 'legacy-same' : 'changed';
  const d = CURRENT.exec(desired);
  const l = CURRENT.exec(live);
  if (!d || !l || d[1] !== l[1]) return 'changed';
  return d[2] !== undefined && l[2] !== undefined ? 'secret-changed' : 'same';
}

/**
 * A marker as plans may show it: the public part of a current marker (the keyed part is
 * never shown, so a secret-only change shows no digest at all), `earlier version` for the
 * previous version's (it is a digest of the secrets), anything else as it is.
 */
export function shownMarker(marker: string): string {
  if (isLegacyMarker(marker)) return 'earlier version';
  const m = CURRENT.exec(marker);
  return m ? `${MARKER_VERSION}.${m[1]}` : marker;
}

/** The reason a plan gives an unchanged stack whose live marker is the previous version's. */
export const LEGACY_MARKER_NOTE = "change marker of an earlier version: rewritten at the stack's next change";
