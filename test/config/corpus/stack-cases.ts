/** Broken-corpus cases for compose files, ports, stack files and firewall rules. */
import { writeIn } from '../../helpers/root.js';
import { GLOBAL, MONITORING, N8N, N8N_COMPOSE, QDRANT, sub, VMS, WHOAMI, type Case } from './case.js';

/** Nine anchors of nine aliases each, nine levels deep: 9^9 strings if expanded. */
const ALIAS_BOMB = [
  'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((n, i) => `x-${n}: &${n} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  'services:',
].join('\n');

/** One case per rule; the runner is ../broken-corpus.test.ts. */
export const stackCases: Case[] = [
  // Ports and compose files
  {
    name: 'two stacks publishing one host port on one VM',
    edit: sub(N8N_COMPOSE, '"5678:5678"', '"3000:5678"'),
    file: VMS,
    line: 43,
    column: 39,
    message:
      'host port 3000/tcp on VM 1003 is published by both monitoring-production/grafana and n8n-production/n8n',
  },
  {
    name: 'invalid published port',
    edit: sub(N8N_COMPOSE, '"5678:5678"', '"5678:70000"'),
    file: N8N_COMPOSE,
    line: 7,
    column: 9,
    message: 'invalid port or range in "5678:70000"',
  },
  {
    name: 'port bound to something that is not an address',
    edit: sub(N8N_COMPOSE, '"5678:5678"', '"localhost:5678:5678"'),
    file: N8N_COMPOSE,
    line: 7,
    column: 9,
    message: '"localhost" in "localhost:5678:5678" is not an IP address',
  },
  {
    name: 'unset variable in an interpolated port',
    edit: sub('stacks/whoami/docker-compose.yml', '"${WHOAMI_PORT}:80"', '"${WHOAMI_PORTT}:80"'),
    file: 'stacks/whoami/docker-compose.yml',
    line: 8,
    column: 9,
    message: 'port "${WHOAMI_PORTT}:80" uses WHOAMI_PORTT, which environment "staging" does not set',
  },
  {
    name: 'unset variable in a label',
    edit: sub(
      WHOAMI,
      '"whoami-prod" },\n        { "name": "WHOAMI_HOST", "value": "whoami.lab.internal" }',
      '"whoami-prod" }',
    ),
    file: WHOAMI,
    line: 14,
    column: 13,
    message: 'label uses WHOAMI_HOST, which environment "production" does not set',
  },
  {
    name: 'relative bind mount',
    edit: sub(
      'stacks/qdrant/docker-compose.yml',
      'qdrant_storage:/qdrant/storage',
      './storage:/qdrant/storage',
    ),
    file: 'stacks/qdrant/docker-compose.yml',
    line: 10,
    column: 9,
    message: 'relative bind mount "./storage" cannot work for a stack deployed from text',
  },
  {
    name: 'YAML alias bomb (bounded)',
    edit: sub('stacks/whoami/docker-compose.yml', 'services:', ALIAS_BOMB),
    file: 'stacks/whoami/docker-compose.yml',
    line: 1,
    column: 1,
    message: 'YAML aliases expand too far',
  },
  {
    name: 'YAML syntax error',
    edit: sub(N8N_COMPOSE, '      N8N_PROTOCOL: https', '     N8N_PROTOCOL: https'),
    file: N8N_COMPOSE,
    line: 10,
    column: 1,
    message: 'invalid YAML: All mapping items must start at the same column',
  },
  {
    name: 'YAML that is not a mapping',
    edit: (root) => writeIn(root, N8N_COMPOSE, '- just\n- a list\n'),
    file: N8N_COMPOSE,
    line: 1,
    column: 1,
    message: 'a compose file must be a mapping',
  },

  // Files of a stack
  {
    name: 'file source escaping the stack folder',
    edit: sub(MONITORING, '"source": "prometheus.yml"', '"source": "../qdrant/docker-compose.yml"'),
    file: MONITORING,
    line: 7,
    column: 29,
    message: 'file source "../qdrant/docker-compose.yml" escapes the stack folder',
  },
  {
    name: 'absolute file source',
    edit: sub(MONITORING, '"source": "prometheus.yml"', '"source": "/etc/passwd"'),
    file: MONITORING,
    line: 7,
    column: 29,
    message: 'file source "/etc/passwd" escapes the stack folder',
  },
  {
    name: 'file source missing',
    edit: sub(MONITORING, '"source": "prometheus.yml"', '"source": "prometheus.yaml"'),
    file: MONITORING,
    line: 7,
    column: 29,
    message: 'file source "prometheus.yaml" does not exist',
  },

  // Firewall rules
  {
    name: 'firewall: invalid IP',
    edit: sub(GLOBAL, '"source": "10.0.0.0/24", "comment": "SSH', '"source": "10.0.0.300", "comment": "SSH'),
    file: GLOBAL,
    line: 22,
    column: 83,
    message: 'invalid source "10.0.0.300"',
  },
  {
    name: 'firewall: invalid CIDR',
    edit: sub(
      VMS,
      '"source": "10.0.0.12", "comment": "Portainer from',
      '"source": "10.0.0.0/33", "comment": "Portainer from',
    ),
    file: VMS,
    line: 16,
    column: 97,
    message: 'invalid source "10.0.0.0/33"',
  },
  {
    name: 'firewall: invalid port',
    edit: sub(VMS, '"port": "9443"', '"port": "99999"'),
    file: VMS,
    line: 16,
    column: 79,
    message: 'invalid port "99999"',
  },
  {
    name: 'firewall: invalid port range',
    edit: sub(QDRANT, '"port": "6334"', '"port": "6400:6334"'),
    file: QDRANT,
    line: 20,
    column: 69,
    message: 'invalid port "6400:6334"',
  },
  {
    name: 'firewall: invalid protocol',
    edit: sub(N8N, '"proto": "tcp"', '"proto": "tcpp"'),
    file: N8N,
    line: 18,
    column: 54,
    message: 'unknown protocol "tcpp"',
  },
  {
    name: 'firewall: port without protocol',
    edit: sub(N8N, '"proto": "tcp", ', ''),
    file: N8N,
    line: 18,
    column: 9,
    message: 'a port needs a protocol',
  },
  {
    name: 'firewall: invalid action',
    edit: sub(N8N, '"action": "ACCEPT"', '"action": "ALLOW"'),
    file: N8N,
    line: 18,
    column: 35,
    message: 'invalid action "ALLOW"',
  },
  {
    name: 'firewall: invalid direction',
    edit: sub(N8N, '"type": "in"', '"type": "inbound"'),
    file: N8N,
    line: 18,
    column: 19,
    message: 'must be one of "in", "out"',
  },
  {
    name: 'firewall: invalid default policy',
    edit: sub(GLOBAL, '"default_input_policy": "DROP"', '"default_input_policy": "DENY"'),
    file: GLOBAL,
    line: 19,
    column: 29,
    message: 'firewall.default_input_policy must be one of "ACCEPT", "DROP", "REJECT"',
  },
];
