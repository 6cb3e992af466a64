/**
 * The whole estate of examples/homelab on this machine: a copy of the example root whose
 * `sync` section points at a real dnsmasq on a loopback port (hosts file + SIGHUP), PVE
 * firewall files and a Traefik file in a temp dir, and the Portainer test double. Used by
 * the end-to-end tests and by `npm run demo`. Sends traffic only to 127.0.0.1.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PortainerDouble } from '../portainer-double/server.js';
import { copyExample, editJson, removeDir, tempDir } from '../helpers/root.js';
import { createDnsmasqRig, type DnsmasqRig } from './dnsmasq.js';

export const PORTAINER_PASSWORD = 'homelab-portainer-secret-7f3a';

export interface Homelab {
  /** The temp dir holding everything. */
  dir: string;
  root: string;
  double: PortainerDouble;
  /** The real dnsmasq, or undefined when `dnsmasq: false`. */
  dns: DnsmasqRig | undefined;
  env: NodeJS.ProcessEnv;
  paths: { hosts: string; pveDir: string; traefik: string };
  /** path → mtime of every file Phoenix writes (hosts, PVE files, Traefik file, backups). */
  snapshot(): Map<string, number>;
  stop(): Promise<void>;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Start the estate. `dnsmasq: false` writes the hosts file without serving it. */
export async function startHomelab(opts: { dnsmasq?: boolean } = {}): Promise<Homelab> {
  const dir = tempDir('phoenix-homelab-');
  chmodSync(dir, 0o755); // dnsmasq drops to `nobody` and re-reads the hosts file on SIGHUP
  const root = copyExample(dir);
  // Secret files kept as an operator keeps them (a checkout leaves them 0644: warned about).
  for (const f of readdirSync(join(root, 'secrets'))) chmodSync(join(root, 'secrets', f), 0o600);
  const out = join(dir, 'targets');
  const paths = {
    hosts: join(out, 'dns', 'phoenix.hosts'),
    pveDir: join(out, 'pve'),
    traefik: join(out, 'traefik', 'phoenix.yml'),
  };
  for (const p of [join(out, 'dns'), paths.pveDir, join(out, 'traefik')])
    mkdirSync(p, { recursive: true, mode: 0o755 });

  const double = await PortainerDouble.start({ users: { admin: PORTAINER_PASSWORD } });
  double.model.addEndpoint({ Name: 'local', Type: 1 });
  let dns: DnsmasqRig | undefined;
  try {
    if (opts.dnsmasq !== false) {
      dns = await createDnsmasqRig(join(out, 'dns'), [`addn-hosts=${paths.hosts}`]);
      await dns.start();
    }
    editJson(join(root, 'etc', 'phoenix_hypervisor_config.json'), (c) => {
      const sync = c.sync;
      sync.dns = dns
        ? {
            layout: 'addn-hosts',
            path: paths.hosts,
            reload_command: dns.command('hup'),
            server: `127.0.0.1:${dns.port}`,
          }
        : { layout: 'hostsdir', path: paths.hosts };
      sync.firewall = { backend: 'pve', pve_dir: paths.pveDir };
      sync.traefik = { ...sync.traefik, path: paths.traefik };
      delete sync.traefik.ping_url;
      sync.portainer = { url: double.url, local_environment: 'local', health_timeout_seconds: 10 };
      delete sync.step_ca_url;
      sync.checks = [];
      // The run history in the rig's temp dir, not the machine's /var/lib/phoenix.
      sync.state_dir = join(dir, 'state');
    });
  } catch (err) {
    await double.stop();
    await dns?.stop();
    throw err;
  }
  return {
    dir,
    root,
    double,
    dns,
    env: { PHOENIX_PORTAINER_PASSWORD: PORTAINER_PASSWORD },
    paths,
    snapshot: () => new Map(files(out).map((f) => [f, statSync(f).mtimeMs])),
    stop: async () => {
      await double.stop();
      await dns?.stop();
      removeDir(dir);
    },
  };
}
