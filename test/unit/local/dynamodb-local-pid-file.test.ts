import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PlatformAlreadyRunningError,
  reclaimOrphan,
  writePidFile,
} from '../../../infra/local/dynamodb-local-pid-file';
import { identityOf, isRunning, type ProcessIdentity } from '../../../infra/local/process-identity';

const dir = mkdtempSync(join(tmpdir(), 'hromada-pid-'));
const file = join(dir, 'dynamodb-local.pid');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A process that idles, in its own group, with these arguments (`node -e … <args>`). */
async function idler(...args: string[]): Promise<ProcessIdentity> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', ...args], {
    detached: true,
    stdio: 'ignore',
  });
  children.push(child);
  await new Promise((r) => child.once('spawn', r));
  return identityOf(child.pid!)!;
}

const gone = { pid: 2 ** 22 - 1, startTime: '1' }; // no process has this pid

describe('the DynamoDB Local pid file (.local/dynamodb-local.pid)', () => {
  it('stops the recorded DynamoDB Local when its platform is gone and it is the very process', async () => {
    const java = await idler('-jar', 'DynamoDBLocal.jar', '-port', '41234');
    writePidFile(file, { owner: gone, java, port: 41234 });
    expect(await reclaimOrphan(file)).toEqual({ stopped: java.pid });
    expect(isRunning(java)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('never kills a process that only has the pid now (other start time, or not DynamoDB Local on that port)', async () => {
    const other = await idler('-jar', 'DynamoDBLocal.jar', '-port', '41235');
    const notDynamo = await idler('something-else');
    for (const [java, port] of [
      [{ pid: other.pid, startTime: `${other.startTime}1` }, 41235], // pid reused since
      [other, 41236], // another port
      [notDynamo, 41235],
    ] as const) {
      writePidFile(file, { owner: gone, java, port });
      expect(await reclaimOrphan(file)).toEqual({ stale: true });
      expect(existsSync(file)).toBe(false);
    }
    expect(isRunning(other) && isRunning(notDynamo)).toBe(true);
  });

  it('refuses while the platform that wrote the file is still running', async () => {
    const owner = await idler('infra/local/start.ts');
    const java = await idler('-jar', 'DynamoDBLocal.jar', '-port', '41237');
    writePidFile(file, { owner, java, port: 41237 });
    await expect(reclaimOrphan(file)).rejects.toBeInstanceOf(PlatformAlreadyRunningError);
    expect(isRunning(java)).toBe(true);
  });

  it('ignores a missing or unreadable file', async () => {
    rmSync(file, { force: true });
    expect(await reclaimOrphan(file)).toBeUndefined();
  });
});

describe('the DynamoDB Local watchdog', () => {
  it('stops the Java process group once the platform is gone, and removes the pid file', async () => {
    const platform = await idler('infra/local/start.ts');
    const java = await idler('-jar', 'DynamoDBLocal.jar', '-port', '41238');
    writePidFile(file, { owner: platform, java, port: 41238 });
    const watchdog = spawn(
      process.execPath,
      [
        join(process.cwd(), 'infra/local/dynamodb-local-watchdog.mjs'),
        String(platform.pid),
        platform.startTime,
        String(java.pid),
        java.startTime,
        file,
      ],
      { stdio: 'ignore' },
    );
    const watchdogExited = new Promise((r) => watchdog.once('exit', r));
    process.kill(platform.pid, 'SIGKILL');
    await watchdogExited;
    expect(isRunning(java)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });
});
