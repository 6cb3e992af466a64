/**
 * The bundled example (examples/homelab) made deployable on the test engine, as an operator
 * would with an override: every stack folder renamed with the run's prefix (unique project
 * names), the docker backend pointed at the test engine, every image replaced by the test
 * image answering on the container port, published ports moved to free loopback ports, and
 * healthchecks aimed at what the test image serves. Labels, variables, files and secrets
 * are the example's own, so the real loader and derivation render them.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { copyExample, editJson } from '../helpers/root.js';
import { freePort, type DockerRig } from '../rig/docker.js';

/** A prepared copy of the example. */
export interface ExampleRoot {
  root: string;
  /** The stack folders, renamed: example name → name in this root. */
  stacks: Record<string, string>;
  /** Host port now published for `<stack>/<service>:<container port>` (first mapping of each). */
  ports: Map<string, number>;
}

type Json = Record<string, unknown>;

const serve = (port: number) => ['/bin/sh', '-c', `trap 'exit 0' TERM; httpd -f -p ${port} -h /www & wait`];

/** Copy and adapt the example for `rig`; remove it with test/helpers/root.ts `removeDir`. */
export async function dockerExampleRoot(rig: DockerRig): Promise<ExampleRoot> {
  const root = copyExample();
  const stacks: Record<string, string> = {};
  const ports = new Map<string, number>();
  for (const name of readdirSync(join(root, 'stacks'))) {
    stacks[name] = `${rig.runId}-${name}`;
    renameSync(join(root, 'stacks', name), join(root, 'stacks', stacks[name]));
  }

  editJson<Json>(join(root, 'etc', 'phoenix_hypervisor_config.json'), (g) => {
    const sync = g.sync as Json;
    sync.owner_id = rig.runId;
    sync.backend = 'docker';
    sync.docker = { host: rig.host, health_timeout_seconds: 60 };
  });
  editJson<{ vms: { docker_stacks?: (string | { name: string; environment: string })[] }[] }>(
    join(root, 'etc', 'phoenix_vm_configs.json'),
    (v) => {
      for (const vm of v.vms) {
        vm.docker_stacks = vm.docker_stacks?.map((s) =>
          typeof s === 'string' ? (stacks[s] ?? s) : { ...s, name: stacks[s.name] ?? s.name },
        );
      }
    },
  );

  for (const [original, renamed] of Object.entries(stacks)) {
    const file = join(root, 'stacks', renamed, 'docker-compose.yml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const services = doc.get('services');
    if (!isMap(services)) continue;
    for (const pair of services.items) {
      const service = pair.value as YAMLMap;
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const containerPorts = await movePorts(doc, service, `${original}/${name}`, ports);
      const port = containerPorts[0] ?? 8080;
      service.set('image', rig.images.v1);
      service.set('command', doc.createNode(serve(port)));
      if (service.has('healthcheck')) {
        const check = ['CMD', 'wget', '-q', '-O', '/dev/null', `http://127.0.0.1:${port}/`];
        service.set('healthcheck', doc.createNode({ test: check, interval: '1s', retries: 30 }));
      }
    }
    writeFileSync(file, doc.toString());
  }

  // Variables that publish ports (whoami's WHOAMI_PORT) move to free ports too.
  const manifestFile = join(root, 'stacks', stacks.whoami ?? 'whoami', 'phoenix.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    environments: Record<string, { variables?: { name: string; value: string }[] }>;
  };
  for (const [env, e] of Object.entries(manifest.environments)) {
    for (const v of e.variables ?? []) {
      if (v.name !== 'WHOAMI_PORT') continue;
      const free = await freePort();
      v.value = String(free);
      ports.set(`whoami/whoami:${env}`, free);
    }
  }
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return { root, stacks, ports };
}

/** Publish every fixed host port of a service on a free port instead; returns its container ports. */
async function movePorts(
  doc: ReturnType<typeof parseDocument>,
  service: YAMLMap,
  key: string,
  ports: Map<string, number>,
): Promise<number[]> {
  const list = service.get('ports', true);
  if (!isSeq(list)) return [];
  const container: number[] = [];
  for (let i = 0; i < list.items.length; i++) {
    const item = list.items[i];
    if (isScalar(item)) {
      const text = String(item.value);
      const target = Number(text.split(':').at(-1)?.split('/')[0]);
      container.push(target);
      if (text.includes('${')) continue; // a variable: moved in the manifest
      const free = await freePort();
      ports.set(`${key}:${target}`, free);
      list.items[i] = doc.createNode(`127.0.0.1:${free}:${target}`);
    } else if (isMap(item)) {
      const target = Number(item.get('target'));
      container.push(target);
      const free = await freePort();
      ports.set(`${key}:${target}`, free);
      item.set('published', free); // no host_ip: compose v1 rejects it
    }
  }
  return container;
}
