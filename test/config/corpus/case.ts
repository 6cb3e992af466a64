/**
 * The shape of a broken-corpus case and what the case tables share: the files of the
 * example they edit, and `sub`, an in-place text edit that keeps every other line where
 * it was (so expected lines and columns are those of examples/homelab).
 */
import { replaceIn } from '../../helpers/root.js';

/** One broken variant of the example and the error it must produce. */
export interface Case {
  name: string;
  edit: (root: string) => void;
  /** The file the error names, relative to the root. */
  file: string;
  /** 0 when the file cannot be read, so there is no position. */
  line: number;
  column: number;
  message: string;
  hint?: string;
  env?: NodeJS.ProcessEnv;
}

/** The global settings file. */
export const GLOBAL = 'etc/phoenix_hypervisor_config.json';
/** The VM file. */
export const VMS = 'etc/phoenix_vm_configs.json';
/** The LXC file. */
export const LXCS = 'etc/phoenix_lxc_configs.json';
/** n8n's manifest: labels and firewall rules edited by many cases. */
export const N8N = 'stacks/n8n/phoenix.json';
/** n8n's compose file. */
export const N8N_COMPOSE = 'stacks/n8n/docker-compose.yml';
/** qdrant's manifest. */
export const QDRANT = 'stacks/qdrant/phoenix.json';
/** whoami's manifest (two environments). */
export const WHOAMI = 'stacks/whoami/phoenix.json';
/** monitoring's manifest (a file and a file: secret). */
export const MONITORING = 'stacks/monitoring/phoenix.json';

/** The n8n router's rule as the example writes it. */
export const RULE = 'Host(`n8n.lab.internal`)';

/** Replace `from` with `to` in one file of the root. */
export const sub = (file: string, from: string, to: string) => (root: string) =>
  replaceIn(root, file, from, to);
