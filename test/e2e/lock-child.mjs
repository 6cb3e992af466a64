/**
 * Child process of the lock race tests: takes the root's lock with Phoenix's own lock code
 * (the built dist/, so a child starts in ~60 ms instead of ~1 s under tsx: the tests start
 * hundreds), and appends what happened to a log, one JSON line per event, with times in ms
 * on the machine's clock:
 *   {pid, ev: 'in', t, waitMs}   holds the lock (waitMs: time spent inside acquireLock)
 *   {pid, ev: 'out', t}          about to release it
 *   {pid, ev: 'refused', t, message}
 * Usage: node lock-child.mjs <root> <log> <holdMs> [hang]
 * `hang`: after taking the lock, say READY on stdout and wait to be killed.
 */
/* global performance, URL, setInterval, setTimeout */
import { appendFileSync } from 'node:fs';

const [root, log, holdMs = '200', mode = ''] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();
const note = (rec) => appendFileSync(log, JSON.stringify({ pid: process.pid, ...rec }) + '\n');
const { acquireLock } = await import(new URL('../../dist/engine/lock.js', import.meta.url).href);

const asked = now();
let lock;
try {
  lock = await acquireLock(root, 'sync all');
} catch (err) {
  note({ ev: 'refused', t: now(), code: err.exitCode, message: err.message });
  process.exit(err.exitCode === 5 ? 5 : 1);
}
note({ ev: 'in', t: now(), waitMs: now() - asked });
if (mode === 'hang') {
  process.stdout.write('READY\n');
  setInterval(() => undefined, 1000);
} else {
  // "Applying": hold the lock for a while, as a sync does.
  await new Promise((r) => setTimeout(r, Number(holdMs)));
  note({ ev: 'out', t: now() });
  await lock.release();
  process.exit(0);
}
