/**
 * What Phoenix derives from the original format: `plan --offline --json` on the current
 * fixture (with its `sync` section) lists exactly the expected DNS records, firewall rules,
 * Traefik routes (HTTP and TCP, with their serversTransports), Portainer environments and
 * stack deployments, read from the files it would write as the graph reads them. What files do
 * not spell out (why a name exists, a rule's origins, the Portainer URL and key, swarm
 * placement, label-defined transports) is checked on the derived desired state.
 */
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesiredState } from '../../src/desired/types.js';
import { elementChanges } from '../../src/engine/graph-elements.js';
import type { JsonReport } from '../../src/output/json-report.js';
import { deriveConfig, loadExample } from '../helpers/example.js';
import { removeDir, tempDir } from '../helpers/root.js';
import { copyFixture, runJson } from './fixture.js';

let parent: string;
let current: string;
let report: JsonReport;
beforeAll(async () => {
  parent = tempDir('phoenix-upstream-plan-');
  current = copyFixture('current', parent);
  const r = await runJson(['plan', '--offline'], current);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  report = r.report;
});
afterAll(() => removeDir(parent));

const GATEWAY = '10.40.0.20';

/** name → ip of every record; the Traefik LXC's address for routed names. */
const DNS: Record<string, string> = {
  // guests, by lower-cased name (a dotted name is qualified like any other)
  'stepca.hearth.internal': '10.40.0.3',
  'dns-gw.hearth.internal': '10.40.0.5',
  'traefik.hearth.internal': GATEWAY, // the guest and its own route agree
  'kuma.hearth.internal': '10.40.0.35',
  'ollama-box.hearth.internal': '192.168.77.30', // DHCP, static secondary address
  'copy-cuda12.8.hearth.internal': '10.40.0.128',
  'hearth-primary.hearth.internal': '10.40.0.111',
  'ai-forge.hearth.internal': '10.40.0.112',
  // routed hosts: guest traefik_service, stack labels (HTTP Host and TCP HostSNI)
  'grafana.hearth.internal': GATEWAY, // the route wins over the guest named grafana
  'portainer.hearth.internal': GATEWAY,
  'ca.hearth.internal': GATEWAY,
  'status.hearth.internal': GATEWAY,
  'ollama.hearth.internal': GATEWAY,
  'vault.hearth.internal': GATEWAY,
  'llm.hearth.internal': GATEWAY,
  'lab-staging.hearth.internal': GATEWAY,
  'mqtt.hearth.internal': GATEWAY,
  // Portainer agent hostname, explicit dns_records, authoritative zone records
  'ai-forge-agent.hearth.internal': '10.40.0.112',
  'portainer-direct.hearth.internal': '10.40.0.111',
  'nas.hearth.internal': '10.40.0.6',
  'printer.hearth.internal': '10.40.0.7',
  'switch.lab.hearth.internal': '10.40.0.2',
};

type Rule = [direction: string, action: string, proto: string, port: string, peer: string, origin: string];

/** Rules per ruleset as [direction, action, proto, port, source/dest/iface, origin]. */
const FIREWALL: Record<string, { enabled: boolean; rules: Rule[] }> = {
  cluster: {
    enabled: true,
    rules: [
      ['in', 'ACCEPT', 'tcp', '22', 'source 10.40.0.0/24', 'global'],
      ['in', 'ACCEPT', 'tcp', '8006', 'source 10.40.0.0/24 iface vmbr0', 'global'],
      ['in', 'ACCEPT', 'udp', '53', 'dest 10.40.0.5', 'global'],
    ],
  },
  '9100': {
    enabled: true,
    rules: [
      ['in', 'ACCEPT', 'tcp', '9001', 'source 10.40.0.111', 'guest:9100'],
      ['in', 'ACCEPT', 'tcp', '8891', `source ${GATEWAY}`, '9100/notebook-staging'],
    ],
  },
  '1101': {
    enabled: true,
    rules: [
      ['in', 'ACCEPT', 'tcp', '9443', `source ${GATEWAY}`, 'guest:1101'],
      ['in', 'ACCEPT', 'tcp', '8088', `source ${GATEWAY}`, '1101/vaultwarden-production'],
    ],
  },
  '1102': {
    enabled: true,
    rules: [
      ['in', 'ACCEPT', 'tcp', '9001', 'source 10.40.0.111', 'guest:1102'],
      ['in', 'ACCEPT', 'tcp', '4443', `source ${GATEWAY}`, '1102/llm-gateway-prod'],
      ['in', 'ACCEPT', 'tcp', '8883', `source ${GATEWAY}`, '1102/mqtt-production'],
      ['in', 'ACCEPT', 'tcp', '3001', `source ${GATEWAY}`, '1102/uptime-production'],
    ],
  },
  '103': { enabled: true, rules: [['in', 'ACCEPT', 'tcp', '9000', 'source 10.40.0.0/24', 'guest:103']] },
  '105': {
    enabled: true,
    rules: [
      ['in', 'DNS(ACCEPT)', '', '', 'source 10.40.0.0/24', 'guest:105'],
      ['in', 'ACCEPT', 'tcp', '2049', 'source 10.40.0.0/24', 'guest:105'],
    ],
  },
  '110': {
    enabled: true,
    rules: [
      ['in', 'ACCEPT', 'tcp', '80,443', '', 'guest:110'],
      ['in', 'ACCEPT', 'tcp', '8883', '', 'guest:110'],
    ],
  },
  '120': { enabled: true, rules: [['in', 'ACCEPT', 'tcp', '3000', `source ${GATEWAY}`, 'guest:120']] },
  '125': { enabled: false, rules: [] },
  '130': {
    enabled: true,
    rules: [['in', 'ACCEPT', 'tcp', '11434', 'source 192.168.77.0/24 iface net1', 'guest:130']],
  },
};

