import { describe, expect, it } from 'vitest';
import { checkRule } from '../../src/syntax/traefik-rule.js';

describe('Traefik v3 rule checker', () => {
  it.each([
    'Host(`a.lab`)',
    'Host(`a.lab`) || Host(`b.lab`)',
    'Host(`a.lab`) && PathPrefix(`/api`)',
    '(Host(`a.lab`) || Host(`b.lab`)) && !PathPrefix(`/admin`)',
    'Header(`X-Env`, `prod`) && Method(`GET`)',
    'Query(`debug`)',
    'ClientIP(`10.0.0.0/8`)',
    'HostRegexp(`^.+\\.lab$`)',
  ])('accepts %s', (rule) => {
    expect(checkRule(rule)).toEqual([]);
  });

  it.each([
    ['', 'the rule is empty'],
    ['Host(`a.lab`)\n|| Host(`b`)', 'a rule must not contain a newline'],
    ['Host("a.lab")', 'values must be in backticks, found " at 6'],
    ['Host(`a.lab`', 'expected ")" but found the end of the rule'],
    ['Host(`a.lab`))', 'unbalanced parentheses: unexpected ")" at 14'],
    ['(Host(`a.lab`)', 'unbalanced parentheses: expected ")" but found the end of the rule'],
    ['Host(`a.lab`) ||', 'expected "name" but found the end of the rule'],
    ['Host(`a.lab`) Host(`b.lab`)', 'unexpected "Host" at 15'],
    ['Host(`a.lab`, `b.lab`)', 'Host takes 1 value(s) in v3, found 2'],
    ['Hots(`a.lab`)', 'unknown matcher Hots'],
    ['Host(`a.lab)', 'unterminated backtick value at 6'],
    ['Host(``)', 'Host has an empty value'],
    ['Host(`a`) | Host(`b`)', 'unexpected "|" at 11'],
    ['Header(`X`)', 'Header takes 2 value(s) in v3, found 1'],
  ])('refuses %j', (rule, problem) => {
    const problems = checkRule(rule);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
});

describe('Traefik v3 TCP rule checker', () => {
  it.each([
    'HostSNI(`*`)',
    'HostSNI(`db.lab`)',
    'HostSNI(`a.lab`) || HostSNI(`b.lab`)',
    'HostSNIRegexp(`^.+\\.lab$`)',
    'HostSNI(`db.lab`) && ClientIP(`10.0.0.0/8`)',
    'ALPN(`h2`) && !HostSNI(`x.lab`)',
  ])('accepts %s', (rule) => {
    expect(checkRule(rule, 'tcp')).toEqual([]);
  });

  it.each([
    ['Host(`a.lab`)', 'unknown matcher Host (v3 TCP routers have HostSNI, HostSNIRegexp, ClientIP, ALPN)'],
    ['HostSNI(`a.lab`, `b.lab`)', 'HostSNI takes 1 value(s) in v3, found 2'],
    ['HostSNI(`a.lab`', 'expected ")" but found the end of the rule'],
    ['HostSNI(``)', 'HostSNI has an empty value'],
    ['PathPrefix(`/`)', 'unknown matcher PathPrefix'],
  ])('refuses %j', (rule, problem) => {
    const problems = checkRule(rule, 'tcp');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('HostSNI is not an HTTP matcher', () => {
    expect(checkRule('HostSNI(`a.lab`)')).toEqual([
      expect.stringContaining('unknown matcher HostSNI (v3 HTTP routers have Host,'),
    ]);
  });
});
