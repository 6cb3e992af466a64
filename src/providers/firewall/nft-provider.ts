/**
 * The nftables target: one table Phoenix owns (model in nft-render.ts), kept in `nft_file`
 * (wholly Phoenix's: header, refused without it unless --force) and loaded in one atomic
 * `nft -f` transaction after `nft -c -f` accepted it. Live is the truth: the table that
 * `nft list table` shows is compared too, so a table that is missing or was changed by hand
 * is loaded again even when the file is unchanged.
 */
import { ApplyError } from '../../errors.js';
import type { Change, Resource } from '../../plan/change.js';
import { plan } from '../../plan/planner.js';
import { exec } from '../../util/exec.js';
import type { ApplyResult, Provider, ProviderContext } from '../provider.js';
import {
  applyFiles,
  fileDiff,
  observeFiles,
  planFiles,
  resolveSettingPath,
  runCommand,
  withHeader,
  type LiveFile,
} from '../files/index.js';
import { listingOwnedBy, renderNft } from './nft-render.js';

/** Resource kind of the nft file. */
export const NFT_FILE_KIND = 'nft-file';
/** Resource kind of the live table (`inet <name>`), compared with `nft list table`. */
export const NFT_TABLE_KIND = 'nft-table';

/** What is live: the file (if any) and the table as `nft list table` prints it (if any). */
export interface NftLive {
  files: LiveFile[];
  table: string | undefined;
}

/** How to run nft: `['nft']` by default; tests use `['ip', 'netns', 'exec', NS, 'nft']`. */
export interface NftProviderOptions {
  nft?: readonly string[];
}

/** Phoenix's provider for `firewall.backend: nftables`. */
export class NftFirewallProvider implements Provider<NftLive> {
  readonly stage = 'firewall' as const;
  private readonly nft: readonly string[];

  constructor(opts: NftProviderOptions = {}) {
    this.nft = opts.nft ?? ['nft'];
  }

  async observe(ctx: ProviderContext): Promise<NftLive> {
    const { ownerId, firewall } = ctx.desired;
    // Render once here so untranslatable rules and skipped guests surface before planning.
    const { skipped } = renderNft(firewall, { table: tableName(ctx), ownerId });
    for (const s of skipped)
      ctx.reporter.emit({
        type: 'log',
        level: 'warn',
        scope: 'firewall',
        message: `nftables: ${s.reason}; its rules are left out`,
      });
    if (Object.values(ctx.options.filters).some((f) => f?.length)) {
      ctx.reporter.emit({
        type: 'log',
        level: 'info',
        scope: 'firewall',
        message: 'nftables: the table is applied as one unit; --vm/--stack/--env do not narrow it',
      });
    }
    const files = await observeFiles([nftFile(ctx)], { ownerId, kind: NFT_FILE_KIND });
    return { files, table: await this.listTable(ctx) };
  }

  plan(ctx: ProviderContext, live: NftLive): Change[] {
    return planNft(ctx, live);
  }

  async apply(ctx: ProviderContext, changes: Change[], _live: NftLive): Promise<ApplyResult[]> {
    const fileChange = changes.find((c) => c.kind === NFT_FILE_KIND) as Change<string> | undefined;
    const tableChange = changes.find((c) => c.kind === NFT_TABLE_KIND) as Change<string> | undefined;
    const pending = (c: Change | undefined): c is Change<string> => !!c && c.action !== 'noop';
    if (!pending(fileChange) && !pending(tableChange)) return [];

    // Loading the file deletes whatever table has our name: never one Phoenix did not make.
    if (tableChange?.blocked) {
      const error = new ApplyError(`refusing to replace table ${tableChange.id}: ${tableChange.blocked}`, {
        hint: 'rename sync.firewall.nft_table, or run with --force to take the table over',
      });
      return [fileChange, tableChange].filter(pending).map((c) => report(ctx, c, error, 0));
    }
    const path = nftFile(ctx);
    const started = Date.now();
    const results: ApplyResult[] = [];
    let error: Error | undefined;
    if (pending(fileChange)) {
      // The file and the table are one unit: writing the file loads it (reload).
      results.push(...(await applyFiles(ctx, [fileChange], this.fileTarget(ctx, path))));
      error = results.find((r) => r.status === 'failed')?.error;
    } else if (pending(tableChange)) {
      ctx.reporter.emit({ type: 'change-start', change: tableChange });
      try {
        await this.check(ctx, path, ctx.signal);
        await this.load(ctx, path, ctx.signal);
      } catch (err) {
        error = err instanceof Error ? err : new ApplyError(String(err));
      }
      results.push(end(ctx, tableChange, error, Date.now() - started));
      return this.verified(ctx, results, tableChange, error);
    }
    if (pending(tableChange)) {
      const mine =
        error && new ApplyError(`not applied: ${path} failed (${error.message})`, { cause: error });
      ctx.reporter.emit({ type: 'change-start', change: tableChange });
      results.push(end(ctx, tableChange, mine, Date.now() - started));
    }
    return this.verified(ctx, results, tableChange, error);
  }

