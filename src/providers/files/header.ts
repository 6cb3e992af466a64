/**
 * The ownership header: the first line of every file Phoenix writes names Phoenix,
 * the owner id and the root. A live file without it (or with another owner's) is not ours.
 */

/** Who a header names. */
export interface HeaderInfo {
  ownerId: string;
  root: string;
}

/** Comment syntax of a file format: `#` for dnsmasq, hosts, YAML, PVE and nft files. */
export type CommentPrefix = string;

const PATTERN =
  /^(\S+) Managed by Phoenix \(owner: ([^,\s]+), root: (.*)\)\. Manual edits are overwritten\.$/;

/** The header line (no trailing newline). Newlines in the root would break the format. */
export function ownershipHeader(info: HeaderInfo, comment: CommentPrefix = '#'): string {
  const root = info.root.replace(/[\r\n]+/g, ' ');
  return `${comment} Managed by Phoenix (owner: ${info.ownerId}, root: ${root}). Manual edits are overwritten.`;
}

/** Read the header from the first line of `content`, if it has one with this comment prefix. */
export function parseHeader(content: string, comment: CommentPrefix = '#'): HeaderInfo | undefined {
  const nl = content.indexOf('\n');
  const first = (nl === -1 ? content : content.slice(0, nl)).replace(/\r$/, '');
  const m = PATTERN.exec(first);
  if (!m || m[1] !== comment) return undefined;
  return { ownerId: m[2] ?? '', root: m[3] ?? '' };
}

/** Does `content` carry the header of this owner? (The root may move; the owner id never changes.) */
export function isOwnedBy(content: string, ownerId: string, comment: CommentPrefix = '#'): boolean {
  return parseHeader(content, comment)?.ownerId === ownerId;
}

/** `body` with the header as its first line; the body's own header, if any, is replaced. */
export function withHeader(body: string, info: HeaderInfo, comment: CommentPrefix = '#'): string {
  return `${ownershipHeader(info, comment)}\n${stripHeader(body, comment)}`;
}

/** `content` without its header line (unchanged when it has none). */
export function stripHeader(content: string, comment: CommentPrefix = '#'): string {
  if (!parseHeader(content, comment)) return content;
  const nl = content.indexOf('\n');
  return nl === -1 ? '' : content.slice(nl + 1);
}
