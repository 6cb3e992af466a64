import { describe, expect, it } from 'vitest';
import { checkRule, hostsOf, parseTraefikLabels } from '../../src/desired/traefik-labels.js';

describe('parseTraefikLabels: valid labels', () => {
  it('reads routers and services with every supported key', () => {
    const parsed = parseTraefikLabels([
      'traefik.enable=true',
      'traefik.http.routers.web.rule=Host(`app.lab.internal`) && PathPrefix(`/api`)',
      'traefik.http.routers.web.entrypoints=web, websecure',
      'traefik.http.routers.web.middlewares=lan-only@file,compress',
      'traefik.http.routers.web.service=api',
      'traefik.http.routers.web.priority=10',
      'traefik.http.routers.web.tls=true',
      'traefik.http.routers.web.tls.certresolver=internal',
      'traefik.http.services.api.loadbalancer.server.port=8080',
      'traefik.http.services.api.loadbalancer.server.scheme=https',
      'traefik.docker.network=proxy',
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.enabled).toBe(true);
    expect(parsed.routers.get('web')).toEqual({
      rule: 'Host(`app.lab.internal`) && PathPrefix(`/api`)',
      ruleIndex: 1,
      entryPoints: ['web', 'websecure'],
      middlewares: ['lan-only@file', 'compress'],
      service: 'api',
      priority: 10,
      tls: true,
      certResolver: 'internal',
    });
    expect(parsed.services.get('api')).toEqual({ port: 8080, portIndex: 8, scheme: 'https' });
  });

  it('keeps traefik.enable unset when it is not given, false when it says so', () => {
    expect(parseTraefikLabels(['traefik.http.routers.a.rule=Host(`a.lab`)']).enabled).toBeUndefined();
    expect(parseTraefikLabels(['traefik.enable=false']).enabled).toBe(false);
  });

  it('trims spaces around key and value', () => {
    const parsed = parseTraefikLabels([' traefik.http.routers.a.rule = Host(`a.lab`) ']);
    expect(parsed.problems).toEqual([]);
    expect(parsed.routers.get('a')?.rule).toBe('Host(`a.lab`)');
  });
});

describe('parseTraefikLabels: invalid labels', () => {
  it.each([
    ['no "="', 'traefik.enable', /not of the form key=value/],
    ['empty key', '=true', /not of the form key=value/],
    [
      'unsupported key',
      'traefik.http.routers.a.entrypoint=web',
      /unsupported Traefik label "traefik.http.routers.a.entrypoint"/,
    ],
    ['TCP router', 'traefik.tcp.routers.a.rule=HostSNI(`*`)', /unsupported Traefik label/],
    [
      'newline in a value',
      'traefik.http.routers.a.rule=Host(`a.lab`)\n|| Host(`evil`)',
      /contains a newline/,
    ],
    ['malformed rule', 'traefik.http.routers.a.rule=Host(a.lab)', /unexpected "." at 7/],
    ['traefik.enable not boolean', 'traefik.enable=yes', /traefik.enable must be true or false/],
    ['priority not a number', 'traefik.http.routers.a.priority=high', /priority must be a whole number/],
    ['negative priority', 'traefik.http.routers.a.priority=-1', /priority must be a whole number/],
    ['tls not boolean', 'traefik.http.routers.a.tls=yes', /tls must be true or false/],
    ['port not a number', 'traefik.http.services.a.loadbalancer.server.port=http', /invalid port "http"/],
    ['port out of range', 'traefik.http.services.a.loadbalancer.server.port=65536', /invalid port "65536"/],
    ['port with a fraction', 'traefik.http.services.a.loadbalancer.server.port=80.5', /invalid port "80.5"/],
    ['bad scheme', 'traefik.http.services.a.loadbalancer.server.scheme=h2c', /scheme must be http or https/],
    [
      'middleware with a backtick',
      'traefik.http.routers.a.middlewares=auth`x',
      /middleware "auth`x" is not a valid name/,
    ],
    [
      'entry point with a space',
      'traefik.http.routers.a.entrypoints=web secure',
      /entry point "web secure" is not a valid name/,
    ],
    ['service with a backtick', 'traefik.http.routers.a.service=api`', /service "api`" is not a valid name/],
    [
      'resolver with a space',
      'traefik.http.routers.a.tls.certresolver=my resolver',
      /certificate resolver "my resolver"/,
    ],
  ])('%s', (_name, label, message) => {
    const parsed = parseTraefikLabels(['traefik.enable=true', label]);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ index: 1, message: expect.stringMatching(message) });
  });

  it('a refused rule still marks its router, so "no rule" does not follow', () => {
    const parsed = parseTraefikLabels([
      'traefik.http.routers.a.rule=(Host(`a.lab`)',
      'traefik.http.routers.a.tls=true',
    ]);
    expect(parsed.routers.get('a')).toEqual({ ruleIndex: 0, tls: true });
    const newline = parseTraefikLabels(['traefik.http.routers.b.rule=Host(`b.lab`)\nx']);
    expect(newline.routers.get('b')).toEqual({ ruleIndex: 0 });
  });

  it('reports every problem, each with its label index', () => {
    const parsed = parseTraefikLabels([
      'nope',
      'traefik.enable=true',
      'traefik.http.routers.a.priority=x',
      'traefik.foo=1',
    ]);
    expect(parsed.problems.map((p) => p.index)).toEqual([0, 2, 3]);
  });
});

