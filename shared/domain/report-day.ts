/**
 * A hromada's day in numbers (pattern RP1): counters kept up to date by every change set that
 * moves a request or publishes a plan, so that a month's report reads ~31 small items instead of
 * every request of the month. Pure: what a request or a plan adds to its day.
 *
 * A request is counted in one *bucket* (its date, service, settlement, outcome and, once done,
 * its riders and punctuality). The bucket it was last counted in is stored on the request
 * (`reportedAs`); a write that changes the bucket takes the old one off and adds the new one, in
 * the same transaction, so the counters never drift whatever path changed the request.
 */
import { z } from 'zod';
import type { Plan } from './entities/plan';
import type { ServiceRequest } from './entities/service-request';
import { isLateCancel } from './late-cancel';

export const reportOutcomes = ['open', 'done', 'noShow', 'cancelledEarly', 'cancelledLate'] as const;
export type ReportOutcome = (typeof reportOutcomes)[number];

/** How a done pickup or visit kept its agreed window (unknown: no actual time recorded). */
export const punctualities = ['onTime', 'early', 'late', 'unknown'] as const;
export type Punctuality = (typeof punctualities)[number];

/** Where a request was last counted (stored on the request as `reportedAs`). */
export const reportBucketSchema = z.strictObject({
  date: z.string(),
  service: z.string(),
  /** The pickup's settlement (the visit's place); `-` when it names none. */
  settlement: z.string(),
  resident: z.string(),
  outcome: z.enum(reportOutcomes),
  /** Done only: riders (the resident and escorts). */
  riders: z.number().int().min(0).optional(),
  punctuality: z.enum(punctualities).optional(),
});
export type ReportBucket = z.infer<typeof reportBucketSchema>;

/** A vehicle's planned day (the last published plan version of the date). */
export interface PlannedRoute {
  driverId: string | null;
  km: number;
  hours: number;
  /** Rider-km planned: each leg's km (the route's km shared out by leg time) × requests on board. */
  riderKm: number;
  pickups: number;
  visits: number;
}

/** The stored day: additive counters, add-only sets, and the planned routes (replaced at publish). */
export interface ReportDay {
  hromadaId: string;
  date: string;
  counts: Record<string, number>;
  sets: Record<string, string[]>;
  planned: Record<string, PlannedRoute> | null;
}

/** What one change adds to a day (counts may be negative: a request left its old bucket). */
export interface ReportDayDelta {
  hromadaId: string;
  date: string;
  add: Record<string, number>;
  sets: Record<string, string[]>;
  planned?: Record<string, PlannedRoute>;
}

/** Counter names: `n|<outcome>|s|<service>`, `n|<outcome>|p|<settlement>`, … */
export const countKey = {
  byService: (o: ReportOutcome, service: string) => `n|${o}|s|${service}`,
  bySettlement: (o: ReportOutcome, settlement: string) => `n|${o}|p|${settlement}`,
  riders: (service: string) => `riders|${service}`,
  punctuality: (p: Punctuality, service: string) => `ot|${p}|${service}`,
};
/** Settlements a done social-taxi ride picked up in; `<settlement>#<resident>` of done deliveries. */
export const setKey = { taxiSettlements: 'taxi-settlements', delivered: 'delivered' } as const;

const UNKNOWN_SETTLEMENT = '-';
/** For a request cancelled before `cancelKind` was recorded. */
const DEFAULT_LATE_CANCEL_HOURS = 2;

/** Where the actual pickup (or arrival) time falls against the agreed window. */
export function punctualityOf(r: Pick<ServiceRequest, 'window' | 'pickedUpAt'>): Punctuality {
  if (!r.pickedUpAt) return 'unknown';
  if (r.pickedUpAt < r.window.start) return 'early';
  return r.pickedUpAt > r.window.end ? 'late' : 'onTime';
}

