import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent, JSON_HEADERS } from '../../support/api-events';
import { HROMADA, memoryPorts, seedBasics } from '../../support/fixtures';

/** A delivery with a handover code, through the whole HTTP edge on memory ports. */
async function deliveryBooked() {
  const { ports, entities } = memoryPorts();
  const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));
  const call = async (method: string, path: string, body?: unknown, headers = JSON_HEADERS) => {
    const res = await handler(apiEvent(method, path, body, headers, ADMIN), lambdaContext('api'));
    return { status: res.statusCode, text: res.body ?? '' };
  };
  const resident = await seedBasics(ports);
  const body = {
    serviceType: 'delivery',
    residentId: resident.id,
    date: '2026-11-24',
    pickup: { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.5621, lon: 27.8401 } },
    requestedTime: { kind: 'pickup', time: '10:00' },
    purpose: 'social-services',
    parcel: { kg: 10 },
    handover: { mode: 'in-person' },
  };
  return { call, body, entities };
}

describe("a delivery's handover code never leaves the API", () => {
  it('is stored as a hash, and no answer carries the hash: booking, reading, an Idempotency-Key replay', async () => {
    const { call, body, entities } = await deliveryBooked();
    const headers = { ...JSON_HEADERS, 'idempotency-key': 'delivery-1' };
    const booked = await call('POST', `/hromady/${HROMADA}/requests`, body, headers);
    expect(booked.status).toBe(201);
    const id = JSON.parse(booked.text).id as string;
    const stored = [...entities.items.values()].find((i) => i.id === id) as {
      handoverCode?: { hash: string };
    };
    const hash = stored.handoverCode!.hash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const read = await call('GET', `/hromady/${HROMADA}/requests/${id}`);
    const day = await call('GET', `/hromady/${HROMADA}/requests?date=2026-11-24`);
    const replay = await call('POST', `/hromady/${HROMADA}/requests`, body, headers);
    for (const answer of [booked, read, day, replay]) {
      expect(answer.text).not.toContain(hash);
      expect(answer.text).not.toMatch(/"hash"/);
    }
    expect(JSON.parse(read.text).handoverCode).toEqual({ wrongTries: 0, required: true });
  });
});

describe("a request's report bucket (`reportedAs`) stays inside the platform", () => {
  it('is stored, and no answer carries it: booking, reading, the day, an outcome, an Idempotency-Key replay', async () => {
    const { call, body, entities } = await deliveryBooked();
    const headers = { ...JSON_HEADERS, 'idempotency-key': 'delivery-2' };
    const booked = await call('POST', `/hromady/${HROMADA}/requests`, body, headers);
    expect(booked.status).toBe(201);
    const id = JSON.parse(booked.text).id as string;
    const stored = [...entities.items.values()].find((i) => i.id === id) as { reportedAs?: object };
    expect(stored.reportedAs).toMatchObject({ service: 'delivery', outcome: 'open' });

    const read = await call('GET', `/hromady/${HROMADA}/requests/${id}`);
    const day = await call('GET', `/hromady/${HROMADA}/requests?date=2026-11-24`);
    const replay = await call('POST', `/hromady/${HROMADA}/requests`, body, headers);
    for (const answer of [booked, read, day, replay]) {
      expect(answer.status).toBeLessThan(300);
      expect(answer.text).not.toContain('reportedAs');
    }
  });
});
