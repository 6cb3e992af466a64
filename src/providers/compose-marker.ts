/**
 * The change marker in a rendered compose text (pure), shared by both stack backends: masked
 * where the text is compared and shown, put back where it is sent.
 */
import { HASH_LABEL } from '../desired/compose-render.js';

/** What the change marker's value becomes in a compared (and shown) compose file. */
export const MARKER_MASK = '«marker»';

/** The `io.phoenix.hash` label and its value, in map (`key: v`) or list (`key=v`) form, quoted or not. */
const MARKER_IN_COMPOSE = new RegExp(
  `(${HASH_LABEL.replace(/\./g, '\\.')})(["']?\\s*[:=]\\s*)("[^"\\n]*"|'[^'\\n]*'|[^\\s"'#,\\]}]*)`,
  'g',
);

/**
 * The compose text as compared and shown. Line endings and trailing blank lines are not
 * differences anyone meant. The change marker's value is masked: the text and Env are the
 * live truth, and they already differ wherever the marker's inputs do (a secret shows in
 * the Env), so a marker alone never redeploys a stack (a marker of an earlier version, a new
 * `sync.marker_key`), and no plan shows one (an earlier version's is a digest of the secrets).
 */
export function normaliseCompose(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '') + '\n';
  return lines.replace(MARKER_IN_COMPOSE, `$1$2${MARKER_MASK}`);
}

/** The masked change marker of a compared compose text, with the real marker put back. */
export function withMarker(compose: string, marker: string): string {
  return compose.replace(MARKER_IN_COMPOSE, (all, key: string, sep: string, value: string) =>
    value === MARKER_MASK ? `${key}${sep}${marker}` : all,
  );
}
