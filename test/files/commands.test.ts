import { describe, expect, it } from 'vitest';
import { ApplyError } from '../../src/errors.js';
import { fileDiff, resolveSettingPath, runCommand, substitute } from '../../src/providers/files/index.js';

describe('commands', () => {
  it('substitutes {file} inside every argument, never joining them into a shell line', () => {
    expect(substitute(['dnsmasq', '--test', '--conf-file={file}'], { file: '/t/a b' })).toEqual([
      'dnsmasq',
      '--test',
      '--conf-file=/t/a b',
    ]);
    expect(substitute(['x', '{file}'], {})).toEqual(['x', '{file}']);
  });

  it('runs argument arrays without a shell: metacharacters stay literal', async () => {
    const r = await runCommand([process.execPath, '-e', 'console.log(process.argv[1])', '{file}'], {
      file: '$(touch /tmp/pwned); `id`',
      timeoutMs: 10_000,
    });
    expect(r.stdout.trim()).toBe('$(touch /tmp/pwned); `id`');
  });

  it('turns a non-zero exit into an ApplyError naming the command', async () => {
    const err = await runCommand([process.execPath, '-e', 'console.error("boom"); process.exit(3)'], {
      timeoutMs: 10_000,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplyError);
    expect((err as ApplyError).message).toMatch(/exited with 3: boom/);
    expect((err as ApplyError).exitCode).toBe(4);
  });

  it('kills a command that outlives its timeout', async () => {
    const err = await runCommand([process.execPath, '-e', 'setTimeout(() => {}, 60000)'], {
      timeoutMs: 200,
    }).catch((e: unknown) => e);
    expect((err as ApplyError).message).toMatch(/timed out after 200 ms/);
  });

  it('resolves relative setting paths against the root', () => {
    expect(resolveSettingPath('/srv/root', 'out/dns.hosts')).toBe('/srv/root/out/dns.hosts');
    expect(resolveSettingPath('/srv/root', '/etc/x')).toBe('/etc/x');
  });
});

describe('fileDiff', () => {
  it.each([
    ['create', undefined, 'a\n', ['--- /dev/null', '+++ b/etc/x', '+a']],
    ['delete', 'a\n', undefined, ['--- a/etc/x', '+++ /dev/null', '-a']],
    ['update', 'a\nb\n', 'a\nc\n', ['--- a/etc/x', '+++ b/etc/x', '-b', '+c', ' a']],
  ])('%s', (_n, live, desired, lines) => {
    const d = fileDiff('/etc/x', live, desired);
    for (const l of lines) expect(d?.split('\n')).toContain(l);
  });

  it('is undefined when nothing differs', () => {
    expect(fileDiff('/etc/x', 'a', 'a')).toBeUndefined();
  });
});
