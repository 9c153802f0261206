import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../functions/api/routes';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { httpHandler } from '../../../shared/http/api-handler';
import { Router } from '../../../shared/http/router';
import { ADMIN, apiEvent } from '../../support/api-events';
import { GARAGE, HROMADA, memoryPorts } from '../../support/fixtures';

/**
 * POST /providers/{p}/tours takes each working day's own hours; a bad day is a 400 naming the day
 * by its zod path (`days.1.end`), so the console can say which field («години робочого дня»), and
 * nothing is started: no tour job, no tour.
 */
const place = { id: 'garage', name: 'Гараж', location: GARAGE.location };
const tour = (days: unknown) => ({
  providerHromadaId: HROMADA,
  name: 'Тур',
  vehicle: { name: 'Бригада 1' },
  depot: place,
  overnightPlaces: [{ ...place, id: 'hostel', name: 'Гуртожиток' }],
  days,
});

let sent = 0;
async function post(days: unknown) {
  sent += 1;
  const world = memoryPorts();
  const handler = httpHandler(new Router(apiRoutes(world.ports)));
  const headers = { 'content-type': 'application/json', 'idempotency-key': `tour-hours-${sent}` };
  const event = apiEvent('POST', '/providers/ocss/tours', tour(days), headers, ADMIN);
  const res = (await handler(event, lambdaContext('api'))) as { statusCode: number; body: string };
  const stored = await world.entities.tours.ofProvider('ocss');
  return { status: res.statusCode, error: JSON.parse(res.body).error, stored };
}

describe("a tour's per-day hours, checked by the API", () => {
  it('refuses a day that ends before it starts with a 400 at days.<n>.end, planning nothing', async () => {
    const out = await post([
      { date: '2026-11-24', start: '08:00', end: '18:00' },
      { date: '2026-11-25', start: '12:00', end: '09:30' },
    ]);
    expect(out.status).toBe(400);
    expect(out.error).toMatchObject({
      code: 'validation',
      issues: [{ path: 'days.1.end', message: 'the working day must end after it starts' }],
    });
    expect(out.stored).toEqual([]);
  });

  it('refuses a time that is not one, no day at all, and days out of order, each at its path', async () => {
    const bad = await post([{ date: '2026-11-24', start: '25:00', end: '18:00' }]);
    expect(bad.status).toBe(400);
    expect(bad.error.issues.map((i: { path: string }) => i.path)).toContain('days.0.start');
    const none = await post([]);
    expect(none.status).toBe(400);
    expect(none.error.issues.map((i: { path: string }) => i.path)).toEqual(['days']);
    const order = await post([
      { date: '2026-11-25', start: '08:00', end: '12:00' },
      { date: '2026-11-24', start: '08:00', end: '12:00' },
    ]);
    expect(order.status).toBe(400);
    expect(order.error.issues).toEqual([
      { path: 'days', message: 'days must be distinct and in date order' },
    ]);
  });
});
