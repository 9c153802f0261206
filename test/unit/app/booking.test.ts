import { describe, expect, it } from 'vitest';
import type { IdempotencyScope } from '../../../shared/app/idempotency';
import { createEntityOnce, updateEntity } from '../../../shared/app/registry';
import {
  bookServiceRequest,
  bookServiceRequestOnce,
  changeRequestStatus,
  recordOutcome,
} from '../../../shared/app/service-requests';
import { ConflictError, ValidationError } from '../../../shared/domain/errors';
import { hromadaKind, registryKinds } from '../../../shared/domain/registry';
import { withoutSecrets } from '../../../shared/domain/secrets-out';
import { HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf, fieldsOf, patchOf } from '../../support/inputs';

/** An item as an answer carries it. */
const sent = (item: unknown) => JSON.parse(JSON.stringify(item, withoutSecrets));

const key = (k: string, caller = 'dispatcher-1'): IdempotencyScope => ({
  hromadaId: HROMADA,
  caller,
  key: k,
});

async function booked() {
  const ctx = memoryPorts();
  const resident = await seedBasics(ctx.ports);
  const requests = () => [...ctx.entities.items.values()].filter((i) => i.entity === 'ServiceRequest');
  return { ...ctx, resident, requests };
}

describe('one live booking per resident and time', () => {
  it('refuses a second booking at an overlapping time with 409 and the reason', async () => {
    const { ports, resident, requests } = await booked();
    const first = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
    const second = bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id, '2026-11-24', '09:20')),
      'd',
    );
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toMatchObject({
      message: expect.stringContaining(first.id),
      reason: expect.stringContaining('вже є запис'),
    });
    expect(requests()).toHaveLength(1);
  });

  it('20 parallel bookings of the same resident and time: one booking, 19 × 409, one SMS', async () => {
    const { ports, entities, resident, requests } = await booked();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd'),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(refused).toHaveLength(19);
    for (const e of refused) expect(e).toMatchObject({ kind: 'conflict', reason: expect.any(String) });
    expect(requests()).toHaveLength(1);
    expect(entities.outbox.size).toBe(1);
  });

  it('books the same resident at two separate times of the day, even in parallel', async () => {
    const { ports, resident, requests } = await booked();
    await Promise.all([
      bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, '2026-11-24', '09:00')), 'd'),
      bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, '2026-11-24', '13:00')), 'd'),
      bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id, '2026-11-25', '09:00')), 'd'),
    ]);
    expect(requests()).toHaveLength(3);
  });

  it('a cancelled, done or no-show booking no longer blocks the time', async () => {
    const { ports, resident, requests } = await booked();
    const first = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
    await changeRequestStatus(ports, HROMADA, first.id, 1, 'cancelled', 'd', [], 'dispatcher');
    const second = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
    await recordOutcome(ports, HROMADA, second.id, 1, 'no-show', 'd', [], 'dispatcher');
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
    expect(requests().map((r) => r.status)).toEqual(['cancelled', 'no-show', 'requested']);
  });

  it('books an overlapping second service when the dispatcher allows the overlap', async () => {
    const { ports, entities, resident, requests } = await booked();
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
    const visit = {
      ...taxiRequest(resident.id),
      serviceType: 'delivery',
      dropoff: undefined,
      purpose: 'medical',
      allowOverlap: true,
    };
    const second = await bookServiceRequest(ports, HROMADA, bookingOf(visit), 'd');
    expect(second).not.toHaveProperty('allowOverlap');
    expect(requests()).toHaveLength(2);
    expect(entities.auditEntries.at(-1)?.changedFields).toContain('allowOverlap');
  });
});

