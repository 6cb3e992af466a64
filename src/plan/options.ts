/**
 * The operator's flags for one run, as planning and applying read them. They live in the
 * pure core because the policies that read them (plan/policy.ts) do; providers only pass
 * them on (the dry run) and never decide with them.
 */

/** Narrowing filters (`--vm`, `--stack`, `--env`): a filter never causes a prune of what it filtered out. */
export interface Filters {
  vm?: number[];
  stack?: string[];
  env?: string[];
}

/** Flags that shape planning and applying, the same for every stage. */
export interface SyncOptions {
  /** Plan only: apply nothing. */
  dryRun: boolean;
  /** Delete owned resources that left the config. */
  prune: boolean;
  /** Deleting every owned resource of a target needs this on top of --prune. */
  pruneAll: boolean;
  /** Take over stacks of a desired name that Phoenix did not make. */
  adopt: boolean;
  /** Take over files (and the nftables table) that lack Phoenix's header. */
  force: boolean;
  /** Redeploy unchanged stacks so their images are pulled again. */
  pull: boolean;
  /** Apply stacks that run Portainer itself. */
  includePortainer: boolean;
  /** Narrowing filters. */
  filters: Filters;
}
