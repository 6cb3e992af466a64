/**
 * Compose-style variable interpolation, used wherever a value matters to derivation
 * (published ports, Traefik labels, firewall rules): `${X}`, `${X:-default}`, `${X-default}`,
 * `${X:?message}`, `${X:+replacement}`, `$X`, and `$$` for a literal dollar.
 */

export interface InterpolationResult {
  value: string;
  /** Names that were referenced but not set (and had no default). */
  missing: string[];
}

const PATTERN = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Interpolate `text` with `vars`. Unset variables without a default become "" and are listed. */
export function interpolate(text: string, vars: ReadonlyMap<string, string>): InterpolationResult {
  const missing: string[] = [];
  const value = text.replace(PATTERN, (match, braced?: string, op?: string, arg?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare)!;
    const v = vars.get(name);
    const unsetOrEmpty = v === undefined || (op?.startsWith(':') === true && v === '');
    if (op === ':-' || op === '-') return unsetOrEmpty ? (arg ?? '') : v!;
    if (op === ':+' || op === '+') return unsetOrEmpty ? '' : (arg ?? '');
    if (unsetOrEmpty) {
      missing.push(name);
      return '';
    }
    return v;
  });
  return { value, missing };
}
