/** Facts about other processes on this host. */

/** Is `pid` a live process on this host? (EPERM: it lives, under another user.) */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