/** A route as the plan shows it: rule, backends, and transport or protocol when there is one. */
interface Route {
  rule: string;
  service: string;
  urls: string[];
  serversTransport?: string;
  protocol?: 'tcp';
}

const CA = 'phoenix-internal-ca';

/** Every router, by name. The uptime stack's label router for status is dropped (the guest's wins). */
const ROUTES: Record<string, Route> = {
  // guest traefik_service: VMs over HTTPS through the internal CA, LXCs http unless scheme says
  'guest-portainer': r('portainer', 'https://10.40.0.111:9443', CA),
  'guest-ca': r('ca', 'https://10.40.0.3:9000', CA),
  'guest-traefik': r('traefik', 'http://10.40.0.20:8080'),
  'guest-grafana': r('grafana', 'http://10.40.0.31:3000'),
  'guest-status': r('status', 'http://10.40.0.35:3001'),
  'guest-ollama': r('ollama', 'http://192.168.77.30:11434'),
  // stack labels: <deploy>-<name>; a transport from the labels, or one of another provider
  'vaultwarden-production-vault': r(
    'vault',
    'http://10.40.0.111:8088',
    undefined,
    'vaultwarden-production-vault',
  ),
  'llm-gateway-prod-llm': r(
    'llm',
    'https://10.40.0.112:4443',
    'llm-gateway-prod-llm-insecure',
    'llm-gateway-prod-llm',
  ),
  'notebook-staging-lab': r('lab-staging', 'https://10.40.0.128:8891', 'lan-ca@file', 'notebook-staging-lab'),
  'mqtt-production-mqtt': {
    rule: 'HostSNI(`mqtt.hearth.internal`)',
    service: 'mqtt-production-mqtt',
    urls: ['10.40.0.112:8883'],
    protocol: 'tcp',
  },
};

function r(host: string, url: string, transport?: string, service = `guest-${host}`): Route {
  return {
    rule: `Host(\`${host}.hearth.internal\`)`,
    service,
    urls: [url],
    ...(transport ? { serversTransport: transport } : {}),
  };
}

function changes(kind: string): { id: string; after: Record<string, unknown> }[] {
  return report.changes
    .filter((c) => c.kind === kind)
    .map((c) => ({ id: c.id, after: c.after as Record<string, unknown> }));
}

