/**
 * The nftables backend against the real kernel, inside two network namespaces joined by a
 * veth pair (test/rig/netns.ts). Nothing here touches the host's own ruleset.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Firewall } from '../../src/desired/types.js';
import { ApplyError } from '../../src/errors.js';
import { actionable, type Change } from '../../src/plan/change.js';
import { NftFirewallProvider } from '../../src/providers/firewall/nft-provider.js';
import { renderNft } from '../../src/providers/firewall/nft-render.js';
import type { SyncOptions } from '../../src/plan/options.js';
import { connect, createNetnsPair, listen, type NetnsPair } from '../rig/netns.js';
import {
  context,
  desiredState,
  example as exampleDesired,
  guest,
  homelabFirewall,
  rule,
  settings,
} from './fixture.js';
import { applyPolicy } from '../../src/plan/policy.js';

const OPEN = 8080;
const CLOSED = 8081;
const policy = { enabled: true, policyIn: 'DROP', policyOut: 'ACCEPT' } as const;

let pair: NetnsPair;
let dir: string;
let listener: { stop(): void };
let counter: string;
let wrapper: string;

/** A firewall where the server namespace is guest 1002: only OPEN is reachable. */
function serverFirewall(extraPorts: string[] = []): Firewall {
  return {
    cluster: {
      policy,
      rules: [
        rule({
          direction: 'in',
          action: 'SSH(ACCEPT)',
          source: '10.250.0.0/16',
          comment: 'ssh from the lab',
        }),
      ],
    },
    guests: [
      {
        guest: guest(1002, 'server', pair.serverIp),
        policy,
        rules: [
          rule({
            direction: 'in',
            action: 'ACCEPT',
            proto: 'tcp',
            dport: [String(OPEN), ...extraPorts].join(','),
            source: pair.clientIp,
            comment: 'app',
            origins: ['1002/app-production'],
          }),
          rule({ direction: 'in', action: 'Ping(ACCEPT)', origins: ['guest:1002'] }),
        ],
      },
    ],
  };
}

async function sync(fw: Firewall, options: Partial<SyncOptions> = {}, tamper?: (c: Change<string>) => void) {
  const provider = new NftFirewallProvider({ nft: pair.nft(pair.server) });
  const nft = join(dir, 'etc', 'phoenix.nft'); // etc/ does not exist before the first sync
  // apply_command counts its runs, then loads the file in the server namespace.
  const s = settings({
    backend: 'nftables',
    nft_file: nft,
    apply_command: [process.execPath, wrapper, counter, ...pair.nft(pair.server), '-f', '{file}'],
  });
  const ctx = context(desiredState(fw, s), options);
  const live = await provider.observe(ctx);
  const changes = applyPolicy(provider.plan(ctx, live), ctx.options) as Change<string>[];
  for (const c of changes) tamper?.(c);
  const results = await provider.apply(ctx, changes, live);
  return { changes, results, events: ctx.reporter.events, nft };
}

const loads = async () => (await readFile(counter, 'utf8').catch(() => '')).length;
const listTable = async () =>
  (await pair.run(pair.server, ['nft', 'list', 'table', 'inet', 'phoenix'])).stdout;

beforeAll(async () => {
  pair = await createNetnsPair();
  dir = await mkdtemp(join(tmpdir(), 'phoenix-nft-'));
  counter = join(dir, 'loads');
  wrapper = join(dir, 'count-and-run.mjs');
  await writeFile(
    wrapper,
    `import { appendFileSync } from 'node:fs';\nimport { spawnSync } from 'node:child_process';\nconst [counter, cmd, ...args] = process.argv.slice(2);\nappendFileSync(counter, 'x');\nprocess.exit(spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1);\n`,
  );
  listener = await listen(pair, [OPEN, CLOSED]);
});

