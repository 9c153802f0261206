/**
 * npm run bench:load -- [--url http://127.0.0.1:3000] [--levels 1,4,16,64] [--per-level 128] [--residents N]
 *
 * A bounded load run against the local platform (loopback only): without `--url` it starts
 * `npm start -- --in-memory` itself on a free port (its `.local/` in a temporary folder, so a
 * platform already running here is left alone) and stops it at the end. At each concurrency level,
 * `--per-level` bookings (`POST /hromady/{h}/requests`, each for its own resident, day and time)
 * and twice as many reads (`GET …/requests?date=`, the dispatcher's day list) are sent by that many
 * concurrent callers; it prints p50/p99/max and the answers that were not 2xx. Then, per level, that
 * many identical bookings (same resident, day and time, no Idempotency-Key) at once: the rule "one
 * live booking per resident per window" must leave exactly one request (the others 409).
 * `--residents N` books for N residents only (default: one per concurrent caller, at least), so
 * that concurrent callers book the same resident's day (different times) and meet on its guard.
 * `--keys`: each booking sends an Idempotency-Key of its own. After the levels, the bookings answered
 * 201 are counted against those stored: a call answered otherwise (a 409, a 503) must have written
 * nothing, not even later. A 5xx other than 503 keeps the platform's log and prints its error lines.
 * The last line: `load levels=… bookings=N reads=M errors=E duplicates=D stored_not_201=S`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    levels: { type: 'string', default: '1,4,16,64' },
    'per-level': { type: 'string', default: '128' },
    residents: { type: 'string' },
    /** Each booking sends an Idempotency-Key of its own (the console does). */
    keys: { type: 'boolean', default: false },
  },
});
const LEVELS = values.levels!.split(',').map(Number);
const PER_LEVEL = Number(values['per-level']);
const H = 'khmilnytska';
const TIMES = ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00'];

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read field by field below
type Json = any;
interface Answer {
  status: number;
  ms: number;
  body: Json;
  retryAfter?: string | null;
}

/** The body as JSON, or as text when it is not JSON (a bridge's or a proxy's page). */
function parsed(text: string): Json {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

let base = values.url ?? '';
/** A few answers that were not 2xx, printed at the end (a 5xx keeps the platform's log). */
const errorSamples: string[] = [];

async function call(
  method: string,
  url: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...extraHeaders },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    return { status: res.status, ms, body: parsed(text), retryAfter: res.headers.get('retry-after') };
  } catch {
    return { status: 0, ms: performance.now() - t0, body: undefined }; // connection refused or reset
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startPlatform(): Promise<{ child: ChildProcess; dir: string }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-load-'));
  const log = openSync(path.join(dir, 'platform.log'), 'a');
  const tsx = import.meta.resolve('tsx');
  const child = spawn(
    process.execPath,
    ['--import', tsx, path.join(root, 'infra/local/start.ts'), '--in-memory'],
    {
      cwd: dir,
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, PORT: String(port) },
    },
  );
  base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if ((await call('GET', '/health')).status === 200) return { child, dir };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the platform did not start in 180 s; see ${path.join(dir, 'platform.log')}`);
}

/** `n` tasks run by `concurrency` callers, each taking the next task when its last one answered. */
async function run<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  const caller = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, caller));
  return out;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(answers: Answer[], seconds: number) {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const byStatus = new Map<number, number>();
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  const failed = answers.filter((a) => a.status < 200 || a.status >= 300);
  // a few of each status, so that a rare 500 is not hidden behind many 409s
  for (const status of new Set(failed.map((a) => a.status)))
    for (const a of failed.filter((f) => f.status === status).slice(0, 2))
      errorSamples.push(
        `${a.status}${a.retryAfter ? ` (Retry-After ${a.retryAfter})` : ''} ${JSON.stringify(a.body?.error ?? a.body)}`,
      );
  const errors = failed.length;
  const statuses = [...byStatus].map(([s, n]) => `${s}: ${n}`).join(', ');
  return {
    n: answers.length,
    p50: quantile(ms, 0.5),
    p99: quantile(ms, 0.99),
    max: ms.at(-1)!,
    perSecond: answers.length / seconds,
    errors,
    statuses,
  };
}

/** Weekdays 10 to 25 days ahead (inside the 30-day horizon, past the demo's own bookings). */
function bookingDays(): string[] {
  const days: string[] = [];
  for (let d = 10; d <= 25; d++) {
    const day = new Date(Date.now() + d * 86_400_000);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function ride(resident: Json, date: string, time: string) {
  return {
    serviceType: 'social-taxi',
    residentId: resident.id,
    date,
    pickup: { address: resident.address, location: resident.location },
    dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
    requestedTime: { kind: 'pickup', time },
    purpose: 'medical',
  };
}

async function setUp(residentCount: number): Promise<Json[]> {
  const hromada = await call('GET', `/hromady/${H}`);
  // the run is about load, not the demo's monthly ride quota or SMS budget
  const patched = await call('PATCH', `/hromady/${H}`, {
    version: hromada.body.version,
    rules: { ...hromada.body.rules, monthlyRideQuota: 1000, dailySmsSegmentCap: 100_000 },
  });
  if (patched.status !== 200)
    throw new Error(`PATCH rules: ${patched.status} ${JSON.stringify(patched.body)}`);
  return run(residentCount, 4, async (i) => {
    const created = await call('POST', `/hromady/${H}/residents`, {
      name: `Навантаження ${i + 1}`,
      phone: `+38067555${String(i).padStart(4, '0')}`,
      settlementId: 'UA05120170020086400',
      address: `с. Березна, вул. Шевченка, ${i + 1}`,
      location: { lat: 49.56085 + i * 0.0001, lon: 27.84392 },
      smsConsent: true,
      categories: ['disability-2'],
    });
    if (created.status !== 201)
      throw new Error(`POST resident: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  });
}

