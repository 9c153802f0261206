import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent, JSON_HEADERS } from '../../support/api-events';
import { BEREZNA, HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';

/**
 * A caller's trips by date range (data-model.md CN1), through the whole HTTP edge on memory ports
 * (clock: Mon 23 Nov 2026): the phone intake reads them in one call instead of one per day.
 */
const { ports } = memoryPorts();
const handler = httpHandler(new Router(apiRoutes(ports), { maxBodyBytes: 65_536 }));

async function call(method: string, path: string, body?: unknown) {
  const res = await handler(apiEvent(method, path, body, JSON_HEADERS, ADMIN), lambdaContext('api'));
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}
const trips = (residentId: string, query: string) =>
  call('GET', `/hromady/${HROMADA}/residents/${residentId}/requests?${query}`);
const book = async (residentId: string, date: string, time = '09:00') =>
  (await call('POST', `/hromady/${HROMADA}/requests`, taxiRequest(residentId, date, time))).body.id as string;

let anna: string;
const annaRides: Record<string, string> = {};
beforeAll(async () => {
  anna = (await seedBasics(ports)).id;
  const neighbour = await call('POST', `/hromady/${HROMADA}/residents`, {
    name: 'Петро Сусід',
    phone: '+380671234000',
    settlementId: BEREZNA,
    address: 'с. Березна, вул. Шевченка, 14',
    location: { lat: 49.5611, lon: 27.8452 },
    categories: ['aged-80-plus'],
  });
  expect(neighbour.status).toBe(201);
  for (const date of ['2026-11-26', '2026-11-24', '2026-12-10']) annaRides[date] = await book(anna, date);
  await book(neighbour.body.id, '2026-11-24', '11:00');
});

describe("GET /hromady/{h}/residents/{id}/requests: a resident's trips by service date", () => {
  it("answers the resident's own trips of the period, oldest first, its ends included", async () => {
    const week = await trips(anna, 'from=2026-11-24&to=2026-11-26');
    expect(week.status).toBe(200);
    expect(week.body.items.map((r: { id: string; date: string }) => [r.date, r.id])).toEqual([
      ['2026-11-24', annaRides['2026-11-24']],
      ['2026-11-26', annaRides['2026-11-26']],
    ]);
    const later = await trips(anna, 'from=2026-11-25&to=2026-12-31');
    expect(later.body.items.map((r: { date: string }) => r.date)).toEqual(['2026-11-26', '2026-12-10']);
    expect((await trips(anna, 'from=2026-11-01&to=2026-11-23')).body.items).toEqual([]);
  });

  it('refuses a period that ends before it starts, or is longer than 92 days, at `to`', async () => {
    for (const query of ['from=2026-11-26&to=2026-11-24', 'from=2026-11-01&to=2026-02-01']) {
      const bad = await trips(anna, query);
      expect([bad.status, bad.body.error.issues.map((i: { path: string }) => i.path)]).toEqual([400, ['to']]);
    }
    expect((await trips(anna, 'from=2026-11-01&to=2027-01-31')).status).toBe(200); // 92 days
    expect((await trips(anna, 'from=2026-11-01&to=2027-02-01')).status).toBe(400);
    const missing = await trips(anna, 'from=2026-11-01');
    expect([missing.status, missing.body.error.issues.map((i: { path: string }) => i.path)]).toEqual([
      400,
      ['to'],
    ]);
  });

  it('a resident the hromada does not have is a 404', async () => {
    expect((await trips('nobody', 'from=2026-11-24&to=2026-11-26')).status).toBe(404);
  });
});