afterAll(async () => {
  listener?.stop();
  await pair?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('nftables in a network namespace', () => {
  it('every rule shape loads and lists exactly as rendered', async () => {
    const fw = homelabFirewall();
    fw.cluster.rules.push(
      rule({
        direction: 'in',
        action: 'ACCEPT',
        proto: 'tcp',
        dport: '22,20:25,8080,https',
        source: '10.0.0.9,10.0.0.0/24,10.0.1.5',
      }),
      rule({ direction: 'in', action: 'DROP', source: '10.0.0.1-10.0.0.9', log: 'warning' }),
      rule({
        direction: 'in',
        action: 'REJECT',
        proto: 'udp',
        sport: '53',
        dport: '1024:65535',
        log: 'debug',
      }),
      rule({ direction: 'in', action: 'ACCEPT', proto: '47', iface: 'vmbr0' }),
      rule({
        direction: 'out',
        action: 'ACCEPT',
        dest: 'FD00:0:0::1,fd00::/64',
        proto: 'icmpv6',
        dport: 'neighbor-solicitation',
      }),
      rule({ direction: 'out', action: 'Trcrt(ACCEPT)', iface: 'vmbr0' }),
      rule({ direction: 'in', action: 'SMB(DROP)', comment: `it's "quoted"` }),
    );
    fw.cluster.policy = { ...policy, policyIn: 'REJECT', policyOut: 'DROP' };
    const { script, listing } = renderNft(fw, { table: 'phoenix', ownerId: 'phoenix-lab.internal' });
    const file = join(dir, 'shapes.nft');
    await writeFile(file, script);
    const check = await pair.run(pair.server, ['nft', '-c', '-f', file]);
    expect(check.stderr).toBe('');
    expect((await pair.run(pair.server, ['nft', '-f', file])).code).toBe(0);
    expect(await listTable()).toBe(listing);
    // Loading the same script again replaces the table (the declare-delete-add idiom).
    expect((await pair.run(pair.server, ['nft', '-f', file])).code).toBe(0);
    expect(await listTable()).toBe(listing);
    await pair.run(pair.server, ['nft', 'delete', 'table', 'inet', 'phoenix']);
  });

  it("the example estate's table loads and lists exactly as rendered", async () => {
    const desired = exampleDesired();
    const { script, listing } = renderNft(desired.firewall, { table: 'phoenix', ownerId: desired.ownerId });
    const file = join(dir, 'example.nft');
    await writeFile(file, script);
    expect((await pair.run(pair.server, ['nft', '-f', file])).stderr).toBe('');
    expect(await listTable()).toBe(listing);
    await pair.run(pair.server, ['nft', 'delete', 'table', 'inet', 'phoenix']);
  });

  it('without a table both ports answer (the listeners are real)', async () => {
    expect(await connect(pair, OPEN)).toBe('connected');
    expect(await connect(pair, CLOSED)).toBe('connected');
  });

  it('a sync loads the table: the opened port accepts, the closed one drops', async () => {
    const { changes, results, events } = await sync(serverFirewall());
    expect(actionable(changes).map((c) => `${c.kind} ${c.action}`)).toEqual([
      'nft-file create',
      'nft-table create',
    ]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(events.some((e) => e.type === 'log' && e.level === 'warn')).toBe(false); // listing matched the render
    const ruleset = (await pair.run(pair.server, ['nft', 'list', 'ruleset'])).stdout;
    for (const line of [
      `ip daddr ${pair.serverIp} jump guest_1002_in`,
      `ip saddr ${pair.clientIp} tcp dport ${OPEN} accept comment "phoenix: app"`,
      'ip saddr 10.250.0.0/16 tcp dport 22 accept comment "phoenix: ssh from the lab"',
      'icmp type echo-request accept comment "phoenix: guest:1002"',
      'icmpv6 type echo-request accept comment "phoenix: guest:1002"',
    ]) {
      expect(ruleset).toContain(line);
    }
    expect(await connect(pair, OPEN)).toBe('connected');
    expect(await connect(pair, CLOSED)).toBe('timeout');
    expect(await loads()).toBe(1);
  });

  it('a second sync is a no-op: nothing loaded, file untouched', async () => {
    const nft = join(dir, 'etc', 'phoenix.nft');
    const before = (await stat(nft)).mtimeMs;
    const { changes, results } = await sync(serverFirewall());
    expect(actionable(changes)).toEqual([]);
    expect(results).toEqual([]);
    expect(await loads()).toBe(1);
    expect((await stat(nft)).mtimeMs).toBe(before);
  });

  it('opening a port changes the file and the table in one load', async () => {
    const { changes } = await sync(serverFirewall([String(CLOSED)]));
    expect(actionable(changes).map((c) => `${c.kind} ${c.action}`)).toEqual([
      'nft-file update',
      'nft-table update',
    ]);
    expect(changes.find((c) => c.kind === 'nft-table')?.diff).toContain(
      `+\t\tip saddr ${pair.clientIp} tcp dport { ${OPEN}, ${CLOSED} } accept`,
    );
    expect(await loads()).toBe(2);
    expect(await connect(pair, CLOSED)).toBe('connected');
  });

  it('a broken ruleset is refused by nft -c: the live table and the file stay as they were', async () => {
    const table = await listTable();
    const file = await readFile(join(dir, 'etc', 'phoenix.nft'), 'utf8');
    const { results } = await sync(serverFirewall(), {}, (c) => {
      if (c.kind === 'nft-file' && c.after)
        c.after = c.after.replace('jump guest_1002_in', 'jump no_such_chain');
    });
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(results[0]?.error).toBeInstanceOf(ApplyError);
    expect(results[0]?.error?.message).toMatch(/-c -f .*no_such_chain|Could not process rule/s);
    expect(await listTable()).toBe(table);
    expect(await readFile(join(dir, 'etc', 'phoenix.nft'), 'utf8')).toBe(file);
    expect(await loads()).toBe(2);
  });

  it('live is the truth: a table deleted or edited by hand is loaded again from the unchanged file', async () => {
    await sync(serverFirewall());
    const n = await loads();
    await pair.run(pair.server, ['nft', 'delete', 'table', 'inet', 'phoenix']);
    const missing = await sync(serverFirewall());
    expect(actionable(missing.changes).map((c) => `${c.kind} ${c.action}`)).toEqual(['nft-table create']);
    expect(await loads()).toBe(n + 1);

    await pair.run(pair.server, [
      'nft',
      'add',
      'rule',
      'inet',
      'phoenix',
      'guest_1002_in',
      'tcp',
      'dport',
      String(CLOSED),
      'accept',
    ]);
    const edited = await sync(serverFirewall());
    expect(actionable(edited.changes).map((c) => `${c.kind} ${c.action}`)).toEqual(['nft-table update']);
    expect(await connect(pair, CLOSED)).toBe('timeout');
    expect(await loads()).toBe(n + 2);
  });

  it('never replaces a table of the same name that Phoenix did not make (unless --force)', async () => {
    await pair.run(pair.server, ['nft', 'delete', 'table', 'inet', 'phoenix']);
    await pair.run(pair.server, ['nft', 'add', 'table', 'inet', 'phoenix']);
    const refused = await sync(serverFirewall());
    expect(refused.results.map((r) => r.status)).toEqual(['failed']);
    expect(refused.results[0]?.error?.message).toMatch(/refusing to replace table inet phoenix/);
    expect(await listTable()).toBe('table inet phoenix {\n}\n');
    const forced = await sync(serverFirewall(), { force: true });
    expect(forced.results.map((r) => r.status)).toEqual(['ok']);
    expect(await connect(pair, OPEN)).toBe('connected');
  });
});
