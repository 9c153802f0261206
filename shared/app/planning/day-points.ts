/**
 * Which requests, vehicles and places a hromada's service day is about: the first step from the
 * day as stored to the routing problem. Pure: the caller loads the requests, vehicles and depots.
 */

import { ADDRESS_IN_ZONE } from '../../domain/entities/danger-zone';
import type { Depot } from '../../domain/entities/depot';
import type { Hromada } from '../../domain/entities/hromada';
import { isOpen, type ServiceRequest } from '../../domain/entities/service-request';
import type { Vehicle } from '../../domain/entities/vehicle';
import { addDays, localToUtc } from '../../domain/time';
import type { LatLon } from '../../ports/travel-times';
import { ZoneMap, type ZonePolygons } from '../../routing/geometry/zone-map';
import { curfewOfDay } from './day-curfew';

export interface DayInput {
  hromada: Pick<Hromada, 'timeZone' | 'rules'>;
  date: string;
  requests: ServiceRequest[];
  vehicles: Vehicle[];
  depots: Depot[];
  /** Requests only one vehicle may serve: request id → vehicle id. */
  pinned?: ReadonlyMap<string, string>;
  /** Danger zones in force that day: a request with a place inside one is left out. */
  zones?: ZonePolygons;
}

/** The points to ask travel times for, and what each task and vehicle refers to. */
export interface DayPoints {
  points: LatLon[];
  /** Requests that are planned, in task-id order (task id = index + 1). */
  requests: ServiceRequest[];
  /** Vehicles working that day, in vehicle-id order (vehicle id = index + 1), with their shift. */
  vehicles: Array<{ vehicle: Vehicle; depotIndex: number; shift: { start: string; end: string } }>;
  /** Point index of each request's pickup (or visit) and drop-off (-1 if none). */
  pickupIndex: number[];
  dropoffIndex: number[];
  /** The instant the problem's time 0 stands for (local midnight, UTC). */
  dayStart: Date;
  /** The next local midnight (23, 24 or 25 hours later). */
  dayEnd: Date;
  /** Open requests left out before routing because no vehicle could ever serve them, and why. */
  refused: Array<{ requestId: string; reason: string }>;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The local day's bounds: its midnight and the next one, as UTC instants. */
export function dayBounds(date: string, timeZone: string): { dayStart: Date; dayEnd: Date } {
  return {
    dayStart: localToUtc(date, '00:00', timeZone),
    dayEnd: localToUtc(addDays(date, 1), '00:00', timeZone),
  };
}

/**
 * Works out who works that day and which places matter. Requests still open are planned; those in
 * `keep` are included whatever their status (re-planning a day under way keeps what was done).
 */
export function dayPoints(input: DayInput, keep: ReadonlySet<string> = new Set()): DayPoints {
  const { date, hromada } = input;
  const points: LatLon[] = [];
  const pointOf = (p: LatLon): number => {
    points.push({ lat: p.lat, lon: p.lon });
    return points.length - 1;
  };
  const depotIndex = new Map<string, number>();
  const curfew = curfewOfDay(hromada, date);
  const weekday = isoWeekday(date);
  const vehicles: DayPoints['vehicles'] = [];
  for (const vehicle of input.vehicles) {
    if (!vehicle.active) continue;
    const found = vehicle.shifts.find((s) => s.days.includes(weekday));
    // the curfew clips the shift: the vehicle is back at its depot when it starts
    const shift = found && curfew.shift(found);
    const depot = input.depots.find((d) => d.id === vehicle.depotId);
    if (!shift || !depot) continue;
    let di = depotIndex.get(depot.id);
    if (di === undefined) {
      di = pointOf(depot.location);
      depotIndex.set(depot.id, di);
    }
    vehicles.push({ vehicle, depotIndex: di, shift: { start: shift.start, end: shift.end } });
  }
  const { dayStart, dayEnd } = dayBounds(date, hromada.timeZone);
  const refused: DayPoints['refused'] = [];
  const zones = input.zones?.length ? new ZoneMap(input.zones) : undefined;
  const inDay = input.requests.filter((r) => {
    if (r.date !== date || !(isOpen(r.status) || keep.has(r.id))) return false;
    // a will-call return waits for the resident's call (taxi/activate-return.ts)
    if (r.awaitingCall && !keep.has(r.id)) return false;
    // One request whose times fall outside its day (booked before a rule existed, or written by
    // another tool) must not stop the whole day: it is listed with its reason, the rest is planned.
    // A request kept from a day under way (done, on board) is never left out.
    const reason = keep.has(r.id) ? undefined : (outsideTheDay(r, dayStart, dayEnd) ?? inZone(r, zones));
    if (reason) refused.push({ requestId: r.id, reason });
    return !reason;
  });
  // no stop inside the curfew: windows clipped, a request wholly inside it left out with its reason
  const requests = curfew.requests(inDay, keep, refused);
  const pickupIndex: number[] = [];
  const dropoffIndex: number[] = [];
  for (const r of requests) {
    pickupIndex.push(pointOf(r.pickup.location));
    dropoffIndex.push(r.dropoff ? pointOf(r.dropoff.location) : -1);
  }
  return {
    points,
    requests,
    vehicles,
    pickupIndex,
    dropoffIndex,
    dayStart,
    dayEnd,
    refused,
  };
}

export const OUTSIDE_THE_DAY = 'час поїздки поза межами її дня';

/** Why a request cannot be served within its own day, if it cannot. */
export function outsideTheDay(r: ServiceRequest, dayStart: Date, dayEnd: Date): string | undefined {
  const start = Date.parse(r.window.start);
  const end = Date.parse(r.window.end);
  if (!(start <= end) || end < dayStart.getTime() || start >= dayEnd.getTime()) return OUTSIDE_THE_DAY;
  return undefined;
}

/** A request with its pickup, visit or drop-off inside a danger zone is not planned. */
export function inZone(r: ServiceRequest, zones: ZoneMap | undefined): string | undefined {
  if (!zones) return undefined;
  const places = [r.pickup.location, ...(r.dropoff ? [r.dropoff.location] : [])];
  return places.some((p) => zones.inside(p)) ? ADDRESS_IN_ZONE : undefined;
}
