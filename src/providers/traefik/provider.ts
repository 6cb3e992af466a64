/**
 * Traefik → dynamic configuration file (stage `traefik`, file provider). One YAML file
 * Phoenix owns (settings.traefik.path): HTTP and TCP routers and services, the
 * `phoenix-internal-ca` serversTransport when settings.traefik.ca_file is set, and the
 * transports stack labels define. Validated against the Traefik v3
 * schema and our own checks on the temp file before the rename; Traefik watches the file,
 * so no reload is needed unless settings.traefik.reload_command says otherwise.
 */
import { parse } from 'yaml';
import { ApplyError } from '../../errors.js';
import type { DesiredState } from '../../desired/types.js';
import type { ProviderContext } from '../provider.js';
import {
  FileTargetProvider,
  resolveSettingPath,
  runCommand,
  withHeader,
  type FileTarget,
  type LiveFile,
} from '../files/index.js';
import { emptyEntries, mergeEntries, parseLive, renderYaml, type RouteEntries } from './render.js';
import { traefikProblems } from './validate.js';

/** The absolute path of the Traefik file. */
export function traefikPath(desired: DesiredState): string {
  return resolveSettingPath(desired.root, desired.settings.traefik.path);
}

/**
 * The file's content (header included). Pure. Routes whose origin is in `failed` keep what
 * `live` (the current file, when Phoenix owns it) has for them.
 */
export function renderTraefikFile(
  desired: DesiredState,
  live: RouteEntries,
  failed: ReadonlySet<string>,
): string {
  const t = desired.settings.traefik;
  const entries = mergeEntries(
    desired.routes,
    {
      entrypoints: t.entrypoints,
      ...(t.ca_file ? { caFile: resolveSettingPath(desired.root, t.ca_file) } : {}),
    },
    live,
    failed,
  );
  return withHeader(renderYaml(entries), { ownerId: desired.ownerId, root: desired.root });
}

/** Problems of a file's content (YAML, schema, semantics); empty when it may go live. */
export function checkTraefikFile(content: string): string[] {
  let config: unknown;
  try {
    config = parse(content);
  } catch (err) {
    return [`not valid YAML: ${(err as Error).message}`];
  }
  return traefikProblems(config);
}

/** Build the Traefik provider. The engine constructs one per run: `createTraefikProvider()`. */
export function createTraefikProvider(): FileTargetProvider {
  return new FileTargetProvider({
    stage: 'traefik',
    kind: 'traefik-file',
    paths: (ctx) => (ctx.desired.settings.traefik.enabled ? [traefikPath(ctx.desired)] : []),
    desired: (ctx, live) => {
      if (!ctx.desired.settings.traefik.enabled) return [];
      const path = traefikPath(ctx.desired);
      const content = renderTraefikFile(ctx.desired, liveEntries(live, path), ctx.failedDeployments);
      return [{ path, content }];
    },
    target: traefikTarget,
    label: (path) => `traefik file ${path}`,
    explain: (d, l) => explainEntries(safeParse(d), safeParse(l)),
  });
}

/** Entries of the live file when Phoenix owns it; an unreadable one keeps nothing. */
function liveEntries(live: readonly LiveFile[], path: string): RouteEntries {
  const file = live.find((f) => f.id === path && f.owned);
  return file ? safeParse(file.value) : emptyEntries();
}

function safeParse(content: string): RouteEntries {
  try {
    return parseLive(content);
  } catch {
    return emptyEntries();
  }
}

/** `routers: +a ~b -c; services: +a; tcp routers: +d` */
function explainEntries(desired: RouteEntries, live: RouteEntries): string {
  const parts: string[] = [];
  const kinds = [
    ['routers', 'routers'],
    ['services', 'services'],
    ['tcpRouters', 'tcp routers'],
    ['tcpServices', 'tcp services'],
  ] as const;
  for (const [kind, title] of kinds) {
    const d = desired[kind] as Map<string, { value: unknown }>;
    const l = live[kind] as Map<string, { value: unknown }>;
    const marks = [
      ...[...d.keys()].filter((k) => !l.has(k)).map((k) => `+${k}`),
      ...[...d.keys()]
        .filter((k) => l.has(k) && JSON.stringify(l.get(k)?.value) !== JSON.stringify(d.get(k)?.value))
        .map((k) => `~${k}`),
      ...[...l.keys()].filter((k) => !d.has(k)).map((k) => `-${k}`),
    ];
    if (marks.length) parts.push(`${title}: ${marks.join(' ')}`);
  }
  return parts.join('; ') || 'content differs (transports, comments or header)';
}

function traefikTarget(ctx: ProviderContext): FileTarget {
  const t = ctx.desired.settings.traefik;
  const timeoutMs = ctx.desired.settings.command_timeout_seconds * 1000;
  const path = traefikPath(ctx.desired);
  return {
    validate: async ({ content }) => {
      const problems = checkTraefikFile(content);
      if (problems.length > 0) {
        throw new ApplyError(`the Traefik configuration for ${path} is invalid: ${problems.join('; ')}`, {
          hint: 'nothing was written; fix the Traefik labels or traefik_service entries named above',
        });
      }
    },
    ...(t.reload_command
      ? {
          reload: async (signal: AbortSignal) =>
            void (await runCommand(t.reload_command ?? [], { file: path, timeoutMs, signal })),
        }
      : {}),
  };
}
