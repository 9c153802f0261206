/**
 * Publish a day's plan: each vehicle's driver gets the route by SMS, numbered stops they can report
 * on (`3 OK`, `3 NS`, `3 ?`). The plan is sent as it stands: stops of rides cancelled since planning
 * are taken out. A driver already sent the same route is not sent it again; a driver whose route
 * was taken away is told. The plan's new status, its audit entry and every route message are one
 * transaction, and message ids carry the plan version, so a retry sends nothing twice.
 */
import { createHash } from 'node:crypto';
import { type Driver, driverSchema } from '../domain/entities/driver';
import type { Hromada } from '../domain/entities/hromada';
import type { Plan } from '../domain/entities/plan';
import type { ServiceRequest } from '../domain/entities/service-request';
import { type Vehicle, vehicleSchema } from '../domain/entities/vehicle';
import { LimitError } from '../domain/errors';
import { localDayLabel, localTimeLabel } from '../domain/time';
import { driverRoute, type RouteStopText, routeCancelled } from '../messaging/templates';
import { transliterate } from '../messaging/transliterate';
import type { Change } from '../ports/entity-repository';
import { auditChange } from './audit';
import type { Actor, Ports } from './deps';
import { planAtVersion } from './plan-day';
import { listAll, requireHromada } from './registry';
import { outboxMessageFor } from './service-requests';

/** DynamoDB TransactWriteItems takes at most 100 items: the plan, its audit entry, the messages. */
const MAX_MESSAGES = 98;

export interface PublishedPlan {
  plan: Plan;
  /** Route messages queued (a long route is several). */
  messages: number;
  /** Vehicles with a route but no active driver assigned: the dispatcher calls them. */
  withoutDriver: string[];
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
  }
  return text;
}

export async function publishPlan(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  hromadaId: string,
  date: string,
  expectedVersion: number,
  actor: Actor,
): Promise<PublishedPlan> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await planAtVersion(ports, hromadaId, date, expectedVersion);

  const [requests, vehicles, drivers] = await Promise.all([
    ports.entities.listRequestsByDate(hromadaId, date),
    listAll(ports, 'Vehicle', hromadaId).then((xs) => xs.map((x) => vehicleSchema.parse(x))),
    listAll(ports, 'Driver', hromadaId).then((xs) => xs.map((x): Driver => driverSchema.parse(x))),
  ]);
  const now = ports.clock.now();
  const version = current.version + 1;
  // the plan as it stands: a ride cancelled since planning is not sent to anyone
  const routes = withoutCancelled(current.routes, requests);
  const routeSms = routeMessages(
    ports,
    hromada,
    date,
    version,
    routes,
    requests,
    vehicles,
    drivers,
    current.sent,
  );
  const takenAway = takenAwayMessages(ports, hromada, date, version, vehicles, current.sent, routeSms.sent);
  const plan: Plan = {
    ...current,
    routes,
    status: 'published',
    publishedAt: now.toISOString(),
    version,
    updatedAt: now.toISOString(),
    sent: routeSms.sent,
  };
  const messages = [...routeSms.changes, ...takenAway];
  if (messages.length > MAX_MESSAGES)
    throw new LimitError(`${messages.length} route messages in one publish; at most ${MAX_MESSAGES}`);
  await ports.entities.commit([
    { op: 'update', entity: 'Plan', item: plan, expectedVersion },
    auditChange(ports, hromada, actor, 'publish', 'Plan', date, ['status', 'publishedAt', 'routes']),
    ...messages,
  ]);
  return { plan, messages: messages.length, withoutDriver: routeSms.withoutDriver };
}

const GONE: ReadonlySet<ServiceRequest['status']> = new Set(['cancelled']);

/** The routes without the stops of requests cancelled (or deleted) since planning; empty routes go. */
function withoutCancelled(routes: Plan['routes'], requests: ServiceRequest[]): Plan['routes'] {
  const live = new Set(requests.filter((r) => !GONE.has(r.status)).map((r) => r.id));
  return routes
    .map((route) => ({ ...route, stops: route.stops.filter((s) => live.has(s.requestId)) }))
    .filter((route) => route.stops.length > 0);
}

type Sent = NonNullable<Plan['sent']>;

/** A short digest of what a driver is sent: equal texts, equal digests. */
function digestOf(texts: string[]): string {
  return createHash('sha256').update(texts.join('\u0000')).digest('hex').slice(0, 16);
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
    const texts = driverRoute(day, plate, stops).map((t) => (driver.transliterateSms ? transliterate(t) : t));
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
function takenAwayMessages(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  date: string,
  version: number,
  vehicles: Vehicle[],
  previouslySent: Sent = {},
  sent: Sent,
): Change[] {
  const day = localDayLabel(new Date(`${date}T12:00:00Z`), 'UTC');
  return Object.entries(previouslySent)
    .filter(([vehicleId, before]) => sent[vehicleId]?.to !== before.to)
    .map(([vehicleId, before]) => {
      const text = routeCancelled(day, plateOf(vehicles, vehicleId));
      return routeSms(ports, hromada, `route-${date}-${vehicleId}-v${version}-x`, before.to, text, date);
    });
}

const plateOf = (vehicles: Vehicle[], vehicleId: string) =>
  vehicles.find((v) => v.id === vehicleId)?.plate ?? vehicleId;

function routeSms(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  id: string,
  to: string,
  text: string,
  date: string,
): Change {
  return {
    op: 'outbox',
    message: outboxMessageFor(ports, hromada, id, 'driver-route', to, text, `PLAN#${date}`, false),
  };
}
