import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent } from '../support/api-events';
import { apiOnFreshTable, type Call, createDemoHromada, createGarageAndTaxi } from './api-client';

let call: Call;
let t: Awaited<ReturnType<typeof apiOnFreshTable>>['table'];

const H = 'khmilnytska';
const date = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
const PLAN = `/hromady/${H}/plans/${date}`;

beforeAll(async () => {
  ({ call, table: t } = await apiOnFreshTable('planjobs'));
  await createDemoHromada(call);
  await createGarageAndTaxi(call);
  const resident = await call(
    apiEvent('POST', `/hromady/${H}/residents`, {
      name: 'Ганна Шевчук',
      phone: '067 123 45 67',
      settlementId: 'UA05120170020086400',
      address: 'с. Березна, вул. Шевченка, 12',
      location: { lat: 49.5611, lon: 27.8452 },
      categories: ['disability-2'],
    }),
  );
  for (const time of ['09:00', '13:00']) {
    const booked = await call(
      apiEvent('POST', `/hromady/${H}/requests`, {
        serviceType: 'social-taxi',
        residentId: resident.body.id,
        date,
        pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
        dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
        requestedTime: { kind: 'pickup', time },
        purpose: 'medical',
      }),
    );
    expect(booked.status).toBe(201);
  }
});

/** Polls the job (no time limit asserted) until it ends; every answer seen, in order. */
async function untilEnded(location: string) {
  const seen = [];
  for (;;) {
    const job = await call(apiEvent('GET', location));
    expect(job.status).toBe(200);
    seen.push(job.body);
    if (job.body.state === 'done' || job.body.state === 'failed') return seen;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('planning a day as a background job, through the API on DynamoDB Local', () => {
  it('answers 202 with the job and its Location; a second request meanwhile is a 409; the job ends done with the plan version', async () => {
    const started = await call(apiEvent('POST', PLAN, { seconds: 1.5 }));
    expect(started).toMatchObject({ status: 202, body: { state: 'queued', date, seconds: 1.5, version: 1 } });
    const location = `/hromady/${H}/plan-jobs/${started.body.id}`;
    expect(started.headers.location).toBe(location);
    expect(started.body).not.toHaveProperty('actor');

    const second = await call(apiEvent('POST', PLAN, { seconds: 0.5 }));
    expect(second).toMatchObject({
      status: 409,
      body: { error: { code: 'plan-job-running', reason: expect.stringMatching(/уже планується/) } },
    });

    const seen = await untilEnded(location);
    const done = seen.at(-1);
    expect(done).toMatchObject({ state: 'done', planVersion: 1, progress: { unassigned: 0 } });
    expect(done.progress.bestCost).toBeGreaterThan(0);
    expect(done.finishedAt >= done.startedAt).toBe(true);
    const plan = await call(apiEvent('GET', PLAN));
    expect(plan).toMatchObject({ status: 200, body: { version: 1, status: 'draft', unassigned: [] } });
    expect(plan.body.routes.flatMap((r: { stops: unknown[] }) => r.stops)).toHaveLength(4);

    // the job item and its TTL; the day's guard is given back
    const key = (sk: string) => ({ pk: `HROMADA#${H}`, sk });
    const item = (
      await t.doc.send(new GetCommand({ TableName: t.tableName, Key: key(`PLANJOB#${done.id}`) }))
    ).Item;
    expect(item).toMatchObject({ entity: 'PlanJob', state: 'done', expiresAt: expect.any(Number) });
    const guard = await t.doc.send(
      new GetCommand({ TableName: t.tableName, Key: key(`PLANJOBDAY#${date}`) }),
    );
    expect(guard.Item).toBeUndefined();

    // re-planning from the version read is a new job; a stale version is refused at once
    expect((await call(apiEvent('POST', PLAN, { seconds: 0.5 }))).status).toBe(409);
    const again = await call(apiEvent('POST', PLAN, { seconds: 0.5, version: 1 }));
    expect(again.status).toBe(202);
    expect((await untilEnded(String(again.headers.location))).at(-1)).toMatchObject({
      state: 'done',
      planVersion: 2,
    });
  });

  it('a job of a past day ends failed with the reason; an unknown job is a 404', async () => {
    const started = await call(apiEvent('POST', `/hromady/${H}/plans/2020-01-06`, { seconds: 0.5 }));
    expect(started.status).toBe(202);
    const failed = (await untilEnded(String(started.headers.location))).at(-1);
    expect(failed).toMatchObject({ state: 'failed', error: { code: expect.any(String) } });
    expect(failed.planVersion).toBeUndefined();
    expect((await call(apiEvent('GET', `/hromady/${H}/plan-jobs/01JF0000000000000000000000`))).status).toBe(
      404,
    );
  });
});
