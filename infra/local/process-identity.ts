/**
 * Who a pid is, well enough to tell a process this platform started from a later one that reused
 * its pid: the start time (Linux: field 22 of /proc/<pid>/stat, clock ticks since boot; elsewhere
 * `ps -o lstart=`) and the command line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  startTime: string;
}

/** The process's start time, or undefined when no such process is running. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count from after it
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // a zombie has ended (it only waits for its parent to read its exit status)
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  return psField(pid, 'lstart=');
}

/** The process's command line (arguments joined by spaces), or undefined when it is gone. */
export function processCommand(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  return psField(pid, 'command=');
}

function psField(pid: number, field: string): string | undefined {
  try {
    const out = execFileSync('ps', ['-o', field, '-p', String(pid)], { encoding: 'utf8' }).trim();
    return out || undefined;
  } catch {
    return undefined; // ps exits 1 when there is no such process
  }
}

export function identityOf(pid: number): ProcessIdentity | undefined {
  const startTime = processStartTime(pid);
  return startTime === undefined ? undefined : { pid, startTime };
}

/** True while the very process named is running (not another one that got its pid since). */
export function isRunning(who: ProcessIdentity): boolean {
  return processStartTime(who.pid) === who.startTime;
}
