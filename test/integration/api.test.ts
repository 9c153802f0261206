import { beforeAll, describe, expect, it } from 'vitest';
import { localToUtc } from '../../shared/domain/time';
import { ADMIN, apiEvent, JSON_HEADERS, loadEvent } from '../support/api-events';
import {
  apiOnFreshTable,
  type Call,
  createDemoHromada,
  createGarageAndTaxi,
  planAndWait,
} from './api-client';

let call: Call;

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('api'));
  await createDemoHromada(call);
});

describe('the API on DynamoDB Local', () => {
  it('answers /health after reading the table (sample event)', async () => {
    const res = await call(loadEvent('api/get-health.json'));
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok' } });
  });

  it('creates a resident from the sample event, then reads, lists and finds them by phone', async () => {
    const created = await call(loadEvent('api/post-resident.json'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ phone: '+380671234567', version: 1, hromadaId: 'khmilnytska' });
    const id = created.body.id as string;
    expect((await call(apiEvent('GET', `/hromady/khmilnytska/residents/${id}`))).body.name).toBe(
      'Ганна Петрівна Шевчук',
    );
    const list = await call(apiEvent('GET', '/hromady/khmilnytska/residents?limit=10'));
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const callers = await call(apiEvent('GET', '/hromady/khmilnytska/callers?phone=0671234567'));
    expect(callers.body.items).toHaveLength(1);
    const audit = await call(apiEvent('GET', '/hromady/khmilnytska/audit'));
    expect(audit.body.items[0]).toMatchObject({
      action: 'create',
      itemType: 'Resident',
      actor: '3f6c1d2e-dispatcher-1',
    });
  });

  it('books a ride, then confirms and cancels it with optimistic locking', async () => {
    const resident = await call(loadEvent('api/post-resident.json'));
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const booked = await call(
      apiEvent('POST', '/hromady/khmilnytska/requests', {
        serviceType: 'social-taxi',
        residentId: resident.body.id,
        date,
        pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
        dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
        requestedTime: { kind: 'arrive-by', time: '09:00' },
        purpose: 'medical',
      }),
    );
    expect(booked).toMatchObject({ status: 201, body: { status: 'requested', version: 1 } });
    const path = `/hromady/khmilnytska/requests/${booked.body.id}`;
    expect((await call(apiEvent('POST', `${path}/confirm`, { version: 1 }))).body).toMatchObject({
      status: 'confirmed',
      version: 2,
    });
    expect((await call(apiEvent('POST', `${path}/cancel`, { version: 1 }))).status).toBe(409);
    expect((await call(apiEvent('POST', `${path}/cancel`, { version: 2 }))).body.status).toBe('cancelled');
    expect((await call(apiEvent('POST', `${path}/confirm`, { version: 3 }))).status).toBe(409);
    const day = await call(apiEvent('GET', `/hromady/khmilnytska/requests?date=${date}`));
    expect(day.body.items.map((r: { id: string }) => r.id)).toContain(booked.body.id);
  });

  it('plans a day, stores the plan, and re-plans only from the version last read', async () => {
    const resident = await call(loadEvent('api/post-resident.json'));
    const date = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
    const vehicle = { body: await createGarageAndTaxi(call) };
    const booked = await call(
      apiEvent('POST', '/hromady/khmilnytska/requests', {
        serviceType: 'social-taxi',
        residentId: resident.body.id,
        date,
        pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
        dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
        requestedTime: { kind: 'arrive-by', time: '10:00' },
        purpose: 'medical',
      }),
    );
    const path = `/hromady/khmilnytska/plans/${date}`;
    expect((await call(apiEvent('GET', path))).status).toBe(404);
    const plan = await planAndWait(call, path, { seconds: 0.5 });
    expect(plan).toMatchObject({ status: 200, body: { date, version: 1, status: 'draft', unassigned: [] } });
    const route = plan.body.routes.find((r: { vehicleId: string }) => r.vehicleId === vehicle.body.id);
    expect(route.stops.map((x: { requestId: string; kind: string }) => [x.requestId, x.kind])).toEqual([
      [booked.body.id, 'pickup'],
      [booked.body.id, 'dropoff'],
    ]);
    // the appointment is at 10:00 Kyiv: the drop-off is served by then
    expect(route.stops[1].arrival <= localToUtc(date, '10:00').toISOString()).toBe(true);
    expect(route.stops[0].arrival >= booked.body.window.start).toBe(true);
    expect((await call(apiEvent('GET', path))).body).toMatchObject({ version: 1 });
    expect((await call(apiEvent('POST', path, { seconds: 0.5 }))).status).toBe(409);
    expect((await planAndWait(call, path, { seconds: 0.5, version: 1 })).body.version).toBe(2);
    // publish version 2: no driver yet for the vehicle, then with one the route goes out by SMS
    const noDriver = await call(apiEvent('POST', `${path}/publish`, { version: 2 }));
    expect(noDriver).toMatchObject({ status: 200, body: { messages: 0, withoutDriver: [vehicle.body.id] } });
    await call(
      apiEvent('POST', '/hromady/khmilnytska/drivers', {
        name: 'Олег Коваль',
        phone: '067 401 12 01',
        vehicleIds: [vehicle.body.id],
      }),
    );
    expect((await call(apiEvent('POST', `${path}/publish`, { version: 3 }))).body).toMatchObject({
      plan: { status: 'published', version: 4 },
      messages: 1,
    });
    expect((await call(apiEvent('POST', `${path}/publish`, { version: 3 }))).status).toBe(409);
    const log = await call(apiEvent('GET', '/hromady/khmilnytska/messages'));
    expect(
      log.body.items.filter(
        (m: { kind: string; to: string }) => m.kind === 'driver-route' && m.to === '+380674011201',
      ),
    ).toHaveLength(1);
    // a phone request for the same day goes into the published plan; its driver gets the new route
    const extra = await call(
      apiEvent('POST', '/hromady/khmilnytska/requests', {
        serviceType: 'social-taxi',
        residentId: resident.body.id,
        date,
        pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
        dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
        requestedTime: { kind: 'pickup', time: '14:00' },
        purpose: 'bank',
      }),
    );
    const inserted = await call(
      apiEvent('POST', `${path}/requests`, { requestId: extra.body.id, version: 4 }),
    );
    expect(inserted).toMatchObject({
      status: 200,
      body: { plan: { version: 5, status: 'published' }, vehicleId: vehicle.body.id, messages: 1 },
    });
    expect(
      (await call(apiEvent('POST', `${path}/requests`, { requestId: extra.body.id, version: 5 }))).status,
    ).toBe(409);
    // the dispatcher records what happened (the driver can do the same by SMS: `2 OK`)
    const outcome = `/hromady/khmilnytska/requests/${booked.body.id}/outcome`;
    // planning made it planned, publishing dispatched: each a new version of the request
    const read = await call(apiEvent('GET', `/hromady/khmilnytska/requests/${booked.body.id}`));
    expect(read.body).toMatchObject({ status: 'dispatched' });
    const v = read.body.version;
    expect((await call(apiEvent('POST', outcome, { version: v, outcome: 'done' }))).body).toMatchObject({
      status: 'done',
      version: v + 1,
    });
    expect((await call(apiEvent('POST', outcome, { version: v + 1, outcome: 'no-show' }))).status).toBe(409);
    expect((await call(apiEvent('POST', outcome, { version: v + 1, outcome: 'late' }))).status).toBe(400);
    const bad = await call(apiEvent('POST', path, { seconds: 601 }));
    expect(bad.status).toBe(400);
    expect((await call(apiEvent('POST', '/hromady/khmilnytska/plans/24.11.2026'))).status).toBe(400);
  });

  it('pages through a listing with an opaque cursor', async () => {
    for (const name of ['Гараж 1', 'Гараж 2', 'Гараж 3']) {
      await call(
        apiEvent('POST', '/hromady/khmilnytska/depots', {
          name,
          address: 'м. Хмільник, вул. Пушкіна, 5',
          location: { lat: 49.556, lon: 27.949 },
        }),
      );
    }
    // other tests add depots too: walk every page and find each of these exactly once
    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(
        apiEvent('GET', `/hromady/khmilnytska/depots?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      names.push(...page.body.items.map((d: { name: string }) => d.name));
      cursor = page.body.next;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const name of ['Гараж 1', 'Гараж 2', 'Гараж 3'])
      expect(names.filter((n) => n === name)).toHaveLength(1);
    expect((await call(apiEvent('GET', '/hromady/khmilnytska/depots?cursor=garbage'))).status).toBe(400);
  });

  describe('what a fuzzer sent (issue 7) is a 400, never a 500', () => {
    const depots = (h: string, query: string) =>
      call(apiEvent('GET', `/hromady/${h}/depots?${query}`, undefined, JSON_HEADERS, ADMIN));

    it('a cursor from another hromada, another listing, or crafted; and cursors show no keys', async () => {
      await call(
        apiEvent('POST', '/hromady', { id: 'pokrovska', name: 'Покровська громада' }, JSON_HEADERS, ADMIN),
      );
      for (const h of ['khmilnytska', 'pokrovska']) {
        for (const name of ['Гараж А', 'Гараж Б']) {
          const created = await call(
            apiEvent(
              'POST',
              `/hromady/${h}/depots`,
              { name, address: 'вул. Шевченка, 1', location: { lat: 49.5, lon: 27.9 } },
              JSON_HEADERS,
              ADMIN,
            ),
          );
          expect(created.status).toBe(201);
        }
      }
      const first = await depots('khmilnytska', 'limit=1');
      const cursor = first.body.next as string;
      expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/HROMADA|DEPOT/);
      expect((await depots('khmilnytska', `limit=1&cursor=${cursor}`)).status).toBe(200);
      const elsewhere = await depots('pokrovska', `limit=1&cursor=${cursor}`);
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error.issues[0].path).toBe('cursor');
      const otherListing = await call(apiEvent('GET', `/hromady/khmilnytska/residents?cursor=${cursor}`));
      expect(otherListing.status).toBe(400);
      expect((await call(apiEvent('GET', `/hromady/khmilnytska/messages?cursor=${cursor}`))).status).toBe(
        400,
      );
      for (const crafted of [
        'e30',
        Buffer.from('{"pk":"HROMADA#pokrovska","sk":"DEPOT#"}').toString('base64url'),
      ])
        expect((await depots('khmilnytska', `cursor=${crafted}`)).status).toBe(400);
    });

    it('an id past DynamoDB key size, on every verb', async () => {
      const long = `/hromady/khmilnytska/residents/${'x'.repeat(1_100)}`;
      for (const [method, path, body] of [
        ['GET', long, undefined],
        ['PATCH', long, { version: 1, name: 'Ганна' }],
        ['DELETE', `${long}?version=1`, undefined],
        ['POST', `/hromady/khmilnytska/requests/${'x'.repeat(1_100)}/confirm`, { version: 1 }],
      ] as const) {
        const res = await call(apiEvent(method, path, body));
        expect(res.status).toBe(400);
        expect(res.body.error.issues[0].path).toBe('id');
      }
    });

    it('malformed percent-encoding in a path parameter', async () => {
      const res = await call(apiEvent('GET', '/hromady/khmilnytska/residents/%E0%A4%A'));
      expect(res).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'id' }] } } });
    });
  });

  describe('bad input is a 400 with a clear message', () => {
    it('malformed JSON', async () => {
      const res = await call(apiEvent('POST', '/hromady/khmilnytska/residents', '{"name": "Ганна",'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Malformed JSON/);
    });

    it('wrong types, with the zod path of each field', async () => {
      const res = await call(
        apiEvent('POST', '/hromady/khmilnytska/residents', {
          name: 42,
          phone: '12345',
          settlementId: 'UA05120170020086400',
          address: 'с. Березна',
          location: { lat: 'north', lon: 27.8 },
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
        expect.arrayContaining(['name', 'phone', 'location.lat']),
      );
    });

    it('unknown fields', async () => {
      const res = await call(
        apiEvent('POST', '/hromady', { name: 'Нова громада', mayor: 'хтось' }, JSON_HEADERS, ADMIN),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].message).toMatch(/mayor/);
    });

    it('oversized bodies', async () => {
      const res = await call(
        apiEvent('POST', '/hromady', { name: 'x', pad: 'я'.repeat(40_000) }, JSON_HEADERS, ADMIN),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/too large: 80\d+ bytes \(at most 65536\)/);
    });

    it('a body that is not JSON at all, or missing', async () => {
      expect(
        (
          await call(
            apiEvent(
              'POST',
              '/hromady',
              'name=x',
              { 'content-type': 'application/x-www-form-urlencoded' },
              ADMIN,
            ),
          )
        ).status,
      ).toBe(400);
      expect((await call(apiEvent('POST', '/hromady', undefined, JSON_HEADERS, ADMIN))).status).toBe(400);
    });
  });

  describe('who may call what', () => {
    const other = { sub: 'disp-2', 'cognito:groups': '[dispatchers]', 'custom:hromada_id': 'pokrovska' };
    it('a dispatcher of another hromada is refused (403) and learns nothing', async () => {
      const res = await call(
        apiEvent('GET', '/hromady/khmilnytska/residents', undefined, JSON_HEADERS, other),
      );
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toMatch(/Шевчук/);
    });
    it('only admins create hromady; /health is public', async () => {
      expect((await call(apiEvent('POST', '/hromady', { name: 'Нова громада' }))).status).toBe(403);
      expect((await call(apiEvent('GET', '/health', undefined, JSON_HEADERS, {}))).status).toBe(200);
      expect(
        (await call(apiEvent('GET', '/hromady/khmilnytska/residents', undefined, JSON_HEADERS, {}))).status,
      ).toBe(403);
    });

    it('a bad query parameter', async () => {
      const res = await call(apiEvent('GET', '/hromady/khmilnytska/requests?date=24.11.2026'));
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toBe('date');
    });
  });

  it('a missing item is a 404, an unknown route a 404, a wrong method a 405', async () => {
    expect((await call(apiEvent('GET', '/hromady/khmilnytska/residents/NOPE'))).status).toBe(404);
    expect(
      (await call(apiEvent('GET', '/hromady/nowhere/residents', undefined, JSON_HEADERS, ADMIN))).status,
    ).toBe(404);
    expect((await call(apiEvent('GET', '/nothing-here'))).status).toBe(404);
    expect((await call(apiEvent('PUT', '/health'))).status).toBe(405);
  });
});