describe('Idempotency-Key on booking', () => {
  it('a retry with the same key and body gets the first answer: one booking, one SMS', async () => {
    const { ports, entities, resident, requests } = await booked();
    const body = taxiRequest(resident.id);
    const first = await bookServiceRequestOnce(ports, HROMADA, bookingOf(body), 'd', key('retry-0001'));
    // Same body with its keys in another order: the same request.
    const again = await bookServiceRequestOnce(
      ports,
      HROMADA,
      bookingOf({ ...body }),
      'd',
      key('retry-0001'),
    );
    expect(first.replayed).toBe(false);
    // the first answer as it was sent (without what no answer carries: shared/domain/secrets-out.ts)
    expect(again).toEqual({ item: sent(first.item), replayed: true });
    expect(requests()).toHaveLength(1);
    expect(entities.outbox.size).toBe(1);
  });

  it('20 parallel requests with one key: one booking, one SMS, the same answer to all', async () => {
    const { ports, entities, resident, requests } = await booked();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        bookServiceRequestOnce(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd', key('burst-0001')),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r.item, withoutSecrets))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(requests()).toHaveLength(1);
    expect(entities.outbox.size).toBe(1);
  });

  it('the same key with another body is a 422 that books nothing', async () => {
    const { ports, resident, requests } = await booked();
    await bookServiceRequestOnce(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd', key('mixed-0001'));
    const other = taxiRequest(resident.id, '2026-11-24', '13:00');
    await expect(
      bookServiceRequestOnce(ports, HROMADA, bookingOf(other), 'd', key('mixed-0001')),
    ).rejects.toMatchObject({
      kind: 'unprocessable',
      message: expect.stringMatching(/Idempotency-Key was already used for a different request/),
    });
    expect(requests()).toHaveLength(1);
  });

  it('a key is scoped by caller, and free again once its record expired', async () => {
    const { ports, clock, resident } = await booked();
    const body = taxiRequest(resident.id, '2026-11-24', '09:00');
    await bookServiceRequestOnce(ports, HROMADA, bookingOf(body), 'd', key('scope-0001', 'anna'));
    // Another caller's identical key is another request: it meets the overlap rule, not a replay.
    await expect(
      bookServiceRequestOnce(ports, HROMADA, bookingOf(body), 'd', key('scope-0001', 'petro')),
    ).rejects.toMatchObject({ kind: 'conflict', reason: expect.stringContaining('вже є запис') });
    clock.at = new Date(clock.at.getTime() + 25 * 3600_000);
    const later = taxiRequest(resident.id, '2026-11-25', '09:00');
    const fresh = await bookServiceRequestOnce(
      ports,
      HROMADA,
      bookingOf(later),
      'd',
      key('scope-0001', 'anna'),
    );
    expect(fresh.replayed).toBe(false);
  });

  it('registry creates use the same mechanism', async () => {
    const { ports, entities } = await booked();
    const village = { name: 'Кожухів', type: 'село', location: { lat: 49.6, lon: 27.9 } };
    const kind = registryKinds.settlements;
    const create = () =>
      createEntityOnce(ports, kind, HROMADA, fieldsOf(kind, village), 'd', key('village-01'));
    const [a, b] = await Promise.all([create(), create()]);
    expect(a.item).toEqual(b.item);
    const villages = [...entities.items.values()].filter((i) => i.entity === 'Settlement');
    expect(villages).toHaveLength(2); // Березна from the seed, and this one once
    // A change since does not alter the replayed answer: it is the first answer.
    await updateEntity(
      ports,
      kind,
      HROMADA,
      a.item.id,
      patchOf(kind, { version: 1, name: 'Кожухів (центр)' }),
      'd',
    );
    expect((await create()).item).toEqual(a.item);
  });
});

describe('a booking must be servable on its day', () => {
  const refused = async (body: Record<string, unknown>, rules?: Record<string, unknown>) => {
    const { ports, resident, requests } = await booked();
    if (rules) {
      await updateEntity(
        ports,
        hromadaKind,
        HROMADA,
        HROMADA,
        patchOf(hromadaKind, { version: 1, rules }),
        'admin',
      );
    }
    const error = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf({ ...body, residentId: resident.id }),
      'd',
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(requests()).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('requestedTime.time');
    return error as ValidationError;
  };
  const allDay = { serviceHours: { from: '00:00', to: '23:59' } };
  const at = (kind: 'pickup' | 'arrive-by', time: string) => ({
    ...taxiRequest('x'),
    requestedTime: { kind, time },
  });
  const delivery = (time: string) => ({
    ...at('arrive-by', time),
    serviceType: 'delivery',
    dropoff: undefined,
  });

  it('refuses a 00:10 pickup: its window starts the day before', async () => {
    const e = await refused(at('pickup', '00:10'), allDay);
    expect(e.message).toMatch(/starts the day before/);
    expect(e.reason).toMatch(/попереднього дня/);
  });

  it('refuses a 00:30 arrive-by ride and a delivery due by 00:00', async () => {
    await refused(at('arrive-by', '00:30'), allDay);
    await refused(delivery('00:00'), allDay);
  });

  it('refuses a ride that would end after midnight', async () => {
    const e = await refused(at('pickup', '23:50'), allDay);
    expect(e.message).toMatch(/after midnight/);
  });

  it('refuses times outside the service hours (06:00–22:00 by default), with the reason', async () => {
    const early = await refused(at('pickup', '06:05'));
    expect(early.message).toMatch(/service hours 06:00–22:00/);
    expect(early.reason).toMatch(/Поза годинами роботи/);
    await refused(at('pickup', '21:50'));
    // An appointment at 06:30 leaves no time for the ride within the hours.
    await refused(at('arrive-by', '06:30'));
  });

  it('accepts the edges of the day and of the hours, DST-correct', async () => {
    const { ports, resident } = await booked();
    const hours = { version: 1, rules: { serviceHours: { from: '00:00', to: '23:59' } } };
    await updateEntity(ports, hromadaKind, HROMADA, HROMADA, patchOf(hromadaKind, hours), 'admin');
    // 29 March 2026: clocks go forward at 03:00; the window 00:00–00:30 starts at local midnight.
    ports.clock.now = () => new Date('2026-03-28T10:00:00Z');
    const spring = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id, '2026-03-29', '00:15')),
      'd',
    );
    expect(spring.window.start).toBe('2026-03-28T22:00:00.000Z');
    const { ports: p2, resident: r2 } = await booked();
    const edge = await bookServiceRequest(
      p2,
      HROMADA,
      bookingOf(taxiRequest(r2.id, '2026-11-24', '06:15')),
      'd',
    );
    expect(edge.status).toBe('requested');
  });
});
