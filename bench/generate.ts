/**
 * Generate a valid Phoenix root of any size, for the benchmark and for scale tests:
 * N VMs (one Portainer primary, the rest agents), each running `stacksPerVm` stacks. Stack
 * folder `app<j>` has one environment per VM (`vm<vmid>`) with its own variables, so every
 * deployment has a unique name, Host and router; each slot publishes its own port, so no
 * two stacks on a VM clash. Labels alternate between list and map form; app0 delivers a
 * file. Everything is deterministic: the same shape always gives the same bytes.
 *
 *   tsx bench/generate.ts <dir> <vms> <stacksPerVm>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The size of a generated estate. */
export interface EstateShape {
  vms: number;
  stacksPerVm: number;
}

/** What was generated. */
export interface GeneratedEstate {
  root: string;
  vms: number;
  deployments: number;
  stacks: string[];
}

const DOMAIN = 'bench.internal';
const GATEWAY_IP = '10.19.0.2';
const FIRST_VMID = 1000;
const BASE_PORT = 20000;

/** A deterministic address in 10.0.0.0/8 for the k-th VM (10.20.0.1 onwards). */
export function vmAddress(k: number): string {
  const n = k + 1;
  return `10.${20 + Math.floor(n / 65536)}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

function globalConfig(): unknown {
  return {
    domain_name: DOMAIN,
    network: { portainer_agent_port: 9001 },
    portainer_api: {
      admin_user: 'admin',
      admin_password: 'env:PHOENIX_PORTAINER_PASSWORD',
      portainer_hostname: `portainer.${DOMAIN}`,
    },
    dns_server: { enabled: true, upstream_servers: ['1.1.1.1'] },
    firewall: {
      enabled: true,
      default_input_policy: 'DROP',
      default_output_policy: 'ACCEPT',
      global_firewall_rules: [
        { type: 'in', action: 'ACCEPT', proto: 'tcp', port: '22', source: '10.0.0.0/8', comment: 'SSH' },
      ],
    },
    sync: {
      owner_id: 'bench',
      default_environment: 'production',
      gateway_ip: GATEWAY_IP,
      traefik: { cert_resolver: 'internal' },
    },
  };
}

function lxcConfig(): unknown {
  const lxc = (name: string, ip: string, extra: object = {}) => ({
    name,
    network_config: { name: 'eth0', bridge: 'vmbr0', ip: `${ip}/8`, gw: '10.0.0.1' },
    ...extra,
  });
  return {
    lxc_configs: {
      '101': lxc('gateway', '10.19.0.1', {
        firewall: { enabled: true, rules: [{ type: 'in', action: 'DNS(ACCEPT)', source: '10.0.0.0/8' }] },
      }),
      '102': lxc('traefik', GATEWAY_IP, { traefik_service: { name: 'proxy', port: 8080 } }),
    },
  };
}

function vmConfig(shape: EstateShape): unknown {
  const primaryIp = vmAddress(0);
  const vms = Array.from({ length: shape.vms }, (_, k) => {
    const vmid = FIRST_VMID + k;
    const role =
      k === 0
        ? { portainer_role: 'primary' }
        : {
            portainer_role: 'agent',
            portainer_environment_name: `vm-${vmid}`,
            portainer_agent_hostname: `vm-${vmid}-agent`,
          };
    return {
      vmid,
      name: `vm-${vmid}`,
      cores: 2,
      network_config: { ip: `${vmAddress(k)}/8`, gw: '10.0.0.1' },
      ...role,
      docker_stacks: Array.from({ length: shape.stacksPerVm }, (_, j) => ({
        name: `app${j}`,
        environment: `vm${vmid}`,
      })),
      firewall: {
        enabled: true,
        rules: [
          {
            type: 'in',
            action: 'ACCEPT',
            proto: 'tcp',
            port: '9001',
            source: primaryIp,
            comment: 'Portainer agent',
          },
        ],
      },
    };
  });
  return { vms };
}

function compose(j: number): string {
  const labels =
    j % 2 === 0
      ? ['    labels:', '      - "com.example.slot=' + j + '"']
      : ['    labels:', `      com.example.slot: "${j}"`];
  return [
    `# Generated stack app${j}: one web service, its port set per environment.`,
    'services:',
    '  web:',
    '    image: traefik/whoami:v1.10',
    '    restart: unless-stopped',
    '    command: ["--port", "8080", "--name", "${APP_NAME:-web}"]',
    '    ports:',
    '      - "${APP_PORT}:8080" # published for the central Traefik',
    ...labels,
    '',
  ].join('\n');
}

