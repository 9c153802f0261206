import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb-local';

/**
 * `npm start` as a user runs it: a child process in its own process group, stopped with Ctrl-C
 * (SIGINT to the group). Checks the "done means" for the local platform.
 */
const workDir = mkdtempSync(join(tmpdir(), 'hromada-local-'));
/** Every platform started: one a failed test left running is killed (its watchdog stops Java). */
const spawned: ChildProcess[] = [];
afterAll(() => {
  for (const child of spawned)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(workDir, { recursive: true, force: true });
});

/** A free loopback port from 20000–32767, outside the range the OS hands out to outgoing connections. */
async function freePortBelowEphemeral(): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 12_768);
    const free = await new Promise<boolean>((done) => {
      const server = createServer();
      server.once('error', () => done(false));
      server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port below the ephemeral range');
}

interface Running {
  child: ChildProcess;
  /** Its working directory: every process it starts names it (data dir, pid file). */
  cwd: string;
  port: number;
  dbPort: number;
  output: () => string;
  startedInMs: number;
}

interface StartOptions {
  /** The platform's working directory (its `.local/`); data in `<cwd>/dynamodb`. */
  cwd?: string;
  /** DYNAMODB_LOCAL_PORT (default: a free port). */
  dbPort?: number;
}

async function spawnPlatform(args: string[], options: StartOptions = {}) {
  const cwd = options.cwd ?? join(workDir, 'main');
  mkdirSync(cwd, { recursive: true });
  const port = await freePort();
  const dbPort = options.dbPort ?? (await freePort());
  // as `npm start` runs it: one Node process with the tsx loader (the tsx CLI's parent process
  // would SIGKILL a child that is slow to acknowledge Ctrl-C, orphaning DynamoDB Local)
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(process.cwd(), 'node_modules/tsx/dist/loader.mjs'),
      join(process.cwd(), 'infra/local/start.ts'),
      '--data-dir',
      join(cwd, 'dynamodb'),
      ...args,
    ],
    {
      cwd,
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
  spawned.push(child);
  return { child, port, dbPort, cwd, output: () => output };
}

async function start(args: string[], options: StartOptions = {}): Promise<Running> {
  const began = Date.now();
  const { child, port, dbPort, cwd, output } = await spawnPlatform(args, options);
  // how long to wait before failing, not a speed assertion: a cold start of tsx, Java and the seed
  // on a busy 2-core machine (a CI beside other work took over a minute)
  const deadline = Date.now() + 150_000;
  while (!output().includes('is running')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, dbPort, cwd, output, startedInMs: Date.now() - began };
}

/** Sends `signal` to the platform's Node process alone (as a closed terminal or `kill` would). */
async function signal(running: Running, name: NodeJS.Signals): Promise<void> {
  const exited = new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
  process.kill(running.child.pid!, name);
  await exited;
}

async function ctrlC(running: Running): Promise<void> {
  process.kill(-running.child.pid!, 'SIGINT');
  await new Promise<void>((resolve) => running.child.once('exit', () => resolve()));
}

/** Processes left from a run: its DynamoDB Local (found by its port) and anything under its directory. */
function leftBehind(r: Running): number {
  return count(`DynamoDBLocal.jar.*-port ${r.dbPort}`) + count(`${r.cwd}/`);
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

/**
 * SMS the demo day sends on booking: 11 confirmations, plus the deliveries' handover codes
 * (infra/local/demo-delivery.ts: one confirmation and two codes).
 */
const DEMO_BOOKING_SMS = 14;

describe('npm start (the one-machine platform)', () => {
  const sink = join(workDir, 'main/.local/sms-sent.jsonl');

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
    while (sms.length < DEMO_BOOKING_SMS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        sms = readFileSync(sink, 'utf8').trim().split('\n');
      } catch {
        sms = [];
      }
    }
    expect(sms).toHaveLength(DEMO_BOOKING_SMS);
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
    expect(readFileSync(sink, 'utf8').trim().split('\n')).toHaveLength(DEMO_BOOKING_SMS);

    // --in-memory keeps nothing: not the data, and not the SMS sink either
    const since = new Date().toISOString();
    const inMemory = await start(['--in-memory']);
    const depotsInMemory = await get(inMemory, '/hromady/khmilnytska/depots');
    expect(JSON.stringify(depotsInMemory.body)).not.toContain('Гараж у Порику');
    expect(count(`DynamoDBLocal.jar.*-port ${inMemory.dbPort}`)).toBe(1);
    const sinkLines = () =>
      existsSync(sink) ? readFileSync(sink, 'utf8').trim().split('\n').filter(Boolean) : [];
    const smsDeadline = Date.now() + 20_000;
    const sentSince = () => sinkLines().filter((l) => (JSON.parse(l) as { at: string }).at >= since);
    while (sentSince().length < DEMO_BOOKING_SMS && Date.now() < smsDeadline)
      await new Promise((r) => setTimeout(r, 250));
    expect(sentSince()).toHaveLength(DEMO_BOOKING_SMS);
    expect(sinkLines()).toHaveLength(DEMO_BOOKING_SMS);
    await ctrlC(inMemory);
    expect(await leftBehindAfterStop(inMemory)).toBe(0);
  }, 420_000);

  it('recovers after the platform is SIGKILLed: stops the DynamoDB Local it can prove is its own; SIGTERM and SIGHUP stop everything', async () => {
    const dir = join(workDir, 'killed');
    // the restart reuses this port: below Linux's ephemeral range (32768–60999), so that no other
    // test's outgoing connection takes it as its local port in the moment between the orphan's
    // stop and the restart's bind (a CI run beside the integration files failed that way once)
    const first = await start([], { cwd: dir, dbPort: await freePortBelowEphemeral() });
    // the worst case: the platform and its watchdog are both killed outright
    const watchdog = `dynamodb-local-watchdog.mjs ${first.child.pid} `;
    const watchdogPids = execFileSync('pgrep', ['-f', watchdog], { encoding: 'utf8' }).trim().split('\n');
    expect(watchdogPids).toHaveLength(1);
    process.kill(Number(watchdogPids[0]), 'SIGKILL');
    await signal(first, 'SIGKILL');
    expect(count(`DynamoDBLocal.jar.*-port ${first.dbPort}`)).toBe(1); // the orphan

    const second = await start([], { cwd: dir, dbPort: first.dbPort });
    expect(second.output()).toMatch(
      /Stopped DynamoDB Local \(pid \d+\) left running by an earlier npm start/,
    );
    expect((await get(second, '/health')).body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(second.output()).toMatch(/demo data\s+present/);
    expect(count(`DynamoDBLocal.jar.*-port ${first.dbPort}`)).toBe(1); // its own, not the orphan
    await signal(second, 'SIGTERM');
    expect(await leftBehindAfterStop(second)).toBe(0);
    expect(existsSync(join(dir, '.local/dynamodb-local.pid'))).toBe(false);

    // a SIGKILL alone: the watchdog stops Java, and the next start finds nothing to reclaim
    const third = await start([], { cwd: dir });
    await signal(third, 'SIGKILL');
    expect(await leftBehindAfterStop(third)).toBe(0);
    const fourth = await start(['--no-seed'], { cwd: dir });
    expect(fourth.output()).not.toContain('Stopped DynamoDB Local');
    await signal(fourth, 'SIGHUP');
    expect(await leftBehindAfterStop(fourth)).toBe(0);
  }, 420_000);

  it('refuses, with a clear message, a DynamoDB Local port held by a process it did not start', async () => {
    const dbPort = await freePort();
    const foreign = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => foreign.listen(dbPort, '127.0.0.1', resolve));
    try {
      const platform = await spawnPlatform([], { cwd: join(workDir, 'foreign'), dbPort });
      const code = await new Promise<number | null>((resolve) => platform.child.once('exit', resolve));
      expect(code).toBe(1);
      expect(platform.output()).toContain(
        `Port ${dbPort} (DYNAMODB_LOCAL_PORT) is in use by a process this platform did not start`,
      );
      expect(count(`DynamoDBLocal.jar.*-port ${dbPort}`)).toBe(0);
    } finally {
      foreign.close();
    }
  }, 60_000);
});
