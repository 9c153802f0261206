import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb-local';
import { SUMMARY_LINE } from '../../scripts/lib/demo-day-summary';

/**
 * `npm run demo:day` against a local platform started as `npm start -- --in-memory` (free ports, a
 * working directory of its own): the replay runs to its summary line, and no resident's SMS is
 * longer than two segments.
 */
const workDir = mkdtempSync(join(tmpdir(), 'hromada-demoday-'));
const tsx = join(process.cwd(), 'node_modules/tsx/dist/loader.mjs');
let platform: ChildProcess | undefined;

afterAll(async () => {
  if (platform && platform.exitCode === null && platform.signalCode === null) {
    const exited = new Promise<void>((resolve) => platform!.once('exit', () => resolve()));
    process.kill(-platform.pid!, 'SIGINT');
    await exited;
  }
  rmSync(workDir, { recursive: true, force: true });
});

async function startPlatform(): Promise<number> {
  const port = await freePort();
  const dbPort = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', tsx, join(process.cwd(), 'infra/local/start.ts'), '--in-memory'],
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

describe('npm run demo:day', () => {
  it("replays the day to its summary line; a resident's SMS is never more than two segments", async () => {
    const port = await startPlatform();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', tsx, join(process.cwd(), 'scripts/demo-day.ts'), '--seconds', '1'],
      { env: { ...process.env, PORT: String(port) }, maxBuffer: 10_000_000 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    const last = lines.at(-1)!;
    const match = SUMMARY_LINE.exec(last);
    expect(match, last).not.toBeNull();
    const [requests, planned, , sms, , maxResidentSegments] = match!.slice(1).map(Number) as number[];
    expect(requests).toBeGreaterThan(0);
    expect(planned).toBeGreaterThan(0);
    expect(sms).toBeGreaterThan(0);
    expect(maxResidentSegments).toBeGreaterThan(0);
    expect(maxResidentSegments).toBeLessThanOrEqual(2);
  }, 180_000);
});
