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
    ['TCP rule with an HTTP matcher', 'traefik.tcp.routers.a.rule=Host(`a.lab`)', /unknown matcher Host/],
    [
      'TCP passthrough not boolean',
      'traefik.tcp.routers.a.tls.passthrough=yes',
      /tls.passthrough must be true or false/,
    ],
    [
      'insecureskipverify not boolean',
      'traefik.http.serverstransports.t.insecureskipverify=1',
      /must be true or false, not "1"/,
    ],
    [
      'serverstransport with a space',
      'traefik.http.services.a.loadbalancer.serverstransport=my transport',
      /serversTransport "my transport" is not a valid name/,
    ],
    [
      'HostSNI that is not a host name',
      'traefik.tcp.routers.a.rule=HostSNI(`a..lab`)',
      /HostSNI value "a..lab"/,
    ],
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
      'traefik.http.routers.a.tls=maybe',
    ]);
    expect(parsed.problems.map((p) => p.index)).toEqual([0, 2, 4]);
    expect(parsed.unsupported.map((p) => p.index)).toEqual([3]);
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

describe('parseTraefikLabels: TCP routers, serversTransports', () => {
  it('reads TCP routers and services with every supported key', () => {
    const parsed = parseTraefikLabels([
      'traefik.tcp.routers.db.rule=HostSNI(`db.lab.internal`)',
      'traefik.tcp.routers.db.entrypoints=websecure',
      'traefik.tcp.routers.db.service=pg',
      'traefik.tcp.routers.db.tls=true',
      'traefik.tcp.routers.db.tls.passthrough=true',
      'traefik.tcp.routers.db.tls.certresolver=internal',
      'traefik.tcp.services.pg.loadbalancer.server.port=5432',
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.routers.size).toBe(0);
    expect(parsed.tcpRouters.get('db')).toEqual({
      rule: 'HostSNI(`db.lab.internal`)',
      ruleIndex: 0,
      entryPoints: ['websecure'],
      service: 'pg',
      tls: true,
      passthrough: true,
      certResolver: 'internal',
    });
    expect(parsed.tcpServices.get('pg')).toEqual({ port: 5432, portIndex: 6 });
  });

  it('reads a serversTransport and the service that uses it', () => {
    const parsed = parseTraefikLabels([
      'traefik.http.services.ui.loadbalancer.serverstransport=skip',
      'traefik.http.serverstransports.skip.insecureskipverify=true',
      'traefik.http.serverstransports.strict.insecureskipverify=false',
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.services.get('ui')).toEqual({ serversTransport: 'skip', transportIndex: 0 });
    expect([...parsed.transports]).toEqual([
      ['skip', { insecureSkipVerify: true, index: 1 }],
      ['strict', { insecureSkipVerify: false, index: 2 }],
    ]);
  });
});

describe('parseTraefikLabels: unsupported keys are listed, not refused', () => {
  it.each([
    [
      'a near miss',
      'traefik.http.routers.web.entrypoint=web',
      'did you mean traefik.http.routers.web.entrypoints?',
    ],
    [
      'a TCP near miss',
      'traefik.tcp.routers.db.tls.passtrough=true',
      'did you mean traefik.tcp.routers.db.tls.passthrough?',
    ],
    ['a middleware definition', 'traefik.http.middlewares.auth.basicauth.users=x', /reads traefik.enable/],
    ['a UDP router', 'traefik.udp.routers.dns.entrypoints=dns', /reads traefik.enable/],
    ['a TCP router key Phoenix does not write', 'traefik.tcp.routers.db.priority=3', /reads traefik.enable/],
  ])('%s', (_name, label, hint) => {
    const parsed = parseTraefikLabels(['traefik.http.routers.web.rule=Host(`a.lab`)', label]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.unsupported).toEqual([
      {
        index: 1,
        message: `unsupported Traefik label "${label.split('=')[0]}" is ignored`,
        hint: typeof hint === 'string' ? hint : expect.stringMatching(hint),
      },
    ]);
    expect(parsed.routers.get('web')?.rule).toBe('Host(`a.lab`)');
  });

  it('labels outside traefik.* are not Traefik labels: neither problems nor unsupported', () => {
    const parsed = parseTraefikLabels(['com.centurylinklabs.watchtower.enable=true']);
    expect(parsed.problems).toEqual([]);
    expect(parsed.unsupported).toEqual([]);
  });
});

describe('hostsOf: HostSNI', () => {
  it.each([
    ['HostSNI(`DB.lab`)', ['db.lab']],
    ['HostSNI(`*`)', []],
    ['HostSNI(`a.lab`) || HostSNI(`b.lab`)', ['a.lab', 'b.lab']],
    ['HostSNIRegexp(`^.+\\.lab$`)', []],
  ])('%s', (rule, hosts) => {
    expect(hostsOf(rule)).toEqual(hosts);
  });

  it('checkRule checks TCP rules with the TCP grammar', () => {
    expect(checkRule('HostSNI(`db.lab`)', 'tcp')).toBeUndefined();
    expect(checkRule('HostSNI(`*`)', 'tcp')).toBeUndefined();
    expect(checkRule('Host(`db.lab`)', 'tcp')?.message).toMatch(/unknown matcher Host/);
    expect(checkRule('HostSNI(`db.lab`)')?.message).toMatch(/unknown matcher HostSNI/);
  });
});
