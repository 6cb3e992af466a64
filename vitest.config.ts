import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Real dnsmasq, nftables namespaces and a Docker engine are shared machine resources:
    // test files run one at a time so they do not race for ports and namespaces.
    fileParallelism: false,
    pool: 'forks',
  },
});
