/**
 * Broken-corpus cases for the config files themselves: stacks and environments, guests,
 * syntax, unknown keys, required files, secrets and DNS.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceIn } from '../../helpers/root.js';
import { GLOBAL, LXCS, MONITORING, N8N, QDRANT, sub, VMS, WHOAMI, type Case } from './case.js';

/** One case per rule; the runner is ../broken-corpus.test.ts. */
export const configCases: Case[] = [
  // Stacks and environments
  {
    name: 'unknown stack',
    edit: sub(VMS, '"qdrant", "open', '"qdrnat", "open'),
    file: VMS,
    line: 29,
    column: 25,
    message: 'unknown stack "qdrnat"',
    hint: 'known stacks: qdrant',
  },
  {
    name: 'incomplete stack folder assigned to a VM',
    edit: (root) => {
      rmSync(join(root, 'stacks', 'scratch', 'docker-compose.yml'));
      writeFileSync(join(root, 'stacks', 'scratch', 'phoenix.json'), '{}\n');
      sub(VMS, '["monitoring", "n8n"', '["scratch", "n8n"')(root);
    },
    file: VMS,
    line: 43,
    column: 25,
    message: 'stack "scratch" is incomplete: missing a compose file',
  },
  {
    name: 'unknown environment',
    edit: sub(VMS, '"environment": "staging"', '"environment": "stagin"'),
    file: VMS,
    line: 43,
    column: 46,
    message: 'stack "whoami" has no environment "stagin"',
    hint: 'known environments: staging',
  },
  {
    name: 'invalid stack name (upper-case folder)',
    edit: (root) => {
      renameSync(join(root, 'stacks/n8n'), join(root, 'stacks/N8N'));
      replaceIn(root, VMS, '"monitoring", "n8n"', '"monitoring", "N8N"');
    },
    file: VMS,
    line: 43,
    column: 39,
    message: 'deploy name "N8N-production" is not a valid compose project name',
  },
  {
    name: 'invalid environment name (upper case)',
    edit: (root) => {
      replaceIn(root, WHOAMI, '"staging": {', '"Staging": {');
      replaceIn(root, VMS, '"environment": "staging"', '"environment": "Staging"');
    },
    file: VMS,
    line: 43,
    column: 46,
    message: 'deploy name "whoami-Staging" is not a valid compose project name',
  },
  {
    name: 'one stack assigned to a VM twice',
    edit: sub(VMS, '["monitoring", "n8n"', '["n8n", "monitoring", "n8n"'),
    file: VMS,
    line: 43,
    column: 46,
    message: 'stack n8n-production is assigned to VM 1003 twice',
  },
  {
    name: 'stacks on a VM without portainer_role',
    edit: sub(VMS, '"portainer_role": "primary",', ''),
    file: VMS,
    line: 5,
    column: 5,
    message: 'VM 1001 (phoenix-primary) has docker_stacks but no portainer_role',
  },

  // Guests
  {
    name: 'duplicate vmid (VM vs VM)',
    edit: sub(VMS, '"vmid": 1003', '"vmid": 1002'),
    file: VMS,
    line: 36,
    column: 15,
    message: 'guest id 1002 (services) is already used by vm ai-worker',
  },
  {
    name: 'duplicate vmid (VM vs LXC)',
    edit: sub(LXCS, '"103": {', '"1001": {'),
    file: LXCS,
    line: 31,
    column: 5,
    message: 'guest id 1001 (ca) is already used by vm phoenix-primary',
  },
  {
    name: 'guest address without prefix length',
    edit: sub(VMS, '"ip": "10.0.0.102/24"', '"ip": "10.0.0.102"'),
    file: VMS,
    line: 25,
    column: 33,
    message: '"10.0.0.102" is not an address with a prefix length',
  },
  {
    name: 'vmid of the wrong type',
    edit: sub(VMS, '"vmid": 1003', '"vmid": "1003"'),
    file: VMS,
    line: 36,
    column: 15,
    message: 'vms.2.vmid must be integer',
  },
  {
    name: 'agent VM without address',
    edit: sub(VMS, '"is_template": true,', '"is_template": true, "portainer_role": "agent",'),
    file: VMS,
    line: 52,
    column: 46,
    message: 'agent VM 9000 (ubuntu-template) has neither portainer_agent_hostname nor a static IP',
  },
  {
    name: 'two primaries',
    edit: sub(
      VMS,
      '"portainer_role": "agent",\n      "portainer_environment_name": "ai-worker",',
      '"portainer_role": "primary",',
    ),
    file: VMS,
    line: 26,
    column: 25,
    message: 'more than one VM has portainer_role "primary" (1001, 1002)',
  },

  // Syntax and unknown keys
  {
    name: 'JSON syntax error',
    edit: sub(VMS, '"cores": 8,', '"cores": 8'),
    file: VMS,
    line: 24,
    column: 7,
    message: 'invalid JSON: CommaExpected',
  },
  {
    name: 'JSON syntax error in a manifest',
    edit: sub(
      QDRANT,
      '"value": "file:secrets/qdrant_api_key" }],',
      '"value": "file:secrets/qdrant_api_key" },],',
    ),
    file: QDRANT,
    line: 6,
    column: 90,
    message: 'invalid JSON: ValueExpected',
  },
  {
    name: 'unknown key sync.portainer.local_enviroment',
    edit: sub(GLOBAL, '"local_environment": "local"', '"local_enviroment": "local"'),
    file: GLOBAL,
    line: 49,
    column: 7,
    message: 'unknown key "local_enviroment" in sync.portainer',
    hint: 'did you mean "local_environment"?',
  },
  {
    name: 'unknown key sync.gatway_ip',
    edit: sub(GLOBAL, '"gateway_ip"', '"gatway_ip"'),
    file: GLOBAL,
    line: 33,
    column: 5,
    message: 'unknown key "gatway_ip" in sync',
    hint: 'did you mean "gateway_ip"?',
  },
  {
    name: 'unknown key prot in a firewall rule',
    edit: sub(N8N, '"proto": "tcp"', '"prot": "tcp"'),
    file: N8N,
    line: 18,
    column: 45,
    message: 'unknown key "prot" in environments.production.firewall_rules.0',
    hint: 'did you mean "proto"?',
  },
  {
    name: 'unknown key in a stack environment',
    edit: sub(N8N, '"firewall_rules"', '"firewal_rules"'),
    file: N8N,
    line: 17,
    column: 7,
    message: 'unknown key "firewal_rules" in environments.production',
    hint: 'did you mean "firewall_rules"?',
  },
  {
    name: 'unknown key in a nested sync section',
    edit: sub(GLOBAL, '"pve_dir"', '"pve_dri"'),
    file: GLOBAL,
    line: 38,
    column: 37,
    message: 'unknown key "pve_dri" in sync.firewall',
    hint: 'did you mean "pve_dir"?',
  },

  // Files and secrets
  {
    name: 'missing required file',
    edit: (root) => rmSync(join(root, VMS)),
    file: VMS,
    line: 0,
    column: 0,
    message: 'required file is missing',
  },
  {
    name: 'missing env: secret',
    edit: sub(WHOAMI, '"value": "whoami-prod"', '"value": "env:PHOENIX_TEST_UNSET"'),
    file: WHOAMI,
    line: 8,
    column: 43,
    message: 'variable WHOAMI_NAME: environment variable PHOENIX_TEST_UNSET is not set',
  },
  {
    name: 'missing file: secret',
    edit: sub(MONITORING, 'file:secrets/grafana_admin_password', 'file:secrets/nope'),
    file: MONITORING,
    line: 6,
    column: 66,
    message: 'variable GRAFANA_ADMIN_PASSWORD: secret file',
  },

  // DNS
  {
    name: 'one DNS name pointing to two addresses',
    edit: sub(LXCS, '"hostname": "step-ca"', '"hostname": "grafana"'),
    file: LXCS,
    line: 37,
    column: 23,
    message: 'grafana.lab.internal would point to 10.0.0.10 (explicit) and to 10.0.0.12 (route)',
  },
  {
    name: 'explicit DNS record with an invalid address',
    edit: sub(LXCS, '"ip": "10.0.0.10" }', '"ip": "10.0.0.999" }'),
    file: LXCS,
    line: 37,
    column: 23,
    message: '"10.0.0.999" is not an IP address',
  },
];
