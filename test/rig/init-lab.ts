/**
 * Test rig of the init-then-sync tests on roots in the original format: a temp folder, the
 * Portainer test double behind a port-9000 forwarder (such roots name Portainer by address
 * alone), temp target folders, and a real dnsmasq watching a hosts folder whose configuration
 * `phoenix init` reads.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonReport } from '../../src/output/json-report.js';
import { runCli } from '../helpers/cli.js';
import { removeDir, tempDir } from '../helpers/root.js';
import { PortainerDouble, type DoubleOptions } from '../portainer-double/server.js';
import { createDnsmasqRig, type DnsmasqRig } from './dnsmasq.js';
import { forwardPort9000, type Forwarder } from './forward.js';

/** A running lab. */
export interface InitLab {
  dir: string;
  double: PortainerDouble;
  fwd: Forwarder;
  rig: DnsmasqRig;
  /** A path under the lab's targets folder. */
  t(...p: string[]): string;
  stop(): Promise<void>;
}

/** Start a lab; the double's local environment is a swarm manager when `swarm`. */
export async function startInitLab(prefix: string, double: DoubleOptions, swarm = false): Promise<InitLab> {
  const dir = tempDir(prefix);
  chmodSync(dir, 0o755); // dnsmasq drops to `nobody` and reads the hosts folder
  const t = (...p: string[]) => join(dir, 'targets', ...p);
  const d = await PortainerDouble.start(double);
  d.model.addEndpoint({ Name: 'local', Type: 1, swarm });
  const fwd = await forwardPort9000(Number(new URL(d.url).port));
  mkdirSync(t('dns', 'hosts.d'), { recursive: true, mode: 0o755 });
  mkdirSync(t('pve'), { recursive: true });
  // This host's dnsmasq watches a hosts folder; init reads the same configuration file.
  const rig = await createDnsmasqRig(t('dns'), [`hostsdir=${t('dns', 'hosts.d')}`]);
  await rig.start();
  return {
    dir,
    double: d,
    fwd,
    rig,
    t,
    stop: async () => {
      await rig.stop();
      await fwd.close();
      await d.stop();
      removeDir(dir);
    },
  };
}

/** `phoenix init --yes` pointed at the lab's dnsmasq configuration and temp targets. */
export function initArgv(lab: InitLab, root: string, markerKeyFile: string): string[] {
  const { t } = lab;
  return [
    'init',
    '--yes',
    '--root',
    root,
    '--dnsmasq-conf',
    t('dns', 'rig.conf'),
    '--dnsmasq-dir',
    t('dns', 'no-such-dir'),
    '--pve-dir',
    t('pve'),
    '--traefik-path',
    t('traefik', 'dynamic', 'phoenix.yml'),
    '--marker-key-file',
    markerKeyFile,
  ];
}

/** `phoenix sync all --yes --json` of `root`: its report, exit code and output. */
export async function syncJson(
  root: string,
): Promise<JsonReport & { code: number; out: string; err: string }> {
  const r = await runCli(['sync', 'all', '--yes', '--json', '--root', root]);
  try {
    return { ...(JSON.parse(r.out) as JsonReport), code: r.code, out: r.out, err: r.err };
  } catch {
    throw new Error(`sync all --json did not print a report (exit ${r.code}):\n${r.out}\n${r.err}`);
  }
}
