/**
 * Traefik labels from a stack manifest → router, service and transport definitions (pure).
 * The HTTP and TCP keys Phoenix can turn into file-provider config are read; an invalid
 * value of one of them is a problem (an error), so a typo never silently changes a route.
 * Any other `traefik.*` key is listed as unsupported (a warning, then ignored): real
 * manifests carry keys only Traefik's Docker provider understands. Labels outside
 * `traefik.*` are not Traefik's and are left alone (they still reach the compose file).
 */
import { didYouMean } from '../config/diagnostics.js';
import { checkRule as checkRuleSyntax, type RuleKind } from '../syntax/traefik-rule.js';
import { isHostname } from '../util/net.js';

/** A router read from labels (HTTP or TCP). */
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
  /** TCP only: TLS passes through to the backend. */
  passthrough?: boolean;
}

/** A service read from labels (HTTP or TCP). */
export interface LabelService {
  port?: number;
  /** Index of the label that gave the port. */
  portIndex?: number;
  scheme?: 'http' | 'https';
  /** `loadbalancer.serverstransport`: a transport of these labels, or `name@provider`. */
  serversTransport?: string;
  /** Index of the label that named the transport. */
  transportIndex?: number;
}

/** A serversTransport defined by `traefik.http.serverstransports.<name>.insecureskipverify`. */
export interface LabelTransport {
  insecureSkipVerify: boolean;
  index: number;
}

/** A label that is not usable: its index, what is wrong, and how to fix it. */
export interface LabelProblem {
  index: number;
  message: string;
  hint?: string;
}

export interface ParsedLabels {
  /** `traefik.enable`, when given: `false` turns the service's routes off. */
  enabled: boolean | undefined;
  routers: Map<string, LabelRouter>;
  services: Map<string, LabelService>;
  tcpRouters: Map<string, LabelRouter>;
  tcpServices: Map<string, LabelService>;
  transports: Map<string, LabelTransport>;
  /** Invalid values of supported keys (errors), each naming the label index. */
  problems: LabelProblem[];
  /** `traefik.*` keys Phoenix does not support (warnings; the label is ignored). */
  unsupported: LabelProblem[];
}

const NAME = '[A-Za-z0-9][A-Za-z0-9_-]*';
const HTTP_ROUTER_FIELDS = [
  'rule',
  'entrypoints',
  'middlewares',
  'service',
  'priority',
  'tls',
  'tls.certresolver',
];
const TCP_ROUTER_FIELDS = ['rule', 'entrypoints', 'service', 'tls', 'tls.passthrough', 'tls.certresolver'];
const HTTP_SERVICE_FIELDS = [
  'loadbalancer.server.port',
  'loadbalancer.server.scheme',
  'loadbalancer.serverstransport',
];
const TCP_SERVICE_FIELDS = ['loadbalancer.server.port'];
const TRANSPORT_FIELDS = ['insecureskipverify'];

const keyPattern = (prefix: string, fields: string[]) =>
  new RegExp(
    `^traefik\\.${prefix}\\.(${NAME})\\.(${fields.map((f) => f.replace(/\./g, '\\.')).join('|')})$`,
    'i',
  );
const HTTP_ROUTER_KEY = keyPattern('http\\.routers', HTTP_ROUTER_FIELDS);
const TCP_ROUTER_KEY = keyPattern('tcp\\.routers', TCP_ROUTER_FIELDS);
const HTTP_SERVICE_KEY = keyPattern('http\\.services', HTTP_SERVICE_FIELDS);
const TCP_SERVICE_KEY = keyPattern('tcp\\.services', TCP_SERVICE_FIELDS);
const TRANSPORT_KEY = keyPattern('http\\.serverstransports', TRANSPORT_FIELDS);

/** Keys accepted and ignored: they only matter to Traefik's Docker provider. */
const IGNORED_KEY = /^traefik\.(docker\.network|docker\.lbswarm)$/i;
/** Entry point, service, resolver, transport and middleware names (`name@provider` allowed). */
const REF_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*(@[A-Za-z0-9_-]+)?$/;

