/**
 * Unified diffs as jsdiff's `createTwoFilesPatch` writes them (three lines of context, no
 * header dates), byte for byte, without running its diff algorithm when one side is empty.
 * A plan creates most of what it shows (an offline plan creates everything: 5,000 compose
 * files and a thousand firewall files at 1,000 VMs), and there the answer is known: every
 * line added. jsdiff still ran Myers' algorithm over each file to find it, a tenth of the
 * offline plan's time.
 */
import { createTwoFilesPatch } from 'diff';

const UNDERLINE = '===================================================================';

/** The unified diff from `before` to `after`; `before === after` gives a header alone, as jsdiff does. */
export function unifiedPatch(oldName: string, newName: string, before: string, after: string): string {
  const whole = before === '' ? wholeText('+', after) : after === '' ? wholeText('-', before) : undefined;
  if (whole === undefined || !plainName(oldName) || !plainName(newName))
    return createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, { context: 3 });
  const index = oldName === newName ? `Index: ${oldName}\n` : '';
  return `${index}${UNDERLINE}\n--- ${oldName}\n+++ ${newName}\n${whole}`;
}

/**
 * The one hunk of a text added (`+`) or removed (`-`) whole: jsdiff's lines are the text
 * split at `\n` (a `\r` stays on its line), and a last line without `\n` is followed by its
 * "No newline" marker. Undefined for an empty text (no hunk, left to jsdiff).
 */
function wholeText(sign: '+' | '-', text: string): string | undefined {
  if (text === '') return undefined;
  const endsInNewline = text.endsWith('\n');
  const body = endsInNewline ? text.slice(0, -1) : text;
  let lines = 1;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lines++;
  const range = sign === '+' ? `@@ -0,0 +1,${lines} @@` : `@@ -1,${lines} +0,0 @@`;
  const hunk = sign + body.replaceAll('\n', `\n${sign}`);
  return `${range}\n${hunk}\n${endsInNewline ? '' : '\\ No newline at end of file\n'}`;
}

/** A file name jsdiff writes as it is (printable ASCII without `"` or `\`); others it quotes C-style. */
function plainName(name: string): boolean {
  return /^[\x20-\x7e]*$/.test(name) && !/["\\]/.test(name);
}