export function outcomeOf(r: ServiceRequest, lateCancelHours = DEFAULT_LATE_CANCEL_HOURS): ReportOutcome {
  if (r.status === 'done') return 'done';
  if (r.status === 'no-show') return 'noShow';
  if (r.status === 'cancelled') return isLateCancel(r, lateCancelHours) ? 'cancelledLate' : 'cancelledEarly';
  return 'open';
}

/** The bucket a request counts in now. `settlement` overrides the pickup's (reports' fallback). */
export function bucketOf(r: ServiceRequest, options: { lateCancelHours?: number; settlement?: string } = {}) {
  const outcome = outcomeOf(r, options.lateCancelHours);
  const bucket: ReportBucket = {
    date: r.date,
    service: r.serviceType,
    settlement: options.settlement ?? r.pickup.settlementId ?? UNKNOWN_SETTLEMENT,
    resident: r.residentId,
    outcome,
  };
  if (outcome === 'done') {
    bucket.riders = 1 + (r.passengers?.escorts ?? 0);
    bucket.punctuality = punctualityOf(r);
  }
  return bucket;
}

const sameBucket = (a: ReportBucket, b: ReportBucket) =>
  (Object.keys(reportBucketSchema.shape) as Array<keyof ReportBucket>).every((k) => a[k] === b[k]);

function addBucket(add: Record<string, number>, b: ReportBucket, sign: 1 | -1): void {
  const inc = (key: string, n: number) => {
    add[key] = (add[key] ?? 0) + sign * n;
  };
  inc(countKey.byService(b.outcome, b.service), 1);
  inc(countKey.bySettlement(b.outcome, b.settlement), 1);
  if (b.outcome === 'done') {
    inc(countKey.riders(b.service), b.riders ?? 1);
    inc(countKey.punctuality(b.punctuality ?? 'unknown', b.service), 1);
  }
}

/** The sets a done request joins (never left: done is final). */
function setsOf(b: ReportBucket): Record<string, string[]> {
  if (b.outcome !== 'done' || b.settlement === UNKNOWN_SETTLEMENT) return {};
  if (b.service === 'social-taxi') return { [setKey.taxiSettlements]: [b.settlement] };
  if (b.service === 'delivery') return { [setKey.delivered]: [`${b.settlement}#${b.resident}`] };
  return {};
}

/**
 * What writing `request` changes in the report days: nothing when it is still in the bucket it was
 * counted in; else its old bucket taken off and the new one added (one delta per date touched).
 * Returns the request to write, carrying its new `reportedAs`.
 */
export function requestReportDeltas(
  request: ServiceRequest,
  options: { created: boolean },
): { request: ServiceRequest; deltas: ReportDayDelta[] } {
  // a pickup naming no settlement keeps the one it was first counted in (the resident's, at booking)
  const now = bucketOf(request, {
    settlement: request.pickup.settlementId ?? request.reportedAs?.settlement,
  });
  // a new request was never counted, whatever its builder marked (`counted` below)
  const before = options.created ? undefined : request.reportedAs;
  if (before && sameBucket(before, now)) return { request, deltas: [] };
  const deltas: ReportDayDelta[] = [];
  const dayOf = (date: string) => {
    let d = deltas.find((x) => x.date === date);
    if (!d) {
      d = { hromadaId: request.hromadaId, date, add: {}, sets: {} };
      deltas.push(d);
    }
    return d;
  };
  if (before) addBucket(dayOf(before.date).add, before, -1);
  const day = dayOf(now.date);
  addBucket(day.add, now, 1);
  if (before?.outcome !== 'done') day.sets = setsOf(now);
  for (const d of deltas) {
    for (const [k, n] of Object.entries(d.add)) if (n === 0) delete d.add[k];
  }
  return { request: { ...request, reportedAs: now }, deltas };
}

