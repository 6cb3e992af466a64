/**
 * Traefik labels from a stack manifest → router and service definitions (pure).
 * Only the HTTP keys Phoenix can turn into file-provider config are accepted; anything else
 * is an error, so a typo never silently drops a route.
 */
import { checkRule as checkRuleSyntax } from '../providers/traefik/rule.js';
import { isHostname } from '../util/net.js';

export interface LabelRouter {
  rule?: string;
  /** Index of the label that gave the rule (set even when the rule was refused). */
  ruleIndex?: number;
  entryPoints?: string[];
  middlewares?: string[];
  service?: string;
  priority?: number;
  tls?: boolean;
  certResolver?: string;
}

export interface LabelService {
  port?: number;
  /** Index of the label that gave the port. */
  portIndex?: number;
  scheme?: 'http' | 'https';
}

export interface ParsedLabels {
  /** `traefik.enable`, when given: `false` turns the service's routes off. */
  enabled: boolean | undefined;
  routers: Map<string, LabelRouter>;
  services: Map<string, LabelService>;
  /** Problems, each naming the label index. */
  problems: { index: number; message: string; hint?: string }[];
}

const NAME = '[A-Za-z0-9][A-Za-z0-9_-]*';
const ROUTER_KEY = new RegExp(
  `^traefik\\.http\\.routers\\.(${NAME})\\.(rule|entrypoints|middlewares|service|priority|tls|tls\\.certresolver)$`,
  'i',
);
const SERVICE_KEY = new RegExp(
  `^traefik\\.http\\.services\\.(${NAME})\\.loadbalancer\\.server\\.(port|scheme)$`,
  'i',
);
/** Keys accepted and ignored: they only matter to Traefik's Docker provider. */
const IGNORED_KEY = /^traefik\.(docker\.network|docker\.lbswarm)$/i;
/** Entry point, service, resolver and middleware names (`name@provider` allowed). */
const REF_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*(@[A-Za-z0-9_-]+)?$/;

/** Parse `key=value` labels (already interpolated). */
export function parseTraefikLabels(labels: readonly string[]): ParsedLabels {
  const out: ParsedLabels = { enabled: undefined, routers: new Map(), services: new Map(), problems: [] };
  labels.forEach((label, index) => {
    const eq = label.indexOf('=');
    if (eq <= 0) {
      out.problems.push({ index, message: `label "${label}" is not of the form key=value` });
      return;
    }
    const key = label.slice(0, eq).trim();
    const value = label.slice(eq + 1).trim();
    const r = ROUTER_KEY.exec(key);
    const routerOf = (name: string) => out.routers.get(name) ?? out.routers.set(name, {}).get(name)!;
    // A refused rule still marks its router, so "has no rule" does not follow the real problem.
    if (r && r[2]!.toLowerCase() === 'rule') routerOf(r[1]!).ruleIndex = index;
    if (/[\r\n]/.test(value)) {
      out.problems.push({
        index,
        message: `label ${key} contains a newline`,
        hint: 'a label value is one line',
      });
      return;
    }
    if (/^traefik\.enable$/i.test(key)) {
      if (value !== 'true' && value !== 'false')
        out.problems.push({ index, message: `traefik.enable must be true or false, not "${value}"` });
      else out.enabled = value === 'true';
      return;
    }
    if (IGNORED_KEY.test(key)) return;
    if (r) {
      const problem = setRouterField(routerOf(r[1]!), r[2]!.toLowerCase(), value);
      if (problem) out.problems.push({ index, ...problem });
      return;
    }
    const s = SERVICE_KEY.exec(key);
    if (s) {
      const service = out.services.get(s[1]!) ?? {};
      out.services.set(s[1]!, service);
      if (s[2]!.toLowerCase() === 'port') {
        const port = Number(value);
        if (!/^\d+$/.test(value) || port < 1 || port > 65535)
          out.problems.push({ index, message: `label ${key}: invalid port "${value}"` });
        else Object.assign(service, { port, portIndex: index });
      } else if (value === 'http' || value === 'https') service.scheme = value;
      else
        out.problems.push({ index, message: `label ${key}: scheme must be http or https, not "${value}"` });
      return;
    }
    out.problems.push({
      index,
      message: `unsupported Traefik label "${key}"`,
      hint: 'supported: traefik.enable, traefik.http.routers.<name>.{rule,entrypoints,middlewares,service,priority,tls,tls.certresolver}, traefik.http.services.<name>.loadbalancer.server.{port,scheme}',
    });
  });
  return out;
}

function setRouterField(
  router: LabelRouter,
  field: string,
  value: string,
): { message: string; hint?: string } | undefined {
  const list = () =>
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const badName = (names: string[], what: string) => {
    const bad = names.find((n) => !REF_NAME.test(n));
    return bad === undefined
      ? undefined
      : {
          message: `${what} "${bad}" is not a valid name`,
          hint: 'letters, digits, "_", "-" and ".", optionally @provider',
        };
  };
  switch (field) {
    case 'rule': {
      const problem = checkRule(value);
      if (problem) return problem;
      router.rule = value;
      return undefined;
    }
    case 'entrypoints':
      router.entryPoints = list();
      return badName(router.entryPoints, 'entry point');
    case 'middlewares':
      router.middlewares = list();
      return badName(router.middlewares, 'middleware');
    case 'service':
      router.service = value;
      return badName([value], 'service');
    case 'priority': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0)
        return { message: `router priority must be a whole number, not "${value}"` };
      router.priority = n;
      return undefined;
    }
    case 'tls':
      if (value !== 'true' && value !== 'false')
        return { message: `router tls must be true or false, not "${value}"` };
      router.tls = value === 'true';
      return undefined;
    default:
      router.certResolver = value;
      router.tls = true;
      return badName([value], 'certificate resolver');
  }
}

/**
 * Check a Traefik v3 rule with the same grammar the Traefik target checks its file with
 * (providers/traefik/rule.ts), plus one thing only derivation cares about: every Host value
 * is a valid host name (it becomes a DNS record).
 */
export function checkRule(rule: string): { message: string; hint?: string } | undefined {
  const [problem] = checkRuleSyntax(rule);
  if (problem)
    return {
      message: `router rule "${rule}": ${problem}`,
      hint: 'use matchers like Host(`app.lab.internal`) joined with && or ||; one value per matcher',
    };
  const bad = hostsOf(rule).find((h) => !isHostname(h));
  return bad === undefined ? undefined : { message: `Host value "${bad}" is not a valid host name` };
}

/** The Host values of a rule. */
export function hostsOf(rule: string): string[] {
  return [...rule.matchAll(/\bHost\(`([^`]*)`\)/g)].map((m) => m[1]!.toLowerCase());
}
