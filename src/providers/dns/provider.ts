/**
 * DNS → dnsmasq (stage `dns`): one file Phoenix owns, in one of three layouts (settings.dns):
 *
 * | layout         | content                        | validated by              | goes live by                       |
 * |----------------|--------------------------------|---------------------------|------------------------------------|
 * | `dnsmasq-conf` | `address=`, `local=`, `server=`| `dnsmasq --test` (temp)   | restart (`systemctl restart dnsmasq`) |
 * | `addn-hosts`   | hosts format                   | our hosts parser          | SIGHUP (`pkill -HUP -x dnsmasq`)   |
 * | `hostsdir`     | hosts format                   | our hosts parser          | nothing: dnsmasq watches the dir   |
 *
 * `reload_command` and `test_command` override the defaults (`{file}` = the file checked).
 * The backup is a dotfile (`.<file>.bak`): dnsmasq loads every other file of a `conf-dir`
 * or `hostsdir`, and a stale `phoenix.conf.bak` there would answer with old addresses.
 */
import { ApplyError } from '../../errors.js';
import type { DesiredState } from '../../desired/types.js';
import type { ProviderContext } from '../provider.js';
import {
  FileTargetProvider,
  hiddenBackupPath,
  resolveSettingPath,
  runCommand,
  stripHeader,
  withHeader,
  type FileTarget,
} from '../files/index.js';
import {
  explainRecords,
  parseConfRecords,
  parseHosts,
  renderDnsmasqConf,
  renderHosts,
  type DnsEntry,
} from './render.js';

/** The DNS layouts of settings.dns.layout. */
export type DnsLayout = 'dnsmasq-conf' | 'addn-hosts' | 'hostsdir';

/** Default commands per layout. `undefined`: nothing runs. */
export const DEFAULT_RELOAD: Record<DnsLayout, string[] | undefined> = {
  'dnsmasq-conf': ['systemctl', 'restart', 'dnsmasq'],
  'addn-hosts': ['pkill', '-HUP', '-x', 'dnsmasq'],
  hostsdir: undefined,
};

/** The default syntax check of the `dnsmasq-conf` layout, run on the temp file. */
export const DEFAULT_TEST: string[] = ['dnsmasq', '--test', '--conf-file={file}'];

/** Options of the DNS provider. */
export interface DnsProviderOptions {
  /**
   * Upstream servers written as `server=` lines by the `dnsmasq-conf` layout. Overrides
   * `desired.dnsServer.upstreams` (`dns_server.upstream_servers`).
   */
  upstreams?: string[];
}

/**
 * Upstreams from the desired state. Read structurally: `dnsServer` is new in DesiredState
 * and this provider must not break while the loader that fills it lands.
 */
function desiredUpstreams(d: DesiredState): string[] | undefined {
  return (d as { dnsServer?: { upstreams?: string[] } }).dnsServer?.upstreams;
}

/** The content (header included) of the DNS file for this desired state. Pure. */
export function renderDnsFile(desired: DesiredState, upstreams: readonly string[]): string {
  const records: DnsEntry[] = desired.dns.map((r) => ({ name: r.name, ip: r.ip }));
  const body =
    desired.settings.dns.layout === 'dnsmasq-conf'
      ? renderDnsmasqConf(records, { domain: desired.domain, upstreams })
      : renderHosts(records);
  return withHeader(body, { ownerId: desired.ownerId, root: desired.root });
}

/** The absolute path of the DNS file. */
export function dnsPath(desired: DesiredState): string {
  return resolveSettingPath(desired.root, desired.settings.dns.path);
}

/** Build the DNS provider. The engine constructs one per run: `createDnsProvider({ upstreams })`. */
export function createDnsProvider(opts: DnsProviderOptions = {}): FileTargetProvider {
  const upstreamsOf = (d: DesiredState) => opts.upstreams ?? desiredUpstreams(d) ?? [];
  return new FileTargetProvider({
    stage: 'dns',
    kind: 'dns-file',
    paths: (ctx) => (ctx.desired.settings.dns.enabled ? [dnsPath(ctx.desired)] : []),
    desired: (ctx) =>
      ctx.desired.settings.dns.enabled
        ? [{ path: dnsPath(ctx.desired), content: renderDnsFile(ctx.desired, upstreamsOf(ctx.desired)) }]
        : [],
    target: dnsTarget,
    label: (path) => `dnsmasq file ${path}`,
    explain: (d, l) => {
      const parse = (c: string) => {
        const body = stripHeader(c);
        return parseConfRecords(body).length > 0 ? parseConfRecords(body) : parseHosts(body).entries;
      };
      return explainRecords(parse(d), parse(l)) ?? 'content differs (settings, upstreams or header)';
    },
  });
}

/** Validation and reload of the configured layout. */
function dnsTarget(ctx: ProviderContext): FileTarget {
  const s = ctx.desired.settings;
  const timeoutMs = s.command_timeout_seconds * 1000;
  const layout = s.dns.layout;
  const reload = s.dns.reload_command ?? DEFAULT_RELOAD[layout];
  const test = s.dns.test_command ?? (layout === 'dnsmasq-conf' ? DEFAULT_TEST : undefined);
  return {
    backup: hiddenBackupPath,
    validate: async ({ tmpPath, content }, signal) => {
      if (layout !== 'dnsmasq-conf') {
        const { problems } = parseHosts(content);
        if (problems.length > 0) {
          const list = problems.map((p) => `line ${p.line}: ${p.message}`).join('; ');
          throw new ApplyError(`the hosts file for ${dnsPath(ctx.desired)} is invalid: ${list}`);
        }
      }
      if (test) await runCommand(test, { file: tmpPath, timeoutMs, signal });
    },
    ...(reload
      ? {
          reload: async (signal: AbortSignal) =>
            void (await runCommand(reload, { file: dnsPath(ctx.desired), timeoutMs, signal })),
        }
      : {}),
  };
}
