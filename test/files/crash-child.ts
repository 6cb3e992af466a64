/**
 * Child process for the crash-safety test: writes a file with atomicWrite and is killed by
 * the parent with SIGKILL. `pause`: stops between temp write and rename and says so.
 * `loop`: rewrites the file with two alternating contents until killed.
 */
import { atomicWrite } from '../../src/providers/files/index.js';

const [mode, path, a = '', b = ''] = process.argv.slice(2);
if (!path) throw new Error('usage: crash-child pause|loop <path> <contentA> <contentB>');

if (mode === 'pause') {
  await atomicWrite(
    path,
    b,
    {},
    {
      beforeRename: (tmpPath) =>
        new Promise<void>(() => {
          process.stdout.write(`READY ${tmpPath}\n`);
          // Never resolves: the parent kills us here.
        }),
    },
  );
} else {
  const big = (s: string) => s.repeat(200_000); // ~1 MB per write, so kills land mid-write too
  let n = 0;
  for (;;) {
    await atomicWrite(path, big(n % 2 === 0 ? a : b));
    if (n++ === 0) process.stdout.write('GO\n');
  }
}
