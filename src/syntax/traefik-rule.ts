/**
 * A checker for Traefik v3 router rules, HTTP and TCP (one value per matcher, values in
 * backticks, `&&` / `||` / `!` / parentheses). It does not evaluate rules; it refuses what
 * Traefik would refuse — or, worse, parse differently — before the file goes live.
 *
 *   expr    := and ('||' and)*
 *   and     := unary ('&&' unary)*
 *   unary   := '!' unary | '(' expr ')' | matcher
 *   matcher := Name '(' `value` (',' `value`)* ')'
 */

/** Which router a rule belongs to: the two kinds have different matchers. */
export type RuleKind = 'http' | 'tcp';

/** v3 HTTP matchers and how many backtick values each takes. */
const HTTP_MATCHERS: Record<string, [min: number, max: number]> = {
  Host: [1, 1],
  HostRegexp: [1, 1],
  Path: [1, 1],
  PathPrefix: [1, 1],
  PathRegexp: [1, 1],
  Method: [1, 1],
  Header: [2, 2],
  HeaderRegexp: [2, 2],
  Query: [1, 2],
  QueryRegexp: [1, 2],
  ClientIP: [1, 1],
};

/** v3 TCP matchers (HostSNI(`*`) is the catch-all of a non-TLS router). */
const TCP_MATCHERS: Record<string, [min: number, max: number]> = {
  HostSNI: [1, 1],
  HostSNIRegexp: [1, 1],
  ClientIP: [1, 1],
  ALPN: [1, 1],
};

const MATCHERS: Record<RuleKind, Record<string, [min: number, max: number]>> = {
  http: HTTP_MATCHERS,
  tcp: TCP_MATCHERS,
};

type Token = { kind: 'name' | 'value' | '(' | ')' | ',' | '&&' | '||' | '!'; text: string; at: number };

function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const c = rule[i] ?? '';
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '`') {
      const end = rule.indexOf('`', i + 1);
      if (end === -1) throw new Error(`unterminated backtick value at ${i + 1}`);
      tokens.push({ kind: 'value', text: rule.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (c === '"' || c === "'") {
      throw new Error(`values must be in backticks, found ${c} at ${i + 1}`);
    } else if (rule.startsWith('&&', i) || rule.startsWith('||', i)) {
      tokens.push({ kind: rule.slice(i, i + 2) as '&&' | '||', text: rule.slice(i, i + 2), at: i });
      i += 2;
    } else if ('(),!'.includes(c)) {
      tokens.push({ kind: c as '(' | ')' | ',' | '!', text: c, at: i });
      i++;
    } else if (/[A-Za-z]/.test(c)) {
      const m = /^[A-Za-z][A-Za-z0-9]*/.exec(rule.slice(i));
      const text = m?.[0] ?? c;
      tokens.push({ kind: 'name', text, at: i });
      i += text.length;
    } else {
      throw new Error(`unexpected "${c}" at ${i + 1}`);
    }
  }
  return tokens;
}

/** Problems with `rule` (empty when it parses), e.g. `unbalanced parentheses`. */
export function checkRule(rule: string, kind: RuleKind = 'http'): string[] {
  const matchers = MATCHERS[kind];
  if (/[\r\n]/.test(rule)) return ['a rule must not contain a newline'];
  if (!rule.trim()) return ['the rule is empty'];
  let tokens: Token[];
  try {
    tokens = tokenize(rule);
  } catch (err) {
    return [(err as Error).message];
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const where = () => (peek() ? `"${peek()?.text}" at ${(peek()?.at ?? 0) + 1}` : 'the end of the rule');
  const expect = (kind: Token['kind']): Token => {
    const t = peek();
    if (t?.kind !== kind)
      throw new Error(`expected ${kind === 'value' ? 'a `value`' : `"${kind}"`} but found ${where()}`);
    pos++;
    return t;
  };
  const matcher = (): void => {
    const name = expect('name');
    const arity = matchers[name.text];
    if (!arity)
      throw new Error(
        `unknown matcher ${name.text} (v3 ${kind.toUpperCase()} routers have ${Object.keys(matchers).join(', ')})`,
      );
    expect('(');
    let n = 0;
    for (;;) {
      const v = expect('value');
      if (!v.text) throw new Error(`${name.text} has an empty value`);
      n++;
      if (peek()?.kind !== ',') break;
      pos++;
    }
    expect(')');
    if (n < arity[0] || n > arity[1]) {
      throw new Error(
        `${name.text} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]}–${arity[1]}`} value(s) in v3, found ${n}`,
      );
    }
  };
  const unary = (): void => {
    const t = peek();
    if (t?.kind === '!') {
      pos++;
      unary();
    } else if (t?.kind === '(') {
      pos++;
      expr();
      if (peek()?.kind !== ')') throw new Error(`unbalanced parentheses: expected ")" but found ${where()}`);
      pos++;
    } else matcher();
  };
  const and = (): void => {
    unary();
    while (peek()?.kind === '&&') {
      pos++;
      unary();
    }
  };
  const expr = (): void => {
    and();
    while (peek()?.kind === '||') {
      pos++;
      and();
    }
  };
  try {
    expr();
    if (pos < tokens.length) {
      throw new Error(
        peek()?.kind === ')'
          ? `unbalanced parentheses: unexpected ")" at ${(peek()?.at ?? 0) + 1}`
          : `unexpected ${where()}`,
      );
    }
  } catch (err) {
    return [(err as Error).message];
  }
  return [];
}
