/**
 * What a notification says, and how each kind of receiver wants it (pure):
 * - `webhook`: a JSON document (`event`, `title`, `message`, the run without its plan text);
 * - `ntfy`: the message as the plain-text body of a POST to the topic URL, the title,
 *   priority and tags in ntfy's `Title`, `Priority` and `Tags` headers;
 * - `apprise`: the Apprise API's JSON (`title`, `body`, `type` of info/success/warning/failure,
 *   `format`) POSTed to its `/notify/<key>` (or stateless `/notify`) URL.
 * Every text goes through the redactor before it leaves; a token goes in the Authorization
 * header only.
 */
import type { RunChange, RunRecord } from '../history/types.js';
import type { Redactor } from '../secrets.js';

/** Why a notification is sent. */
export type NotifyEvent = 'failure' | 'drift' | 'recovery';

/** The kinds of receiver `sync.notify[].type` names. */
export type NotifyType = 'webhook' | 'ntfy' | 'apprise';

/** One notification about one run. */
export interface Notice {
  event: NotifyEvent;
  run: RunRecord;
  /** The failed run a recovery follows, when known. */
  previous?: RunRecord;
}

/** An HTTP request ready to send. */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** At most this many changes are listed in a message (the run page has them all). */
const MAX_LISTED = 20;
/** At most this many changes travel in a webhook's JSON. */
const MAX_JSON_CHANGES = 200;

/** The one-line title of a notice. */
export function title(n: Notice): string {
  const r = n.run;
  if (n.event === 'failure') return `Phoenix: run #${r.id} failed (${r.command}, ${r.trigger})`;
  if (n.event === 'drift') return `Phoenix: drift, ${pending(r).length} change(s) pending (run #${r.id})`;
  return `Phoenix: recovered, run #${r.id} ok (${r.command}, ${r.trigger})`;
}

/** The message of a notice as plain text lines. */
export function message(n: Notice): string {
  const r = n.run;
  const at = r.commit ? ` at commit ${r.commit.slice(0, 12)}` : '';
  const lines: string[] = [];
  if (n.event === 'failure') {
    lines.push(
      `Run #${r.id} (${r.command}, ${r.trigger})${at} by ${r.who} failed, exit code ${r.exitCode ?? '?'}.`,
    );
    if (r.error) lines.push(r.error);
    const failed = r.changes.filter((c) => c.status === 'failed');
    if (failed.length)
      lines.push('Failed:', ...listed(failed, (c) => `${line(c)}${c.error ? `: ${c.error}` : ''}`));
  } else if (n.event === 'drift') {
    lines.push(`The live estate differs from the root${at} (drift check, run #${r.id}):`);
    lines.push(...listed(pending(r), line));
  } else {
    const after = n.previous ? ` after failed run #${n.previous.id}` : '';
    lines.push(`Run #${r.id} (${r.command}, ${r.trigger})${at} by ${r.who} succeeded${after}.`);
  }
  const s = r.summary;
  lines.push(`Plan: +${s.create} ~${s.update} -${s.delete}, ${s.blocked} held back, ${s.noop} unchanged.`);
  return lines.join('\n');
}

/** The request one receiver gets for a notice, every text redacted. */
export function outgoing(
  type: NotifyType,
  url: string,
  token: string | undefined,
  n: Notice,
  redactor: Redactor,
): OutgoingRequest {
  const t = redactor.redact(title(n));
  const text = redactor.redact(message(n));
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (type === 'ntfy')
    return {
      url,
      headers: {
        ...auth,
        'content-type': 'text/plain; charset=utf-8',
        title: headerSafe(t),
        priority: n.event === 'failure' ? 'high' : 'default',
        tags: `${NTFY_TAGS[n.event]},phoenix`,
      },
      body: text,
    };
  if (type === 'apprise')
    return {
      url,
      headers: { ...auth, 'content-type': 'application/json' },
      body: redactor.redact(
        JSON.stringify({ title: t, body: text, type: APPRISE_TYPES[n.event], format: 'text' }),
      ),
    };
  const { rendered: _plan, changes, ...run } = n.run;
  const doc = {
    event: n.event,
    title: t,
    message: text,
    run: {
      ...run,
      changes: changes.slice(0, MAX_JSON_CHANGES),
      changesOmitted: Math.max(0, changes.length - MAX_JSON_CHANGES),
    },
    ...(n.previous
      ? { previous: { id: n.previous.id, status: n.previous.status, endedAt: n.previous.endedAt } }
      : {}),
  };
  return {
    url,
    headers: { ...auth, 'content-type': 'application/json' },
    body: redactor.redact(JSON.stringify(redactor.redactDeep(doc))),
  };
}

/** ntfy shows tags that name an emoji as that emoji. */
const NTFY_TAGS: Record<NotifyEvent, string> = {
  failure: 'rotating_light',
  drift: 'warning',
  recovery: 'white_check_mark',
};

/** Apprise's message types. */
const APPRISE_TYPES: Record<NotifyEvent, string> = {
  failure: 'failure',
  drift: 'warning',
  recovery: 'success',
};

/** The changes a drift check found pending (not unchanged, not held back for the operator). */
export function pending(run: RunRecord): RunChange[] {
  return run.changes.filter((c) => c.action !== 'noop' && c.status !== 'blocked');
}

function line(c: RunChange): string {
  return `- ${c.stage}: ${c.action} ${c.label}`;
}

function listed(changes: RunChange[], fmt: (c: RunChange) => string): string[] {
  const out = changes.slice(0, MAX_LISTED).map(fmt);
  if (changes.length > MAX_LISTED) out.push(`… and ${changes.length - MAX_LISTED} more`);
  return out;
}

/** HTTP header values are bytes: anything beyond printable ASCII becomes `?`. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 250);
}
