/** Unified diffs of file content for the plan (rendered redacted by the plan renderers). */
import { unifiedPatch } from '../../util/patch.js';

/**
 * A unified diff from the live content to the desired content of `path`. `undefined`
 * stands for "no file": a create diffs from /dev/null, a delete to /dev/null.
 * Returns undefined when the two are equal.
 */
export function fileDiff(
  path: string,
  live: string | undefined,
  desired: string | undefined,
): string | undefined {
  if (live === desired) return undefined;
  return unifiedPatch(
    live === undefined ? '/dev/null' : `a${path}`,
    desired === undefined ? '/dev/null' : `b${path}`,
    live ?? '',
    desired ?? '',
  );
}
