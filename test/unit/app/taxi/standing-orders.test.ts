import { describe, expect, it } from 'vitest';
import { editServiceRequest } from '../../../../shared/app/edit-request';
import { eraseResident } from '../../../../shared/app/personal-data/erase-resident';
import { changeRequestStatus } from '../../../../shared/app/service-requests';
import { generateStandingOrders } from '../../../../shared/app/standing-orders/generate-standing-orders';
import {
  cancelStandingOrder,
  createStandingOrder,
  editStandingOrder,
} from '../../../../shared/app/standing-orders/standing-orders';
import {
  serviceRequestEditSchema as requestEdit,
  type ServiceRequest,
} from '../../../../shared/domain/entities/service-request';
import {
  standingOrderCreateSchema,
  standingOrderEditSchema,
} from '../../../../shared/domain/entities/standing-order';
import { ConflictError, type ValidationError } from '../../../../shared/domain/errors';
import { parseOrThrow } from '../../../../shared/domain/validation';
import { HROMADA } from '../../../support/fixtures';
import { withPlaces } from './support';

// The fake clock: Monday 23 Nov 2026, 12:00 in Kyiv. Horizon 7 days: 23–29 Nov.
const dialysis = (residentId: string, extra: Record<string, unknown> = {}) =>
  parseOrThrow(
    standingOrderCreateSchema,
    {
      id: 'dialysis',
      residentId,
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
      weekdays: [1, 3, 5],
      requestedTime: { kind: 'arrive-by', time: '07:30' },
      return: { mode: 'fixed', time: '12:00' },
      from: '2026-11-23',
      purpose: 'medical',
      ...extra,
    },
    'standing order',
  );

async function ordered() {
  const ctx = await withPlaces();
  const { item: order } = await createStandingOrder(ctx.ports, HROMADA, dialysis(ctx.resident.id), 'd');
  const occurrences = () =>
    (ctx.requests() as unknown as ServiceRequest[])
      .filter((r) => r.standingOrderId === 'dialysis' && !r.returnOf)
      .sort((a, b) => a.date.localeCompare(b.date));
  const get = async (id: string) => (await ctx.ports.entities.requests.get(HROMADA, id))!;
  return { ...ctx, order, occurrences, get };
}

describe('standing orders: generation', () => {
  it('books the rides of the days ahead on its weekdays, with their returns, from the resident mobility', async () => {
    const { occurrences, get } = await ordered();
    // Monday 07:30 has passed at noon: Wednesday and Friday of the horizon are booked
    expect(occurrences().map((r) => r.id)).toEqual(['dialysis-2026-11-25', 'dialysis-2026-11-27']);
    const wednesday = await get('dialysis-2026-11-25');
    expect(wednesday).toMatchObject({
      standingOrderId: 'dialysis',
      requestedTime: { kind: 'arrive-by', time: '07:30' },
      passengers: { escorts: 1, wheelchair: true },
      dropoff: { placeId: 'hospital' },
      status: 'requested',
    });
    expect(await get('dialysis-2026-11-25-r')).toMatchObject({
      returnOf: 'dialysis-2026-11-25',
      requestedTime: { kind: 'pickup', time: '12:00' },
      pickup: { placeId: 'hospital' },
    });
  });

  it('run twice, creates each ride once; no SMS at generation', async () => {
    const { ports, entities, occurrences } = await ordered();
    const again = await generateStandingOrders(ports);
    expect(again).toMatchObject({ hromady: 1, orders: 1, created: 0, existing: 2 });
    expect(occurrences()).toHaveLength(2);
    expect(entities.outbox.size).toBe(0);
  });

  it('an occurrence cancelled or edited by hand is never re-created or overwritten', async () => {
    const { ports, get } = await ordered();
    await changeRequestStatus(ports, HROMADA, 'dialysis-2026-11-25', 1, 'cancelled', 'd', [], 'dispatcher');
    const edit = parseOrThrow(requestEdit, {
      version: 1,
      requestedTime: { kind: 'arrive-by', time: '08:00' },
    });
    await editServiceRequest(ports, HROMADA, 'dialysis-2026-11-27', edit, 'd');
    await generateStandingOrders(ports);
    expect((await get('dialysis-2026-11-25')).status).toBe('cancelled');
    expect((await get('dialysis-2026-11-27')).requestedTime.time).toBe('08:00');
  });

  it('the horizon moves with the days: the next Monday is booked a week ahead', async () => {
    const { ports, clock, occurrences } = await ordered();
    clock.at = new Date('2026-11-25T10:00:00Z');
    expect(await generateStandingOrders(ports)).toMatchObject({ created: 1 });
    expect(occurrences().map((r) => r.date)).toEqual(['2026-11-25', '2026-11-27', '2026-11-30']);
  });
});

