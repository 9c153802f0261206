import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/time';
import type { Change } from '../../shared/ports/entity-repository';
import { apiEvent } from '../support/api-events';
import { message, request } from '../support/report-fixtures';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

const H = 'khmilnytska';
let call: Call;
let table: Awaited<ReturnType<typeof apiOnFreshTable>>['table'];

beforeAll(async () => {
  ({ call, table } = await apiOnFreshTable('reports'));
  await createDemoHromada(call);
});

const report = (name: string, from: string, to: string, format = 'json') =>
  call(apiEvent('GET', `/hromady/${H}/reports/${name}?from=${from}&to=${to}&format=${format}`));

describe('reports through the API on DynamoDB Local', () => {
  it('counts a booked and a cancelled ride, as JSON and as CSV for Excel', async () => {
    const resident = await call(
      apiEvent('POST', `/hromady/${H}/residents`, {
        name: 'Ганна Петрівна Шевчук',
        phone: '+380671234567',
        settlementId: 'UA05120170020086400',
        address: 'вул. Шевченка, 12',
        location: { lat: 49.5611, lon: 27.8452 },
        smsConsent: true,
        categories: ['disability-2'],
      }),
    );
    expect(resident.status).toBe(201);
    const date = addDays(new Date().toISOString().slice(0, 10), 3);
    const book = (time: string) =>
      call(
        apiEvent('POST', `/hromady/${H}/requests`, {
          serviceType: 'social-taxi',
          residentId: resident.body.id,
          date,
          pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
          dropoff: {
            address: 'м. Хмільник, вул. Монастирська, 71',
            location: { lat: 49.5603, lon: 27.9571 },
          },
          requestedTime: { kind: 'pickup', time },
          purpose: 'medical',
        }),
      );
    const kept = await book('09:00');
    const cancelled = await book('13:00');
    expect([kept.status, cancelled.status]).toEqual([201, 201]);
    const cancel = apiEvent('POST', `/hromady/${H}/requests/${cancelled.body.id}/cancel`, { version: 1 });
    expect((await call(cancel)).status).toBe(200);

    const json = await report('trips', date, date);
    expect(json.status).toBe(200);
    expect(json.body.totals).toEqual({
      requests: 2,
      done: 0,
      noShow: 0,
      cancelledEarly: 1,
      cancelledLate: 0,
      open: 1,
    });
    // the pickup names no settlement: the resident's counts
    expect(json.body.bySettlement).toMatchObject([{ settlementId: 'UA05120170020086400', requests: 2 }]);

    const csv = await report('trips', date, date, 'csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFFРозріз;Значення;Заявок;')).toBe(true);

    const sms = await report('sms', addDays(date, -3), date);
    expect(sms.body.totals.messages).toBe(3); // the two confirmations and the cancellation
    expect(sms.body.pricePerSegmentUsd).toBe(0.05);
  });

  it('refuses a period over 92 days with 400 naming to, and an unknown report with 400', async () => {
    const long = await report('trips', '2026-01-01', '2026-04-03');
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error.issues)).toContain('to');
    expect((await report('nonsense', '2026-01-01', '2026-01-02')).status).toBe(400);
  });
});

describe('reports read the report days kept with each change (RP1, RP2)', () => {
  it('a ride picked up on time and done, a published plan: trips, on-time and operations from one day', async () => {
    const now = Date.now();
    const date = new Date(now).toISOString().slice(0, 10);
    const iso = (ms: number) => new Date(ms).toISOString();
    // dispatched, its window from 10 minutes ago to 20 minutes ahead
    const ride = {
      ...request('ontime1', {
        status: 'dispatched',
        date,
        hromadaId: H,
        settlementId: 'UA05120170020086400',
      }),
      window: { start: iso(now - 600_000), end: iso(now + 1_200_000) },
    };
    const plan = {
      id: date,
      hromadaId: H,
      version: 1,
      createdAt: iso(now),
      updatedAt: iso(now),
      date,
      status: 'published' as const,
      unassigned: [],
      routes: [
        {
          vehicleId: 'taxi-1',
          driverId: 'drv-1',
          distanceM: 12_000,
          durationS: 3600,
          stops: [
            { requestId: ride.id, kind: 'pickup' as const, arrival: iso(now), departure: iso(now) },
            {
              requestId: ride.id,
              kind: 'dropoff' as const,
              arrival: iso(now + 1_800_000),
              departure: iso(now + 1_800_000),
            },
          ],
        },
      ],
    };
    await table.entities.commit([
      { op: 'create', entity: 'ServiceRequest', item: ride },
      { op: 'create', entity: 'Plan', item: plan },
    ]);
    const outcome = (version: number, what: string) =>
      call(apiEvent('POST', `/hromady/${H}/requests/${ride.id}/outcome`, { version, outcome: what }));
    expect((await outcome(2, 'on-board')).status).toBe(200);
    expect((await outcome(3, 'done')).status).toBe(200);
    const stored = await table.entities.requests.get(H, ride.id);
    expect(stored?.pickedUpAt).toBeDefined();

    const trips = await report('trips', date, date);
    expect(trips.body).toMatchObject({ daysAggregated: 1, daysFromRequests: 0 });
    expect(trips.body.byService).toContainEqual(
      expect.objectContaining({ serviceType: 'social-taxi', done: 1, open: 0 }),
    );
    const onTime = await report('on-time', date, date);
    expect(onTime.body.totals).toMatchObject({ done: 1, onTime: 1, onTimeShare: 1 });
    const ops = await report('operations', date, date);
    expect(ops.status).toBe(200);
    expect(ops.body).toMatchObject({ riders: 1, rideVehicleHours: 1, ridersPerVehicleHour: 1 });
    expect(ops.body.byVehicle).toEqual([
      { vehicleId: 'taxi-1', days: 1, km: 12, hours: 1, reportedKm: null },
    ]);
    expect(ops.body.reportedKmNote).toMatch(/не надсилають/);
    const strategy = await report('strategy', date, date, 'csv');
    expect(strategy.status).toBe(200);
    expect(strategy.body.startsWith('\uFEFFПеріод;Старостинських округів;')).toBe(true);
  });
});

