/**
 * Validation of a Traefik dynamic configuration before it is written: the vendored Traefik
 * v3 JSON Schema (contracts/, Apache-2.0, SchemaStore) plus the checks the schema cannot
 * make — every router's service exists, rules parse, names carry no `@` (DOMAIN.md).
 * In directory mode one invalid file blocks every file from updating, so this is strict.
 */
import { readFileSync } from 'node:fs';
import AjvModule, { type ValidateFunction } from 'ajv';
import { checkRule } from './rule.js';

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

interface LooseConfig {
  http?: {
    routers?: Record<
      string,
      { rule?: unknown; service?: unknown; middlewares?: unknown; entryPoints?: unknown }
    >;
    services?: Record<
      string,
      { loadBalancer?: { servers?: { url?: unknown }[]; serversTransport?: unknown } }
    >;
    serversTransports?: Record<string, { rootCAs?: unknown }>;
  };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Checks beyond the schema. A reference with `@` points at another provider and is not checked. */
export function semanticProblems(config: unknown): string[] {
  const http = (config as LooseConfig | null)?.http ?? {};
  const problems: string[] = [];
  const routers = http.routers ?? {};
  const services = http.services ?? {};
  const transports = http.serversTransports ?? {};
  for (const [kind, map] of [
    ['router', routers],
    ['service', services],
    ['serversTransport', transports],
  ] as const) {
    for (const name of Object.keys(map)) {
      if (name.includes('@'))
        problems.push(`${kind} name ${name} must not contain "@" (it names another provider)`);
      else if (!NAME.test(name))
        problems.push(`${kind} name "${name}" must be letters, digits, "-", "_" or "."`);
    }
  }
  for (const [name, r] of Object.entries(routers)) {
    if (typeof r.rule === 'string')
      problems.push(...checkRule(r.rule).map((p) => `router ${name}: rule ${p}`));
    const svc = r.service;
    if (typeof svc === 'string' && !svc.includes('@') && !(svc in services)) {
      problems.push(`router ${name}: service ${svc} does not exist in this file`);
    }
    for (const list of [r.middlewares, r.entryPoints]) {
      if (Array.isArray(list) && list.some((m) => typeof m !== 'string' || /[\s`]/.test(m) || m === '')) {
        problems.push(`router ${name}: middlewares and entryPoints must be plain names`);
      }
    }
  }
  for (const [name, s] of Object.entries(services)) {
    for (const server of s.loadBalancer?.servers ?? []) {
      if (!isBackendUrl(server.url))
        problems.push(`service ${name}: server url ${String(server.url)} is not an http(s) URL`);
    }
    const t = s.loadBalancer?.serversTransport;
    if (typeof t === 'string' && !t.includes('@') && !(t in transports)) {
      problems.push(
        `service ${name}: serversTransport ${t} is not defined (set sync.traefik.ca_file for ${t})`,
      );
    }
  }
  for (const [name, t] of Object.entries(transports)) {
    if (!Array.isArray(t.rootCAs) || t.rootCAs.some((c) => typeof c !== 'string' || c === '')) {
      problems.push(`serversTransport ${name}: rootCAs must be a list of CA file paths`);
    }
  }
  return problems;
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
