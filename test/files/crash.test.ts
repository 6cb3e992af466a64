import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWrite } from '../../src/providers/files/index.js';

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phoenix-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Start the child and resolve with it once it prints a line starting with `marker`. */
function startChild(args: string[], marker: string): Promise<{ proc: ChildProcess; line: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith(marker));
      if (line) resolve({ proc, line });
    });
    proc.on('exit', (code) => reject(new Error(`crash child exited (${code}) before "${marker}": ${err}`)));
  });
}

function kill(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.on('exit', () => resolve());
    process.kill(proc.pid ?? 0, 'SIGKILL');
  });
}

describe('crash safety of atomicWrite', () => {
  it('a process killed between temp write and rename leaves the old file wholly in place', async () => {
    const path = join(dir, 'target.conf');
    await writeFile(path, 'OLD CONTENT\n');
    const { proc, line } = await startChild(['pause', path, '', 'NEW CONTENT\n'], 'READY ');
    const tmpPath = line.slice('READY '.length);
    expect(await readFile(tmpPath, 'utf8')).toBe('NEW CONTENT\n'); // the new version was fully written…
    await kill(proc);
    expect(await readFile(path, 'utf8')).toBe('OLD CONTENT\n'); // …but never went live

    // The next write cleans up the dead process's temp file and succeeds.
    await atomicWrite(path, 'NEWER\n');
    expect(await readFile(path, 'utf8')).toBe('NEWER\n');
    expect((await readdir(dir)).sort()).toEqual(['target.conf', 'target.conf.bak']);
  });

  it('killed at arbitrary moments while rewriting, the file is always wholly one version', async () => {
    const path = join(dir, 'target.conf');
    const a = 'A'.repeat(4) + '\n';
    const b = 'B'.repeat(4) + '\n';
    const outcomes = new Set<string>();
    for (let round = 0; round < 15; round++) {
      const { proc } = await startChild(['loop', path, a, b], 'GO');
      // Let it run a varying while so the kill lands in different steps of a write.
      await new Promise((r) => setTimeout(r, 5 + ((round * 37) % 60)));
      await kill(proc);
      const content = await readFile(path, 'utf8');
      const whole = content === a.repeat(200_000) ? 'A' : content === b.repeat(200_000) ? 'B' : 'PARTIAL';
      outcomes.add(whole);
      expect(whole, `round ${round}: ${content.length} bytes`).not.toBe('PARTIAL');
      const bak = await readFile(`${path}.bak`, 'utf8').catch(() => undefined);
      if (bak !== undefined) expect([a.repeat(200_000), b.repeat(200_000)]).toContain(bak);
    }
    expect([...outcomes].every((o) => o === 'A' || o === 'B')).toBe(true);
  });
});