describe('plan --offline --json on the current fixture', () => {
  // The offline plan speaks in whole files, like the live one: the DNS, firewall and Traefik
  // elements are read from the planned files as the graph reads them; what a file does not
  // spell out (why a name exists, a rule's origins, a route's service) from the desired state.
  let desired: DesiredState;
  beforeAll(() => {
    desired = deriveConfig(loadExample(current).config).desired;
  });
  const elements = (kind: string) =>
    elementChanges(report.changes)
      .filter((c) => c.kind === kind)
      .map((c) => ({ id: c.id, action: c.action, after: c.after as Record<string, unknown> }));

  it('lists exactly the expected DNS records', () => {
    expect(changes('dns-file').map((c) => c.id)).toHaveLength(1);
    const got = Object.fromEntries(elements('dns-record').map((c) => [c.id, c.after['ip']]));
    expect(got).toEqual(DNS);
    expect(elements('dns-record').every((c) => c.action === 'create')).toBe(true);
    expect(desired.dns.find((d) => d.name === 'grafana.hearth.internal')?.why).toBe('route');
  });

  it('lists the cluster ruleset and each guest ruleset with exactly its rules', () => {
    const form = (policy: { enabled: boolean }, rules: readonly object[]) => ({
      enabled: policy.enabled,
      rules: rules.map((rule): Rule => {
        const x = rule as Record<string, string | string[] | undefined>;
        const peer = (['source', 'dest', 'iface'] as const)
          .filter((k) => x[k] !== undefined)
          .map((k) => `${k} ${String(x[k])}`)
          .join(' ');
        const origins = x['origins'] as string[];
        return [
          String(x['direction']),
          String(x['action']),
          String(x['proto'] ?? ''),
          String(x['dport'] ?? ''),
          peer,
          origins.join(','),
        ];
      }),
    });
    const got = Object.fromEntries([
      ['cluster', form(desired.firewall.cluster.policy, desired.firewall.cluster.rules)],
      ...desired.firewall.guests.map((g) => [String(g.guest.id), form(g.policy, g.rules)]),
    ]);
    expect(got).toEqual(FIREWALL);
    // The plan creates one file per ruleset with rules (a guest without any gets none, so
    // nothing of its own firewall changes), each with exactly its rules (marked as Phoenix's).
    const withRules = Object.entries(FIREWALL).filter(([id, f]) => id === 'cluster' || f.rules.length > 0);
    expect(withRules.map(([id]) => id)).not.toContain('125');
    expect(
      elements('firewall-ruleset')
        .map((c) => c.id)
        .sort(),
    ).toEqual(withRules.map(([id]) => id).sort());
    for (const c of changes('pve-firewall-file')) {
      const id = /(\w+)\.fw$/.exec(c.id)![1]!;
      const text = c.after as unknown as string;
      expect(text.match(/^\|?(?:IN|OUT) .*# phoenix:/gm) ?? [], c.id).toHaveLength(
        FIREWALL[id]!.rules.length,
      );
      for (const [, , , port] of FIREWALL[id]!.rules)
        if (port) expect(text, c.id).toContain(`-dport ${port}`);
    }
  });

  it('lists exactly the expected Traefik routes, TCP and serversTransports included', () => {
    const services = new Map(desired.routes.services.map((x) => [`${x.protocol ?? 'http'}/${x.name}`, x]));
    const got = Object.fromEntries(
      desired.routes.routers.map((a) => {
        const svc = services.get(`${a.protocol ?? 'http'}/${a.service}`);
        const route: Route = {
          rule: a.rule,
          service: a.service,
          urls: svc?.urls ?? [],
          ...(svc?.serversTransport ? { serversTransport: svc.serversTransport } : {}),
          ...(a.protocol ? { protocol: a.protocol } : {}),
        };
        return [a.name, route];
      }),
    );
    expect(got).toEqual(ROUTES);
    expect(desired.routes.routers.find((x) => x.name === 'mqtt-production-mqtt')?.tls).toEqual({
      passthrough: true,
    });
    // The planned Traefik file holds every one of them: rule, backends and protocol.
    const planned = Object.fromEntries(
      elements('route').map((c) => [
        c.id,
        { rule: c.after['rule'], urls: c.after['urls'], protocol: c.after['protocol'] },
      ]),
    );
    expect(planned).toEqual(
      Object.fromEntries(
        Object.entries(ROUTES).map(([id, x]) => [id, { rule: x.rule, urls: x.urls, protocol: x.protocol }]),
      ),
    );
    const file = changes('traefik-file')[0]!.after as unknown as string;
    expect(file).toMatch(/serversTransport: lan-ca@file/);
    expect(file).toMatch(/passthrough: true/);
  });

  it('lists the Portainer agent environments', () => {
    const got = Object.fromEntries(changes('environment').map((c) => [c.id, c.after['url']]));
    expect(got).toEqual({
      'cuda-lab': 'tcp://10.40.0.128:9001', // no agent hostname: the VM's address
      'ai-forge': 'tcp://ai-forge-agent.hearth.internal:9001',
    });
  });

  it('lists one stack deployment <stack>-<env> per assignment, from both manifest homes', () => {
    const got = Object.fromEntries(desired.deployments.map((d) => [d.id, [d.stack, d.environment, d.name]]));
    expect(got).toEqual({
      '1101/vaultwarden-production': ['vaultwarden', 'production', 'vaultwarden-production'], // stacks config, bare name
      '1102/llm-gateway-prod': ['llm-gateway', 'prod', 'llm-gateway-prod'], // its only environment
      '1102/mqtt-production': ['mqtt', 'production', 'mqtt-production'],
      '1102/uptime-production': ['uptime', 'production', 'uptime-production'],
      '9100/notebook-staging': ['notebook', 'staging', 'notebook-staging'], // {name, environment}
      '9100/scratchpad-production': ['scratchpad', 'production', 'scratchpad-production'], // plain compose
    });
    // The plan creates each, by name, with its compose.
    expect(Object.fromEntries(changes('stack').map((c) => [c.id, c.after['name']]))).toEqual(
      Object.fromEntries(Object.entries(got).map(([id, x]) => [id, x[2]])),
    );
    expect(
      changes('stack').every((c) => typeof c.after['compose'] === 'string' && c.after['compose'] !== ''),
    ).toBe(true);
    const vault = desired.deployments.find((c) => c.id === '1101/vaultwarden-production')!;
    // A file source is relative to the compose file's folder, in the stacks-config home too.
    expect(
      vault.files.map((f) => ({ source: f.source, destination: f.destination, services: f.services })),
    ).toEqual([{ source: 'banner.html', destination: '/web-vault/banner.html', services: ['vaultwarden'] }]);
    expect(
      changes('stack').every((c) => report.changes.find((x) => x.id === c.id)?.blocked === undefined),
    ).toBe(true);
  });
});

describe('the desired state of the fixtures beyond the offline plan', () => {
  it('current: Portainer from network.portainer_server_ip (no port: http on 9000), key from portainer_api', () => {
    const { desired } = deriveConfig(loadExample(current).config);
    expect(desired.portainer).toMatchObject({
      url: 'http://10.40.0.111:9000',
      username: 'admin',
      apiKey: 'ptr_HearthFixtureToken9vQ2mW7pL4xR8tN',
    });
  });

  it('legacy: Portainer on portainer_server_port over https, no key (null), cluster rules from shared_volumes', () => {
    const legacy = copyFixture('legacy', parent);
    const { desired, errors } = deriveConfig(loadExample(legacy).config);
    expect(errors).toEqual([]);
    expect(desired.portainer.url).toBe('https://10.60.0.50:9443');
    expect(desired.portainer.apiKey).toBeUndefined();
    expect(desired.firewall.cluster.rules.map((x) => x.dport)).toEqual(['22', '8006']);
    expect(desired.firewall.cluster.policy).toEqual({ enabled: true, policyIn: 'DROP', policyOut: 'ACCEPT' });
    expect(desired.environments.map((e) => [e.name, e.url])).toEqual([
      ['ember-worker', 'tcp://10.60.0.51:9001'],
    ]);
    expect(desired.dns.map((d) => `${d.name} ${d.ip}`).sort()).toEqual([
      'dns.ember.home 10.60.0.5',
      'ember-docker.ember.home 10.60.0.50',
      'ember-worker.ember.home 10.60.0.51',
      'home.ember.home 10.60.0.20',
      'paperless.ember.home 10.60.0.20',
      'proxy.ember.home 10.60.0.20',
    ]);
  });

  it('a transport defined in labels is named <deploy>-<name> and keeps insecureskipverify', () => {
    const { desired } = deriveConfig(loadExample(current).config);
    expect(desired.routes.transports?.map((t) => [t.name, t.insecureSkipVerify])).toEqual([
      ['llm-gateway-prod-llm-insecure', true],
    ]);
  });

  it('placement_constraints (manifest, then environment) reach every service of the swarm rendering only', () => {
    const { desired } = deriveConfig(loadExample(current).config);
    const want: Record<string, string[]> = {
      'vaultwarden-production': ['node.role == manager'],
      'llm-gateway-prod': ['node.labels.gpu != true'],
      'mqtt-production': ['node.labels.broker == true'],
      'notebook-staging': ['node.role == worker', 'node.labels.gpu == true'],
      'uptime-production': [],
      'scratchpad-production': [],
    };
    for (const d of desired.deployments) {
      const swarm = parseYaml(d.compose.swarm) as { services: Record<string, { deploy?: unknown }> };
      const standalone = parseYaml(d.compose.standalone) as {
        services: Record<string, { deploy?: unknown }>;
      };
      for (const [svc, def] of Object.entries(swarm.services)) {
        const got = (def.deploy as { placement?: { constraints?: string[] } } | undefined)?.placement
          ?.constraints;
        expect(got ?? [], `${d.name}/${svc}`).toEqual(want[d.name]);
      }
      for (const [svc, def] of Object.entries(standalone.services))
        expect(
          (def.deploy as { placement?: unknown } | undefined)?.placement,
          `${d.name}/${svc}`,
        ).toBeUndefined();
    }
    expect(desired.deployments.map((d) => d.name).sort()).toEqual(Object.keys(want).sort());
  });
});
