import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';

/** Busy CPU time of the whole machine (Linux /proc/stat) and of this process, to tell a busy machine apart. */
export interface CpuMark {
  at: number;
  machineBusyMs: number | null;
  processMs: number;
}

function machineBusyMs(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = fields[3]! + (fields[4] ?? 0);
    // USER_HZ is 100 on Linux: ticks of 10 ms.
    return (fields.reduce((a, b) => a + b, 0) - idle) * 10;
  } catch {
    return null;
  }
}

export function cpuMark(): CpuMark {
  const { user, system } = process.cpuUsage();
  return { at: performance.now(), machineBusyMs: machineBusyMs(), processMs: (user + system) / 1000 };
}

/** Cores used between two marks: by this process (functions, backend and load) and by everything else. */
export function coresUsed(
  from: CpuMark,
  to: CpuMark,
): { total: number; self: number; others: number | null } {
  const wall = to.at - from.at;
  const self = (to.processMs - from.processMs) / wall;
  const machine =
    from.machineBusyMs === null || to.machineBusyMs === null
      ? null
      : (to.machineBusyMs - from.machineBusyMs) / wall;
  return { total: cpus().length, self, others: machine === null ? null : Math.max(0, machine - self) };
}
