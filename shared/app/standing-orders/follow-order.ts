/**
 * After a standing order changed (edited or cancelled), the rides it already booked follow it:
 * each occurrence from today on that is not yet planned (requested, confirmed) is rewritten from
 * the new order, or cancelled when the order no longer rides that day (or was cancelled). An
 * occurrence a dispatcher edited by hand (it no longer matches what the previous order made) and
 * one already planned are left as they are and listed for the dispatcher. Each occurrence, its
 * linked return, their audit entries and the resident-day guard are one transaction. No SMS: these
 * rides are told to the resident by the evening reminder.
 */
import type { Actor } from '../../domain/actor';
import type { Hromada } from '../../domain/entities/hromada';
import type { Resident } from '../../domain/entities/resident';
import type { ServiceRequest } from '../../domain/entities/service-request';
import type { StandingOrder } from '../../domain/entities/standing-order';
import { AppError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { canMove, ROUTED_STATUSES } from '../../domain/request-lifecycle';
import {
  datesFrom,
  occurrenceId,
  occursOn,
  STANDING_ORDER_HORIZON_DAYS,
} from '../../domain/standing-order-dates';
import { localDate } from '../../domain/time';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { guardResidentDay } from '../resident-day';
import { cancelLinkedReturn } from '../taxi/cancel-linked-return';
import { type PreparedTrip, prepareTrip, returnIdOf } from '../taxi/prepare-trip';
import { tripInputOf } from './generate-standing-orders';

type FollowPorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

export interface FollowedOccurrences {
  changed: number;
  cancelled: number;
  /** Occurrences left as they were: planned already, or edited by hand (the dispatcher decides). */
  left: string[];
}

/** How far the follow-up looks: beyond the horizon too, should it have been longer once. */
const LOOK_AHEAD_DAYS = STANDING_ORDER_HORIZON_DAYS + 7;

/** The fields a ride is made of: an occurrence that differs from its order's in these was edited by hand. */
const RIDE_FIELDS = ['pickup', 'dropoff', 'requestedTime', 'passengers', 'purpose'] as const;

export async function followOrder(
  ports: FollowPorts,
  hromada: Hromada,
  previous: StandingOrder,
  order: StandingOrder,
  actor: Actor,
): Promise<FollowedOccurrences> {
  const out: FollowedOccurrences = { changed: 0, cancelled: 0, left: [] };
  const resident = await ports.entities.registry.get(registryKinds.residents, hromada.id, order.residentId);
  const today = localDate(ports.clock.now(), hromada.timeZone);
  for (const date of datesFrom(today, LOOK_AHEAD_DAYS)) {
    const occurrence = await ports.entities.requests.get(hromada.id, occurrenceId(order.id, date));
    if (!occurrence || !canMove(occurrence.status, 'cancelled', 'dispatcher')) continue;
    const ctx = { hromada, actor, occurrence };
    if (ROUTED_STATUSES.has(occurrence.status) || !resident) {
      out.left.push(occurrence.id);
    } else if (order.status === 'cancelled' || !occursOn(order, date)) {
      await ports.entities.commit(await cancelChanges(ports, ctx));
      out.cancelled += 1;
    } else {
      const made = await rewrite(ports, { ...ctx, resident, previous, order, date });
      if (made === 'left') out.left.push(occurrence.id);
      if (made === 'changed') out.changed += 1;
    }
  }
  return out;
}

interface OccurrenceContext {
  hromada: Hromada;
  actor: Actor;
  occurrence: ServiceRequest;
}

async function cancelChanges(ports: FollowPorts, { hromada, actor, occurrence }: OccurrenceContext) {
  const item: ServiceRequest = {
    ...occurrence,
    status: 'cancelled',
    version: occurrence.version + 1,
    updatedAt: ports.clock.now().toISOString(),
  };
  return [
    { op: 'update', entity: 'ServiceRequest', item, expectedVersion: occurrence.version },
    auditChange(ports, hromada, actor, 'cancel', 'ServiceRequest', occurrence.id, ['status']),
    ...(await cancelLinkedReturn(ports, hromada, occurrence, actor, false)),
  ] satisfies Change[];
}

async function rewrite(
  ports: FollowPorts,
  o: OccurrenceContext & { resident: Resident; previous: StandingOrder; order: StandingOrder; date: string },
): Promise<'changed' | 'unchanged' | 'left'> {
  const meta = { id: o.occurrence.id, standingOrderId: o.order.id };
  let before: PreparedTrip;
  let after: PreparedTrip;
  try {
    before = await prepareTrip(ports, o.hromada, o.resident, tripInputOf(o.previous, o.date), meta);
    after = await prepareTrip(ports, o.hromada, o.resident, tripInputOf(o.order, o.date), meta);
  } catch (error) {
    if (error instanceof AppError) return 'left';
    throw error;
  }
  if (!sameRide(o.occurrence, before.request)) return 'left';
  if (sameRide(o.occurrence, after.request) && JSON.stringify(before.back) === JSON.stringify(after.back))
    return 'unchanged';
  const now = ports.clock.now().toISOString();
  const item: ServiceRequest = {
    ...after.request,
    status: o.occurrence.status,
    ...(o.occurrence.confirmedAt ? { confirmedAt: o.occurrence.confirmedAt } : {}),
    createdAt: o.occurrence.createdAt,
    version: o.occurrence.version + 1,
    updatedAt: now,
  };
  const back = await returnFollows(ports, o, after.back, now);
  const guarded = after.back && !after.back.awaitingCall ? [item, after.back] : [item];
  await ports.entities.commit([
    { op: 'update', entity: 'ServiceRequest', item, expectedVersion: o.occurrence.version },
    auditChange(ports, o.hromada, o.actor, 'edit', 'ServiceRequest', item.id, [
      'standingOrderId',
      ...RIDE_FIELDS,
    ]),
    await guardResidentDay(ports, guarded, true, o.hromada.timeZone),
    ...back,
  ]);
  return 'changed';
}

/** The linked return follows: rewritten (not yet planned), created, or cancelled when the order has none. */
async function returnFollows(
  ports: FollowPorts,
  o: OccurrenceContext,
  back: ServiceRequest | undefined,
  now: string,
): Promise<Change[]> {
  const existing = await ports.entities.requests.get(o.hromada.id, returnIdOf(o.occurrence.id));
  if (!back) return existing ? cancelLinkedReturn(ports, o.hromada, o.occurrence, o.actor, false) : [];
  if (!existing) {
    return [
      { op: 'create', entity: 'ServiceRequest', item: back },
      auditChange(ports, o.hromada, o.actor, 'book', 'ServiceRequest', back.id, ['returnOf', 'returnMode']),
    ];
  }
  if (!['requested', 'confirmed'].includes(existing.status)) return [];
  const item: ServiceRequest = {
    ...back,
    status: existing.status,
    createdAt: existing.createdAt,
    version: existing.version + 1,
    updatedAt: now,
  };
  return [
    { op: 'update', entity: 'ServiceRequest', item, expectedVersion: existing.version },
    auditChange(ports, o.hromada, o.actor, 'edit', 'ServiceRequest', back.id, [
      'returnMode',
      'requestedTime',
    ]),
  ];
}

function sameRide(a: ServiceRequest, b: ServiceRequest): boolean {
  return RIDE_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));
}
