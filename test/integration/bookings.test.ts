import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, JSON_HEADERS, loadEvent } from '../support/api-events';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

let call: Call;

const H = '/hromady/khmilnytska';
/** A service date a few days ahead (the handler runs on the real clock). */
const DATE = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

const ride = (residentId: string, time = '09:00', kind: 'pickup' | 'arrive-by' = 'pickup') => ({
  serviceType: 'social-taxi',
  residentId,
  date: DATE,
  pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
  dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
  requestedTime: { kind, time },
  purpose: 'medical',
});
const withKey = (key: string) => ({ ...JSON_HEADERS, 'Idempotency-Key': key });
const book = (body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
  call(apiEvent('POST', `${H}/requests`, body, headers));

async function newResident(): Promise<string> {
  const created = await call(loadEvent('api/post-resident.json'));
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** The resident's requests on DATE, and the booking confirmations queued for them. */
async function bookedFor(residentId: string) {
  const day = await call(apiEvent('GET', `${H}/requests?date=${DATE}`));
  const requests = (day.body.items as { id: string; residentId: string }[]).filter(
    (r) => r.residentId === residentId,
  );
  const subjects = new Set(requests.map((r) => `REQUEST#${r.id}`));
  const log = await call(apiEvent('GET', `${H}/messages?limit=200`));
  const confirmations = (log.body.items as { kind: string; subject: string }[]).filter(
    (m) => m.kind === 'booking-confirmation' && subjects.has(m.subject),
  );
  return { requests, confirmations };
}

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('bookings'));
  await createDemoHromada(call);
});

describe('duplicate bookings on DynamoDB Local', () => {
  it('20 parallel bookings of one resident and time: 1 × 201, 19 × 409 with a reason, one SMS', async () => {
    const resident = await newResident();
    const answers = await Promise.all(Array.from({ length: 20 }, () => book(ride(resident))));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(19);
    for (const a of refused)
      expect(a.body.error).toMatchObject({ code: 'conflict', reason: expect.any(String) });
    const { requests, confirmations } = await bookedFor(resident);
    expect(requests).toHaveLength(1);
    expect(confirmations).toHaveLength(1);
  });

  it('the same Idempotency-Key twice in a row: one booking, one SMS, the same answer', async () => {
    const resident = await newResident();
    const first = await book(ride(resident), withKey('retry-7f3a9c01'));
    const again = await book(ride(resident), withKey('retry-7f3a9c01'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const { requests, confirmations } = await bookedFor(resident);
    expect(requests).toHaveLength(1);
    expect(confirmations).toHaveLength(1);
  });

  it('the same Idempotency-Key 20 times in parallel: one booking, one SMS, 20 identical answers', async () => {
    const resident = await newResident();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => book(ride(resident), withKey('burst-7f3a9c02'))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const { requests, confirmations } = await bookedFor(resident);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.id).toBe(answers[0]!.body.id);
    expect(confirmations).toHaveLength(1);
  });

  it('the same key with another body is a 422 and books nothing', async () => {
    const resident = await newResident();
    expect((await book(ride(resident, '09:00'), withKey('mixed-7f3a9c03'))).status).toBe(201);
    const other = await book(ride(resident, '13:00'), withKey('mixed-7f3a9c03'));
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/Idempotency-Key was already used for a different request/);
    expect((await bookedFor(resident)).requests).toHaveLength(1);
  });

  it('a malformed key is a 400 at (headers).idempotency-key', async () => {
    const resident = await newResident();
    for (const bad of ['short', 'with space inside', 'ключ-кирилицею', 'x'.repeat(256)]) {
      const res = await book(ride(resident), withKey(bad));
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toBe('(headers).idempotency-key');
    }
    expect((await bookedFor(resident)).requests).toHaveLength(0);
  });

  it('registry items take the key too: a retried POST creates one resident', async () => {
    const sample = loadEvent<APIGatewayProxyEventV2>('api/post-resident.json');
    sample.headers = { ...sample.headers, 'idempotency-key': 'resident-7f3a9c04' };
    const [a, b] = await Promise.all([call(sample), call(structuredClone(sample))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    const again = await call(structuredClone(sample));
    expect(again.body).toEqual(a.body);
  });

  it('a cancelled booking frees its time for a new one', async () => {
    const resident = await newResident();
    const first = await book(ride(resident));
    expect((await book(ride(resident))).status).toBe(409);
    const cancel = await call(apiEvent('POST', `${H}/requests/${first.body.id}/cancel`, { version: 1 }));
    expect(cancel.status).toBe(200);
    expect((await book(ride(resident))).status).toBe(201);
  });
});

describe('bookings that cannot be served on their day', () => {
  it('refuses a 00:10 pickup, a 00:30 arrive-by and a delivery due by 00:00 with 400 and the path', async () => {
    const resident = await newResident();
    const delivery = { ...ride(resident, '00:00', 'arrive-by'), serviceType: 'delivery', dropoff: undefined };
    for (const body of [ride(resident, '00:10'), ride(resident, '00:30', 'arrive-by'), delivery]) {
      const res = await book(body);
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toBe('requestedTime.time');
      expect(res.body.error.reason).toEqual(expect.any(String));
    }
    expect((await bookedFor(resident)).requests).toHaveLength(0);
  });
});
