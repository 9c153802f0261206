/**
 * The route SMS a driver gets: numbered stops they can report on (`3 OK`, `3 NS`, `3 ?`), a
 * confidential stop without its address, in Latin letters for a phone that asks for it. A driver
 * already sent the same text is not sent it again (the plan keeps a digest of what each driver
 * has); a driver whose route was taken away is told. Message ids carry the plan version, so a retry
 * queues nothing twice. Pure: the caller commits the changes.
 */
import { createHash } from 'node:crypto';
import type { Driver } from '../../domain/entities/driver';
import type { Hromada } from '../../domain/entities/hromada';
import type { Plan } from '../../domain/entities/plan';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { Vehicle } from '../../domain/entities/vehicle';
import { localDayLabel, localTimeLabel } from '../../domain/time';
import { driverRoute, type RouteStopText, routeCancelled } from '../../messaging/templates';
import { transliterate } from '../../messaging/transliterate';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { queueSms } from '../queue-sms';

type Sent = NonNullable<Plan['sent']>;

/** A short digest of what a driver is sent: equal texts, equal digests. */
function digestOf(texts: string[]): string {
  return createHash('sha256').update(texts.join('\u0000')).digest('hex').slice(0, 16);
}

function stopText(
  n: number,
  stop: Plan['routes'][number]['stops'][number],
  request: ServiceRequest | undefined,
  timeZone: string,
): RouteStopText {
  const time = localTimeLabel(new Date(stop.arrival), timeZone);
  if (!request || request.confidential) return { n, time, kind: stop.kind, place: undefined };
  const place =
    stop.kind === 'dropoff' ? (request.dropoff?.address ?? request.pickup.address) : request.pickup.address;
  const text: RouteStopText = { n, time, kind: stop.kind, place };
  if (stop.kind === 'pickup') {
    if (request.passengers.wheelchair) text.wheelchair = true;
    if (request.passengers.escorts > 0) text.escorts = request.passengers.escorts;
  }
  if (request.parcel) {
    if (request.parcel.kg > 0) text.parcelKg = request.parcel.kg;
    if (request.parcel.cold) text.cold = true;
    if (request.parcel.count > 1) text.parcelCount = request.parcel.count;
  }
  // who may receive a delivery, and whether the receiver's code is needed (never the code itself)
  if (request.handover) {
    const trustedName = request.handover.mode === 'trusted' ? request.handover.trustedName : undefined;
    text.handover = { code: request.handoverCode !== undefined, ...(trustedName ? { trustedName } : {}) };
  }
  return text;
}

/**
 * The route SMS of these routes for their drivers at plan `version` (ids carry it, so a retry
 * queues nothing twice), skipping a route whose driver was already sent the same text
 * (`previouslySent`); what each driver now has (`sent`); and the vehicles that have no active driver.
 */
export function routeMessages(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  date: string,
  version: number,
  routes: Plan['routes'],
  requests: ServiceRequest[],
  vehicles: Vehicle[],
  drivers: Driver[],
  previouslySent: Sent = {},
): { changes: Change[]; withoutDriver: string[]; sent: Sent } {
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const changes: Change[] = [];
  const withoutDriver: string[] = [];
  const sent: Sent = {};
  const day = localDayLabel(new Date(`${date}T12:00:00Z`), 'UTC');
  for (const route of routes) {
    const driver = drivers.find((d) => d.active && d.vehicleIds.includes(route.vehicleId));
    if (!driver) {
      withoutDriver.push(route.vehicleId);
      continue;
    }
    const plate = plateOf(vehicles, route.vehicleId);
    const stops = route.stops.map((s, i) =>
      stopText(i + 1, s, requestById.get(s.requestId), hromada.timeZone),
    );
    const latin = driver.transliterateSms || hromada.rules.routeSmsLatin;
    const texts = driverRoute(day, plate, stops).map((t) => (latin ? transliterate(t) : t));
    sent[route.vehicleId] = { to: driver.phone, digest: digestOf(texts) };
    const before = previouslySent[route.vehicleId];
    if (before?.to === driver.phone && before.digest === sent[route.vehicleId]!.digest) continue;
    texts.forEach((text, k) => {
      const id = `route-${date}-${route.vehicleId}-v${version}-${k + 1}`;
      changes.push(routeSms(ports, hromada, id, driver.phone, text, date));
    });
  }
  return { changes, withoutDriver, sent };
}

/** A driver who was sent a route that is no longer theirs (all stops cancelled, re-planned away). */
export function takenAwayMessages(
  ports: Pick<Ports, 'clock'>,
  a: {
    hromada: Hromada;
    date: string;
    version: number;
    vehicles: Vehicle[];
    /** What each driver had before. */
    previouslySent: Sent | undefined;
    /** What each driver has now. */
    sent: Sent;
  },
): Change[] {
  const { hromada, date, version, vehicles, sent } = a;
  const day = localDayLabel(new Date(`${date}T12:00:00Z`), 'UTC');
  return Object.entries(a.previouslySent ?? {})
    .filter(([vehicleId, before]) => sent[vehicleId]?.to !== before.to)
    .map(([vehicleId, before]) => {
      const text = routeCancelled(day, plateOf(vehicles, vehicleId));
      return routeSms(ports, hromada, `route-${date}-${vehicleId}-v${version}-x`, before.to, text, date);
    });
}

const plateOf = (vehicles: Vehicle[], vehicleId: string) =>
  vehicles.find((v) => v.id === vehicleId)?.plate ?? vehicleId;

/** One driver-route SMS, about the day's plan. */
function routeSms(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  id: string,
  to: string,
  text: string,
  date: string,
): Change {
  return queueSms(ports, hromada, {
    id,
    kind: 'driver-route',
    to,
    text,
    subject: `PLAN#${date}`,
    confidential: false,
  });
}

/** What a day's drivers are sent for these routes: changed routes, and routes taken away. */
export interface DriverUpdates {
  changes: Change[];
  /** What each driver has now. */
  sent: Sent;
  withoutDriver: string[];
}

/**
 * The messages that bring the drivers up to date with `routes` at plan `version`: a route whose
 * text or driver changed since `previouslySent`, and the taken-away notice to a driver whose route
 * went (unchanged drivers get nothing). Publishing and a cancellation after publishing use it.
 */
export function driverUpdates(
  ports: Pick<Ports, 'clock'>,
  day: { hromada: Hromada; date: string; requests: ServiceRequest[]; vehicles: Vehicle[]; drivers: Driver[] },
  version: number,
  routes: Plan['routes'],
  previouslySent: Sent | undefined,
): DriverUpdates {
  const { hromada, date, requests, vehicles, drivers } = day;
  const routeSms = routeMessages(
    ports,
    hromada,
    date,
    version,
    routes,
    requests,
    vehicles,
    drivers,
    previouslySent,
  );
  const takenAway = takenAwayMessages(ports, {
    hromada,
    date,
    version,
    vehicles,
    previouslySent,
    sent: routeSms.sent,
  });
  return {
    changes: [...routeSms.changes, ...takenAway],
    sent: routeSms.sent,
    withoutDriver: routeSms.withoutDriver,
  };
}
