/**
 * Stops DynamoDB Local when the platform that started it is gone without stopping it (SIGKILL,
 * crash): `node dynamodb-local-watchdog.mjs <platform pid> <its start time> <java pid> <its start
 * time> [pid file]`. Started detached by dynamodb-local.ts; polls twice a second; exits as soon
 * as Java is gone. Plain JavaScript with no imports beyond Node, so that it starts in milliseconds
 * and needs no loader. (Linux has PR_SET_PDEATHSIG for this, but Node cannot reach it.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const [platformPid, platformStart, javaPid, javaStart, pidFile] = process.argv.slice(2);

/** Start time of a running (not zombie) process; same reading as process-identity.ts. */
function startTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    if (process.platform === 'linux') return undefined;
  }
  try {
    return execFileSync('ps', ['-o', 'lstart=', '-p', pid], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const running = (pid, start) => startTime(pid) === start;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function signalGroup(signal) {
  try {
    process.kill(-Number(javaPid), signal);
  } catch {
    // already gone
  }
}

for (;;) {
  if (!running(javaPid, javaStart)) process.exit(0);
  if (!running(platformPid, platformStart)) break;
  await sleep(500);
}
signalGroup('SIGTERM');
for (let i = 0; i < 50 && running(javaPid, javaStart); i++) await sleep(100);
if (running(javaPid, javaStart)) signalGroup('SIGKILL');
if (pidFile) {
  try {
    const record = JSON.parse(readFileSync(pidFile, 'utf8'));
    if (String(record.java.pid) === javaPid && record.java.startTime === javaStart) rmSync(pidFile);
  } catch {
    // no pid file, or not ours any more
  }
}