describe('one busy report day', () => {
  it('12 outcomes of the same day at once: each is counted once', async () => {
    const date = '2027-02-10';
    const rides = Array.from({ length: 12 }, (_, i) =>
      request(`busy${i}`, { status: 'dispatched', date, hromadaId: H, serviceType: 'delivery' }),
    );
    await table.entities.commit(
      rides.map((item) => ({ op: 'create' as const, entity: 'ServiceRequest' as const, item })),
    );
    const answers = await Promise.all(
      rides.map((r) =>
        call(apiEvent('POST', `/hromady/${H}/requests/${r.id}/outcome`, { version: 2, outcome: 'done' })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(rides.map(() => 200));
    const trips = await report('trips', date, date);
    expect(trips.body.byService).toEqual([
      expect.objectContaining({ serviceType: 'delivery', requests: 12, done: 12, open: 0 }),
    ]);
    const onTime = await report('on-time', date, date);
    // done today, before the window of a date in 2027
    expect(onTime.body.totals).toMatchObject({ done: 12, early: 12 });
  });
});

/**
 * A month of 31 × 50 requests (their report days written with them) and 31 × 60 messages, then the
 * 31-day trips and sms reports through the API. Prints the times; asserts only the counts
 * (`npm run bench:reports` records a 300-a-day month in docs/benchmarks.md).
 */
describe('a 31-day report on a generated month', () => {
  it('counts 1 550 requests from 31 report days and 1 860 messages back to the month start', async () => {
    const month = Array.from({ length: 31 }, (_, d) => addDays('2027-01-01', d));
    const changes: Change[] = [];
    month.forEach((date, d) => {
      for (let i = 0; i < 50; i++) {
        const status = (['done', 'done', 'done', 'no-show', 'cancelled'] as const)[i % 5] ?? 'done';
        const start = `${String(6 + (i % 12)).padStart(2, '0')}:00`;
        changes.push({
          op: 'create',
          entity: 'ServiceRequest',
          item: request(`m${d}r${i}`, { status, date, start, hromadaId: H, residentId: `res${i % 40}` }),
        });
      }
      for (let i = 0; i < 60; i++) {
        const createdAt = `${date}T${String(6 + (i % 12)).padStart(2, '0')}:${String(i).padStart(2, '0')}:00.000Z`;
        const msg = message(`m${d}s${i}`, { kind: 'reminder', status: 'sent', segments: 1, createdAt });
        changes.push({ op: 'outbox', message: { ...msg, hromadaId: H } });
      }
    });
    for (let i = 0; i < changes.length; i += 25) await table.entities.commit(changes.slice(i, i + 25));

    const t0 = performance.now();
    const trips = await report('trips', '2027-01-01', '2027-01-31');
    const t1 = performance.now();
    const sms = await report('sms', '2027-01-01', '2027-01-31');
    const t2 = performance.now();
    expect(trips.body.totals).toMatchObject({ requests: 1550, done: 930, noShow: 310 });
    expect(sms.body.totals).toMatchObject({ messages: 1860, segments: 1860 });
    console.log(`31-day trips report: ${Math.round(t1 - t0)} ms; sms report: ${Math.round(t2 - t1)} ms`);
  });
});
