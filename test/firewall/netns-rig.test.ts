import { describe, expect, it } from 'vitest';
import { exec } from '../../src/util/exec.js';
import { connect, createNetnsPair, listen } from '../rig/netns.js';

const namespaces = async () => (await exec(['ip', 'netns', 'list'], { timeoutMs: 10_000 })).stdout;

describe('the network namespace rig', () => {
  it('makes two namespaces one veth apart, addressed inside 10.250.0.0/16, and removes them again', async () => {
    const pair = await createNetnsPair();
    try {
      expect(pair.serverIp).toMatch(/^10\.250\.\d+\.\d+$/);
      const [s, c] = [pair.serverIp, pair.clientIp].map((ip) => ip.split('.').map(Number));
      expect(Math.floor(s![3]! / 4)).toBe(Math.floor(c![3]! / 4)); // one /30
      expect(await namespaces()).toContain(pair.server);
      expect(await namespaces()).toContain(pair.client);
      const addr = (await pair.run(pair.server, ['ip', '-4', '-o', 'addr', 'show'])).stdout;
      expect(addr).toContain(`${pair.serverIp}/30`);
      const l = await listen(pair, [9999]);
      try {
        expect(await connect(pair, 9999)).toBe('connected');
        expect(await connect(pair, 9999)).toBe('connected'); // the listener survives hang-ups
        expect(await connect(pair, 9998)).toBe('refused');
      } finally {
        l.stop();
      }
    } finally {
      await pair.cleanup();
      await pair.cleanup();
    }
    expect(await namespaces()).not.toContain(pair.server);
    expect(await namespaces()).not.toContain(pair.client);
  });
});
