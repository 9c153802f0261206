/**
 * Standing orders: create, read, list, change all future rides, cancel. Each write and its audit
 * entry are one transaction; the occurrences then follow (follow-order.ts) and the days ahead are
 * generated (generate-standing-orders.ts), both idempotent steps after it.
 */
import type { Actor } from '../../domain/actor';
import type { Hromada } from '../../domain/entities/hromada';
import {
  type StandingOrder,
  type StandingOrderCreate,
  type StandingOrderEdit,
  standingOrderCreateSchema,
  standingOrderSchema,
} from '../../domain/entities/standing-order';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { registryKinds } from '../../domain/registry';
import { parseOrThrow } from '../../domain/validation';
import type { Page, PageRequest } from '../../ports/entity-repository';
import type { Ports } from '../../ports/ports';
import { auditChange } from '../audit';
import { type Created, createOnce, type IdempotencyScope } from '../idempotency';
import { requireHromada } from '../registry';
import { resolvePlace } from '../taxi/resolve-places';
import { type FollowedOccurrences, followOrder } from './follow-order';
import { type GeneratePorts, generateForOrder } from './generate-standing-orders';

/** A change to the whole order, and what it did to the rides already booked. */
export interface ChangedOrder {
  order: StandingOrder;
  occurrences: FollowedOccurrences & { created: number };
}

export async function createStandingOrder(
  ports: GeneratePorts,
  hromadaId: string,
  input: StandingOrderCreate,
  actor: Actor,
  scope?: IdempotencyScope,
  options: { generate: boolean } = { generate: true },
): Promise<Created<StandingOrder>> {
  const spec = { operation: 'POST /hromady/{h}/standing-orders', itemType: 'StandingOrder', input, scope };
  const created = await createOnce(ports, spec, async () => {
    const hromada = await requireHromada(ports, hromadaId);
    const { id, ...fields } = input;
    await checkPlaces(ports, hromadaId, fields);
    const now = ports.clock.now().toISOString();
    const orderId = id ?? ports.ids.next();
    const order = standingOrderSchema.parse({
      ...fields,
      id: orderId,
      hromadaId,
      version: 1,
      createdAt: now,
      updatedAt: now,
      status: 'active',
    });
    return {
      item: order,
      changes: [
        { op: 'create', entity: 'StandingOrder', item: order },
        auditChange(ports, hromada, actor, 'create', 'StandingOrder', orderId, Object.keys(fields)),
      ],
    };
  });
  // the days ahead at once (idempotent: a replay or the daily job creates nothing twice)
  if (options.generate)
    await generateForOrder(ports, await requireHromada(ports, hromadaId), created.item, undefined, actor);
  return created;
}

export async function getStandingOrder(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  id: string,
): Promise<StandingOrder> {
  const found = await ports.entities.standingOrders.get(hromadaId, id);
  if (!found) throw new NotFoundError('StandingOrder', id);
  return found;
}

export async function listStandingOrders(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  page: PageRequest,
): Promise<Page<StandingOrder>> {
  await requireHromada(ports, hromadaId);
  return ports.entities.standingOrders.list(hromadaId, page);
}

/**
 * Change all future rides: the order at `version` gets the fields sent (`null` removes the return,
 * the end date or the fixed passengers), checked as a whole; the occurrences booked and not yet
 * planned follow it, unless edited by hand; new dates are generated.
 */
export async function editStandingOrder(
  ports: GeneratePorts,
  hromadaId: string,
  id: string,
  edit: StandingOrderEdit,
  actor: Actor,
): Promise<ChangedOrder> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await activeAt(ports, hromadaId, id, edit.version);
  const { version, ...sent } = edit;
  const merged: Record<string, unknown> = { ...fieldsOf(current) };
  for (const [k, v] of Object.entries(sent)) {
    if (v === null) delete merged[k];
    else if (v !== undefined) merged[k] = v;
  }
  const { id: _, ...fields } = parseOrThrow(standingOrderCreateSchema, merged, 'standing order');
  await checkPlaces(ports, hromadaId, fields);
  const order = standingOrderSchema.parse({
    id,
    hromadaId,
    createdAt: current.createdAt,
    status: current.status,
    ...fields,
    version: version + 1,
    updatedAt: ports.clock.now().toISOString(),
  });
  const changed = Object.keys(sent).filter(
    (k) =>
      JSON.stringify((order as Record<string, unknown>)[k]) !==
      JSON.stringify((current as Record<string, unknown>)[k]),
  );
  await ports.entities.commit([
    { op: 'update', entity: 'StandingOrder', item: order, expectedVersion: version },
    auditChange(ports, hromada, actor, 'update', 'StandingOrder', id, changed),
  ]);
  return afterChange(ports, hromada, current, order, actor);
}

/** Cancel the order: no more rides are generated; those booked and not yet planned are cancelled. */
export async function cancelStandingOrder(
  ports: GeneratePorts,
  hromadaId: string,
  id: string,
  version: number,
  actor: Actor,
): Promise<ChangedOrder> {
  const hromada = await requireHromada(ports, hromadaId);
  const current = await activeAt(ports, hromadaId, id, version);
  const now = ports.clock.now().toISOString();
  const order: StandingOrder = {
    ...current,
    status: 'cancelled',
    cancelledAt: now,
    version: version + 1,
    updatedAt: now,
  };
  await ports.entities.commit([
    { op: 'update', entity: 'StandingOrder', item: order, expectedVersion: version },
    auditChange(ports, hromada, actor, 'cancel', 'StandingOrder', id, ['status', 'cancelledAt']),
  ]);
  return afterChange(ports, hromada, current, order, actor);
}

async function afterChange(
  ports: GeneratePorts,
  hromada: Hromada,
  previous: StandingOrder,
  order: StandingOrder,
  actor: Actor,
): Promise<ChangedOrder> {
  const followed = await followOrder(ports, hromada, previous, order, actor);
  const run = await generateForOrder(ports, hromada, order, undefined, actor);
  return { order, occurrences: { ...followed, created: run.created } };
}

async function activeAt(ports: Pick<Ports, 'entities'>, hromadaId: string, id: string, version: number) {
  const current = await getStandingOrder(ports, hromadaId, id);
  if (current.status === 'cancelled') {
    throw new ConflictError(`Standing order ${id} is cancelled`, current.version, {
      reason: 'Постійне замовлення скасовано: створіть нове',
    });
  }
  if (current.version !== version) {
    throw new ConflictError(
      `Standing order ${id} was changed by someone else: read it again`,
      current.version,
    );
  }
  return current;
}

/** The order's own fields (what a create takes), without the stored ones. */
function fieldsOf(order: StandingOrder): Record<string, unknown> {
  const {
    id: _i,
    hromadaId: _h,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    status: _s,
    cancelledAt: _x,
    ...fields
  } = order;
  return fields;
}

/** The resident exists, and every place the order names resolves (a 404 / 400 otherwise). */
async function checkPlaces(
  ports: Pick<Ports, 'entities'>,
  hromadaId: string,
  fields: Pick<StandingOrder, 'residentId' | 'pickup' | 'dropoff'>,
) {
  const resident = await ports.entities.registry.get(registryKinds.residents, hromadaId, fields.residentId);
  if (!resident) throw new NotFoundError('Resident', fields.residentId);
  await resolvePlace(ports, resident, fields.pickup, 'pickup');
  if (fields.dropoff) await resolvePlace(ports, resident, fields.dropoff, 'dropoff');
}
