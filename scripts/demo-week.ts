/**
 * `npm run demo:week`: a simulated week on the demo data against the running local platform
 * (`npm start`, `PORT` default 3000), then every report of the week as JSON and as CSV.
 *
 * Each day of the seven from tomorrow (the platform's clock is the real one, and a past day is not
 * planned): the dispatcher books the day's requests of all four services (demo-day-bookings.ts: a
 * standing order, mobile-case slots, deliveries, one handed over in person, a brigade visit),
 * cancels one early, plans through the planning job and publishes, cancels one late, then records
 * what the drivers report by phone (on board, done, a no-show a day); residents answer the rating
 * SMS, one with a complaint. Days the fleet does not work (the weekend) are refused by the rules
 * and said so. Every report must answer 200 as JSON and as CSV, and each CSV must start with the
 * UTF-8 BOM and hold Cyrillic that decodes and encodes back to the same bytes. The last line is
 * the week's summary (WEEK_SUMMARY_LINE); the exit code is 1 when a report check failed.
 *
 *   npm run demo:week                 seven days, 3 s of planning a day
 *   npm run demo:week -- --days 2 --seconds 1
 */
import { parseArgs } from 'node:util';
import { Api, type Json, planTheDay } from './lib/demo-day-api';
import { CASE_SLOT_RESIDENTS, caseStop, dayBookings, standingOrder } from './lib/demo-day-bookings';
import { inbound } from './lib/demo-day-drivers';
import { settleReceipts } from './lib/demo-day-sms';
import {
  dayScript,
  feedbackFor,
  LATE_CANCEL_HOURS,
  outcomeFor,
  type WeekSummary,
  weekDates,
  weekSummaryLine,
} from './lib/demo-week-plan';
import { csvOk, readReport, reportNames } from './lib/demo-week-reports';

const H = 'khmilnytska';
const START = '09:00';
const { values } = parseArgs({
  options: { days: { type: 'string', default: '7' }, seconds: { type: 'string', default: '3' } },
});
const api = new Api(`http://127.0.0.1:${process.env.PORT ?? '3000'}`);
const say = (line: string) => console.log(line);
const since = new Date(Date.now() - 1000).toISOString();
const reason = (body: Json) => {
  const error = (body.error ?? {}) as Json;
  return String(error.code ?? '') + ' ' + String(error.reason ?? error.message ?? JSON.stringify(body));
};

const dates = weekDates(new Date(), Number(values.days));
const residents = await api.all(`/hromady/${H}/residents`);
const phoneOf = new Map(residents.filter((r) => r.phone).map((r) => [String(r.id), String(r.phone)]));
const tally = { ratings: 0, complaints: 0 };
let workday = 0;

for (const D of dates) {
  say(`— ${D}`);
  const booked = await bookTheDay(D);
  if (booked.size === 0) {
    say(`  ${D}: nothing booked (the fleet does not work that day)`);
    continue;
  }
  const script = dayScript(workday);
  for (const i of script.cancelEarly) await cancel(D, booked.get(i), 'early');
  const existing = await api.call('GET', `/hromady/${H}/plans/${D}`);
  const plan = await planTheDay(api, H, D, {
    seconds: Number(values.seconds),
    ...(existing.status === 200 ? { version: Number(existing.body.version) } : {}),
  });
  await api.post(`/hromady/${H}/plans/${D}/publish`, { version: plan.version });
  say(
    `  planned and published v${plan.version}: ${(plan.routes as unknown[]).length} routes, ${(plan.unassigned as unknown[]).length} unassigned`,
  );
  if (script.cancelLate.length > 0) await underLateCancelRule(D, script.cancelLate, booked);
  await recordOutcomes(D, workday);
  await answerRatings(D, workday);
  workday += 1;
}

await settleReceipts(api, H, since);
const summary = await weekNumbers();
say(weekSummaryLine(summary));
if (!summary.csvOk || !summary.allReports || !summary.tripsMatch) process.exitCode = 1;

/** The day's bookings (keyed: a second run books nothing twice), by index in dayBookings(). */
async function bookTheDay(D: string): Promise<Map<number, Json>> {
  const booked = new Map<number, Json>();
  for (const [i, b] of dayBookings(D, START).entries()) {
    const res = await api.call('POST', `/hromady/${H}/requests`, b.body, {
      'Idempotency-Key': `demoweek-${D}-${i}`,
    });
    if (res.status < 300) booked.set(i, res.body);
    else say(`  ${b.label}: refused ${res.status} ${reason(res.body)}`);
  }
  if (booked.size === 0) return booked;
  const order = await api.call('POST', `/hromady/${H}/standing-orders`, {
    ...standingOrder(D, START),
    id: `demoweek-${D}`,
  });
  const stop = await caseStopOf(D);
  let slots = 0;
  for (const residentId of CASE_SLOT_RESIDENTS) {
    const res = await api.call('POST', `/hromady/${H}/case-stops/${stop}/bookings`, { residentId });
    if (res.status < 300) slots += 1;
  }
  say(
    `  booked ${booked.size} requests, standing order ${order.status < 300 ? 'created' : order.status}, mobile-case stop ${stop} with ${slots} slots`,
  );
  return booked;
}

async function caseStopOf(D: string): Promise<string> {
  const id = `demoweek-${D}`;
  const found = await api.call('GET', `/hromady/${H}/case-stops/${id}`);
  if (found.status === 200) return id;
  const settlementId = String(residents.find((r) => r.id === 'resident-5')?.settlementId);
  const created = await api.post(`/hromady/${H}/case-stops`, { ...caseStop(D, START, settlementId), id });
  return String(created.id);
}

