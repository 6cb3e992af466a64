/** The words inside the boxes: a firewall policy, a rule, a route's backends. */
import type { FirewallPolicy, FirewallRule } from '../desired/types.js';

/** `firewall in DROP · out ACCEPT`, or `firewall off`. */
export function policyLine(what: string, p: FirewallPolicy): string {
  return p.enabled ? `${what} in ${p.policyIn} · out ${p.policyOut}` : `${what} off`;
}

/** One rule in a few words: `in tcp/9001 ← 10.0.0.101`, `in DNS ← 10.0.0.0/24`, `out REJECT tcp/25`. */
export function ruleLine(r: FirewallRule): string {
  const macro = /^([A-Za-z0-9_-]+)\((ACCEPT|DROP|REJECT)\)$/.exec(r.action);
  const verdict = macro ? macro[2]! : r.action;
  const what = r.proto ? `${r.proto}${r.dport ? `/${r.dport}` : ''}` : r.dport ? `port ${r.dport}` : '';
  const parts = [verdict === 'ACCEPT' ? '' : verdict, macro ? macro[1]! : '', what].filter(Boolean);
  const peer = r.direction === 'in' ? r.source : r.dest;
  const other = r.direction === 'in' ? r.dest : r.source;
  return [
    r.direction,
    parts.join(' ') || 'all',
    peer ? `${r.direction === 'in' ? '←' : '→'} ${peer}` : '',
    other ? `(${r.direction === 'in' ? 'to' : 'from'} ${other})` : '',
    r.iface ? `on ${r.iface}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** `→ http://10.0.0.102:6333`, `→ tcp 10.0.0.5:5432`. */
export function backendLine(urls: readonly string[], protocol: 'tcp' | undefined): string {
  return `→ ${protocol === 'tcp' ? 'tcp ' : ''}${urls.join(', ') || '(no backend)'}`;
}
