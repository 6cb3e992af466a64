/**
 * Text ordering without the locale: `localeCompare` loads ICU's collation data on first use
 * (~10 ms, a twentieth of `phoenix validate`), and the orders Phoenix sorts by (names, paths,
 * messages) are not meant for reading as prose. Code-unit order is also the same on every
 * machine whatever its locale, which keeps rendered files and reports stable.
 */

/** Compare two strings by UTF-16 code unit, for `Array.prototype.sort`. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