/** Every supported key with `<name>` for the name part, for "did you mean" hints. */
const SUPPORTED = [
  'traefik.enable',
  ...HTTP_ROUTER_FIELDS.map((f) => `traefik.http.routers.<name>.${f}`),
  ...HTTP_SERVICE_FIELDS.map((f) => `traefik.http.services.<name>.${f}`),
  ...TRANSPORT_FIELDS.map((f) => `traefik.http.serverstransports.<name>.${f}`),
  ...TCP_ROUTER_FIELDS.map((f) => `traefik.tcp.routers.<name>.${f}`),
  ...TCP_SERVICE_FIELDS.map((f) => `traefik.tcp.services.<name>.${f}`),
];

/** Parse `key=value` labels (already interpolated). */
export function parseTraefikLabels(labels: readonly string[]): ParsedLabels {
  const out: ParsedLabels = {
    enabled: undefined,
    routers: new Map(),
    services: new Map(),
    tcpRouters: new Map(),
    tcpServices: new Map(),
    transports: new Map(),
    problems: [],
    unsupported: [],
  };
  const entry = <T extends object>(map: Map<string, T>, name: string): T =>
    map.get(name) ?? map.set(name, {} as T).get(name)!;
  labels.forEach((label, index) => {
    const eq = label.indexOf('=');
    if (eq <= 0) {
      out.problems.push({ index, message: `label "${label}" is not of the form key=value` });
      return;
    }
    const key = label.slice(0, eq).trim();
    const value = label.slice(eq + 1).trim();
    const http = HTTP_ROUTER_KEY.exec(key);
    const tcp = TCP_ROUTER_KEY.exec(key);
    // A refused rule still marks its router, so "has no rule" does not follow the real problem.
    if (http && http[2]!.toLowerCase() === 'rule') entry(out.routers, http[1]!).ruleIndex = index;
    if (tcp && tcp[2]!.toLowerCase() === 'rule') entry(out.tcpRouters, tcp[1]!).ruleIndex = index;
    if (/[\r\n]/.test(value)) {
      out.problems.push({
        index,
        message: `label ${key} contains a newline`,
        hint: 'a label value is one line',
      });
      return;
    }
    const problem = (p: Omit<LabelProblem, 'index'> | undefined) => {
      if (p) out.problems.push({ index, ...p });
    };
    if (/^traefik\.enable$/i.test(key)) {
      if (value !== 'true' && value !== 'false')
        problem({ message: `traefik.enable must be true or false, not "${value}"` });
      else out.enabled = value === 'true';
      return;
    }
    if (IGNORED_KEY.test(key)) return;
    if (http)
      return problem(setRouterField(entry(out.routers, http[1]!), http[2]!.toLowerCase(), value, 'http'));
    if (tcp)
      return problem(setRouterField(entry(out.tcpRouters, tcp[1]!), tcp[2]!.toLowerCase(), value, 'tcp'));
    const hs = HTTP_SERVICE_KEY.exec(key) ?? TCP_SERVICE_KEY.exec(key);
    if (hs) {
      const map = /^traefik\.tcp\./i.test(key) ? out.tcpServices : out.services;
      return problem(setServiceField(entry(map, hs[1]!), hs[2]!.toLowerCase(), key, value, index));
    }
    const t = TRANSPORT_KEY.exec(key);
    if (t) {
      if (value !== 'true' && value !== 'false')
        return problem({ message: `label ${key} must be true or false, not "${value}"` });
      out.transports.set(t[1]!, { insecureSkipVerify: value === 'true', index });
      return;
    }
    if (/^traefik\./i.test(key)) out.unsupported.push({ index, ...unsupported(key) });
  });
  return out;
}

