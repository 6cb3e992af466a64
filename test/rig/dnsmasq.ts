/**
 * A real dnsmasq on a loopback port for tests. The rig also serves the
 * reload/restart commands Phoenix runs: `rig.command('hup' | 'restart' | 'fail')` is an argv
 * (a tiny node client of a Unix socket) that asks the rig to signal or restart its dnsmasq,
 * and the rig counts every call — the proof that a no-op sync signalled nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promises as dnsp } from 'node:dns';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { exec } from '../../src/util/exec.js';

/** What the rig's control commands ask for. `fail` counts the call and exits 1. */
export type RigAction = 'hup' | 'restart' | 'fail';

/** A running (or startable) dnsmasq and its control channel. */
export interface DnsmasqRig {
  readonly port: number;
  /** pid of the running dnsmasq (changes on restart). */
  readonly pid: number | undefined;
  /** How often each control command ran. */
  readonly calls: Record<RigAction, number>;
  /** argv that, run by Phoenix, performs `action` on this rig. */
  command(action: RigAction): string[];
  /** A-record answers for `name` ([] for NXDOMAIN/NODATA/REFUSED). */
  resolve4(name: string): Promise<string[]>;
  /** AAAA answers, or the error code (e.g. ENODATA, ENOTFOUND, EREFUSED). */
  resolve6(name: string): Promise<string[] | string>;
  start(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const READY_NAME = 'rig-ready.phoenix-test';
// The control client, one line so failing-command messages stay readable.
const CLIENT =
  "const [s,a]=process.argv.slice(1),c=require('net').connect(s,()=>c.end(a));let r='';" +
  "c.on('data',d=>r+=d);c.on('close',()=>{if(r!=='ok'){console.error(r);process.exit(1)}});" +
  "c.on('error',e=>{console.error(e.message);process.exit(1)})";

/** Fail loudly, with the fix, when dnsmasq is not installed. */
export async function requireDnsmasq(): Promise<void> {
  const r = await exec(['dnsmasq', '--version'], { timeoutMs: 10_000 }).catch((e: unknown) => e as Error);
  if (r instanceof Error || r.code !== 0) {
    throw new Error(
      `dnsmasq is required for this test but cannot run (${r instanceof Error ? r.message : r.stderr}); install it with: apt-get install dnsmasq-base`,
    );
  }
}

/** A free loopback port for both UDP and TCP (dnsmasq binds both). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = createSocket('udp4');
      s.on('error', reject);
      s.bind(0, '127.0.0.1', () => {
        const p = s.address().port;
        s.close(() => resolve(p));
      });
    });
    const tcpFree = await new Promise<boolean>((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (tcpFree) return port;
  }
}

/**
 * Prepare a dnsmasq rig in `dir` (world-readable: dnsmasq re-reads hosts files after dropping
 * to `nobody`). `lines` go into its configuration, e.g. `addn-hosts=<file>`,
 * `conf-file=<file>` or `hostsdir=<dir>`. Call `start()` (or let a `restart` command do it).
 */
export async function createDnsmasqRig(dir: string, lines: string[]): Promise<DnsmasqRig> {
  await requireDnsmasq();
  await chmod(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'rig.conf');
  const pidFile = join(dir, 'dnsmasq.pid');
  const sockPath = join(dir, 'rig.sock');
  await writeFile(conf, [`host-record=${READY_NAME},127.0.0.9`, ...lines, ''].join('\n'));
  const calls: Record<RigAction, number> = { hup: 0, restart: 0, fail: 0 };
  let child: ChildProcess | undefined;
  let stderr = '';

  const resolver = new dnsp.Resolver({ timeout: 1000, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);

  const resolve4 = async (name: string): Promise<string[]> => {
    try {
      return await resolver.resolve4(name);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // No upstream is configured: a name dnsmasq does not know is REFUSED rather than NXDOMAIN.
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EREFUSED') return [];
      throw err;
    }
  };

  const start = async (): Promise<void> => {
    stderr = '';
    const proc = spawn(
      'dnsmasq',
      [
        '-k',
        `--port=${port}`,
        '--listen-address=127.0.0.1',
        '--bind-interfaces',
        '--no-resolv',
        '--no-hosts',
        '--log-facility=-',
        `--conf-file=${conf}`,
        `--pid-file=${pidFile}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = proc;
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited: string | undefined;
    proc.on('exit', (code, sig) => {
      exited = `dnsmasq exited (${code ?? sig}): ${stderr.trim()}`;
      if (child === proc) child = undefined;
    });
    // Wait until it answers (bounded; a start that never answers fails loudly, with its log).
    for (let i = 0; i < 100; i++) {
      if (exited) throw new Error(exited);
      const ok = await resolve4(READY_NAME).then(
        (a) => a.includes('127.0.0.9'),
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`dnsmasq on 127.0.0.1:${port} does not answer: ${stderr.trim()}`);
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    if (!proc) return;
    child = undefined;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
    await rm(pidFile, { force: true });
  };

  // allowHalfOpen: the client ends its side after sending the action and waits for the reply.
  const control: Server = createServer({ allowHalfOpen: true }, (conn) => {
    conn.on('data', (d) => {
      const action = d.toString() as RigAction;
      void (async () => {
        calls[action] = (calls[action] ?? 0) + 1;
        if (action === 'fail') throw new Error('reload refused by the test rig');
        if (action === 'hup') {
          if (!child?.pid) throw new Error('dnsmasq is not running');
          process.kill(child.pid, 'SIGHUP');
        }
        if (action === 'restart') {
          await stop();
          await start();
        }
      })().then(
        () => conn.end('ok'),
        (err: unknown) => conn.end(`rig: ${(err as Error).message}`),
      );
    });
  });
  await new Promise<void>((resolve) => control.listen(sockPath, resolve));

  return {
    port,
    get pid() {
      return child?.pid;
    },
    calls,
    command: (action) => [process.execPath, '-e', CLIENT, sockPath, action],
    resolve4,
    resolve6: async (name) => {
      try {
        return await resolver.resolve6(name);
      } catch (err) {
        return (err as NodeJS.ErrnoException).code ?? String(err);
      }
    },
    start,
    restart: async () => {
      await stop();
      await start();
    },
    stop: async () => {
      await stop();
      await new Promise<void>((resolve) => control.close(() => resolve()));
    },
  };
}

/** The pid dnsmasq wrote, to cross-check the rig's own record. */
export async function pidFromFile(dir: string): Promise<number | undefined> {
  const text = await readFile(join(dir, 'dnsmasq.pid'), 'utf8').catch(() => undefined);
  return text ? Number(text.trim()) : undefined;
}
