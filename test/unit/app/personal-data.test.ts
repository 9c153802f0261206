import { describe, expect, it } from 'vitest';
import { handleInboundSms } from '../../../shared/app/handle-inbound-sms';
import { ERASE_BATCH, ERASED, eraseResident } from '../../../shared/app/personal-data/erase-resident';
import { exportResident } from '../../../shared/app/personal-data/export-resident';
import { createEntity } from '../../../shared/app/registry';
import { bookServiceRequest, changeRequestStatus } from '../../../shared/app/service-requests';
import type { ServiceRequest } from '../../../shared/domain/entities/service-request';
import { ConflictError } from '../../../shared/domain/errors';
import { registryKinds } from '../../../shared/domain/registry';
import type { Change } from '../../../shared/ports/entity-repository';
import { BEREZNA, HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf, fieldsOf } from '../../support/inputs';

const PHONE = '+380671234567';

/** The resident's one open trip cancelled by the dispatcher (erasure needs no open trips). */
async function cancelTrip(ctx: Awaited<ReturnType<typeof withTrips>>) {
  await changeRequestStatus(
    ctx.ports,
    HROMADA,
    ctx.trip.id,
    ctx.trip.version,
    'cancelled',
    'd',
    [],
    'dispatcher',
  );
}

async function withTrips() {
  const ctx = memoryPorts();
  const resident = await seedBasics(ctx.ports);
  const other = await createEntity(
    ctx.ports,
    registryKinds.residents,
    HROMADA,
    fieldsOf(registryKinds.residents, {
      name: 'Петро Коваль',
      phone: '067 765 43 21',
      settlementId: BEREZNA,
      address: 'с. Березна, вул. Лесі Українки, 3',
      location: null,
      smsConsent: true,
      categories: ['aged-80-plus'],
    }),
    'test',
  );
  const trip = await bookServiceRequest(ctx.ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
  await bookServiceRequest(ctx.ports, HROMADA, bookingOf(taxiRequest(other.id)), 'd');
  return { ...ctx, resident, other, trip };
}

/** Every stored request of the resident, as stored. */
const requestsOf = (ctx: Awaited<ReturnType<typeof withTrips>>, residentId: string) =>
  [...ctx.entities.items.values()].filter(
    (i) => i.entity === 'ServiceRequest' && i.residentId === residentId,
  ) as unknown as ServiceRequest[];

/** `count` finished trips of the resident, written as the platform would have left them. */
async function finishedTrips(ctx: Awaited<ReturnType<typeof withTrips>>, count: number) {
  const now = ctx.clock.now().toISOString();
  for (let i = 0; i < count; i += 1) {
    const item = {
      ...bookingOf(taxiRequest(ctx.resident.id, '2026-10-01')),
      id: `old${String(i).padStart(4, '0')}`,
      hromadaId: HROMADA,
      version: 3,
      createdAt: now,
      updatedAt: now,
      status: 'done',
      window: { start: '2026-10-01T06:00:00Z', end: '2026-10-01T06:20:00Z' },
      confidential: false,
      expiresAt: 1_900_000_000,
    } as ServiceRequest;
    delete (item as { allowOverlap?: boolean }).allowOverlap;
    await ctx.entities.commit([{ op: 'create', entity: 'ServiceRequest', item }]);
  }
}

describe('a resident’s data export', () => {
  it('holds the resident, their requests, the SMS to their phone, their replies and the audit about them, and nobody else’s', async () => {
    const ctx = await withTrips();
    await handleInboundSms(ctx.ports, {
      inboundMessageId: 'in-1',
      originationNumber: PHONE,
      destinationNumber: '+380931112233',
      messageBody: 'ТАК',
    });
    const doc = await exportResident(ctx.ports, HROMADA, ctx.resident.id);
    expect(doc.resident).toMatchObject({ id: ctx.resident.id, name: 'Ганна Шевчук', phone: PHONE });
    expect(doc.requests.map((r) => r.id)).toEqual([ctx.trip.id]);
    expect(doc.messages.length).toBeGreaterThan(0);
    expect(doc.messages.every((m) => m.to === PHONE)).toBe(true);
    expect(doc.inbound.map((m) => m.id)).toEqual(['in-1']);
    const audited = doc.audit.map((a) => `${a.itemType}:${a.itemId}`);
    expect(audited).toContain(`Resident:${ctx.resident.id}`);
    expect(audited).toContain(`ServiceRequest:${ctx.trip.id}`);
    expect(doc.complete).toEqual({ messages: true, inbound: true, audit: true });
    const text = JSON.stringify(doc);
    expect(text).not.toContain('Петро Коваль');
    expect(text).not.toContain('+380677654321');
    expect(text).not.toContain(ctx.other.id);
  });

  it('a resident of another hromada is not found', async () => {
    const ctx = await withTrips();
    await expect(exportResident(ctx.ports, 'other', ctx.resident.id)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('a resident’s erasure', () => {
  it('leaves a placeholder that keeps settlement and trip counts, frees the phone, and audits without personal data', async () => {
    const ctx = await withTrips();
    await cancelTrip(ctx);
    const result = await eraseResident(ctx.ports, HROMADA, ctx.resident.id, ctx.resident.version, 'admin-1');
    expect(result).toMatchObject({ requestsStripped: 1, alreadyErased: false });
    const stored = await ctx.ports.entities.registry.get(registryKinds.residents, HROMADA, ctx.resident.id);
    expect(stored).toMatchObject({
      id: ctx.resident.id,
      settlementId: BEREZNA,
      name: ERASED,
      phone: null,
      address: ERASED,
      location: null,
      smsConsent: false,
      erasedAt: expect.any(String),
    });
    expect(await ctx.ports.entities.people.byPhone(HROMADA, PHONE)).toEqual([]);
    const [trip] = requestsOf(ctx, ctx.resident.id);
    expect(trip).toMatchObject({
      id: ctx.trip.id,
      date: ctx.trip.date,
      serviceType: 'social-taxi',
      status: 'cancelled',
      purpose: 'other',
      pickup: { address: ERASED, location: { lat: 49.56085, lon: 27.84392 } },
      dropoff: { address: ERASED },
    });
    const erase = ctx.entities.auditEntries.filter((a) => a.action === 'erase');
    expect(erase).toHaveLength(1);
    expect(erase[0]).toMatchObject({ actor: 'admin-1', itemType: 'Resident', itemId: ctx.resident.id });
    const auditText = JSON.stringify(ctx.entities.auditEntries);
    for (const personal of ['Ганна', 'Шевчук', PHONE, 'Шевченка', '49.5611']) {
      expect(auditText).not.toContain(personal);
    }
    // the other resident is untouched
    expect(requestsOf(ctx, ctx.other.id)[0]?.pickup.address).toContain('Березна');
  });

  it('after erasure a reply from the old phone finds nobody and queues no SMS', async () => {
    const ctx = await withTrips();
    await cancelTrip(ctx);
    await eraseResident(ctx.ports, HROMADA, ctx.resident.id, ctx.resident.version, 'admin-1');
    const queued = ctx.entities.outbox.size;
    const result = await handleInboundSms(ctx.ports, {
      inboundMessageId: 'in-2',
      originationNumber: PHONE,
      destinationNumber: '+380931112233',
      messageBody: 'ТАК',
    });
    expect(result.outcome).toBe('unknown-sender');
    expect(ctx.entities.outbox.size).toBe(queued);
  });

  it('refuses a stale version or open requests with 409 and changes nothing', async () => {
    const ctx = await withTrips();
    await expect(
      eraseResident(ctx.ports, HROMADA, ctx.resident.id, ctx.resident.version + 1, 'admin-1'),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      eraseResident(ctx.ports, HROMADA, ctx.resident.id, ctx.resident.version, 'admin-1'),
    ).rejects.toThrow(/open requests/);
    expect(requestsOf(ctx, ctx.resident.id)[0]?.pickup.address).toContain('Шевченка');
    expect(await ctx.ports.entities.people.byPhone(HROMADA, PHONE)).toHaveLength(1);
  });

  it('strips 250 trips in transactions of at most 100 and, interrupted, finishes when run again', async () => {
    const ctx = await withTrips();
    await cancelTrip(ctx);
    await finishedTrips(ctx, 249);
    const sizes: number[] = [];
    const commit = ctx.entities.commit.bind(ctx.entities);
    let failOnce = true;
    ctx.entities.commit = async (changes: Change[]) => {
      sizes.push(changes.length);
      if (sizes.length === 2 && failOnce) {
        failOnce = false;
        throw new Error('interrupted');
      }
      return commit(changes);
    };
    const erase = () => eraseResident(ctx.ports, HROMADA, ctx.resident.id, ctx.resident.version, 'admin-1');
    await expect(erase()).rejects.toThrow('interrupted');
    const again = await erase();
    expect(again).toMatchObject({ requestsStripped: 250 - ERASE_BATCH, alreadyErased: false });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(ERASE_BATCH);
    const trips = requestsOf(ctx, ctx.resident.id);
    expect(trips).toHaveLength(250);
    expect(trips.every((t) => t.pickup.address === ERASED && t.purpose === 'other')).toBe(true);
    expect(trips.filter((t) => t.status === 'done')).toHaveLength(249);
    // run once more (a client retry): nothing to do, no second audit entry
    expect(await erase()).toMatchObject({ alreadyErased: true, requestsStripped: 0 });
    expect(ctx.entities.auditEntries.filter((a) => a.action === 'erase')).toHaveLength(1);
  });
});
