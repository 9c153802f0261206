/**
 * What residents and dispatchers are told, through the API on DynamoDB Local (issue 9, item 7):
 * publishing sends the narrowed window only to the residents whose window changed; a cancellation
 * after publishing raises an alert that is listed newest first and handled on its version.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { localTimeLabel } from '../../shared/domain/time';
import { apiEvent } from '../support/api-events';
import {
  apiOnFreshTable,
  BEREZNA_VILLAGE,
  type Call,
  createDemoHromada,
  createGarageAndTaxi,
  planAndWait,
} from './api-client';

const H = '/hromady/khmilnytska';
const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
let call: Call;

interface Stop {
  requestId: string;
  kind: string;
  arrival: string;
}
interface Booked {
  id: string;
  version: number;
  window: { start: string; end: string };
}

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('told'));
  await createDemoHromada(call);
  const taxi = await createGarageAndTaxi(call);
  const driver = await call(
    apiEvent('POST', `${H}/drivers`, { name: 'Олег Коваль', phone: '067 401 12 01', vehicleIds: [taxi.id] }),
  );
  expect(driver.status).toBe(201);
});

async function resident(name: string, phone: string, street: string, smsConsent = true) {
  const created = await call(
    apiEvent('POST', `${H}/residents`, {
      name,
      phone,
      settlementId: BEREZNA_VILLAGE.id,
      address: `с. Березна, ${street}`,
      location: { lat: 49.5611, lon: 27.8452 },
      smsConsent,
      categories: ['disability-1'],
    }),
  );
  expect(created.status).toBe(201);
  return created.body as { id: string; address: string; location: { lat: number; lon: number } };
}

async function ride(r: { id: string; address: string; location: object }, time: string): Promise<Booked> {
  const booked = await call(
    apiEvent('POST', `${H}/requests`, {
      serviceType: 'social-taxi',
      residentId: r.id,
      date,
      pickup: { address: r.address, location: r.location },
      dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
      requestedTime: { kind: 'pickup', time },
      purpose: 'medical',
    }),
  );
  expect(booked.status).toBe(201);
  return booked.body;
}

/** The window a resident reads: local HH:MM-HH:MM. */
const label = (startMs: number, endMs: number) =>
  `${localTimeLabel(new Date(startMs))}-${localTimeLabel(new Date(endMs))}`;

