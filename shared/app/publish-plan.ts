/**
 * Publish a day's plan: each vehicle's driver gets the route by SMS, numbered stops they can report
 * on (`3 OK`, `3 NS`, `3 ?`). The plan's new status, its audit entry and every route message are one
 * transaction, and message ids carry the plan version, so a retry sends nothing twice and a later
 * re-plan, published again, sends the new routes.
 */
import { type Driver, driverSchema } from '../domain/entities/driver';
import type { Hromada } from '../domain/entities/hromada';
import type { Plan } from '../domain/entities/plan';
import type { ServiceRequest } from '../domain/entities/service-request';
import { type Vehicle, vehicleSchema } from '../domain/entities/vehicle';
import { LimitError } from '../domain/errors';
import { localDayLabel, localTimeLabel } from '../domain/time';
import { driverRoute, type RouteStopText } from '../messaging/templates';
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
  const plan: Plan = {
    ...current,
    status: 'published',
    publishedAt: now.toISOString(),
    version,
    updatedAt: now.toISOString(),
  };
  const changes: Change[] = [
    { op: 'update', entity: 'Plan', item: plan, expectedVersion },
    auditChange(ports, hromada, actor, 'publish', 'Plan', date, ['status', 'publishedAt']),
  ];
  const routeSms = routeMessages(ports, hromada, date, version, current.routes, requests, vehicles, drivers);
  changes.push(...routeSms.changes);
  const withoutDriver = routeSms.withoutDriver;
  const messages = changes.length - 2;
  if (messages > MAX_MESSAGES)
    throw new LimitError(`${messages} route messages in one publish; at most ${MAX_MESSAGES}`);
  await ports.entities.commit(changes);
  return { plan, messages, withoutDriver };
}

/**
 * The route SMS of these routes for their drivers at plan `version` (ids carry it, so a retry
 * queues nothing twice), and the vehicles that have no active driver.
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
): { changes: Change[]; withoutDriver: string[] } {
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const changes: Change[] = [];
  const withoutDriver: string[] = [];
  const day = localDayLabel(new Date(`${date}T12:00:00Z`), 'UTC');
  for (const route of routes) {
    const driver = drivers.find((d) => d.active && d.vehicleIds.includes(route.vehicleId));
    if (!driver) {
      withoutDriver.push(route.vehicleId);
      continue;
    }
    const plate = vehicles.find((v) => v.id === route.vehicleId)?.plate ?? route.vehicleId;
    const stops = route.stops.map((s, i) =>
      stopText(i + 1, s, requestById.get(s.requestId), hromada.timeZone),
    );
    const texts = driverRoute(day, plate, stops).map((t) => (driver.transliterateSms ? transliterate(t) : t));
    texts.forEach((text, k) => {
      changes.push({
        op: 'outbox',
        message: outboxMessageFor(
          ports,
          hromada,
          `route-${date}-${route.vehicleId}-v${version}-${k + 1}`,
          'driver-route',
          driver.phone,
          text,
          `PLAN#${date}`,
          false,
        ),
      });
    });
  }
  return { changes, withoutDriver };
}
