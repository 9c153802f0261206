import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SUMMARY_LINE } from '../../scripts/lib/demo-day-summary';
import { inMemoryPlatform, TSX_LOADER } from '../support/in-memory-platform';

/**
 * `npm run demo:day` against a local platform started as `npm start -- --in-memory` (free ports, a
 * working directory of its own): the replay runs to its summary line, and no resident's SMS is
 * longer than two segments.
 */
const platform = inMemoryPlatform('demoday');
const tsx = TSX_LOADER;
afterAll(() => platform.stop());

describe('npm run demo:day', () => {
  it("replays the day to its summary line; a resident's SMS is never more than two segments", async () => {
    const port = await platform.start();
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
