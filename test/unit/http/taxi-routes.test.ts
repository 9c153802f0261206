import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent, JSON_HEADERS } from '../../support/api-events';
import { HROMADA, memoryPorts, seedBasics } from '../../support/fixtures';
import { HOSPITAL } from '../app/taxi/support';

/** The social taxi's routes through the whole HTTP edge, on memory ports (clock: Mon 23 Nov 2026). */
const { ports } = memoryPorts();
const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
let residentId: string;

async function call(method: string, path: string, body?: unknown) {
  const res = await handler(apiEvent(method, path, body, JSON_HEADERS, ADMIN), lambdaContext('api'));
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}
const pathsOf = (body: { error: { issues?: { path: string }[] } }) =>
  (body.error.issues ?? []).map((i) => i.path);

const order = () => ({
  residentId,
  pickup: { home: true },
  dropoff: { placeId: 'hospital' },
  weekdays: [1, 3, 5],
  requestedTime: { kind: 'arrive-by', time: '07:30' },
  return: { mode: 'fixed', time: '12:00' },
  from: '2026-11-23',
  purpose: 'medical',
});

beforeAll(async () => {
  residentId = (await seedBasics(ports)).id;
});

describe('places through the API', () => {
  it('are created and listed like any registry kind; a bad kind is a 400 at kind', async () => {
    expect((await call('POST', `/hromady/${HROMADA}/places`, HOSPITAL)).status).toBe(201);
    const bad = await call('POST', `/hromady/${HROMADA}/places`, { ...HOSPITAL, id: 'x', kind: 'shop' });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad.body)).toEqual(['kind']);
    const list = await call('GET', `/hromady/${HROMADA}/places`);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(['hospital']);
  });
});

describe('standing orders through the API', () => {
  it('create (201, rides booked), read, refuse bad input with its zod path, change with the version', async () => {
    const created = await call('POST', `/hromady/${HROMADA}/standing-orders`, { ...order(), id: 'dia' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'dia', version: 1, status: 'active' });
    expect((await call('GET', `/hromady/${HROMADA}/requests/dia-2026-11-25`)).body).toMatchObject({
      standingOrderId: 'dia',
    });
    const bad = await call('POST', `/hromady/${HROMADA}/standing-orders`, { ...order(), weekdays: [9] });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad.body)).toEqual(['weekdays.0']);

    const stale = await call('PATCH', `/hromady/${HROMADA}/standing-orders/dia`, {
      version: 3,
      purpose: 'other',
    });
    expect(stale.status).toBe(409);
    const changed = await call('PATCH', `/hromady/${HROMADA}/standing-orders/dia`, {
      version: 1,
      requestedTime: { kind: 'arrive-by', time: '08:00' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ order: { version: 2 }, occurrences: { changed: 2 } });
    const cancelled = await call('POST', `/hromady/${HROMADA}/standing-orders/dia/cancel`, { version: 2 });
    expect(cancelled.body).toMatchObject({ order: { status: 'cancelled' }, occurrences: { cancelled: 2 } });
    expect((await call('GET', `/hromady/${HROMADA}/standing-orders/nope`)).status).toBe(404);
  });
});

describe('bookings with a return through the API', () => {
  it('a will-call return is activated by POST …/activate-return; twice is a 409', async () => {
    const booked = await call('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'social-taxi',
      residentId,
      date: '2026-11-23',
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
      // the fake clock is 12:00 in Kyiv: a same-day booking needs an hour's notice
      requestedTime: { kind: 'pickup', time: '13:15' },
      purpose: 'medical',
      return: { mode: 'will-call' },
    });
    expect(booked.status).toBe(201);
    const back = `${booked.body.id}-r`;
    const first = await call('POST', `/hromady/${HROMADA}/requests/${back}/activate-return`, { version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.request).toMatchObject({ id: back, awaitingCall: false });
    const again = await call('POST', `/hromady/${HROMADA}/requests/${back}/activate-return`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toContain('не повернення');
  });

  it('cancel with keepReturn keeps the return; a return on another service is a 400 at return', async () => {
    const booked = await call('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'social-taxi',
      residentId,
      date: '2026-11-26',
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
      requestedTime: { kind: 'pickup', time: '09:00' },
      purpose: 'medical',
      return: { mode: 'fixed', time: '11:00' },
    });
    const id = booked.body.id;
    expect(
      (await call('POST', `/hromady/${HROMADA}/requests/${id}/cancel`, { version: 1, keepReturn: true }))
        .status,
    ).toBe(200);
    expect((await call('GET', `/hromady/${HROMADA}/requests/${id}-r`)).body.status).toBe('requested');
    const visit = await call('POST', `/hromady/${HROMADA}/requests`, {
      serviceType: 'delivery',
      residentId,
      date: '2026-11-26',
      pickup: { home: true },
      requestedTime: { kind: 'pickup', time: '15:00' },
      purpose: 'medical',
      return: { mode: 'will-call' },
    });
    expect(visit.status).toBe(400);
    expect(pathsOf(visit.body)).toEqual(['return']);
  });
});
