// Preloaded with `node --import` when GNU time is missing: writes the process's peak RSS
// (VmHWM, in kB, the kernel's high-water mark) and its CPU time (user and system, in
// seconds) to $PHOENIX_BENCH_HWM_FILE as it exits, in the order `/usr/bin/time -f` writes them.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.PHOENIX_BENCH_HWM_FILE;
if (file) {
  process.on('exit', () => {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    const cpu = process.cpuUsage();
    if (m) writeFileSync(file, `${m[1]} ${cpu.user / 1e6} ${cpu.system / 1e6}\n`);
  });
}