function manifest(j: number, shape: EstateShape): unknown {
  const environments: Record<string, unknown> = {};
  for (let k = 0; k < shape.vms; k++) {
    const vmid = FIRST_VMID + k;
    environments[`vm${vmid}`] = {
      variables: [
        { name: 'APP_PORT', value: String(BASE_PORT + j) },
        { name: 'APP_NAME', value: `app${j}-vm${vmid}` },
        { name: 'APP_HOST', value: `app${j}-vm${vmid}.${DOMAIN}` },
      ],
      ...(j === 0
        ? { files: [{ source: 'app.conf', destination_in_container: '/etc/app/app.conf', service: 'web' }] }
        : {}),
      services: {
        web: {
          traefik_labels: [
            'traefik.enable=true',
            `traefik.http.routers.web.rule=Host(\`\${APP_HOST}\`)`,
            'traefik.http.routers.web.entrypoints=websecure',
            'traefik.http.routers.web.tls.certresolver=internal',
            'traefik.http.services.web.loadbalancer.server.port=8080',
          ],
        },
      },
      firewall_rules: [
        {
          type: 'in',
          action: 'ACCEPT',
          proto: 'tcp',
          port: '${APP_PORT}',
          source: GATEWAY_IP,
          comment: `app${j} from Traefik`,
        },
      ],
    };
  }
  return { description: `Generated stack app${j}`, environments };
}

/** Write a valid root of the given shape into `dir` (created if needed). */
export function generateEstate(dir: string, shape: EstateShape): GeneratedEstate {
  if (
    !Number.isInteger(shape.vms) ||
    shape.vms < 1 ||
    !Number.isInteger(shape.stacksPerVm) ||
    shape.stacksPerVm < 0
  ) {
    throw new Error(`invalid shape ${JSON.stringify(shape)}: need vms >= 1 and stacksPerVm >= 0`);
  }
  if (shape.vms > 65536 * 200 || shape.stacksPerVm > 1000)
    throw new Error('shape too large for the address and port plan');
  const root = resolve(dir);
  mkdirSync(join(root, 'etc'), { recursive: true });
  writeFileSync(join(root, 'etc', 'phoenix_hypervisor_config.json'), json(globalConfig()));
  writeFileSync(join(root, 'etc', 'phoenix_lxc_configs.json'), json(lxcConfig()));
  writeFileSync(join(root, 'etc', 'phoenix_vm_configs.json'), json(vmConfig(shape)));
  const stacks: string[] = [];
  for (let j = 0; j < shape.stacksPerVm; j++) {
    const sdir = join(root, 'stacks', `app${j}`);
    mkdirSync(sdir, { recursive: true });
    writeFileSync(join(sdir, 'docker-compose.yml'), compose(j));
    writeFileSync(join(sdir, 'phoenix.json'), json(manifest(j, shape)));
    if (j === 0) writeFileSync(join(sdir, 'app.conf'), 'listen = 8080\n');
    stacks.push(`app${j}`);
  }
  return { root, vms: shape.vms, deployments: shape.vms * shape.stacksPerVm, stacks };
}

function cli(argv: string[]): number {
  const [dir, vms, perVm] = argv;
  if (!dir || !vms || !perVm || !/^\d+$/.test(vms) || !/^\d+$/.test(perVm)) {
    process.stderr.write('usage: tsx bench/generate.ts <dir> <vms> <stacksPerVm>\n');
    return 1;
  }
  const g = generateEstate(dir, { vms: Number(vms), stacksPerVm: Number(perVm) });
  process.stdout.write(
    `${g.root}: ${g.vms} VMs, ${g.stacks.length} stack folders, ${g.deployments} deployments\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = cli(process.argv.slice(2));
}
