/**
 * Shared mechanics of file-based targets (DNS, PVE firewall, nftables, Traefik). See
 * README.md in this folder for the contract; this is the only module to import from.
 */
export { ownershipHeader, parseHeader, isOwnedBy, withHeader, stripHeader } from './header.js';
export type { HeaderInfo, CommentPrefix } from './header.js';
export {
  atomicWrite,
  stageFile,
  removeFile,
  readIfExists,
  defaultBackupPath,
  hiddenBackupPath,
} from './atomic.js';
export type { BackupPath, WriteOptions, StagedFile, WriteHooks } from './atomic.js';
export { fileDiff } from './diff.js';
export { substitute, runCommand, resolveSettingPath } from './command.js';
export type { CommandOptions } from './command.js';
export { observeFiles, planFiles, applyFiles, EMPTY_TAKEN_OVER } from './file-target.js';
export { FileTargetProvider } from './file-provider.js';
export type { FileTargetSpec } from './file-provider.js';
export type {
  DesiredFile,
  LiveFile,
  ObserveFilesOptions,
  PlanFilesOptions,
  FileTarget,
} from './file-target.js';
