/**
 * The stages of `sync all`, in one table: everything else (the pipeline's order and waves,
 * the renderers' titles, the CLI's targets, the readiness checks, which stages keep a
 * departed stack's entries) reads it from here instead of keeping its own list.
 */

/** A readiness check derived from the config (README, "Readiness checks"). */
export type ReadinessCheck = 'portainer' | 'dns' | 'traefik' | 'step-ca';

/** One row of the stage table. */
export interface StageInfo<S extends string = string> {
  /** The stage's name: a `phoenix sync` target and `Change.stage`. */
  readonly name: S;
  /** How the human plan and the live view title it. */
  readonly title: string;
  /** Stages that must have succeeded first (among those a run requests). */
  readonly needs: readonly S[];
  /**
   * Written as whole files derived from every deployment (DNS, firewall, Traefik): these keep
   * the entries of a stack that left the config until the stack itself is deleted.
   */
  readonly file: boolean;
  /**
   * The readiness checks this stage needs. Portainer's environments and stacks need
   * Portainer, the DNS server (agents are reached by the names dnsmasq serves) and Step-CA
   * (it signs Portainer's TLS); DNS needs its server; routes need Traefik's ping and Step-CA.
   */
  readonly checks: readonly ReadinessCheck[];
}

/** The table, in the order stages are planned, shown and applied. */
export const STAGE_TABLE = [
  { name: 'dns', title: 'DNS records', needs: [], file: true, checks: ['dns'] },
  { name: 'firewall', title: 'Firewall', needs: [], file: true, checks: [] },
  {
    name: 'endpoints',
    title: 'Portainer environments',
    needs: ['dns', 'firewall'],
    file: false,
    checks: ['portainer', 'dns', 'step-ca'],
  },
  {
    name: 'stacks',
    title: 'Stacks',
    needs: ['dns', 'firewall', 'endpoints'],
    file: false,
    checks: ['portainer', 'dns', 'step-ca'],
  },
  { name: 'traefik', title: 'Traefik routes', needs: ['stacks'], file: true, checks: ['traefik', 'step-ca'] },
] as const satisfies readonly StageInfo[];

/** A stage of `sync all`. */
export type Stage = (typeof STAGE_TABLE)[number]['name'];

/** The stages, in order. */
export const STAGES: readonly Stage[] = STAGE_TABLE.map((s) => s.name);

const BY_NAME = new Map<string, StageInfo<Stage>>(STAGE_TABLE.map((s) => [s.name, s]));

/** The row of one stage. */
export function stageInfo(stage: Stage): StageInfo<Stage> {
  return BY_NAME.get(stage)!;
}

/** Is this string a stage name (a `phoenix sync` target)? */
export function isStage(name: string): name is Stage {
  return BY_NAME.has(name);
}

/** The stage's title as the renderers show it. */
export function stageTitle(stage: Stage): string {
  return stageInfo(stage).title;
}

/** The stages written as whole files (see StageInfo.file). */
export const FILE_STAGES: readonly Stage[] = STAGE_TABLE.filter((s) => s.file).map((s) => s.name);

/** Is `stage` one of the file stages? */
export function isFileStage(stage: Stage): boolean {
  return stageInfo(stage).file;
}

/**
 * Stages applied together: each wave holds the stages whose needs all lie in earlier waves
 * (a stage's wave is the length of its longest chain of needs).
 */
export const WAVES: readonly (readonly Stage[])[] = (() => {
  const depth = new Map<Stage, number>();
  for (const s of STAGE_TABLE) {
    // The table lists every stage after the stages it needs, so their depth is known.
    depth.set(s.name, Math.max(-1, ...s.needs.map((n) => depth.get(n)!)) + 1);
  }
  const waves: Stage[][] = [];
  for (const [stage, d] of depth) (waves[d] ??= []).push(stage);
  return waves;
})();

/** The stages that need `check` (a derived readiness check is run only for these). */
export function stagesNeeding(check: ReadinessCheck): Stage[] {
  return STAGE_TABLE.filter((s) => (s.checks as readonly ReadinessCheck[]).includes(check)).map(
    (s) => s.name,
  );
}
