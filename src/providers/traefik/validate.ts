/**
 * Validation of a Traefik dynamic configuration before it is written: the vendored Traefik
 * v3 JSON Schema (contracts/, Apache-2.0, SchemaStore) plus the checks the schema cannot
 * make — every router's service exists, rules parse (HTTP and TCP grammars), a TCP router that
 * matches a HostSNI does TLS, backends are addresses, names carry no `@`.
 * In directory mode one invalid file blocks every file from updating, so this is strict.
 */
import { readFileSync } from 'node:fs';
import AjvModule, { type ValidateFunction } from 'ajv';
import { INTERNAL_CA_TRANSPORT } from '../../desired/label-routes.js';
import { checkRule, type RuleKind } from '../../syntax/traefik-rule.js';

// ajv's CommonJS default export needs this under NodeNext.
const Ajv = AjvModule.default;

/**
 * The vendored schema, found relative to this module: src/providers/traefik/ and
 * dist/providers/traefik/ are both three levels below the package root.
 */
export const SCHEMA_URL = new URL('../../../contracts/traefik-v3-file-provider.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
    // Draft-07 with vendor keywords: strict mode would reject the schema itself.
    compiled = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return compiled;
}

/** Schema problems as `/http/routers/x/rule: must be string`. */
export function schemaProblems(config: unknown): string[] {
  const validate = schemaValidator();
  if (validate(config)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

interface LooseRouter {
  rule?: unknown;
  service?: unknown;
  middlewares?: unknown;
  entryPoints?: unknown;
  tls?: unknown;
}

interface LooseConfig {
  http?: {
    routers?: Record<string, LooseRouter>;
    services?: Record<
      string,
      { loadBalancer?: { servers?: { url?: unknown }[]; serversTransport?: unknown } }
    >;
    serversTransports?: Record<string, { rootCAs?: unknown; insecureSkipVerify?: unknown }>;
  };
  tcp?: {
    routers?: Record<string, LooseRouter>;
    services?: Record<string, { loadBalancer?: { servers?: { address?: unknown }[] } }>;
  };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Checks beyond the schema. A reference with `@` points at another provider and is not checked. */
export function semanticProblems(config: unknown): string[] {
  const c = config as LooseConfig | null;
  const http = c?.http ?? {};
  const tcp = c?.tcp ?? {};
  const problems: string[] = [];
  const services = http.services ?? {};
  const transports = http.serversTransports ?? {};
  for (const [kind, map] of [
    ['router', http.routers ?? {}],
    ['service', services],
    ['serversTransport', transports],
    ['TCP router', tcp.routers ?? {}],
    ['TCP service', tcp.services ?? {}],
  ] as const) {
    for (const name of Object.keys(map)) {
      if (name.includes('@'))
        problems.push(`${kind} name ${name} must not contain "@" (it names another provider)`);
      else if (!NAME.test(name))
        problems.push(`${kind} name "${name}" must be letters, digits, "-", "_" or "."`);
    }
  }
  problems.push(...routerProblems('router', http.routers ?? {}, services, 'http'));
  problems.push(...routerProblems('TCP router', tcp.routers ?? {}, tcp.services ?? {}, 'tcp'));
  for (const [name, s] of Object.entries(services)) {
    for (const server of s.loadBalancer?.servers ?? []) {
      if (!isBackendUrl(server.url))
        problems.push(`service ${name}: server url ${String(server.url)} is not an http(s) URL`);
    }
    const t = s.loadBalancer?.serversTransport;
    if (typeof t === 'string' && !t.includes('@') && !(t in transports)) {
      problems.push(
        t === INTERNAL_CA_TRANSPORT
          ? `service ${name}: serversTransport ${t} is not defined (set sync.traefik.ca_file for ${t})`
          : `service ${name}: serversTransport ${t} is not defined in this file`,
      );
    }
  }
  for (const [name, s] of Object.entries(tcp.services ?? {})) {
    for (const server of s.loadBalancer?.servers ?? []) {
      if (!isAddress(server.address))
        problems.push(`TCP service ${name}: server address ${String(server.address)} is not host:port`);
    }
  }
  for (const [name, t] of Object.entries(transports)) {
    if (
      t.rootCAs !== undefined &&
      (!Array.isArray(t.rootCAs) || t.rootCAs.some((c) => typeof c !== 'string' || c === ''))
    )
      problems.push(`serversTransport ${name}: rootCAs must be a list of CA file paths`);
    if (t.insecureSkipVerify !== undefined && typeof t.insecureSkipVerify !== 'boolean')
      problems.push(`serversTransport ${name}: insecureSkipVerify must be true or false`);
    if (t.rootCAs === undefined && t.insecureSkipVerify === undefined)
      problems.push(`serversTransport ${name}: sets neither rootCAs nor insecureSkipVerify`);
  }
  return problems;
}

/** Rule, service reference, names, and (TCP) HostSNI needing TLS, of every router of one kind. */
function routerProblems(
  kind: string,
  routers: Record<string, LooseRouter>,
  services: Record<string, unknown>,
  grammar: RuleKind,
): string[] {
  const problems: string[] = [];
  for (const [name, r] of Object.entries(routers)) {
    if (typeof r.rule === 'string') {
      problems.push(...checkRule(r.rule, grammar).map((p) => `${kind} ${name}: rule ${p}`));
      // SNI is part of TLS: Traefik refuses a HostSNI other than `*` on a router without TLS.
      if (grammar === 'tcp' && r.tls === undefined && /HostSNI\(`(?!\*`)/.test(r.rule))
        problems.push(`${kind} ${name}: a HostSNI rule other than HostSNI(\`*\`) needs tls`);
    }
    const svc = r.service;
    if (typeof svc === 'string' && !svc.includes('@') && !(svc in services)) {
      problems.push(`${kind} ${name}: service ${svc} does not exist in this file`);
    }
    for (const list of [r.middlewares, r.entryPoints]) {
      if (Array.isArray(list) && list.some((m) => typeof m !== 'string' || /[\s`]/.test(m) || m === '')) {
        problems.push(`${kind} ${name}: middlewares and entryPoints must be plain names`);
      }
    }
  }
  return problems;
}

/** `host:port` (IPv6 in brackets), as a TCP server address. */
function isAddress(address: unknown): boolean {
  if (typeof address !== 'string') return false;
  const m = /^(\[[^\]]+\]|[^:[\]]+):(\d{1,5})$/.exec(address);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 65535;
}

function isBackendUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** Every problem of a configuration: schema first, then our own checks. */
export function traefikProblems(config: unknown): string[] {
  return [...schemaProblems(config), ...semanticProblems(config)];
}
