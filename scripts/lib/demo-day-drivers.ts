/**
 * The drivers' side of the replayed day: each driver texts a report for the stops of today's
 * published plan in the order the day runs (by planned arrival): `N OK` at each stop, `N ?` once
 * (a problem for the dispatcher), `N NS` for one pickup (a no-show, whose drop-off then never
 * happens), and `N КОД 1234` for a delivery handed over with a code (read from the resident's SMS).
 * The plan is read again before each reply: a cancellation or an insertion renumbers the stops, and
 * the drivers were sent the new route.
 */
import type { Api, Json } from './demo-day-api';

interface PlanStop {
  requestId: string;
  kind: 'pickup' | 'dropoff' | 'visit';
  arrival: string;
}

export interface DriversContext {
  api: Api;
  hromadaId: string;
  date: string;
  say: (line: string) => void;
  /** The day's requests by id (a case stop on the route is not one). */
  requests: () => Promise<Map<string, Json>>;
  /** Residents' numbers by resident id. */
  residentPhones: Map<string, string>;
}

/** What the drivers have reported so far (`requestId kind`), and which reports were made. */
export interface DriversState {
  reported: Set<string>;
  askedOnce: boolean;
  noShows: number;
}

export const newDriversState = (): DriversState => ({ reported: new Set(), askedOnce: false, noShows: 0 });

const key = (s: { requestId: string; kind: string }) => `${s.requestId} ${s.kind}`;

/** Reply for up to `count` stops (in the day's order); returns how many replies were sent. */
export async function driversReply(ctx: DriversContext, state: DriversState, count: number): Promise<number> {
  const drivers = await ctx.api.all(`/hromady/${ctx.hromadaId}/drivers`);
  let sent = 0;
  while (sent < count) {
    const plan = await ctx.api.get(`/hromady/${ctx.hromadaId}/plans/${ctx.date}`);
    const next = nextStop(plan, state);
    if (!next) break;
    const driver = drivers.find((d) => (d.vehicleIds as string[]).includes(next.vehicleId));
    state.reported.add(key(next.stop));
    if (!driver?.phone) {
      ctx.say(`  ${next.vehicleId}: no driver's phone, stop ${next.n} left to the dispatcher`);
      continue;
    }
    const text = await replyFor(ctx, state, next.n, next.stop);
    if (text.endsWith(' NS')) state.reported.add(`${next.stop.requestId} dropoff`);
    const time = new Date(next.stop.arrival).toLocaleTimeString('uk-UA', {
      timeZone: 'Europe/Kyiv',
      hour: '2-digit',
      minute: '2-digit',
    });
    if (!state.askedOnce) {
      state.askedOnce = true;
      await inbound(ctx, String(driver.phone), `${next.n} ?`);
      ctx.say(`  ${time} ${driver.name} (${next.vehicleId}): ${next.n} ? (a problem for the dispatcher)`);
    }
    await inbound(ctx, String(driver.phone), text);
    ctx.say(`  ${time} ${driver.name} (${next.vehicleId}): ${text.replace(/КОД \d{4}/, 'КОД ****')}`);
    sent += 1;
  }
  return sent;
}

function nextStop(plan: Json, state: DriversState) {
  const routes = (plan.routes as { vehicleId: string; stops: PlanStop[] }[] | undefined) ?? [];
  const open = routes.flatMap((r) =>
    r.stops
      .map((stop, i) => ({ vehicleId: r.vehicleId, n: i + 1, stop }))
      .filter((s) => !state.reported.has(key(s.stop))),
  );
  open.sort((a, b) => Date.parse(a.stop.arrival) - Date.parse(b.stop.arrival));
  return open[0];
}

async function replyFor(
  ctx: DriversContext,
  state: DriversState,
  n: number,
  stop: PlanStop,
): Promise<string> {
  const request = (await ctx.requests()).get(stop.requestId);
  if (!request) return `${n} OK`; // a mobile-case stop
  if (
    stop.kind === 'pickup' &&
    request.serviceType === 'social-taxi' &&
    state.noShows === 0 &&
    !request.returnOf
  ) {
    // the day's first one-way taxi pickup after the first hour: nobody comes out
    if (state.reported.size > 4) {
      state.noShows += 1;
      return `${n} NS`;
    }
  }
  if (request.handover && request.serviceType === 'delivery') {
    const code = await handoverCode(ctx, String(request.residentId));
    if (code) return `${n} КОД ${code}`;
  }
  return `${n} OK`;
}

/** The code the resident was sent (and will tell the driver at the door). */
async function handoverCode(ctx: DriversContext, residentId: string): Promise<string | undefined> {
  const phone = ctx.residentPhones.get(residentId);
  if (!phone) return undefined;
  const messages = await ctx.api.all(`/hromady/${ctx.hromadaId}/messages`);
  const sms = messages.find((m) => m.kind === 'handover-code' && m.to === phone);
  return /\b(\d{4})\b/.exec(String(sms?.text ?? ''))?.[1];
}

export async function inbound(ctx: { api: Api }, from: string, text: string): Promise<void> {
  await ctx.api.post('/_local/inbound-sms', { from, text });
}
