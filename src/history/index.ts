/** The run history: what every sync did, kept in SQLite in `sync.state_dir`. */
export { History, type RunStart, type RunUpdate } from './history.js';
export { recordedSync, who, HISTORY_WARNING, type RecordOptions, type RecordedSync } from './record.js';
export { stateDirOf, DEFAULT_STATE_DIR } from './state-dir.js';
export { gitState, materialise, type GitState, type Materialised } from './git.js';
export * from './types.js';
