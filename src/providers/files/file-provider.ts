/**
 * FileTargetProvider: a Provider made of a small spec (which paths, which content, how to
 * validate and reload) and the shared mechanics of file-target.ts.
 */
import type { Change, Stage } from '../../plan/change.js';
import type { ApplyResult, Provider, ProviderContext } from '../provider.js';
import {
  applyFiles,
  observeFiles,
  planFiles,
  type DesiredFile,
  type FileTarget,
  type LiveFile,
} from './file-target.js';

/** How a concrete file target plugs into FileTargetProvider. */
export interface FileTargetSpec {
  stage: Stage;
  kind: string;
  comment?: string;
  /** Paths to observe: the desired ones plus any Phoenix may have written before (for prune). */
  paths(ctx: ProviderContext): Promise<string[]> | string[];
  /** Pure: the files wanted, given the live ones (Traefik keeps routes of failed deployments). */
  desired(ctx: ProviderContext, live: readonly LiveFile[]): DesiredFile[];
  /** Validation, reload and backup policy for this run (`createParents` defaults to true). */
  target(ctx: ProviderContext): FileTarget;
  label?: (path: string) => string;
  /** Why two contents differ (the change's reason). */
  explain?: (desired: string, live: string) => string | undefined;
  ownedWithoutHeader?: (path: string) => boolean;
}

/** A Provider made of a FileTargetSpec and the shared mechanics above. */
export class FileTargetProvider implements Provider<LiveFile[]> {
  readonly stage: Stage;

  constructor(private readonly spec: FileTargetSpec) {
    this.stage = spec.stage;
  }

  async observe(ctx: ProviderContext): Promise<LiveFile[]> {
    return observeFiles(await this.spec.paths(ctx), {
      ownerId: ctx.desired.ownerId,
      kind: this.spec.kind,
      ...(this.spec.comment ? { comment: this.spec.comment } : {}),
      ...(this.spec.ownedWithoutHeader ? { ownedWithoutHeader: this.spec.ownedWithoutHeader } : {}),
    });
  }

  plan(ctx: ProviderContext, live: LiveFile[]): Change[] {
    return planFiles(this.spec.desired(ctx, live), live, {
      stage: this.spec.stage,
      kind: this.spec.kind,
      ...(this.spec.label ? { label: this.spec.label } : {}),
      ...(this.spec.explain ? { explain: this.spec.explain } : {}),
    });
  }

  apply(ctx: ProviderContext, changes: Change[], _live: LiveFile[]): Promise<ApplyResult[]> {
    // Changes of this provider were planned by planFiles: their values are file contents.
    // Its files (DNS, Traefik) live in folders Phoenix may make on a fresh host.
    return applyFiles(ctx, changes as Change<string>[], { createParents: true, ...this.spec.target(ctx) });
  }
}
