/**
 * Test rig: a TCP forwarder on port 9000 of a random loopback address (127.x.y.z), piping
 * every connection to a port on 127.0.0.1. Roots in the original format name Portainer by
 * `network.portainer_server_ip` alone, which means `http://<ip>:9000`; the forwarder lets such
 * a root reach the Portainer test double (which listens on a random port) unchanged but for
 * the address.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A running forwarder. */
export interface Forwarder {
  /** The loopback address it listens on (port 9000). */
  ip: string;
  /** Stop listening and drop every open connection. */
  close(): Promise<void>;
}

/** Listen on `<random 127.x.y.z>:9000` and pipe every connection to `port` on 127.0.0.1. */
export async function forwardPort9000(port: number): Promise<Forwarder> {
  const sockets = new Set<Socket>();
  for (let attempt = 0; attempt < 20; attempt++) {
    const octet = () => 1 + Math.floor(Math.random() * 250);
    const ip = `127.${octet()}.${octet()}.${octet()}`;
    const server: Server = createServer((c) => {
      const up = connect(port, '127.0.0.1');
      for (const s of [c, up]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      }
      c.on('error', () => up.destroy());
      up.on('error', () => c.destroy());
      c.pipe(up).pipe(c);
    });
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(9000, ip, () => resolve(true));
    });
    if (ok)
      return {
        ip,
        close: async () => {
          for (const s of sockets) s.destroy();
          await new Promise<void>((resolve) => server.close(() => resolve()));
        },
      };
  }
  throw new Error('no free loopback address for port 9000');
}
