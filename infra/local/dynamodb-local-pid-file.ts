/**
 * `.local/dynamodb-local.pid`: the DynamoDB Local this platform started, and who started it. A later
 * `npm start` reads it to stop a DynamoDB Local left running when the platform was killed, but only
 * one it can prove is that same process (same pid, same start time, DynamoDBLocal.jar on its port).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { isRunning, type ProcessIdentity, processCommand } from './process-identity';

const identity = z.object({ pid: z.number().int().positive(), startTime: z.string().min(1) });
const pidFileSchema = z.object({ owner: identity, java: identity, port: z.number().int() });
export type DynamoDbLocalPidFile = z.infer<typeof pidFileSchema>;

export function writePidFile(file: string, record: DynamoDbLocalPidFile): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record)}\n`);
  renameSync(`${file}.tmp`, file);
}

export function readPidFile(file: string): DynamoDbLocalPidFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = pidFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // torn or hand-edited: proves nothing
  }
}

/** Removes the pid file if it still names this Java process (a newer platform may have replaced it). */
export function removePidFile(file: string, java: ProcessIdentity): void {
  const current = readPidFile(file);
  if (!current || (current.java.pid === java.pid && current.java.startTime === java.startTime))
    rmSync(file, { force: true });
}

/** The recorded process is still the DynamoDB Local that was started on that port. */
export function isRecordedDynamoDbLocal(record: DynamoDbLocalPidFile): boolean {
  if (!isRunning(record.java)) return false;
  const command = processCommand(record.java.pid) ?? '';
  return command.includes('DynamoDBLocal.jar') && command.includes(`-port ${record.port}`);
}

export class PlatformAlreadyRunningError extends Error {}

export type Reclaimed = { stopped: number } | { stale: true } | undefined;

/**
 * Before starting: stop the DynamoDB Local an earlier platform left behind, if the pid file proves
 * it is that process; drop a pid file that names a process since gone or replaced (never kill
 * it). Refuses while the platform that wrote the file is still running.
 */
export async function reclaimOrphan(file: string): Promise<Reclaimed> {
  const record = readPidFile(file);
  if (!record) return undefined;
  if (isRunning(record.owner) && record.owner.pid !== process.pid)
    throw new PlatformAlreadyRunningError(
      `Another npm start (pid ${record.owner.pid}) is running from this directory with DynamoDB Local ` +
        `on port ${record.port}; stop it first (Ctrl-C in its terminal).`,
    );
  if (!isRecordedDynamoDbLocal(record)) {
    rmSync(file, { force: true });
    return { stale: true };
  }
  await stopProcessGroup(record.java);
  rmSync(file, { force: true });
  return { stopped: record.java.pid };
}

/** SIGTERM to the process group led by `who` (DynamoDB Local runs detached), SIGKILL after 5 s. */
export async function stopProcessGroup(who: ProcessIdentity, graceMs = 5000): Promise<void> {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-who.pid, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isRunning(who) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (!isRunning(who)) return;
  signal('SIGKILL');
  const killDeadline = Date.now() + graceMs;
  while (isRunning(who) && Date.now() < killDeadline) await new Promise((r) => setTimeout(r, 50));
  if (isRunning(who)) throw new Error(`could not stop DynamoDB Local (pid ${who.pid})`);
}
