/**
 * `npm run demo`: the main job on the bundled example, on this machine. examples/homelab is
 * copied to a temp dir whose `sync` section points at a local Portainer test double, a real
 * dnsmasq on a loopback port (when installed) and PVE firewall / Traefik files in the temp
 * dir. `phoenix sync all` runs twice: the first run creates everything, the second changes
 * nothing. Only 127.0.0.1 is contacted.
 *
 * `npm run demo -- --keep` leaves the temp root and the files Phoenix wrote in place (the
 * Portainer double and dnsmasq stop with the demo) and prints where they are.
 */
import { execFileSync } from 'node:child_process';
import { main } from '../src/cli/main.js';
import { startHomelab } from '../test/rig/homelab.js';

const hasDnsmasq = (() => {
  try {
    execFileSync('dnsmasq', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const args = process.argv.slice(2);
const keep = args.includes('--keep');
if (args.some((a) => a !== '--keep')) {
  console.error(`unknown argument ${args.find((a) => a !== '--keep')}; usage: npm run demo [-- --keep]`);
  process.exit(1);
}

const h = await startHomelab({ dnsmasq: hasDnsmasq });
const io = {
  out: (t: string) => void process.stdout.write(t),
  err: (t: string) => void process.stderr.write(t),
  env: { ...process.env, ...h.env },
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  interactive: false,
  columns: process.stdout.columns || 80,
  errStream: process.stderr,
};
const say = (t: string) => process.stdout.write(`\n\x1b[1m== ${t}\x1b[0m\n`);
try {
  if (!hasDnsmasq)
    say('dnsmasq is not installed (apt-get install dnsmasq-base): DNS records are written but not served');
  say(`phoenix sync all --yes --root ${h.root}   (first run: creates everything)`);
  const first = await main(['sync', 'all', '--yes', '--root', h.root], io);
  say(`phoenix sync all --yes   (second run: nothing to do)`);
  h.double.resetCounters();
  const files = JSON.stringify([...h.snapshot()]);
  const second = await main(['sync', 'all', '--yes', '--root', h.root], io);
  const changed = files === JSON.stringify([...h.snapshot()]) ? 'no file' : 'some files';
  say(
    `exit codes ${first} and ${second}; the second run made ${h.double.counts().writes} Portainer writes and changed ${changed}`,
  );
  if (h.dns)
    say(
      `dnsmasq on 127.0.0.1:${h.dns.port} answers whoami.lab.internal → ${(await h.dns.resolve4('whoami.lab.internal')).join(', ')}`,
    );
  if (!keep) say(`files written under ${h.dir}/targets (removed when the demo ends; --keep keeps them)`);
  process.exitCode = first || second;
} finally {
  if (keep) {
    await h.double.stop();
    await h.dns?.stop();
    say(`kept everything under ${h.dir} (the Portainer double and dnsmasq have stopped):`);
    process.stdout.write(
      [
        `  root                 ${h.root}`,
        `  DNS hosts file       ${h.paths.hosts}`,
        `  PVE firewall files   ${h.paths.pveDir}`,
        `  Traefik file         ${h.paths.traefik}`,
        '',
        'Commands that contact nothing work on it, e.g.:',
        `  node bin/phoenix.js graph --root ${h.root} --format svg > estate.svg`,
        `  node bin/phoenix.js plan --offline --root ${h.root}`,
        `Remove it with: rm -rf ${h.dir}`,
        '',
      ].join('\n'),
    );
  } else await h.stop();
}