async function cancel(D: string, booking: Json | undefined, kind: 'early' | 'late'): Promise<void> {
  if (!booking) return;
  const current = await api.get(`/hromady/${H}/requests/${booking.id}`);
  if (current.status === 'cancelled') return;
  const res = await api.call('POST', `/hromady/${H}/requests/${booking.id}/cancel`, {
    version: current.version,
  });
  const got = res.status < 300 ? `cancelled (${String(res.body.cancelKind ?? '?')})` : reason(res.body);
  say(`  ${D}: ${kind} cancellation of ${booking.id}: ${got}`);
}

/** A cancellation less than LATE_CANCEL_HOURS before its window, under that rule, then the rule restored. */
async function underLateCancelRule(D: string, indexes: number[], booked: Map<number, Json>): Promise<void> {
  const hromada = await api.get(`/hromady/${H}`);
  const rules = hromada.rules as Json;
  const changed = await api.call('PATCH', `/hromady/${H}`, {
    version: hromada.version,
    rules: { ...rules, lateCancelHours: LATE_CANCEL_HOURS },
  });
  if (changed.status >= 300)
    throw new Error(`PATCH /hromady/${H}: ${changed.status} ${reason(changed.body)}`);
  try {
    for (const i of indexes) await cancel(D, booked.get(i), 'late');
  } finally {
    const now = await api.get(`/hromady/${H}`);
    await api.call('PATCH', `/hromady/${H}`, { version: now.version, rules });
  }
}

/** What the drivers report by phone, recorded by the dispatcher: on board, done, a no-show. */
async function recordOutcomes(D: string, day: number): Promise<void> {
  const requests = await api.all(`/hromady/${H}/requests?date=${D}`);
  const counts = { done: 0, 'no-show': 0, open: 0, before: 0 };
  let taxiIndex = 0;
  for (const r of requests) {
    if (['done', 'no-show', 'cancelled'].includes(String(r.status))) {
      counts.before += 1;
      if (r.serviceType === 'social-taxi') taxiIndex += 1;
      continue;
    }
    const outcome = outcomeFor(
      { serviceType: String(r.serviceType), status: String(r.status) },
      day,
      taxiIndex,
    );
    if (r.serviceType === 'social-taxi') taxiIndex += 1;
    counts[outcome] += 1;
    if (outcome === 'open') continue;
    let version = Number(r.version);
    if (outcome === 'done' && r.serviceType === 'social-taxi' && r.status !== 'on-board') {
      const aboard = await api.post(`/hromady/${H}/requests/${r.id}/outcome`, {
        version,
        outcome: 'on-board',
      });
      version = Number(aboard.version);
    }
    await api.post(`/hromady/${H}/requests/${r.id}/outcome`, { version, outcome });
  }
  say(
    `  outcomes: ${counts.done} done, ${counts['no-show']} no-show, ${counts.open} left open (${counts.before} settled before)`,
  );
}

/** Residents asked for a rating answer it (the newest question of theirs), one with a complaint. */
async function answerRatings(D: string, day: number): Promise<void> {
  const done = (await api.all(`/hromady/${H}/requests?date=${D}`)).filter(
    (r) => r.status === 'done' && r.feedbackAskedAt && phoneOf.has(String(r.residentId)),
  );
  const answers = feedbackFor(day);
  const seen = new Set<string>();
  for (const r of done) {
    const residentId = String(r.residentId);
    if (seen.has(residentId)) continue;
    const answer = answers[seen.size];
    if (!answer) break;
    seen.add(residentId);
    await inbound({ api }, phoneOf.get(residentId)!, answer.rating);
    tally.ratings += 1;
    if (answer.complaint) {
      await inbound({ api }, phoneOf.get(residentId)!, answer.complaint);
      tally.complaints += 1;
    }
  }
  say(`  ${seen.size} residents rated their trip${day === 1 ? ', one complained' : ''}`);
}

/** The week's figures from the API, and every report read and checked. */
async function weekNumbers(): Promise<WeekSummary & { allReports: boolean }> {
  const all = (await Promise.all(dates.map((d) => api.all(`/hromady/${H}/requests?date=${d}`)))).flat();
  const count = (f: (r: Json) => boolean) => all.filter(f).length;
  const from = dates[0]!;
  const to = dates.at(-1)!;
  const names = await reportNames(api);
  let good = 0;
  let csvAll = true;
  let trips: Json | undefined;
  for (const name of names) {
    const read = await readReport(api, H, name, from, to);
    const ok = read.jsonStatus === 200 && read.csvStatus === 200 && csvOk(read.csv);
    if (ok) good += 1;
    csvAll &&= csvOk(read.csv);
    say(
      `report ${name}: json ${read.jsonStatus}, csv ${read.csvStatus} bom=${read.csv.bom ? 1 : 0} cyrillic=${read.csv.cyrillic ? 1 : 0} round-trip=${read.csv.roundTrips ? 1 : 0}`,
    );
    if (name === 'trips') trips = read.json.totals as Json | undefined;
    if (name === 'on-time')
      say('  (outcomes are recorded today, ahead of their windows: the on-time report counts them early)');
  }
  const week = {
    requests: all.length,
    done: count((r) => r.status === 'done'),
    noShow: count((r) => r.status === 'no-show'),
    cancelledEarly: count((r) => r.status === 'cancelled' && r.cancelKind === 'early'),
    cancelledLate: count((r) => r.status === 'cancelled' && r.cancelKind === 'late'),
  };
  say(`trips report totals ${JSON.stringify(trips)}; the week's requests ${JSON.stringify(week)}`);
  return {
    days: dates.length,
    workdays: workday,
    ...week,
    noShows: week.noShow,
    tripsMatch: Object.entries(week).every(([k, n]) => trips?.[k] === n),
    ratings: tally.ratings,
    reports: good,
    allReports: good === names.length,
    csvOk: csvAll,
  };
}
