/**
 * A resident's data through the API on DynamoDB Local (issue 13, item 9): the export as one JSON
 * document, and the erasure (admins only) that frees the phone index and keeps the trip counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, apiEvent, loadEvent } from '../support/api-events';
import { taxiRequest } from '../support/fixtures';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

let call: Call;
let residentId: string;
const h = '/hromady/khmilnytska';
const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('privacy'));
  await createDemoHromada(call);
  residentId = (await call(loadEvent('api/post-resident.json'))).body.id;
});

describe('a resident’s personal data through the API', () => {
  it('exports it for the dispatcher, then an admin erases it: no look-up by phone, trip kept without its places', async () => {
    const booked = await call(apiEvent('POST', `${h}/requests`, taxiRequest(residentId, date, '09:00')));
    expect(booked.status).toBe(201);

    const exported = await call(apiEvent('GET', `${h}/residents/${residentId}/export`));
    expect(exported).toMatchObject({
      status: 200,
      body: {
        resident: { id: residentId, phone: '+380671234567' },
        requests: [{ id: booked.body.id }],
        complete: { messages: true, inbound: true, audit: true },
      },
    });
    expect(exported.body.messages.map((m: { to: string }) => m.to)).toContain('+380671234567');
    expect(exported.body.audit.length).toBeGreaterThanOrEqual(2);

    const erase = (version: number, claims?: Record<string, string>) =>
      call(apiEvent('POST', `${h}/residents/${residentId}/erase`, { version }, undefined, claims));
    // a dispatcher may export but not erase; open trips are cancelled first
    expect((await erase(1)).status).toBe(403);
    expect((await erase(1, ADMIN)).status).toBe(409);
    const cancel = apiEvent('POST', `${h}/requests/${booked.body.id}/cancel`, { version: 1 });
    expect((await call(cancel)).status).toBe(200);

    const erased = await erase(1, ADMIN);
    expect(erased).toMatchObject({
      status: 200,
      body: { requestsStripped: 1, alreadyErased: false, resident: { phone: null, version: 2 } },
    });
    expect((await erase(1, ADMIN)).body).toMatchObject({ alreadyErased: true });

    const callers = await call(apiEvent('GET', `${h}/callers?phone=0671234567`));
    expect(callers.body.items).toEqual([]);
    const trip = await call(apiEvent('GET', `${h}/requests/${booked.body.id}`));
    expect(trip.body).toMatchObject({
      date,
      serviceType: 'social-taxi',
      status: 'cancelled',
      purpose: 'other',
    });
    expect(JSON.stringify(trip.body)).not.toContain('Шевченка');
    const after = await call(apiEvent('GET', `${h}/residents/${residentId}/export`));
    expect(JSON.stringify(after.body.resident)).not.toMatch(/Шевчук|\+380671234567|Шевченка/);
    const audit = await call(apiEvent('GET', `${h}/audit`));
    expect(audit.body.items[0]).toMatchObject({ action: 'erase', itemId: residentId, actor: 'admin-1' });
  });
});
