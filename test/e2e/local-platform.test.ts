import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb-local';

/**
 * `npm start` as a user runs it: a child process in its own process group, stopped with Ctrl-C
 * (SIGINT to the group). Checks the "done means" for the local platform.
 */
const workDir = mkdtempSync(join(tmpdir(), 'hromada-local-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  port: number;
  dbPort: number;
  output: () => string;
  startedInMs: number;
}

async function start(args: string[]): Promise<Running> {
  const port = await freePort();
  const dbPort = await freePort();
  const began = Date.now();
  // as `npm start` runs it: one Node process with the tsx loader (the tsx CLI's parent process
  // would SIGKILL a child that is slow to acknowledge Ctrl-C, orphaning DynamoDB Local)
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(process.cwd(), 'node_modules/tsx/dist/loader.mjs'),
      join(process.cwd(), 'infra/local/start.ts'),
      '--data-dir',
      join(workDir, 'dynamodb'),
      ...args,
    ],
    {
      cwd: workDir,
      env: { ...process.env, PORT: String(port), DYNAMODB_LOCAL_PORT: String(dbPort) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes('is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, dbPort, output: () => output, startedInMs: Date.now() - began };
}

async function ctrlC(running: Running): Promise<void> {
  process.kill(-running.child.pid!, 'SIGINT');
  await new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
}

/** Processes left from a run: its DynamoDB Local (found by its port) and anything under the work dir. */
function leftBehind(r: Running): number {
  return count(`DynamoDBLocal.jar.*-port ${r.dbPort}`) + count(workDir);
}

/**
 * What is still running a while after Ctrl-C: the group leader (tsx) can exit before its node child
 * has stopped DynamoDB Local, and under a loaded test run that takes a few seconds.
 */
async function leftBehindAfterStop(r: Running, withinMs = 20_000): Promise<number> {
  const deadline = Date.now() + withinMs;
  let n = leftBehind(r);
  while (n > 0 && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 200));
    n = leftBehind(r);
  }
  if (n > 0) {
    // say what is left, and what the platform said, so that a failure can be read from the CI log
    let ps = '';
    try {
      ps = execFileSync('pgrep', ['-af', workDir], { encoding: 'utf8' });
    } catch {}
    console.error(`left behind:\n${ps}\nplatform output (end):\n${r.output().slice(-3000)}`);
  }
  return n;
}

function count(pattern: string): number {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
      .length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

const get = async (r: Running, path: string) => {
  const res = await fetch(`http://127.0.0.1:${r.port}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('npm start (the one-machine platform)', () => {
  it('serves the demo hromada from DynamoDB Local, keeps data across a restart, and Ctrl-C leaves nothing behind', async () => {
    const first = await start([]);
    expect(first.output()).toMatch(/demo data\s+seeded/);
    // Recorded, not asserted (speed is for benchmarks): the issue asks for under 30 s.
    console.info(`npm start served the demo hromada in ${first.startedInMs} ms`);
    expect((await get(first, '/health')).body).toMatchObject({ status: 'ok', database: 'ok' });
    const residents = await get(first, '/hromady/khmilnytska/residents?limit=200');
    expect((residents.body.items as unknown[]).length).toBe(12);
    const created = await fetch(`http://127.0.0.1:${first.port}/hromady/khmilnytska/depots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Гараж у Порику',
        address: 'с. Порик, вул. Центральна, 1',
        location: { lat: 49.62, lon: 27.88 },
      }),
    });
    expect(created.status).toBe(201);
    // The booking confirmations went through the stream to the SMS sink.
    const deadline = Date.now() + 20_000;
    let sms: string[] = [];
    while (sms.length < 11 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        sms = readFileSync(join(workDir, '.local/sms-sent.jsonl'), 'utf8').trim().split('\n');
      } catch {
        sms = [];
      }
    }
    expect(sms).toHaveLength(11);
    expect(leftBehind(first)).toBeGreaterThan(0); // the check can see a running platform
    await ctrlC(first);
    expect(await leftBehindAfterStop(first)).toBe(0);

    const second = await start([]);
    expect(second.output()).toMatch(/demo data\s+present/);
    const depots = await get(second, '/hromady/khmilnytska/depots');
    expect(JSON.stringify(depots.body)).toContain('Гараж у Порику');
    await ctrlC(second);
    expect(await leftBehindAfterStop(second)).toBe(0);
    // Restarting replays the stream from its start: nothing was sent twice.
    expect(readFileSync(join(workDir, '.local/sms-sent.jsonl'), 'utf8').trim().split('\n')).toHaveLength(11);

    const inMemory = await start(['--in-memory']);
    const depotsInMemory = await get(inMemory, '/hromady/khmilnytska/depots');
    expect(JSON.stringify(depotsInMemory.body)).not.toContain('Гараж у Порику');
    expect(count(`DynamoDBLocal.jar.*-port ${inMemory.dbPort}`)).toBe(1);
    await ctrlC(inMemory);
    expect(await leftBehindAfterStop(inMemory)).toBe(0);
  }, 180_000);
});
