import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbRouteLineStore } from '../../shared/adapters/dynamodb/dynamodb-route-line-store';
import { apiEvent } from '../support/api-events';
import { GARAGE } from '../support/fixtures';
import { apiOnFreshTable, type Call, createDemoHromada, planAndWait } from './api-client';

let call: Call;
let table: Awaited<ReturnType<typeof apiOnFreshTable>>['table'];
const H = '/hromady/khmilnytska';
/** A day ahead, so that nothing on it is under way. */
const DATE = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const box = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
/** A closed bridge between Березна and Хмільник, and shelling at вул. Садова, 3 (49.5621, 27.8401). */
const UPLOAD = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'bridge',
      geometry: { type: 'Polygon', coordinates: [box(27.89, 49.52, 27.9, 49.6)] },
      properties: { name: 'Міст закрито', kind: 'closed-road', from: DATE },
    },
    {
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: [[box(27.839, 49.5615, 27.841, 49.5627)]] },
      properties: { name: 'Обстріл' },
    },
  ],
};

beforeAll(async () => {
  ({ call, table } = await apiOnFreshTable('zones'));
  await createDemoHromada(call);
  expect((await call(apiEvent('POST', `${H}/depots`, { ...GARAGE, id: 'garage' }))).status).toBe(201);
  const vehicle = {
    id: 'taxi1',
    name: 'Соцтаксі 1',
    plate: 'АВ1234ВС',
    services: ['social-taxi'],
    capacity: { seats: 3 },
    depotId: 'garage',
    shifts: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: '18:00' }],
  };
  expect((await call(apiEvent('POST', `${H}/vehicles`, vehicle))).status).toBe(201);
});

async function ride(time: string, from: { lat: number; lon: number }): Promise<string> {
  const resident = await call(
    apiEvent('POST', `${H}/residents`, {
      name: `Мешканець ${time}`,
      phone: null,
      settlementId: 'UA05120170020086400',
      address: 'с. Березна, вул. Шевченка, 12',
      location: from,
      categories: ['disability-1'],
    }),
  );
  expect(resident.status).toBe(201);
  const booked = await call(
    apiEvent('POST', `${H}/requests`, {
      serviceType: 'social-taxi',
      residentId: resident.body.id,
      date: DATE,
      pickup: { address: 'с. Березна, вул. Шевченка, 12', location: from },
      dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
      requestedTime: { kind: 'pickup', time },
      purpose: 'medical',
    }),
  );
  expect(booked.status).toBe(201);
  return booked.body.id;
}

describe('danger zones through the API (DynamoDB Local)', () => {
  it('uploads a FeatureCollection, refuses an open ring with its path, lists and deactivates', async () => {
    const created = await call(apiEvent('POST', `${H}/danger-zones`, UPLOAD));
    expect(created.status).toBe(201);
    expect(created.body.items.map((z: { name: string }) => z.name)).toEqual(['Міст закрито', 'Обстріл']);
    expect(created.body.items[0]).toMatchObject({ kind: 'closed-road', sourceId: 'bridge', active: true });
    expect(created.body.items[0].geometry.type).toBe('MultiPolygon');

    const open = box(27.8, 49.5, 27.81, 49.51).slice(0, 4);
    const bad = await call(
      apiEvent('POST', `${H}/danger-zones`, {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [open] },
        properties: null,
      }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('geometry.coordinates.0');

    const extra = await call(
      apiEvent('POST', `${H}/danger-zones`, {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [box(28.1, 49.4, 28.11, 49.41)] },
        properties: { name: 'Тимчасово' },
      }),
    );
    const z = extra.body.items[0];
    const off = await call(apiEvent('POST', `${H}/danger-zones/${z.id}/deactivate`, { version: 1 }));
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, version: 2 });
    const again = await call(apiEvent('POST', `${H}/danger-zones/${z.id}/deactivate`, { version: 2 }));
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('Зону вже вимкнено');
    const active = await call(apiEvent('GET', `${H}/danger-zones?active=true`));
    expect(active.body.items).toHaveLength(2);
    expect((await call(apiEvent('GET', `${H}/danger-zones`))).body.items).toHaveLength(3);
  });

  it('plans around the zones: the stop inside one is unassigned in Ukrainian; the route line for the map', async () => {
    const outside = await ride('09:00', { lat: 49.5611, lon: 27.8452 });
    const inside = await ride('10:00', { lat: 49.5621, lon: 27.8401 });
    const plan = await planAndWait(call, `${H}/plans/${DATE}`, { seconds: 1 });
    expect(plan.status).toBe(200);
    expect(plan.body.unassigned).toEqual([{ requestId: inside, reason: 'Адреса в небезпечній зоні' }]);
    expect(plan.body.routes[0].stops.map((s: { requestId: string }) => s.requestId)).toEqual([
      outside,
      outside,
    ]);

    const line = await call(apiEvent('GET', `${H}/plans/${DATE}/routes/taxi1/geometry`));
    expect(line.status).toBe(200);
    expect(line.body).toMatchObject({ type: 'Feature', geometry: { type: 'LineString' } });
    expect(line.body.geometry.coordinates).toHaveLength(4);
    expect((await call(apiEvent('GET', `${H}/plans/${DATE}/routes/nobody/geometry`))).status).toBe(404);
  });

  it('keeps road lines in the table by key, with a TTL', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const store = new DynamoDbRouteLineStore(table.doc, table.tableName, { ttlDays: 30, now: () => now });
    const line = {
      coordinates: [[27.9, 49.5] as [number, number], [27.95, 49.55] as [number, number]],
      source: 'ors' as const,
      distanceM: 7000,
    };
    await store.put('abc', line);
    expect(await store.get('abc')).toEqual(line);
    expect(await store.get('other')).toBeUndefined();
    now = new Date('2026-12-24T10:00:00Z');
    expect(await store.get('abc')).toBeUndefined();
  });
});