describe('standing orders: change or cancel all future rides', () => {
  it('PATCH moves the rides not yet planned; a ride edited by hand is left and listed', async () => {
    const { ports, get } = await ordered();
    const handEdit = parseOrThrow(requestEdit, { version: 1, passengers: { escorts: 0 } });
    await editServiceRequest(ports, HROMADA, 'dialysis-2026-11-27', handEdit, 'd');
    const edit = parseOrThrow(standingOrderEditSchema, {
      version: 1,
      requestedTime: { kind: 'arrive-by', time: '08:00' },
    });
    const { order, occurrences } = await editStandingOrder(ports, HROMADA, 'dialysis', edit, 'd');
    expect(order).toMatchObject({ version: 2, requestedTime: { time: '08:00' } });
    expect(occurrences).toMatchObject({ changed: 1, cancelled: 0, left: ['dialysis-2026-11-27'] });
    expect((await get('dialysis-2026-11-25')).requestedTime.time).toBe('08:00');
    expect((await get('dialysis-2026-11-27')).requestedTime.time).toBe('07:30');
  });

  it('a weekday taken off cancels its rides and their returns; null removes the return', async () => {
    const { ports, get } = await ordered();
    const edit = parseOrThrow(standingOrderEditSchema, { version: 1, weekdays: [1, 3], return: null });
    const { order, occurrences } = await editStandingOrder(ports, HROMADA, 'dialysis', edit, 'd');
    expect(order.return).toBeUndefined();
    expect(occurrences).toMatchObject({ changed: 1, cancelled: 1 });
    expect((await get('dialysis-2026-11-27')).status).toBe('cancelled');
    expect((await get('dialysis-2026-11-27-r')).status).toBe('cancelled');
    expect((await get('dialysis-2026-11-25-r')).status).toBe('cancelled');
    expect((await get('dialysis-2026-11-25')).status).toBe('requested');
  });

  it('cancel: the rides not yet planned are cancelled and no more are generated', async () => {
    const { ports, entities, get, occurrences } = await ordered();
    const { order } = await cancelStandingOrder(ports, HROMADA, 'dialysis', 1, 'd');
    expect(order.status).toBe('cancelled');
    expect(occurrences().every((r) => r.status === 'cancelled')).toBe(true);
    expect((await get('dialysis-2026-11-25-r')).status).toBe('cancelled');
    expect(await generateStandingOrders(ports)).toMatchObject({ orders: 0, created: 0 });
    expect(entities.auditEntries.some((a) => a.itemType === 'StandingOrder' && a.action === 'cancel')).toBe(
      true,
    );
  });

  it('a stale version is a 409; a cancelled order cannot be changed', async () => {
    const { ports } = await ordered();
    const edit = parseOrThrow(standingOrderEditSchema, { version: 5, purpose: 'other' });
    await expect(editStandingOrder(ports, HROMADA, 'dialysis', edit, 'd')).rejects.toBeInstanceOf(
      ConflictError,
    );
    await cancelStandingOrder(ports, HROMADA, 'dialysis', 1, 'd');
    await expect(cancelStandingOrder(ports, HROMADA, 'dialysis', 2, 'd')).rejects.toMatchObject({
      reason: expect.stringContaining('скасовано'),
    });
  });
});

describe('standing orders: validation (zod paths)', () => {
  const bad = (extra: Record<string, unknown>) => {
    try {
      dialysis('r1', extra);
    } catch (error) {
      return (error as ValidationError).issues.map((i) => i.path);
    }
    return [];
  };

  it('refuses weekdays outside 1–7 or repeated, a taxi without a drop-off, an end before the start', () => {
    expect(bad({ weekdays: [0, 8] })).toEqual(['weekdays.0', 'weekdays.1']);
    expect(bad({ weekdays: [1, 1] })).toEqual(['weekdays']);
    expect(bad({ dropoff: undefined })).toEqual(['dropoff']);
    expect(bad({ to: '2026-11-01' })).toEqual(['to']);
  });
});

describe('standing orders: a resident erased', () => {
  it('refuses while an order is active, then strips the typed addresses of the cancelled one', async () => {
    const ctx = await withPlaces();
    const typed = { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.561, lon: 27.845 } };
    const { item } = await createStandingOrder(
      ctx.ports,
      HROMADA,
      dialysis(ctx.resident.id, { pickup: typed }),
      'd',
    );
    const erase = () => eraseResident(ctx.ports, HROMADA, ctx.resident.id, ctx.resident.version, 'admin');
    for (const r of ctx.requests() as unknown as ServiceRequest[])
      if (r.status === 'requested')
        await changeRequestStatus(ctx.ports, HROMADA, r.id, r.version, 'cancelled', 'd', [], 'dispatcher', {
          keepReturn: true,
        });
    await expect(erase()).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('standing orders'),
    });
    await cancelStandingOrder(ctx.ports, HROMADA, item.id, 1, 'd');
    await erase();
    const stored = await ctx.ports.entities.standingOrders.get(HROMADA, item.id);
    expect(stored).toMatchObject({
      pickup: { address: 'знеособлено' },
      dropoff: { placeId: 'hospital' },
      purpose: 'other',
    });
    const erased = ctx.entities.auditEntries.filter((a) => a.action === 'erase').map((a) => a.itemType);
    expect(erased).toEqual(['StandingOrder', 'Resident']);
  });
});
