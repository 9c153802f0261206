import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../infra/local/dynamodb-local';

/** The local platform (`npm start -- --in-memory`) with the demo hromada, on free ports. */
export interface Platform {
  url: string;
  /** The demo day (the next working day of the demo fleet, Kyiv time). */
  demoDay: string;
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: string, path: string, body: unknown) => Promise<T>;
  stop: () => Promise<void>;
}

function spawnPlatform(cwd: string, port: number, dbPort: number): ChildProcess {
  // as `npm start` runs it: one Node process with the tsx loader, in its own process group
  return spawn(
    process.execPath,
    [
      '--import',
      join(process.cwd(), 'node_modules/tsx/dist/loader.mjs'),
      join(process.cwd(), 'infra/local/start.ts'),
      '--in-memory',
    ],
    {
      cwd,
      env: { ...process.env, PORT: String(port), DYNAMODB_LOCAL_PORT: String(dbPort) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export async function startPlatform(): Promise<Platform> {
  const cwd = mkdtempSync(join(tmpdir(), 'hromada-browser-'));
  const port = await freePort();
  const child = spawnPlatform(cwd, port, await freePort());
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 90_000;
  while (!output.includes('is running')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the platform did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const url = `http://127.0.0.1:${port}`;
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const demoDay = (await (await fetch(`${url}/_local/demo-day`)).text()).replace(/"/g, '').trim();
  return {
    url,
    demoDay,
    get: (path) => send('GET', path),
    send,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        process.kill(-child.pid!, 'SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