/** A new request marked with the bucket its create will count it in (so what a use case returns is what is stored). */
export const counted = (request: ServiceRequest, residentSettlement?: string): ServiceRequest => ({
  ...request,
  reportedAs: bucketOf(request, { settlement: request.pickup.settlementId ?? residentSettlement }),
});

/** A published plan's routes as the day's planned figures, by vehicle. */
export function plannedOf(plan: Plan): Record<string, PlannedRoute> {
  const out: Record<string, PlannedRoute> = {};
  for (const route of plan.routes) {
    if (route.stops.length === 0) continue;
    const km = route.distanceM / 1000;
    // legs between consecutive stops (the depot legs carry nobody): time on the road per leg
    const legs: Array<{ seconds: number; onBoard: number }> = [];
    const aboard = new Set<string>();
    route.stops.forEach((stop, i) => {
      if (stop.kind === 'pickup') aboard.add(stop.requestId);
      if (stop.kind === 'dropoff') aboard.delete(stop.requestId);
      const next = route.stops[i + 1];
      if (next) {
        const seconds = Math.max(0, (Date.parse(next.arrival) - Date.parse(stop.departure)) / 1000);
        legs.push({ seconds, onBoard: aboard.size });
      }
    });
    const first = Date.parse(route.stops[0]?.arrival ?? '');
    const last = Date.parse(route.stops.at(-1)?.departure ?? '');
    const stopSeconds = Math.max(0, (last - first) / 1000);
    // the route's distance shared out by travel time over its legs and the depot legs
    const depotSeconds = Math.max(0, route.durationS - stopSeconds);
    const travelSeconds = legs.reduce((s, l) => s + l.seconds, 0) + depotSeconds;
    const riderKm =
      travelSeconds > 0 ? legs.reduce((s, l) => s + (km * l.seconds * l.onBoard) / travelSeconds, 0) : 0;
    out[route.vehicleId] = {
      driverId: route.driverId ?? null,
      km: round(km, 3),
      hours: round(route.durationS / 3600, 3),
      riderKm: round(riderKm, 3),
      pickups: route.stops.filter((s) => s.kind === 'pickup').length,
      visits: route.stops.filter((s) => s.kind === 'visit').length,
    };
  }
  return out;
}

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Deltas of one change set, one per day (DynamoDB takes one operation per item in a transaction). */
export function mergeDeltas(deltas: ReportDayDelta[]): ReportDayDelta[] {
  const byDay = new Map<string, ReportDayDelta>();
  for (const d of deltas) {
    const key = `${d.hromadaId}|${d.date}`;
    const found = byDay.get(key);
    if (!found) {
      byDay.set(key, { ...d, add: { ...d.add }, sets: { ...d.sets } });
      continue;
    }
    for (const [k, n] of Object.entries(d.add)) found.add[k] = (found.add[k] ?? 0) + n;
    for (const [k, v] of Object.entries(d.sets))
      found.sets[k] = [...new Set([...(found.sets[k] ?? []), ...v])];
    if (d.planned) found.planned = d.planned;
  }
  return [...byDay.values()].filter(
    (d) => Object.values(d.add).some((n) => n !== 0) || Object.keys(d.sets).length > 0 || d.planned,
  );
}

/** A day's figures computed from its requests (a day without a stored aggregate). */
export function reportDayFromRequests(
  hromadaId: string,
  date: string,
  requests: readonly ServiceRequest[],
  options: { lateCancelHours: number; residentSettlement: ReadonlyMap<string, string> },
): ReportDay {
  const day: ReportDay = { hromadaId, date, counts: {}, sets: {}, planned: null };
  for (const r of requests) {
    const settlement = r.pickup.settlementId ?? options.residentSettlement.get(r.residentId);
    const b = bucketOf(r, { lateCancelHours: options.lateCancelHours, settlement });
    addBucket(day.counts, b, 1);
    for (const [k, v] of Object.entries(setsOf(b)))
      day.sets[k] = [...new Set([...(day.sets[k] ?? []), ...v])];
  }
  return day;
}
