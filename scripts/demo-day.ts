/**
 * `npm run demo:day`: replays a whole day against the running local platform (`npm start`, `PORT`
 * default 3000) as the dispatcher, the drivers and the residents would: bookings of all four
 * services (with a standing order and mobile-case slots through their APIs), the plan and its
 * publication, residents' ТАК/НІ, a phone call through the IVR, drivers' `N OK` / `N NS` / `N ?`
 * through the day, a late phone request inserted into the plan, and an SMS the carrier could not
 * deliver. Prints progress lines; the last line is the day's summary (demo-day-summary.ts).
 *
 *   npm run demo:day                 today if the fleet works today, else the demo day
 *   npm run demo:day -- --demo-day   the demo day (drivers' replies skipped: they act on today)
 *   npm run demo:day -- --seconds 1  the planner's time budget (default 3)
 */
import { parseArgs } from 'node:util';
import { Api, type Json, planTheDay } from './lib/demo-day-api';
import {
  CASE_SLOT_RESIDENTS,
  caseStop,
  dayBookings,
  lateRequest,
  standingOrder,
} from './lib/demo-day-bookings';
import { chooseDay } from './lib/demo-day-choice';
import { driversReply, inbound, newDriversState } from './lib/demo-day-drivers';
import { failNewestSms, settleReceipts } from './lib/demo-day-sms';
import { summarise, summaryLine } from './lib/demo-day-summary';
import { playCall } from './lib/terminal-phone';

const H = 'khmilnytska';
const { values } = parseArgs({
  options: { 'demo-day': { type: 'boolean', default: false }, seconds: { type: 'string', default: '3' } },
});
const api = new Api(`http://127.0.0.1:${process.env.PORT ?? '3000'}`);
const say = (line: string) => console.log(line);
const since = new Date(Date.now() - 1000).toISOString();

// the local endpoint answers the date as plain text (infra/local/http-bridge.ts): `{ text }` here
const demoDayAnswer = await api.get('/_local/demo-day');
const demoDay = String(demoDayAnswer.value ?? demoDayAnswer.text).trim();
const day = chooseDay(new Date(), demoDay, values['demo-day'] ? 'demo' : undefined);
const D = day.date;
say(`replaying ${day.why}`);

const residents = await api.all(`/hromady/${H}/residents`);
const phoneOf = new Map(residents.filter((r) => r.phone).map((r) => [String(r.id), String(r.phone)]));
const requestsOfDay = async () =>
  new Map((await api.all(`/hromady/${H}/requests?date=${D}`)).map((r) => [String(r.id), r]));
const reason = (body: Json) => {
  const error = (body.error ?? {}) as Json;
  return String(body.reason ?? error.reason ?? error.message ?? JSON.stringify(body));
};

// the dispatcher books the day by phone (each booking keyed: a second run books nothing twice)
say('dispatcher: booking');
for (const [i, b] of dayBookings(D, day.start).entries()) {
  const res = await api.call('POST', `/hromady/${H}/requests`, b.body, {
    'Idempotency-Key': `demoday-${D}-${i}`,
  });
  say(
    `  ${b.label}: ${res.status < 300 ? `booked ${res.body.id}` : `refused ${res.status} ${reason(res.body)}`}`,
  );
}
const order = await api.call('POST', `/hromady/${H}/standing-orders`, standingOrder(D, day.start));
const rides = [...(await requestsOfDay()).values()].filter((r) => r.standingOrderId === `demoday-${D}`);
say(
  `  standing order demoday-${D}: ${order.status < 300 ? 'created' : `${order.status} ${reason(order.body)}`}; its rides that day: ${rides.length}`,
);
const stopId = await mobileCaseStop();
for (const residentId of CASE_SLOT_RESIDENTS) {
  const res = await api.call('POST', `/hromady/${H}/case-stops/${stopId}/bookings`, { residentId });
  const slot = (res.body.booking as Json | undefined)?.time ?? res.body.time ?? '';
  say(
    `  mobile case ${stopId}: slot for ${residentId} ${res.status < 300 ? `booked ${slot}` : `${res.status} ${reason(res.body)}`}`,
  );
}

