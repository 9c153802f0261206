import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { WEEK_SUMMARY_LINE } from '../../scripts/lib/demo-week-plan';
import { inMemoryPlatform, TSX_LOADER } from '../support/in-memory-platform';

/**
 * `npm run demo:week` against a fresh local platform started as `npm start -- --in-memory` (free
 * ports, a working directory of its own), three days of it (`--days 3`: the first working day has
 * the late cancellation, the second the early one and the complaint; seven take minutes here):
 * every report answers as JSON and as CSV, each CSV with the BOM and Cyrillic that round-trips.
 */
const platform = inMemoryPlatform('demoweek');
const tsx = TSX_LOADER;
afterAll(() => platform.stop());

describe('npm run demo:week', () => {
  it('simulates the days, then every report answers, and every CSV opens with correct Cyrillic', async () => {
    const port = await platform.start();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', tsx, join(process.cwd(), 'scripts/demo-week.ts'), '--days', '3', '--seconds', '1'],
      { env: { ...process.env, PORT: String(port) }, maxBuffer: 10_000_000 },
    );
    const lines = stdout.trim().split('\n');
    const last = lines.at(-1)!;
    const match = WEEK_SUMMARY_LINE.exec(last);
    expect(match, stdout).not.toBeNull();
    const [days, workdays, requests, done, noShows, , , ratings, reports, csvOk, tripsMatch] = match!
      .slice(1)
      .map(Number) as number[];
    expect(days).toBe(3);
    expect(workdays).toBeGreaterThan(0);
    expect(requests).toBeGreaterThan(0);
    expect(done).toBeGreaterThan(0);
    expect(noShows).toBeGreaterThan(0);
    expect(ratings).toBeGreaterThan(0);
    // every report the description names: trips, on-time, sms, feedback, operations, strategy
    expect(reports).toBeGreaterThanOrEqual(6);
    expect(csvOk).toBe(1);
    // the per-day aggregates count what the requests say
    expect(tripsMatch).toBe(1);
    const reportLines = lines.filter((l) => l.startsWith('report '));
    expect(reportLines).toHaveLength(reports!);
    for (const line of reportLines) expect(line).toMatch(/json 200, csv 200 bom=1 cyrillic=1 round-trip=1$/);
  }, 300_000);
});