/** The bench residents' live bookings on the bench's days, as the dispatcher's day lists show them. */
async function storedBookings(residents: Json[], days: string[]): Promise<number> {
  const mine = new Set(residents.map((r) => r.id));
  let stored = 0;
  for (const day of days) {
    const listed = await call('GET', `/hromady/${H}/requests?date=${day}`);
    if (listed.status !== 200) throw new Error(`GET requests ${day}: ${listed.status}`);
    stored += listed.body.items.filter(
      (r: Json) => mine.has(r.residentId) && r.status !== 'cancelled',
    ).length;
  }
  return stored;
}

/** The platform's error lines (the handlers log an unhandled error with its stack), a few of them. */
function platformErrors(log: string): string[] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => /"level":"ERROR"/.test(line))
    .slice(0, 3)
    .map((line) => line.slice(0, 1200));
}

const started = values.url ? undefined : await startPlatform();
let exitCode = 0;
try {
  const days = bookingDays();
  const slotsPerResident = TIMES.length * days.length;
  const totalBookings = PER_LEVEL * LEVELS.length;
  // at least one resident per concurrent caller: the callers of a level book the same day and time
  // for different residents (the busy morning before a day), not one resident's day many times
  const residentCount = values.residents
    ? Math.max(Number(values.residents), Math.ceil(totalBookings / slotsPerResident))
    : Math.max(Math.ceil(totalBookings / slotsPerResident), ...LEVELS);
  const residents = await setUp(residentCount + LEVELS.length);
  const burstResidents = residents.splice(0, LEVELS.length);
  let slot = 0;
  const nextSlot = () => {
    const s = slot++;
    const resident = residents[s % residents.length]!;
    const k = Math.floor(s / residents.length);
    return ride(resident, days[Math.floor(k / TIMES.length) % days.length]!, TIMES[k % TIMES.length]!);
  };
  // warm-up: the handlers' first calls (cold paths) are not measured
  await run(8, 1, () => call('GET', `/hromady/${H}/requests?date=${days[0]}`));

  console.log(`bench:load against ${base}: levels ${LEVELS.join(', ')}, ${PER_LEVEL} bookings per level`);
  console.log('| concurrency | kind | requests | p50 ms | p99 ms | max ms | req/s | errors | statuses |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  let bookings = 0;
  let reads = 0;
  let errors = 0;
  let created = 0;
  for (const c of LEVELS) {
    const t0 = performance.now();
    const booked = await run(PER_LEVEL, c, () =>
      call(
        'POST',
        `/hromady/${H}/requests`,
        nextSlot(),
        values.keys ? { 'idempotency-key': randomUUID() } : {},
      ),
    );
    created += booked.filter((a) => a.status === 201).length;
    const b = summary(booked, (performance.now() - t0) / 1000);
    const t1 = performance.now();
    const read = await run(PER_LEVEL * 2, c, (i) =>
      call('GET', `/hromady/${H}/requests?date=${days[i % days.length]}`),
    );
    const r = summary(read, (performance.now() - t1) / 1000);
    for (const [kind, s] of [
      ['booking', b],
      ['read', r],
    ] as const) {
      console.log(
        `| ${c} | ${kind} | ${s.n} | ${s.p50.toFixed(0)} | ${s.p99.toFixed(0)} | ${s.max.toFixed(0)} | ${s.perSecond.toFixed(1)} | ${s.errors} | ${s.statuses} |`,
      );
    }
    bookings += b.n;
    reads += r.n;
    errors += b.errors + r.errors;
  }

  // every booking answered 201 is stored, and none answered otherwise is: a 5xx wrote nothing, not
  // even later (a late write would show here, the reads above having given it seconds to land)
  const stored = await storedBookings(residents, days);
  console.log(`\nbookings answered 201: ${created}; stored: ${stored}`);
  let unanswered = stored - created;

  console.log(
    '\n| concurrent identical bookings (no Idempotency-Key) | 201 | 409 | other | requests stored |',
  );
  console.log('|---|---|---|---|---|');
  let duplicates = 0;
  for (const [i, c] of LEVELS.entries()) {
    const resident = burstResidents[i]!;
    const body = ride(resident, days[0]!, '12:00');
    const answers = await run(c, c, () => call('POST', `/hromady/${H}/requests`, body));
    const created = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 409 && a.body?.error?.reason).length;
    for (const a of answers.filter((a) => a.status !== 201 && a.status !== 409).slice(0, 2))
      errorSamples.push(`${a.status} (identical burst) ${JSON.stringify(a.body?.error ?? a.body)}`);
    const listed = await call('GET', `/hromady/${H}/requests?date=${days[0]}`);
    const stored = (listed.body.items ?? listed.body).filter(
      (r: Json) => r.residentId === resident.id && r.status !== 'cancelled',
    ).length;
    console.log(`| ${c} | ${created} | ${refused} | ${c - created - refused} | ${stored} |`);
    // more than one is a duplicate; none (every caller refused, e.g. 503) proves nothing but is no duplicate
    duplicates += Math.max(stored, created, 1) - 1;
    unanswered += stored - created;
  }
  for (const sample of errorSamples) console.log(`not 2xx: ${sample}`);
  console.log(
    `\nload levels=${LEVELS.join(',')} bookings=${bookings} reads=${reads} errors=${errors} duplicates=${duplicates} stored_not_201=${unanswered}`,
  );
  exitCode = duplicates > 0 || unanswered !== 0 ? 1 : 0;
} finally {
  if (started) {
    const exited = new Promise<void>((r) => started.child.once('exit', () => r()));
    process.kill(-started.child.pid!, 'SIGINT');
    await exited;
    // a 503 is the overload answer; any other 5xx (or a dropped connection) is a defect to read up
    if (errorSamples.some((e) => /^(5(?!03)|0)/.test(e))) {
      const log = path.join(started.dir, 'platform.log');
      console.log(`platform log kept: ${log}`);
      for (const line of platformErrors(log)) console.log(`platform: ${line}`);
    } else rmSync(started.dir, { recursive: true, force: true });
  }
}
process.exit(exitCode);
