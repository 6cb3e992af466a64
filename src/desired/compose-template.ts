/**
 * Compose templates: one stack's compose file rendered once per shape, with a token where
 * each label value goes, then filled in per deployment. A stack deployed to a thousand VMs
 * is the same document with the same label keys a thousand times; only the values (the
 * host in a rule, the deployment's name, its marker) differ, and serialising the YAML
 * document for each was a third of an offline plan at 1,000 VMs.
 *
 * Byte for byte the document's own serialisation: each label scalar is written in the
 * template as a token, and filled in with the text the yaml library writes for it, which
 * for a one-line string in a block collection (never in a flow one: blockOnly in
 * compose-render.ts) with an unlimited line width depends on the text alone, not on where it
 * stands (util/yaml-scalar.ts). Where that is not certain (a line break, a control character, both
 * kinds of quote, a backslash) the file is rendered directly, as before.
 */
import type { Schema } from 'yaml';
import { scalarText } from '../util/yaml-scalar.js';

/** A rendered text with a token in place of each label scalar, and what each scalar says. */
export interface Template {
  /** The text between scalars: `parts.length === order.length + 1`. */
  parts: string[];
  /** The scalar at each gap, in text order. */
  order: number[];
  /** Each scalar's text with the token of its value (`key=VALUE` in a list, `VALUE` in a map). */
  scalars: string[];
  /** The value each scalar holds. */
  valueOf: number[];
}

const VALUE = /zphoenixvalue(\d+)z/g;
const SCALAR = /zphoenixscalar(\d+)z/g;

/** The placeholder of value `i` inside a label's text (never written: each scalar is replaced whole). */
export function valueToken(i: number): string {
  return `zphoenixvalue${i}z`;
}

/** What a template's label scalar `j` is written as: a plain scalar no schema reads as anything but a string. */
export function scalarToken(j: number): string {
  return `zphoenixscalar${j}z`;
}

/**
 * A template from the text rendered with scalar tokens and the texts those scalars stood
 * for; null when it cannot be trusted: a label's text holds a value token other than once
 * (its key is one), or the text has a scalar token twice, or one that was not made (the
 * user's file contains one).
 */
export function makeTemplate(text: string, scalars: readonly string[]): Template | null {
  const valueOf: number[] = [];
  for (const s of scalars) {
    const m = [...s.matchAll(VALUE)];
    if (m.length !== 1) return null;
    valueOf.push(Number(m[0]![1]));
  }
  const parts: string[] = [];
  const order: number[] = [];
  const seen = new Set<number>();
  let at = 0;
  for (const m of text.matchAll(SCALAR)) {
    const j = Number(m[1]);
    // A scalar replaced later (a label set twice) is not written at all; none is written twice.
    if (!(j < scalars.length) || seen.has(j)) return null;
    seen.add(j);
    parts.push(text.slice(at, m.index));
    order.push(j);
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return { parts, order, scalars: [...scalars], valueOf };
}

/** The template with `values` in place; undefined when a scalar's text is not certain (scalarText). */
export function fill(t: Template, values: readonly string[], schema: Schema): string | undefined {
  let out = t.parts[0]!;
  for (let k = 0; k < t.order.length; k++) {
    const j = t.order[k]!;
    const i = t.valueOf[j]!;
    const written = scalarText(
      t.scalars[j]!.replace(valueToken(i), () => values[i]!),
      schema,
    );
    if (written === undefined) return undefined;
    out += written + t.parts[k + 1]!;
  }
  return out;
}
