import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../shared/domain/time';
import { apiEvent } from '../support/api-events';
import { GARAGE } from '../support/fixtures';
import { apiOnFreshTable, BEREZNA_VILLAGE, type Call, createDemoHromada } from './api-client';

/**
 * Booking mobile-case slots through the API on DynamoDB Local: however many bookings race, a slot
 * is booked once (one item per slot, put with attribute_not_exists in the booking's transaction)
 * and a resident holds one slot per stop.
 */
let call: Call;
const H = '/hromady/khmilnytska';
const DAY = addDays(localDate(new Date()), 30);

async function residents(n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const r = await call(
      apiEvent('POST', `${H}/residents`, {
        name: `Мешканка ${tag}${i}`,
        phone: null,
        settlementId: BEREZNA_VILLAGE.id,
        address: 'с. Березна, вул. Садова, 3',
        location: { lat: 49.5621, lon: 27.8401 },
      }),
    );
    expect(r.status).toBe(201);
    ids.push(r.body.id);
  }
  return ids;
}

async function stop(id: string, from: string, to: string) {
  const created = await call(
    apiEvent('POST', `${H}/case-stops`, {
      id,
      settlementId: BEREZNA_VILLAGE.id,
      date: DAY,
      from,
      to,
      slotMinutes: 20,
      services: ['пенсія', 'субсидії'],
      vehicleId: 'case-van',
    }),
  );
  expect(created.status).toBe(201);
  return created.body;
}

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('case-slots'));
  await createDemoHromada(call);
  expect((await call(apiEvent('POST', `${H}/depots`, { ...GARAGE, id: 'garage' }))).status).toBe(201);
  const van = await call(
    apiEvent('POST', `${H}/vehicles`, {
      id: 'case-van',
      name: 'Мобільний кейс',
      plate: 'АВ0001ВС',
      depotId: 'garage',
      services: ['mobile-case'],
      capacity: { seats: 3 },
      shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '17:00' }],
    }),
  );
  expect(van.status).toBe(201);
});

describe('mobile-case slots under concurrency (DynamoDB Local)', () => {
  it('30 parallel bookings for 5 slots: exactly 5 succeed, each slot once; the rest get 409 with a Ukrainian reason', async () => {
    const created = await stop('race', '10:00', '11:40');
    expect(created.slots).toHaveLength(5);
    const ids = await residents(30, 'r');
    const started = Date.now();
    const answers = await Promise.all(
      ids.map((residentId) => call(apiEvent('POST', `${H}/case-stops/race/bookings`, { residentId }))),
    );
    // Recorded, not asserted: how long 30 racing bookings take on DynamoDB Local
    console.info(`30 parallel bookings for 5 slots answered in ${Date.now() - started} ms`);
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status !== 201);
    expect(won).toHaveLength(5);
    expect(new Set(won.map((a) => a.body.slot))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(lost.every((a) => a.status === 409)).toBe(true);
    expect(new Set(lost.map((a) => a.body.error.reason))).toEqual(
      new Set(['вільного часу на цій зупинці вже немає']),
    );
    const view = (await call(apiEvent('GET', `${H}/case-stops/race`))).body;
    const booked = view.slots.map((s: { residentId?: string }) => s.residentId);
    expect(booked.every(Boolean)).toBe(true);
    expect(new Set(booked)).toEqual(new Set(won.map((a) => a.body.residentId)));
  });

  it('10 residents racing for one named slot: one gets it, nine hear that it is taken', async () => {
    await stop('one-slot', '12:00', '13:00');
    const ids = await residents(10, 's');
    const answers = await Promise.all(
      ids.map((residentId) =>
        call(apiEvent('POST', `${H}/case-stops/one-slot/bookings`, { residentId, time: '12:20' })),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const lost = answers.filter((a) => a.status !== 201);
    expect(lost.map((a) => a.status)).toEqual(Array(9).fill(409));
    expect(lost.every((a) => /зайнятий|немає/.test(a.body.error.reason))).toBe(true);
  });

  it('one resident booking 6 times at once holds one slot', async () => {
    await stop('one-each', '14:00', '16:00');
    const [residentId] = await residents(1, 't');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(apiEvent('POST', `${H}/case-stops/one-each/bookings`, { residentId })),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
    const view = (await call(apiEvent('GET', `${H}/case-stops/one-each`))).body;
    expect(view.slots.filter((s: { residentId?: string }) => s.residentId)).toHaveLength(1);
  });

  it('moves and cancels through the API at the version read; a stop with bookings is not deleted', async () => {
    const [residentId] = await residents(1, 'u');
    await stop('moves', '09:00', '10:00');
    const path = `${H}/case-stops/moves/bookings`;
    expect((await call(apiEvent('POST', path, { residentId }))).body).toMatchObject({
      time: '09:00',
      version: 1,
    });
    const moved = await call(apiEvent('PATCH', path, { residentId, version: 1, time: '09:40' }));
    expect(moved.body).toMatchObject({ time: '09:40', version: 2 });
    expect((await call(apiEvent('PATCH', path, { residentId, version: 1, time: '09:20' }))).status).toBe(409);
    const bad = await call(apiEvent('PATCH', path, { residentId, version: 2, time: '9:40' }));
    expect(bad.status).toBe(400);
    expect((await call(apiEvent('DELETE', `${H}/case-stops/moves?version=1`))).status).toBe(409);
    expect((await call(apiEvent('POST', `${path}/cancel`, { residentId, version: 2 }))).status).toBe(200);
    expect((await call(apiEvent('DELETE', `${H}/case-stops/moves?version=1`))).status).toBe(204);
  });

  it('generates a schedule twice: the second run creates nothing', async () => {
    const body = {
      scheduleId: 'berezna',
      recurrence: { kind: 'weekly', weekday: 2, interval: 2 },
      start: DAY,
      until: addDays(DAY, 60),
      settlementId: BEREZNA_VILLAGE.id,
      from: '10:00',
      to: '13:00',
      services: ['пенсія'],
      vehicleId: 'case-van',
    };
    const first = await call(apiEvent('POST', `${H}/case-schedules`, body));
    expect(first.status).toBe(200);
    expect(first.body.created.length).toBeGreaterThanOrEqual(4);
    const second = await call(apiEvent('POST', `${H}/case-schedules`, body));
    expect(second.body).toEqual({ created: [], existing: first.body.created });
    const calendar = await call(apiEvent('GET', `${H}/case-stops?from=${DAY}&to=${addDays(DAY, 60)}`));
    expect(
      calendar.body.items.filter((s: { scheduleId?: string }) => s.scheduleId === 'berezna'),
    ).toHaveLength(first.body.created.length);
  });
});