  /** After a load, the live table must list as rendered; otherwise every sync would reload it. */
  private async verified(
    ctx: ProviderContext,
    results: ApplyResult[],
    table: Change<string> | undefined,
    error: Error | undefined,
  ) {
    if (error || !table?.after) return results;
    const live = await this.listTable(ctx);
    if (live !== table.after) {
      ctx.reporter.emit({
        type: 'log',
        level: 'warn',
        scope: 'firewall',
        message: `nftables lists table ${table.id} differently from how Phoenix rendered it; the next sync will load it again:\n${fileDiff(`/${table.id}`, live, table.after) ?? ''}`,
      });
    }
    return results;
  }

  private fileTarget(ctx: ProviderContext, path: string) {
    return {
      // The first sync may find no folder for the file (e.g. /etc/phoenix): made 0755.
      createParents: true,
      validate: async ({ tmpPath }: { tmpPath: string }, signal: AbortSignal) =>
        this.check(ctx, tmpPath, signal),
      reload: async (signal: AbortSignal) => this.load(ctx, path, signal),
    };
  }

  private async check(ctx: ProviderContext, file: string, signal: AbortSignal): Promise<void> {
    const argv = ctx.desired.settings.firewall.check_command ?? [...this.nft, '-c', '-f', '{file}'];
    await runCommand(argv, { file, timeoutMs: timeoutMs(ctx), signal });
  }

  private async load(ctx: ProviderContext, file: string, signal: AbortSignal): Promise<void> {
    const argv = ctx.desired.settings.firewall.apply_command ?? [...this.nft, '-f', '{file}'];
    await runCommand(argv, { file, timeoutMs: timeoutMs(ctx), signal });
  }

  /** `nft list table inet <name>`, or undefined when the table does not exist. */
  private async listTable(ctx: ProviderContext): Promise<string | undefined> {
    const argv = [...this.nft, 'list', 'table', 'inet', tableName(ctx)];
    const r = await exec(argv, { timeoutMs: timeoutMs(ctx), signal: ctx.signal }).catch((err: unknown) => {
      throw new ApplyError(
        `cannot list the nftables table: ${err instanceof Error ? err.message : String(err)}`,
        {
          cause: err,
          hint: 'install nftables (apt-get install nftables) and run Phoenix as root',
        },
      );
    });
    if (r.code === 0) return r.stdout;
    if (/No such file or directory/.test(r.stderr)) return undefined;
    throw new ApplyError(`${argv.join(' ')} exited with ${r.code ?? r.signal}: ${r.stderr.trim()}`, {
      hint: 'Phoenix needs permission to read the ruleset (CAP_NET_ADMIN)',
    });
  }
}

function tableName(ctx: Pick<ProviderContext, 'desired'>): string {
  return ctx.desired.settings.firewall.nft_table;
}

function nftFile(ctx: Pick<ProviderContext, 'desired'>): string {
  return resolveSettingPath(ctx.desired.root, ctx.desired.settings.firewall.nft_file);
}

function timeoutMs(ctx: ProviderContext): number {
  return ctx.desired.settings.command_timeout_seconds * 1000;
}

/** Pure: the file and the live table against the rendered ones. */
export function planNft(ctx: Pick<ProviderContext, 'desired'>, live: NftLive): Change<string>[] {
  const { desired } = ctx;
  const table = tableName(ctx);
  const rendered = renderNft(desired.firewall, { table, ownerId: desired.ownerId });
  const content = withHeader(rendered.script, { ownerId: desired.ownerId, root: desired.root });
  const fileChanges = planFiles([{ path: nftFile(ctx), content }], live.files, {
    stage: 'firewall',
    kind: NFT_FILE_KIND,
  });
  const id = `inet ${table}`;
  const wanted: Resource<string> = { id, kind: NFT_TABLE_KIND, value: rendered.listing };
  const liveTable: Resource<string>[] =
    live.table === undefined
      ? []
      : [{ id, kind: NFT_TABLE_KIND, value: live.table, owned: listingOwnedBy(live.table, desired.ownerId) }];
  const tableChanges = plan([wanted], liveTable, {
    stage: 'firewall',
    label: () => `nftables table ${id}`,
    equals: (a, b) => a === b,
    explain: () => 'the live table differs from the rendered one',
    diff: (d, l) => fileDiff(`/${id}`, l, d),
  });
  return [...fileChanges, ...tableChanges];
}

function report(ctx: ProviderContext, change: Change, error: Error, durationMs: number): ApplyResult {
  ctx.reporter.emit({ type: 'change-start', change });
  return end(ctx, change, error, durationMs);
}

function end(
  ctx: ProviderContext,
  change: Change,
  error: Error | undefined,
  durationMs: number,
): ApplyResult {
  ctx.reporter.emit({
    type: 'change-end',
    change,
    status: error ? 'failed' : 'ok',
    ...(error ? { error: error.message } : {}),
    durationMs,
  });
  return { change, status: error ? 'failed' : 'ok', ...(error ? { error } : {}), durationMs };
}
