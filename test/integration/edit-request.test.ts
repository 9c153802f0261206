/**
 * Edit and reschedule a request through the API on DynamoDB Local (issue 9, item 1): the version
 * read, the window as at booking, the resident-day guard (the request's own earlier window does
 * not count; another live booking does, also when two edits race) and the change notice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, loadEvent } from '../support/api-events';
import { taxiRequest } from '../support/fixtures';
import { apiOnFreshTable, type Call, createDemoHromada } from './api-client';

let call: Call;
let residentId: string;
const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const requests = '/hromady/khmilnytska/requests';

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('edit'));
  await createDemoHromada(call);
  residentId = (await call(loadEvent('api/post-resident.json'))).body.id;
});

async function book(time: string): Promise<{ id: string; version: number }> {
  const booked = await call(apiEvent('POST', requests, taxiRequest(residentId, date, time)));
  expect(booked.status).toBe(201);
  return booked.body;
}

const edit = (id: string, body: object) => call(apiEvent('PATCH', `${requests}/${id}`, body));
const at = (time: string) => ({ requestedTime: { kind: 'pickup', time } });

describe('PATCH /hromady/{h}/requests/{id}', () => {
  it('reschedules on the version read, refuses what booking refuses, and tells the resident', async () => {
    const ride = await book('07:00');
    const other = await book('13:00');

    const moved = await edit(ride.id, { version: 1, ...at('08:00'), passengers: { escorts: 1 } });
    expect(moved).toMatchObject({
      status: 200,
      body: { version: 2, status: 'requested', requestedTime: { time: '08:00' }, passengers: { escorts: 1 } },
    });
    // the own earlier window does not count: a small move within it is fine
    expect((await edit(ride.id, { version: 2, ...at('08:10') })).status).toBe(200);

    expect(await edit(ride.id, { version: 1, ...at('09:00') })).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', currentVersion: 3 } },
    });
    expect(await edit(ride.id, { version: 3, ...at('13:10') })).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', reason: expect.stringContaining('вже є запис') } },
    });
    expect(await edit(ride.id, { version: 3, ...at('21:50') })).toMatchObject({
      status: 400,
      body: {
        error: {
          reason: expect.stringMatching(/Поза годинами роботи/),
          issues: [{ path: 'requestedTime.time' }],
        },
      },
    });
    expect((await edit(ride.id, { version: 3, date })).status).toBe(400);
    expect((await edit(ride.id, { version: 3 })).status).toBe(400);

    const log = await call(apiEvent('GET', '/hromady/khmilnytska/messages'));
    const notices = log.body.items.filter((m: { id: string }) => m.id.startsWith(`edit-${ride.id}-`));
    expect(notices.map((m: { id: string }) => m.id).sort()).toEqual([
      `edit-${ride.id}-v2`,
      `edit-${ride.id}-v3`,
    ]);
    for (const n of notices) expect(n).toMatchObject({ kind: 'change', segments: 1 });

    expect((await call(apiEvent('POST', `${requests}/${other.id}/cancel`, { version: 1 }))).status).toBe(200);
    expect(await edit(other.id, { version: 2, ...at('14:00') })).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', reason: expect.any(String) } },
    });
  });

  it('two requests of one resident moved into the same time at once: one 200, one 409', async () => {
    const rides = [await book('15:00'), await book('17:00')];
    const answers = await Promise.all(rides.map((r) => edit(r.id, { version: 1, ...at('16:00') })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const day = await call(apiEvent('GET', `${requests}?date=${date}`));
    const times = day.body.items
      .filter((r: { id: string }) => rides.some((x) => x.id === r.id))
      .map((r: { requestedTime: { time: string } }) => r.requestedTime.time);
    expect(times.filter((t: string) => t === '16:00')).toHaveLength(1);
  });
});
