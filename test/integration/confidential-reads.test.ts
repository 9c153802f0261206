/**
 * Confidential cases through the API on DynamoDB Local: a dispatcher of another provider reads a
 * confidential brigade visit and its resident masked, the brigade's own dispatcher in clear, and
 * every such read leaves a `read-confidential` audit entry without the address. A request made
 * exclusive by PATCH keeps the flag.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, apiEvent, JSON_HEADERS } from '../support/api-events';
import { taxiRequest } from '../support/fixtures';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

const H = '/hromady/khmilnytska';
const HOME = 'с. Березна, вул. Садова, 3';
const dispatcherOf = (sub: string, providerId?: string) => ({
  sub,
  'cognito:groups': '[dispatchers]',
  'custom:hromada_id': 'khmilnytska',
  ...(providerId ? { 'custom:provider_id': providerId } : {}),
});
const get = (path: string, claims: Record<string, string>) =>
  apiEvent('GET', `${H}${path}`, undefined, JSON_HEADERS, claims);

let call: Call;
let taxiProvider: string;
let brigadeProvider: string;
let residentId: string;
let visitId: string;
const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('confidential'));
  await createDemoHromada(call);
  const provider = async (name: string, services: string[]) => {
    const res = await call(
      apiEvent(
        'POST',
        `${H}/providers`,
        { name, kind: 'social-services-centre', services },
        JSON_HEADERS,
        ADMIN,
      ),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  taxiProvider = await provider('Соцтаксі УСЗН', ['social-taxi']);
  brigadeProvider = await provider('Центр соціальних служб', ['mobile-brigade']);
  const resident = await call(
    apiEvent('POST', `${H}/residents`, {
      name: 'Олена Мельник',
      phone: null,
      settlementId: 'UA05120170020086400',
      address: HOME,
      location: { lat: 49.5621, lon: 27.8401 },
      confidential: true,
      categories: ['disability-1'],
    }),
  );
  expect(resident.status).toBe(201);
  residentId = resident.body.id;
  const visit = await call(
    apiEvent('POST', `${H}/requests`, {
      serviceType: 'mobile-brigade',
      residentId,
      date,
      pickup: { address: HOME, location: { lat: 49.5621, lon: 27.8401 } },
      requestedTime: { kind: 'pickup', time: '11:00' },
      purpose: 'social-services',
      serviceMinutes: 60,
    }),
  );
  expect(visit.status).toBe(201);
  visitId = visit.body.id;
});

const readsBy = async (actor: string) => {
  const audit = await call(apiEvent('GET', `${H}/audit`, undefined, JSON_HEADERS, ADMIN));
  expect(audit.status).toBe(200);
  return (audit.body.items as Array<Record<string, unknown>>).filter(
    (a) => a.action === 'read-confidential' && a.actor === actor,
  );
};

describe('confidential cases through the API', () => {
  it('a dispatcher of another provider sees the visit and the resident masked, and each read is audited', async () => {
    const other = dispatcherOf('disp-taxi', taxiProvider);
    const request = await call(get(`/requests/${visitId}`, other));
    expect(request.status).toBe(200);
    expect(request.body.pickup.address).toBe('конфіденційно');
    expect(request.body.purpose).toBe('other');
    const day = await call(get(`/requests?date=${date}`, other));
    expect(day.body.items.find((r: { id: string }) => r.id === visitId).pickup.address).toBe('конфіденційно');
    const resident = await call(get(`/residents/${residentId}`, other));
    expect(resident.body).toMatchObject({
      address: 'конфіденційно',
      location: { lat: 49.56085, lon: 27.84392 },
    });
    expect(JSON.stringify([request.body, day.body, resident.body])).not.toContain('Садова');

    const reads = await readsBy('disp-taxi');
    expect(reads.map((a) => [a.itemType, a.itemId, a.changedFields])).toEqual([
      ['Resident', residentId, []],
      ['ServiceRequest', visitId, []],
      ['ServiceRequest', visitId, []],
    ]);
    expect(JSON.stringify(reads)).not.toContain('Садова');
  });

  it('the brigade’s own dispatcher reads it in clear; the read is audited with the fields shown', async () => {
    const own = dispatcherOf('disp-brigade', brigadeProvider);
    const request = await call(get(`/requests/${visitId}`, own));
    expect(request.body.pickup.address).toBe(HOME);
    expect(request.body.purpose).toBe('social-services');
    expect(await readsBy('disp-brigade')).toMatchObject([
      { itemType: 'ServiceRequest', itemId: visitId, changedFields: ['pickup', 'dropoff', 'purpose'] },
    ]);
  });

  it('a ride made exclusive by PATCH keeps the flag; the answer is masked for this reader', async () => {
    const ride = await call(apiEvent('POST', `${H}/requests`, { ...taxiRequest(residentId, date, '09:00') }));
    expect(ride.status).toBe(201);
    expect(ride.body.exclusive).toBeUndefined();
    const edited = await call(
      apiEvent('PATCH', `${H}/requests/${ride.body.id}`, { version: 1, exclusive: true }),
    );
    expect(edited).toMatchObject({ status: 200, body: { exclusive: true, version: 2 } });
    // the answer of a write is masked like a read: this dispatcher (no provider) may not see it
    expect(edited.body.pickup.address).toBe('конфіденційно');
  });
});
