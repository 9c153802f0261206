/**
 * A resident's erasure (personal-data/erase-resident.ts) reaches their standing orders: an active
 * order is refused (409: cancel it first, as open requests are), and a cancelled one loses the
 * addresses typed into it (the settlement's point instead) and its purpose. Known places and
 * `home` name nobody, so they stay. One transaction per order changed (conditional on its version)
 * with its `erase` audit entry.
 */
import type { Actor } from '../../domain/actor';
import type { GeoPoint } from '../../domain/common';
import type { Hromada } from '../../domain/entities/hromada';
import type { StandingOrder } from '../../domain/entities/standing-order';
import type { TripPlaceInput } from '../../domain/entities/trip-place';
import { ConflictError } from '../../domain/errors';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';

/** The resident's standing orders (T2, all pages); a 409 if one is still active. */
export async function ordersToErase(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  residentId: string,
): Promise<StandingOrder[]> {
  const mine: StandingOrder[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.entities.standingOrders.list(hromadaId, { limit: 200, cursor });
    mine.push(...page.items.filter((o) => o.residentId === residentId));
    cursor = page.next;
  } while (cursor);
  const active = mine.filter((o) => o.status === 'active');
  if (active.length > 0) {
    throw new ConflictError(
      `Resident ${residentId} has ${active.length} active standing orders: cancel them first`,
    );
  }
  return mine;
}

/** Strip the orders that still hold a typed address; the number stripped. */
export async function stripStandingOrders(
  ports: Pick<Ports, 'entities' | 'clock' | 'ids'>,
  { hromada, actor }: { hromada: Hromada; actor: Actor },
  orders: StandingOrder[],
  placeholder: { address: string; point: GeoPoint },
): Promise<number> {
  const strip = (p: TripPlaceInput): TripPlaceInput =>
    'address' in p
      ? {
          address: placeholder.address,
          location: placeholder.point,
          ...(p.settlementId ? { settlementId: p.settlementId } : {}),
        }
      : p;
  let n = 0;
  for (const order of orders) {
    const typed = [order.pickup, order.dropoff].some(
      (p) => p && 'address' in p && p.address !== placeholder.address,
    );
    if (!typed) continue;
    const item: StandingOrder = {
      ...order,
      pickup: strip(order.pickup),
      ...(order.dropoff ? { dropoff: strip(order.dropoff) } : {}),
      purpose: 'other',
      version: order.version + 1,
      updatedAt: ports.clock.now().toISOString(),
    };
    await ports.entities.commit([
      { op: 'update', entity: 'StandingOrder', item, expectedVersion: order.version },
      auditChange(ports, hromada, actor, 'erase', 'StandingOrder', order.id, [
        'pickup',
        'dropoff',
        'purpose',
      ]),
    ]);
    n += 1;
  }
  return n;
}
