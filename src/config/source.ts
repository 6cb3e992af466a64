/** Where a value came from: a file and a 1-based line and column. */
export interface Source {
  file: string;
  line: number;
  column: number;
}

/** `file:line:col`, the form editors and terminals make clickable. */
export function formatSource(s: Source | undefined): string {
  if (!s) return '';
  return s.line > 0 ? `${s.file}:${s.line}:${s.column}` : s.file;
}
