/**
 * The daily job: each active standing order's rides for the days ahead (STANDING_ORDER_HORIZON_DAYS,
 * today included) become requests. An occurrence's id is `<orderId>-<date>` and it is created with
 * `attribute_not_exists`: a second run, or a run racing another, creates nothing twice, and an
 * occurrence that exists in any state (cancelled, edited by hand) is left as it is — never
 * re-created, never overwritten. Each occurrence, its audit entry, its linked return and the
 * resident-day guard are one transaction. No SMS at generation: the evening reminder tells the
 * resident the window, as for every ride.
 */

import type { Actor } from '../../domain/actor';
import type { Hromada } from '../../domain/entities/hromada';
import type { Resident } from '../../domain/entities/resident';
import { serviceRequestCreateSchema } from '../../domain/entities/service-request';
import type { StandingOrder } from '../../domain/entities/standing-order';
import { AppError, ConflictError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import {
  datesFrom,
  occurrenceId,
  occursOn,
  STANDING_ORDER_HORIZON_DAYS,
} from '../../domain/standing-order-dates';
import { localDate } from '../../domain/time';
import { parseOrThrow } from '../../domain/validation';
import type { Change } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { readAllHromady } from '../all-hromady';
import { auditChange } from '../audit';
import { guardResidentDay } from '../resident-day';
import { MAX_ATTEMPTS, pause } from '../retry';
import { prepareTrip, type TripInput } from '../taxi/prepare-trip';
import { returnChanges } from '../taxi/return-changes';

export type GeneratePorts = Pick<Ports, 'entities' | 'clock' | 'ids' | 'travel'>;

/** The actor of generated requests in the audit trail. */
export const GENERATOR_ACTOR = 'standing-order';

export interface GenerationRun {
  hromady: number;
  orders: number;
  /** Requests created by this run. */
  created: number;
  /** Occurrences already there (created before, cancelled or edited by hand): left as they are. */
  existing: number;
  /** Occurrences that cannot be booked (time passed, outside the service hours, a place gone). */
  refused: number;
}

const emptyRun = (): GenerationRun => ({ hromady: 0, orders: 0, created: 0, existing: 0, refused: 0 });

/** Every hromada's active standing orders, for the days ahead. */
export async function generateStandingOrders(ports: GeneratePorts): Promise<GenerationRun> {
  const run = emptyRun();
  for (const hromada of await readAllHromady(ports)) {
    run.hromady += 1;
    await generateForHromada(ports, hromada, run);
  }
  return run;
}

async function generateForHromada(ports: GeneratePorts, hromada: Hromada, run: GenerationRun) {
  let cursor: string | undefined;
  do {
    const page = await ports.entities.standingOrders.list(hromada.id, { limit: 200, cursor });
    for (const order of page.items) await generateForOrder(ports, hromada, order, run);
    cursor = page.next;
  } while (cursor);
}

/** One order's occurrences for the days ahead, counted into `run`. */
export async function generateForOrder(
  ports: GeneratePorts,
  hromada: Hromada,
  order: StandingOrder,
  run: GenerationRun = emptyRun(),
  actor: Actor = GENERATOR_ACTOR,
): Promise<GenerationRun> {
  if (order.status !== 'active') return run;
  run.orders += 1;
  const resident = await ports.entities.registry.get(registryKinds.residents, hromada.id, order.residentId);
  const today = localDate(ports.clock.now(), hromada.timeZone);
  for (const date of datesFrom(today, STANDING_ORDER_HORIZON_DAYS)) {
    if (!occursOn(order, date)) continue;
    if (!resident || resident.erasedAt) {
      run.refused += 1;
      continue;
    }
    run[await generateOne(ports, { hromada, resident, order, date, actor })] += 1;
  }
  return run;
}

async function generateOne(
  ports: GeneratePorts,
  o: { hromada: Hromada; resident: Resident; order: StandingOrder; date: string; actor: Actor },
): Promise<'created' | 'existing' | 'refused'> {
  const id = occurrenceId(o.order.id, o.date);
  for (let n = 1; ; n++) {
    if (await ports.entities.requests.get(o.hromada.id, id)) return 'existing';
    let changes: Change[];
    try {
      changes = await occurrenceChanges(ports, o, id);
    } catch (error) {
      if (error instanceof AppError) return 'refused';
      throw error;
    }
    try {
      await ports.entities.commit(changes);
      return 'created';
    } catch (error) {
      // created meanwhile (the next read says so), or the guard moved under a concurrent booking
      if (!(error instanceof ConflictError) || n >= MAX_ATTEMPTS) throw error;
      await pause(n);
    }
  }
}

async function occurrenceChanges(
  ports: GeneratePorts,
  {
    hromada,
    resident,
    order,
    date,
    actor,
  }: { hromada: Hromada; resident: Resident; order: StandingOrder; date: string; actor: Actor },
  id: string,
): Promise<Change[]> {
  const input = tripInputOf(order, date);
  const { request, back } = await prepareTrip(ports, hromada, resident, input, {
    id,
    standingOrderId: order.id,
  });
  const guarded = back && !back.awaitingCall ? [request, back] : [request];
  return [
    { op: 'create', entity: 'ServiceRequest', item: request },
    auditChange(ports, hromada, actor, 'book', 'ServiceRequest', id, ['standingOrderId']),
    // a standing order is never refused for an overlap: its windows are kept for later bookings
    await guardResidentDay(ports, guarded, true, hromada.timeZone),
    ...(back ? returnChanges(ports, hromada, actor, back) : []),
  ];
}

/** What booking the order's ride on `date` takes: the same input as a dispatcher's booking. */
export function tripInputOf(order: StandingOrder, date: string): TripInput {
  const { allowOverlap: _, ...input } = parseOrThrow(
    serviceRequestCreateSchema,
    {
      serviceType: order.serviceType,
      residentId: order.residentId,
      date,
      pickup: order.pickup,
      ...(order.dropoff ? { dropoff: order.dropoff } : {}),
      requestedTime: order.requestedTime,
      ...(order.passengers ? { passengers: order.passengers } : {}),
      purpose: order.purpose,
      ...(order.return ? { return: order.return } : {}),
    },
    'standing order occurrence',
  );
  return input;
}