/** The warning for an unsupported `traefik.*` key, with a "did you mean" when it is a near miss. */
function unsupported(key: string): { message: string; hint: string } {
  const parts = key.split('.');
  // traefik.<http|tcp>.<routers|services|serverstransports>.<name>.<field…>: compare without the name.
  const named = parts.length > 4 && /^(http|tcp)$/i.test(parts[1]!);
  const shape = named ? [...parts.slice(0, 3), '<name>', ...parts.slice(4)].join('.') : key;
  // Only keys of the same protocol: an HTTP key is no fix for a TCP router.
  const candidates = named
    ? SUPPORTED.filter((k) => k.startsWith(`traefik.${parts[1]!.toLowerCase()}.`))
    : SUPPORTED;
  const near = didYouMean(shape.toLowerCase(), candidates, 3);
  return {
    message: `unsupported Traefik label "${key}" is ignored`,
    hint: near
      ? `did you mean ${named ? near.replace('<name>', parts[3]!) : near}?`
      : 'Phoenix writes routes to a file: it reads traefik.enable, traefik.http.routers/services/serverstransports and traefik.tcp.routers/services keys',
  };
}

function setServiceField(
  service: LabelService,
  field: string,
  key: string,
  value: string,
  index: number,
): Omit<LabelProblem, 'index'> | undefined {
  if (field === 'loadbalancer.server.port') {
    const port = Number(value);
    if (!/^\d+$/.test(value) || port < 1 || port > 65535)
      return { message: `label ${key}: invalid port "${value}"` };
    Object.assign(service, { port, portIndex: index });
  } else if (field === 'loadbalancer.serverstransport') {
    if (!REF_NAME.test(value))
      return {
        message: `serversTransport "${value}" is not a valid name`,
        hint: 'letters, digits, "_", "-" and ".", optionally @provider',
      };
    Object.assign(service, { serversTransport: value, transportIndex: index });
  } else if (value === 'http' || value === 'https') service.scheme = value;
  else return { message: `label ${key}: scheme must be http or https, not "${value}"` };
  return undefined;
}

function setRouterField(
  router: LabelRouter,
  field: string,
  value: string,
  kind: RuleKind,
): Omit<LabelProblem, 'index'> | undefined {
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
  const bool = (what: string, set: (b: boolean) => void) => {
    if (value !== 'true' && value !== 'false')
      return { message: `router ${what} must be true or false, not "${value}"` };
    set(value === 'true');
    return undefined;
  };
  switch (field) {
    case 'rule': {
      const problem = checkRule(value, kind);
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
      return bool('tls', (b) => (router.tls = b));
    case 'tls.passthrough':
      return bool('tls.passthrough', (b) => {
        router.passthrough = b;
        if (b) router.tls = true;
      });
    default:
      router.certResolver = value;
      router.tls = true;
      return badName([value], 'certificate resolver');
  }
}

/**
 * Check a Traefik v3 rule with the same grammar the Traefik target checks its file with
 * (syntax/traefik-rule.ts), plus what only derivation cares about: every Host or HostSNI
 * value is a valid host name (it becomes a DNS record), and a TCP rule names its hosts.
 */
export function checkRule(
  rule: string,
  kind: RuleKind = 'http',
): { message: string; hint?: string } | undefined {
  const [problem] = checkRuleSyntax(rule, kind);
  if (problem)
    return {
      message: `router rule "${rule}": ${problem}`,
      hint:
        kind === 'tcp'
          ? 'use matchers like HostSNI(`db.lab.internal`) joined with && or ||; one value per matcher'
          : 'use matchers like Host(`app.lab.internal`) joined with && or ||; one value per matcher',
    };
  const bad = hostsOf(rule).find((h) => !isHostname(h));
  return bad === undefined
    ? undefined
    : { message: `${kind === 'tcp' ? 'HostSNI' : 'Host'} value "${bad}" is not a valid host name` };
}

/** The Host and HostSNI values of a rule (lower case; the HostSNI catch-all `*` is not a host). */
export function hostsOf(rule: string): string[] {
  return [...rule.matchAll(/\bHost(?:SNI)?\(`([^`]*)`\)/g)]
    .map((m) => m[1]!.toLowerCase())
    .filter((h) => h !== '*');
}
