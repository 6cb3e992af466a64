/**
 * A small root in the original format, with no `sync` section: what someone coming from the
 * original scripts has before `phoenix init`. Written by hand for these tests (four-space
 * JSON, inline objects here and there, as the original's files are).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the root's Portainer listens, and the password of its admin (plaintext, as the original has it). */
export interface FixtureOptions {
  portainerIp: string;
  password: string;
}

/** The global file's text (exported: tests compare bytes). */
export function globalFile(o: FixtureOptions): string {
  return `{
    "domain_name": "internal.example.net",
    "network": {
        "portainer_server_ip": "${o.portainerIp}",
        "portainer_agent_port": 9001,
        "external_registry_url": "registry.internal.example.net",
        "default_subnet": "10.0.0.0/24",
        "nfs_server": "10.0.0.13",
        "fallback_dns": "1.1.1.1"
    },
    "portainer_api": {
        "admin_user": "admin",
        "admin_password": "${o.password}",
        "api_key": null,
        "portainer_hostname": "portainer.internal.example.net"
    },
    "dns_server": {
        "enabled": true,
        "upstream_servers": ["1.1.1.1"],
        "authoritative_zones": []
    },
    "firewall": {
        "enabled": true,
        "default_input_policy": "DROP",
        "default_output_policy": "ACCEPT",
        "global_firewall_rules": [
            { "type": "in", "action": "ACCEPT", "proto": "tcp", "port": "22", "source": "10.0.0.0/24", "comment": "SSH from the LAN" }
        ]
    },
    "step_ca": { "root_ca_name": "Phoenix Root CA", "provisioner_name": "admin@internal.example.net", "dns_name": "ca.internal.example.net" },
    "zfs": { "pools": [{ "name": "quickOS", "raid_level": "mirror", "disks": ["nvme0n1", "nvme1n1"] }] }
}
`;
}

const VMS = `{
    "vm_defaults": { "template": "ubuntu-24.04-cloud", "cores": 4, "memory_mb": 8192 },
    "vms": [
        {
            "vmid": 1001,
            "name": "Portainer-Primary",
            "clone_from_vmid": 9000,
            "network_config": { "ip": "10.0.0.101/24", "gw": "10.0.0.1", "nameserver": "10.0.0.13" },
            "portainer_role": "primary",
            "docker_stacks": ["whoami"],
            "firewall": {
                "enabled": true,
                "rules": [{ "type": "in", "action": "ACCEPT", "proto": "tcp", "port": "9443", "source": "10.0.0.12", "comment": "Portainer from Traefik" }]
            }
        },
        {
            "vmid": 9000,
            "name": "ubuntu-template",
            "is_template": true,
            "network_config": { "ip": "dhcp" }
        }
    ]
}
`;

const LXCS = `{
    "lxc_configs": {
        "101": {
            "name": "Nginx-Gateway",
            "network_config": { "name": "eth0", "bridge": "vmbr0", "ip": "10.0.0.11/24", "gw": "10.0.0.1", "hwaddr": "BC:24:11:00:00:11" }
        },
        "102": {
            "name": "Traefik-Internal",
            "network_config": { "name": "eth0", "bridge": "vmbr0", "ip": "10.0.0.12/24", "gw": "10.0.0.1", "hwaddr": "BC:24:11:00:00:12" },
            "firewall": {
                "enabled": true,
                "rules": [{ "type": "in", "action": "ACCEPT", "proto": "tcp", "port": "443", "comment": "HTTPS" }]
            }
        }
    }
}
`;

const COMPOSE = `services:
  whoami:
    image: traefik/whoami:v1.10
    restart: unless-stopped
    ports:
      - "\${WHOAMI_PORT}:80"
`;

const MANIFEST = `{
    "description": "Echo service",
    "environments": {
        "production": {
            "variables": [{ "name": "WHOAMI_PORT", "value": "8081" }],
            "services": {
                "whoami": {
                    "traefik_labels": [
                        "traefik.enable=true",
                        "traefik.http.routers.whoami.rule=Host(\`whoami.internal.example.net\`)",
                        "traefik.http.routers.whoami.entrypoints=websecure",
                        "traefik.http.services.whoami.loadbalancer.server.port=80"
                    ]
                }
            },
            "firewall_rules": [
                { "type": "in", "action": "ACCEPT", "proto": "tcp", "port": "8081", "source": "10.0.0.12", "comment": "whoami from Traefik" }
            ]
        }
    }
}
`;

/** Write the root under `dir`; returns its path. */
export function writeFixtureRoot(dir: string, o: FixtureOptions): string {
  const root = join(dir, 'phoenix_hypervisor');
  mkdirSync(join(root, 'etc'), { recursive: true });
  mkdirSync(join(root, 'stacks', 'whoami'), { recursive: true });
  writeFileSync(join(root, 'etc', 'phoenix_hypervisor_config.json'), globalFile(o));
  writeFileSync(join(root, 'etc', 'phoenix_vm_configs.json'), VMS);
  writeFileSync(join(root, 'etc', 'phoenix_lxc_configs.json'), LXCS);
  writeFileSync(join(root, 'stacks', 'whoami', 'docker-compose.yml'), COMPOSE);
  writeFileSync(join(root, 'stacks', 'whoami', 'phoenix.json'), MANIFEST);
  return root;
}