// plan and publish
const existing = await api.call('GET', `/hromady/${H}/plans/${D}`);
const plan = await planTheDay(api, H, D, {
  seconds: Number(values.seconds),
  ...(existing.status === 200 ? { version: Number(existing.body.version) } : {}),
});
say(
  `dispatcher: planned ${D} v${plan.version}: ${(plan.routes as unknown[]).length} routes, ${(plan.unassigned as unknown[]).length} unassigned`,
);
await api.post(`/hromady/${H}/plans/${D}/publish`, { version: plan.version });
say(`dispatcher: published v${plan.version}: drivers got their routes by SMS`);

// residents answer, and one calls the phone line
await inbound({ api }, phoneOf.get('resident-1')!, 'ТАК');
say('resident-1: ТАК (confirms her next ride)');
await inbound({ api }, phoneOf.get('resident-4')!, 'НІ');
say('resident-4: НІ (cancels his next ride: after publishing, his driver gets a new route)');
const keys = ['1'];
const answers = await playCall(
  {
    step: async (step) => (await api.post('/_local/ivr', step)) as Record<string, string>,
    key: async () => keys.shift(),
    print: (line) => say(`  ${line}`),
  },
  { contactId: `demoday-${Date.now()}`, caller: phoneOf.get('resident-3')! },
);
say(`resident-3 called the phone line: ${answers.length} steps, pressed 1 (confirm)`);

// the morning: drivers report their first stops
const drivers = { api, hromadaId: H, date: D, say, requests: requestsOfDay, residentPhones: phoneOf };
const state = newDriversState();
if (day.today) {
  say('drivers: the morning');
  await driversReply(drivers, state, 8);
} else say("drivers: replies skipped (they act on today's published plan; this is not today)");

// a late phone request, inserted into the plan under way; its confirmation SMS is not delivered
const late = lateRequest(D, day.start);
const booked = await api.call('POST', `/hromady/${H}/requests`, late.body, {
  'Idempotency-Key': `demoday-${D}-late`,
});
say(
  `dispatcher: ${late.label}: ${booked.status < 300 ? `booked ${booked.body.id}` : `refused ${booked.status} ${reason(booked.body)}`}`,
);
let failed = await failNewestSms(api, H, say);
if (booked.status < 300) {
  const current = await api.get(`/hromady/${H}/plans/${D}`);
  const inserted = await api.call('POST', `/hromady/${H}/plans/${D}/requests`, {
    requestId: booked.body.id,
    version: current.version,
  });
  const where = (inserted.body.plan as Json | undefined)?.version ?? inserted.body.version;
  say(
    `dispatcher: inserted ${booked.body.id}: ${inserted.status < 300 ? `plan v${where}` : `${inserted.status} ${reason(inserted.body)}`}`,
  );
}
if (!failed) failed = await failNewestSms(api, H, say);

if (day.today) {
  say('drivers: the rest of the day');
  await driversReply(drivers, state, 1000);
}

// the day's numbers
await settleReceipts(api, H, since);
const messages = (await api.all(`/hromady/${H}/messages`)).filter((m) => String(m.createdAt) >= since);
const finalPlan = await api.call('GET', `/hromady/${H}/plans/${D}`);
const summary = summarise({
  requests: [...(await requestsOfDay()).values()],
  plan: finalPlan.status === 200 ? finalPlan.body : undefined,
  messages,
  residentPhones: new Set(phoneOf.values()),
  alerts: await api.all(`/hromady/${H}/alerts?date=${D}`),
});
say(`SMS queued during the replay: ${messages.length}; the day's alerts: ${summary.alerts}`);
say(summaryLine(summary));

/** Today: a stop made for the replay (created once); the demo day: its first scheduled stop. */
async function mobileCaseStop(): Promise<string> {
  const stops = await api.all(`/hromady/${H}/case-stops?from=${D}&to=${D}`);
  const own = stops.find((s) => s.id === `demoday-${D}`) ?? (day.today ? undefined : stops[0]);
  if (own) return String(own.id);
  const settlementId = String(residents.find((r) => r.id === 'resident-5')?.settlementId);
  const created = await api.post(`/hromady/${H}/case-stops`, caseStop(D, day.start, settlementId));
  say(`  mobile case: stop ${created.id} ${created.from}-${created.to} created`);
  return String(created.id);
}
