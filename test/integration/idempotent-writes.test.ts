import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, JSON_HEADERS } from '../support/api-events';
import { apiOnFreshTable, type Call, createDemoHromada, createGarageAndTaxi } from './api-client';

/**
 * Idempotency-Key on the POSTs that are not creates, on DynamoDB Local: the key's record goes into
 * the transaction of the operation's first write (the plan job and its day guard; the request's
 * change and its audit entry) and gets its answer after; a retry gets the first answer again.
 */
let call: Call;
const H = '/hromady/khmilnytska';
const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const PLAN = `${H}/plans/${date}`;
const withKey = (key: string) => ({ ...JSON_HEADERS, 'idempotency-key': key });
const requestIds: string[] = [];

beforeAll(async () => {
  ({ call } = await apiOnFreshTable('idemwrites'));
  await createDemoHromada(call);
  const taxi = await createGarageAndTaxi(call);
  const driver = await call(
    apiEvent('POST', `${H}/drivers`, { name: 'Василь Бондар', phone: '0934031203', vehicleIds: [taxi.id] }),
  );
  expect(driver.status).toBe(201);
  const resident = await call(
    apiEvent('POST', `${H}/residents`, {
      name: 'Ганна Шевчук',
      phone: '067 123 45 67',
      settlementId: 'UA05120170020086400',
      address: 'с. Березна, вул. Шевченка, 12',
      location: { lat: 49.5611, lon: 27.8452 },
      smsConsent: true,
      categories: ['disability-2'],
    }),
  );
  for (const time of ['09:00', '13:00']) {
    const booked = await call(
      apiEvent('POST', `${H}/requests`, {
        serviceType: 'social-taxi',
        residentId: resident.body.id,
        date,
        pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
        dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
        requestedTime: { kind: 'pickup', time },
        purpose: 'medical',
      }),
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    requestIds.push(booked.body.id);
  }
});

async function untilDone(location: string) {
  for (;;) {
    const job = await call(apiEvent('GET', location));
    if (job.body.state === 'done' || job.body.state === 'failed') return job.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const messagesCount = async () => (await call(apiEvent('GET', `${H}/messages?limit=200`))).body.items.length;

describe('retried POSTs with an Idempotency-Key on DynamoDB Local', () => {
  it('planning: the retry gets the same 202, job and Location, and no second job; another body with the key is a 422; publishing twice sends once', async () => {
    const first = await call(apiEvent('POST', PLAN, { seconds: 1 }, withKey('plan-key-0001')));
    expect(first.status).toBe(202);
    const retry = await call(apiEvent('POST', PLAN, { seconds: 1 }, withKey('plan-key-0001')));
    expect(retry).toMatchObject({ status: 202, body: first.body });
    expect(retry.headers).toMatchObject({ location: first.headers.location, 'idempotent-replayed': 'true' });
    const done = await untilDone(String(first.headers.location));
    expect(done).toMatchObject({ state: 'done', planVersion: 1 });
    // after the job ended a retry still gets the first answer, not a second job
    const late = await call(apiEvent('POST', PLAN, { seconds: 1 }, withKey('plan-key-0001')));
    expect(late).toMatchObject({ status: 202, body: { id: first.body.id, state: 'queued' } });
    const reused = await call(apiEvent('POST', PLAN, { seconds: 2 }, withKey('plan-key-0001')));
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency-key-reused' } } });
    expect((await call(apiEvent('GET', PLAN))).body.version).toBe(1);

    const before = await messagesCount();
    const publish = () => call(apiEvent('POST', `${PLAN}/publish`, { version: 1 }, withKey('publish-key-1')));
    const published = await publish();
    expect(published.status).toBe(200);
    const sent = await messagesCount();
    expect(sent).toBeGreaterThan(before);
    const again = await publish();
    expect(again).toMatchObject({ status: 200, body: published.body });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await messagesCount()).toBe(sent);
  });

  it('10 concurrent copies of a confirm with one key: one change, each copy the first answer or a 409 in flight', async () => {
    const id = requestIds[1]!;
    const before = (await call(apiEvent('GET', `${H}/requests/${id}`))).body;
    const copies = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(
          apiEvent(
            'POST',
            `${H}/requests/${id}/confirm`,
            { version: before.version },
            withKey('confirm-key-1'),
          ),
        ),
      ),
    );
    const ok = copies.filter((c) => c.status === 200);
    expect(ok.length).toBeGreaterThan(0);
    for (const c of ok) expect(c.body).toEqual(ok[0]!.body);
    for (const c of copies.filter((c) => c.status !== 200))
      expect(c).toMatchObject({ status: 409, body: { error: { code: 'idempotency-in-flight' } } });
    const after = (await call(apiEvent('GET', `${H}/requests/${id}`))).body;
    expect(after.version).toBe(before.version + 1); // one change, whichever copies ran
  });
});
