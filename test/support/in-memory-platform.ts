import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/local/dynamodb-local';

/** The tsx loader: the platform and the demo scripts run from their TypeScript source. */
export const TSX_LOADER = join(process.cwd(), 'node_modules/tsx/dist/loader.mjs');

/**
 * A fresh local platform as `npm start -- --in-memory` starts it (free ports, a working directory
 * of its own), for the end-to-end tests of the demo scripts. `start` answers its port once the
 * platform says it is running; `stop` sends Ctrl-C to its process group and removes its folder.
 */
export function inMemoryPlatform(name: string) {
  const workDir = mkdtempSync(join(tmpdir(), `hromada-${name}-`));
  let platform: ChildProcess | undefined;

  async function start(): Promise<number> {
    const port = await freePort();
    const dbPort = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, join(process.cwd(), 'infra/local/start.ts'), '--in-memory'],
      {
        cwd: workDir,
        env: { ...process.env, PORT: String(port), DYNAMODB_LOCAL_PORT: String(dbPort) },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    platform = child;
    let output = '';
    child.stdout!.on('data', (d) => {
      output += d;
    });
    child.stderr!.on('data', (d) => {
      output += d;
    });
    // a wait for the platform to say it is up, not a timing assertion
    while (!output.includes('is running')) {
      if (child.exitCode !== null) throw new Error(`did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return port;
  }

  async function stop(): Promise<void> {
    if (platform && platform.exitCode === null && platform.signalCode === null) {
      const exited = new Promise<void>((resolve) => platform!.once('exit', () => resolve()));
      process.kill(-platform.pid!, 'SIGINT');
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  }

  return { start, stop };
}