describe('checkRule', () => {
  it.each([
    'Host(`app.lab.internal`)',
    'Host(`APP.Lab.Internal`)',
    'Host(`app.lab.internal`) && PathPrefix(`/api`)',
    '(Host(`a.lab`) || Host(`b.lab`)) && !Path(`/admin`)',
    '!(Method(`POST`))',
    'HostRegexp(`^.+\\.lab\\.internal$`)',
    'Header(`X-Forwarded-Proto`, `https`)',
    'Query(`debug`)',
    'Query(`mobile`, `true`)',
    'ClientIP(`10.0.0.0/24`) && Host(`a.lab`)',
    'PathRegexp(`^/(api|v[0-9]+)/`)',
    'Host(`a.lab`)&&Path(`/x`)',
  ])('accepts %s', (rule) => {
    expect(checkRule(rule)).toBeUndefined();
  });

  it.each([
    ['newline', 'Host(`a.lab`)\n|| Host(`b.lab`)', /must not contain a newline/],
    ['newline inside a value', 'Host(`a.lab\nb`)', /must not contain a newline/],
    ['backtick inside the Host value', 'Host(`a`.lab`)', /unexpected "." at 9/],
    ['backtick after the rule', 'Host(`a.lab`)`', /unterminated backtick value at 14/],
    ['unclosed parenthesis', '(Host(`a.lab`)', /unbalanced parentheses: expected "\)"/],
    ['unmatched parenthesis', 'Host(`a.lab`))', /unbalanced parentheses: unexpected "\)"/],
    ['empty rule', '', /the rule is empty/],
    ['dangling operator', 'Host(`a.lab`) &&', /found the end of the rule/],
    ['missing operator', 'Host(`a.lab`) Path(`/`)', /unexpected "Path" at 15/],
    ['unknown matcher', 'Hots(`a.lab`)', /unknown matcher Hots/],
    ['lower-case matcher', 'host(`a.lab`)', /unknown matcher host/],
    ['quotes instead of backticks', 'Host("a.lab")', /values must be in backticks/],
    ['Host that is not a host name', 'Host(`a..lab`)', /not a valid host name/],
    ['Host with a port', 'Host(`a.lab:443`)', /not a valid host name/],
    ['Host with a space', 'Host(`a lab`)', /not a valid host name/],
    ["v2's Host with two values", 'Host(`a.lab`, `b.lab`)', /Host takes 1 value\(s\) in v3, found 2/],
    ['Header with one value', 'Header(`X-Debug`)', /Header takes 2 value\(s\) in v3, found 1/],
  ])('refuses %s', (_name, rule, message) => {
    expect(checkRule(rule)?.message).toMatch(message);
  });
});

describe('hostsOf', () => {
  it.each([
    ['Host(`a.lab`)', ['a.lab']],
    ['Host(`A.Lab`) || (Host(`b.lab`) && Path(`/x`))', ['a.lab', 'b.lab']],
    ['HostRegexp(`.*\\.lab`)', []],
    ['PathPrefix(`/api`)', []],
  ])('%s', (rule, hosts) => {
    expect(hostsOf(rule)).toEqual(hosts);
  });
});
