/**
 * npm run bench:console: the dispatcher console's first load and a big day on its board, in
 * Debian's chromium (headless) against the local platform (in memory, demo data).
 *
 *   npx tsx scripts/bench-console.ts [--runs 5] [--requests 300] [--write]
 *
 * Books `--requests` rides on one day (the demo residents, overlaps allowed, the quota raised),
 * plans it, then per run opens a fresh page on the board and records every file the page fetched
 * (bytes as served: the local bridge does not compress) and the time from navigation until the
 * board shows the day (every request in the day's list and the routes' stops drawn). `--write`
 * replaces the section in docs/benchmarks.md. No test asserts these times.
 */
/// <reference lib="dom" />
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { addDays } from '../console/kyiv.js';
import { launch } from '../test/browser/support/chromium';
import { type Platform, startPlatform } from '../test/browser/support/platform';
import { machineLine, quantile, r, writeDocSection } from './lib/bench';

import { planThroughJob } from './lib/plan-job';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    requests: { type: 'string', default: '300' },
    write: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const REQUESTS = Number(args.requests);
const H = '/hromady/khmilnytska';

interface Resident {
  id: string;
  address: string;
  location: { lat: number; lon: number } | null;
  confidential: boolean;
}

async function bookBigDay(p: Platform, day: string): Promise<void> {
  const hromada = await p.get<{ version: number; rules: Record<string, unknown> }>(H);
  await p.send('PATCH', H, {
    version: hromada.version,
    rules: {
      ...hromada.rules,
      monthlyRideQuota: 1000,
      // every demo resident may ride (a service not listed is open to all): the day is about size
      eligibleCategories: {},
    },
  });
  const residents = (await p.get<{ items: Resident[] }>(`${H}/residents?limit=200`)).items.filter(
    (x) => x.location && !x.confidential,
  );
  const town = (
    await p.get<{ items: { name: string; location: unknown }[] }>(`${H}/settlements?limit=200`)
  ).items.find((s) => s.name === 'Хмільник')!;
  for (let i = 0; i < REQUESTS; i++) {
    const resident = residents[i % residents.length]!;
    // 07:00–16:25: within the demo fleet's shifts (a ride no car's shift covers is refused)
    const minutes = 7 * 60 + Math.floor((i * (9 * 60 + 30)) / REQUESTS);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    await p.send('POST', `${H}/requests`, {
      serviceType: 'social-taxi',
      residentId: resident.id,
      date: day,
      pickup: { address: resident.address, location: resident.location },
      dropoff: { address: 'м. Хмільник', location: town.location },
      requestedTime: { kind: 'pickup', time },
      purpose: 'medical',
      allowOverlap: true,
    });
  }
  await planThroughJob(p, H, day, { seconds: 3 });
}

/** One fresh page on a view: the bytes of every file it fetched and the ms until `ready` holds. */
async function load(
  browser: Awaited<ReturnType<typeof launch>>,
  url: string,
  ready: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ timezoneId: 'Europe/Kyiv', locale: 'uk-UA' });
  const page = await context.newPage();
  const files = new Map<string, number>();
  const sizes: Promise<void>[] = [];
  page.on('response', (res) => {
    sizes.push(
      res
        .body()
        .then((b) => void files.set(new URL(res.url()).pathname + new URL(res.url()).search, b.length))
        .catch(() => {}),
    );
  });
  const started = performance.now();
  await page.goto(url);
  await ready(page);
  const ms = performance.now() - started;
  await page.waitForLoadState('networkidle');
  await Promise.all(sizes);
  await context.close();
  return { ms, files };
}

const kb = (bytes: number) => `${r(bytes / 1024, 1)} KiB`;

async function main() {
  const platform = await startPlatform();
  const browser = await launch();
  try {
    const day = addDays(platform.demoDay, 28);
    await bookBigDay(platform, day);
    const board = `${platform.url}/console/?date=${day}#/board`;
    const boardReady = async (page: Page) => {
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('#requests tr').length >= n && document.querySelector('#routes .stop'),
        REQUESTS,
        { timeout: 120_000 },
      );
    };
    const mapReady = async (page: Page) => {
      await page.waitForSelector('#map path.leaflet-interactive', { timeout: 120_000 });
    };
    const boardRuns = [];
    for (let i = 0; i < RUNS; i++) boardRuns.push(await load(browser, board, boardReady));
    const mapRun = await load(browser, `${platform.url}/console/?date=${day}#/map`, mapReady);
    const times = boardRuns.map((x) => x.ms);
    const first = boardRuns[0]!.files;
    const consoleFiles = [...first].filter(([f]) => f.startsWith('/console/'));
    const apiFiles = [...first].filter(([f]) => !f.startsWith('/console/'));
    const sum = (xs: [string, number][]) => xs.reduce((n, [, b]) => n + b, 0);
    // what opening the map adds to the first load: its view, the danger zones and Leaflet
    const mapAdds = [...mapRun.files].filter(
      ([f]) => f.startsWith('/console/') && !f.startsWith('/console/?') && !first.has(f),
    );
    const body = [
      '## Dispatcher console: first load and a big day on the board',
      '',
      `Generated by \`npm run bench:console\` (scripts/bench-console.ts) on ${new Date().toISOString().slice(0, 10)}: ` +
        `headless Debian chromium against \`npm start -- --in-memory\` on the same machine; ${machineLine()}. ` +
        `A day of ${REQUESTS} social-taxi requests (demo residents, overlaps allowed), planned on the demo's 3 vehicles.`,
      '',
      '| measure | value |',
      '|---|---|',
      `| first load of the board: console files (${consoleFiles.length}, uncompressed) | ${kb(sum(consoleFiles))} |`,
      `| first load of the board: API answers (${apiFiles.length}) | ${kb(sum(apiFiles))} |`,
      `| the map adds (${mapAdds.length} files loaded when the map is first shown: its view, the danger zones, Leaflet js + css) | ${kb(sum(mapAdds))} |`,
      `| navigation → board shows the ${REQUESTS}-request day, median of ${RUNS} | ${r(quantile(times, 0.5), 0)} ms |`,
      `| same, slowest run | ${r(Math.max(...times), 0)} ms |`,
      `| navigation → map draws the day | ${r(mapRun.ms, 0)} ms |`,
      '',
      'Console files of the first load:',
      '',
      ...consoleFiles.sort((a, b) => b[1] - a[1]).map(([f, b]) => `- \`${f}\` ${kb(b)}`),
      '',
      'Loaded when the map is first shown:',
      '',
      ...mapAdds.sort((a, b) => b[1] - a[1]).map(([f, b]) => `- \`${f}\` ${kb(b)}`),
    ].join('\n');
    console.log(body);
    if (args.write) writeDocSection('console', body);
  } finally {
    await browser.close();
    await platform.stop();
  }
}

await main();
