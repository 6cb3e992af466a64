/**
 * Test rig: two network namespaces joined by a veth pair, for firewall tests against the real
 * kernel. Addresses come from 10.250.0.0/16, in a /30 used only inside these namespaces; no
 * traffic leaves them. Fails loudly when `ip`/`nft` are missing or namespaces cannot be made.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { exec, type ExecResult } from '../../src/util/exec.js';

/** Two namespaces: `server` (where the table loads) and `client`, one veth apart. */
export interface NetnsPair {
  server: string;
  client: string;
  serverIp: string;
  clientIp: string;
  /** Run argv inside a namespace (never through a shell). */
  run(ns: string, argv: readonly string[]): Promise<ExecResult>;
  /** The argv prefix that runs nft inside `ns`. */
  nft(ns: string): string[];
  /** Delete both namespaces (and so the veth pair). Safe to call twice. */
  cleanup(): Promise<void>;
}

const INSTALL = 'install them with: apt-get install -y iproute2 nftables';
const live = new Set<string>();

// A crashed test run must not leave namespaces behind.
process.once('exit', () => {
  for (const ns of live) {
    try {
      execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
});

async function must(argv: readonly string[], what: string): Promise<ExecResult> {
  let r: ExecResult;
  try {
    r = await exec(argv, { timeoutMs: 15_000 });
  } catch (err) {
    throw new Error(`${what}: cannot run ${argv[0]} (${(err as Error).message}); ${INSTALL}`, { cause: err });
  }
  if (r.code !== 0) throw new Error(`${what}: ${argv.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`);
  return r;
}

/** Check that `ip` and `nft` exist; throws with the install command otherwise. */
export async function requireNetTools(): Promise<void> {
  await must(['ip', '-V'], 'iproute2 is required');
  await must(['nft', '--version'], 'nftables is required');
}

/** Create the pair. Throws (with the reason) when namespaces cannot be created here. */
export async function createNetnsPair(): Promise<NetnsPair> {
  await requireNetTools();
  const tag = randomBytes(3).toString('hex');
  const server = `phx-${process.pid}-${tag}-s`;
  const client = `phx-${process.pid}-${tag}-c`;
  const [vs, vc] = [`phx${tag}s`, `phx${tag}c`];
  const base = randomInt(0, 64) * 4;
  const net = `10.250.${randomInt(0, 256)}`;
  const serverIp = `${net}.${base + 1}`;
  const clientIp = `${net}.${base + 2}`;
  const cleanup = async () => {
    for (const ns of [server, client]) {
      if (!live.has(ns)) continue;
      await exec(['ip', 'netns', 'del', ns], { timeoutMs: 15_000 });
      live.delete(ns);
    }
  };
  try {
    for (const ns of [server, client]) {
      await must(
        ['ip', 'netns', 'add', ns],
        'cannot create a network namespace (tests need root or CAP_SYS_ADMIN)',
      );
      live.add(ns);
    }
    await must(
      ['ip', 'link', 'add', vs, 'netns', server, 'type', 'veth', 'peer', 'name', vc, 'netns', client],
      'cannot create a veth pair',
    );
    const setup: [string, string, string][] = [
      [server, vs, serverIp],
      [client, vc, clientIp],
    ];
    for (const [ns, dev, ip] of setup) {
      await must(['ip', '-n', ns, 'addr', 'add', `${ip}/30`, 'dev', dev], 'cannot address the veth');
      await must(['ip', '-n', ns, 'link', 'set', dev, 'up'], 'cannot bring the veth up');
      await must(['ip', '-n', ns, 'link', 'set', 'lo', 'up'], 'cannot bring loopback up');
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
  return {
    server,
    client,
    serverIp,
    clientIp,
    run: (ns, argv) => exec(['ip', 'netns', 'exec', ns, ...argv], { timeoutMs: 30_000 }),
    nft: (ns) => ['ip', 'netns', 'exec', ns, 'nft'],
    cleanup,
  };
}

const LISTEN = `
const net = require('node:net');
const ports = process.argv.slice(1, -1).map(Number);
const host = process.argv[process.argv.length - 1];
let up = 0;
// Clients hang up at once; a reset must not end the listener.
const serve = (s) => { s.on('error', () => {}); s.end('hello\\n'); };
for (const p of ports) net.createServer(serve).listen(p, host, () => { if (++up === ports.length) console.log('ready'); });
`;

/** TCP listeners on `ports` at the server's address, inside the server namespace. */
export async function listen(pair: NetnsPair, ports: readonly number[]): Promise<{ stop(): void }> {
  const child: ChildProcess = spawn(
    'ip',
    ['netns', 'exec', pair.server, process.execPath, '-e', LISTEN, '--', ...ports.map(String), pair.serverIp],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`listener exited with ${code}: ${err}`)));
  });
  return { stop: () => void child.kill('SIGKILL') };
}

const CONNECT = `
const net = require('node:net');
const [host, port, ms] = process.argv.slice(1);
const s = net.connect({ host, port: Number(port) });
const done = (what) => { console.log(what); s.destroy(); process.exit(0); };
s.setTimeout(Number(ms), () => done('timeout'));
s.on('connect', () => done('connected'));
s.on('error', (e) => done(e.code === 'ECONNREFUSED' ? 'refused' : 'error ' + e.code));
`;

/** Try a TCP connection from the client namespace: connected, refused (RST) or timeout (dropped). */
export async function connect(pair: NetnsPair, port: number, timeoutMs = 1500): Promise<string> {
  const r = await pair.run(pair.client, [
    process.execPath,
    '-e',
    CONNECT,
    '--',
    pair.serverIp,
    String(port),
    String(timeoutMs),
  ]);
  return r.stdout.trim();
}
