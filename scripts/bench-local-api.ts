/**
 * npx tsx scripts/bench-local-api.ts [--url http://127.0.0.1:3000] [--seconds 3] [--date YYYY-MM-DD]
 *
 * Against a running `npm start` (loopback only): GET latency of the residents list, one GET after
 * another, first with nothing else running (as long as a plan), then while the demo hromada's day
 * is being planned with the given budget. Prints p50/p99/max ms of each.
 */
import { parseArgs } from 'node:util';
import { fetchHttp, planThroughJob } from './lib/plan-job';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    seconds: { type: 'string', default: '3' },
    date: { type: 'string' },
  },
});
const base = `${values.url}/hromady/khmilnytska`;
const seconds = Number(values.seconds);
// the demo requests are for tomorrow in Kyiv
const date =
  values.date ??
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(Date.now() + 86_400_000);

async function timedGet(): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/residents?limit=50`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET residents: ${res.status}`);
  return performance.now() - t0;
}

/** GETs one after another until `until` resolves. */
async function getsDuring(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const out: number[] = [];
  while (!done) out.push(await timedGet());
  return out;
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return `n=${s.length} p50=${at(0.5).toFixed(1)} ms p99=${at(0.99).toFixed(1)} ms max=${s.at(-1)!.toFixed(1)} ms`;
}

async function plan(): Promise<void> {
  const current = await fetch(`${base}/plans/${date}`);
  const version =
    current.status === 200 ? ((await current.json()) as { version: number }).version : undefined;
  // a background job (202), polled until it ends, as the console does
  await planThroughJob(fetchHttp(values.url!), '/hromady/khmilnytska', date, {
    seconds,
    ...(version !== undefined ? { version } : {}),
  });
}

for (let i = 0; i < 20; i++) await timedGet(); // warm up
const idle = await getsDuring(new Promise((r) => setTimeout(r, seconds * 1000)));
const planning = getsDuring(plan());
console.log(`idle:            ${stats(idle)}`);
console.log(`during a ${seconds} s plan: ${stats(await planning)}`);