describe('publishing and alerts on DynamoDB Local', () => {
  it('publish: only the residents whose window changed get one SMS with the new window', async () => {
    const anna = await resident('Ганна Шевчук', '067 111 00 01', 'вул. Шевченка, 12');
    const olena = await resident('Олена Мельник', '067 111 00 02', 'вул. Лісова, 3');
    const petro = await resident('Петро Бойко', '067 111 00 03', 'вул. Садова, 5', false);
    const rides = [await ride(anna, '09:00'), await ride(olena, '11:00'), await ride(petro, '14:00')];
    const planned = await planAndWait(call, `${H}/plans/${date}`, { seconds: 0.5 });
    expect(planned).toMatchObject({ status: 200, body: { unassigned: [] } });
    const published = await call(apiEvent('POST', `${H}/plans/${date}/publish`, { version: 1 }));
    expect(published.status).toBe(200);
    const stops: Stop[] = published.body.plan.routes.flatMap((r: { stops: Stop[] }) => r.stops);

    // what each resident should read: the engine's arrival (to the minute) ± 15 minutes
    const changed = rides.flatMap((r) => {
      const arrival = stops.find((s) => s.requestId === r.id && s.kind === 'pickup')!.arrival;
      const minute = Math.round(Date.parse(arrival) / 60_000) * 60_000;
      const told = label(minute - 15 * 60_000, minute + 15 * 60_000);
      const agreed = label(Date.parse(r.window.start), Date.parse(r.window.end));
      return told === agreed ? [] : [{ id: r.id, told }];
    });
    const log = await call(apiEvent('GET', `${H}/messages?limit=200`));
    const windowSms = log.body.items.filter((m: { id: string }) => m.id.startsWith('window-'));
    const consenting = changed.filter((c) => c.id !== rides[2]!.id);
    expect(consenting.length).toBeGreaterThan(0);
    expect(windowSms.map((m: { id: string }) => m.id).sort()).toEqual(
      consenting.map((c) => `window-${c.id}-v2`).sort(),
    );
    for (const m of windowSms) {
      const expected = consenting.find((c) => m.id === `window-${c.id}-v2`)!;
      expect(m).toMatchObject({ kind: 'change', segments: 1 });
      expect(m.text).toContain(`між ${expected.told}.`);
    }
    // the requests keep the agreed window and record the one told
    for (const c of changed) {
      const stored = await call(apiEvent('GET', `${H}/requests/${c.id}`));
      expect(stored.body).toMatchObject({ status: 'dispatched', plannedWindow: expect.any(Object) });
    }
    // publishing again tells nobody again
    expect((await call(apiEvent('POST', `${H}/plans/${date}/publish`, { version: 2 }))).status).toBe(200);
    const again = await call(apiEvent('GET', `${H}/messages?limit=200`));
    expect(again.body.items.filter((m: { id: string }) => m.id.startsWith('window-'))).toHaveLength(
      windowSms.length,
    );

    // two cancellations after publishing: two alerts, newest first, handled on their version
    const cancel = async (id: string) => {
      const current = await call(apiEvent('GET', `${H}/requests/${id}`));
      const done = await call(
        apiEvent('POST', `${H}/requests/${id}/cancel`, { version: current.body.version }),
      );
      expect(done.status).toBe(200);
    };
    await cancel(rides[0]!.id);
    await cancel(rides[1]!.id);
    const alerts = await call(apiEvent('GET', `${H}/alerts?date=${date}&handled=false`));
    expect(alerts.status).toBe(200);
    expect(alerts.body.items.map((a: { requestId: string; kind: string }) => [a.kind, a.requestId])).toEqual([
      ['cancel-after-publish', rides[1]!.id],
      ['cancel-after-publish', rides[0]!.id],
    ]);
    const first = alerts.body.items[1];
    expect(first).toMatchObject({
      handled: false,
      version: 1,
      date,
      text: expect.stringMatching(/^Скасовано/),
    });

    const handle = (body: object) => call(apiEvent('POST', `${H}/alerts/${first.id}/handle`, body));
    expect(await handle({ version: 1, note: 'Передзвонили, все гаразд' })).toMatchObject({
      status: 200,
      body: { handled: true, version: 2, note: 'Передзвонили, все гаразд', handledAt: expect.any(String) },
    });
    expect(await handle({ version: 1 })).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', currentVersion: 2 } },
    });
    expect(await handle({ note: 'без версії' })).toMatchObject({ status: 400 });
    expect((await call(apiEvent('POST', `${H}/alerts/nope/handle`, { version: 1 }))).status).toBe(404);

    const open = await call(apiEvent('GET', `${H}/alerts?date=${date}&handled=false`));
    const handled = await call(apiEvent('GET', `${H}/alerts?date=${date}&handled=true`));
    const all = await call(apiEvent('GET', `${H}/alerts?date=${date}&limit=1`));
    expect(open.body.items.map((a: { id: string }) => a.id)).not.toContain(first.id);
    expect(handled.body.items.map((a: { id: string }) => a.id)).toEqual([first.id]);
    expect(all.body.items).toHaveLength(1);
    const next = await call(
      apiEvent('GET', `${H}/alerts?date=${date}&limit=1&cursor=${encodeURIComponent(all.body.cursor)}`),
    );
    expect(next.body.items[0].id).toBe(first.id);
    expect((await call(apiEvent('GET', `${H}/alerts?date=tomorrow`))).status).toBe(400);
  });
});
