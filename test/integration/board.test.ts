import { beforeAll, describe, expect, it } from 'vitest';
import { apiEvent } from '../support/api-events';
import { GARAGE } from '../support/fixtures';
import { apiOnFreshTable, type Call, createDemoHromada, planAndWait } from './api-client';

let call: Call;
let table: Awaited<ReturnType<typeof apiOnFreshTable>>['table'];
const H = '/hromady/khmilnytska';
/** A day ahead, so that nothing on it is under way. */
const DATE = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const PLAN = `${H}/plans/${DATE}`;
const PHONES = { taxi1: '+380674011201', taxi2: '+380504021202', taxi3: '+380634031203' } as const;
type VehicleId = keyof typeof PHONES;

beforeAll(async () => {
  ({ call, table } = await apiOnFreshTable('board'));
  await createDemoHromada(call);
  expect((await call(apiEvent('POST', `${H}/depots`, { ...GARAGE, id: 'garage' }))).status).toBe(201);
  const shifts = [{ days: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: '18:00' }];
  for (const [k, id] of (['taxi1', 'taxi2', 'taxi3'] as const).entries()) {
    const vehicle = {
      id,
      name: `Соцтаксі ${k + 1}`,
      plate: `АВ${k + 1}234ВС`,
      services: ['social-taxi'],
      capacity: { seats: 3 },
      depotId: 'garage',
      shifts,
    };
    expect((await call(apiEvent('POST', `${H}/vehicles`, vehicle))).status).toBe(201);
    const driver = { name: `Водій ${k + 1}`, phone: PHONES[id], vehicleIds: [id] };
    expect((await call(apiEvent('POST', `${H}/drivers`, driver))).status).toBe(201);
  }
});

/** An admin, who may book against the hromada's rules (here: a ride no shift covers). */
const ADMIN = { sub: 'admin-1', 'cognito:groups': '[admins]', 'custom:hromada_id': 'khmilnytska' };

async function ride(time: string, override?: string): Promise<string> {
  const resident = await call(
    apiEvent('POST', `${H}/residents`, {
      name: `Мешканець ${time}`,
      phone: null,
      settlementId: 'UA05120170020086400',
      address: 'с. Березна, вул. Садова, 3',
      location: { lat: 49.5621, lon: 27.8401 },
      categories: ['disability-1'],
    }),
  );
  expect(resident.status).toBe(201);
  const booked = await call(
    apiEvent(
      'POST',
      `${H}/requests`,
      {
        serviceType: 'social-taxi',
        residentId: resident.body.id,
        date: DATE,
        pickup: { address: 'с. Березна, вул. Садова, 3', location: { lat: 49.5621, lon: 27.8401 } },
        dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
        requestedTime: { kind: 'pickup', time },
        purpose: 'medical',
        ...(override ? { override: { reason: override } } : {}),
      },
      undefined,
      override ? ADMIN : undefined,
    ),
  );
  expect(booked.status).toBe(201);
  return booked.body.id;
}

const vehicleOf = (
  plan: { routes: Array<{ vehicleId: string; stops: Array<{ requestId: string }> }> },
  id: string,
) => plan.routes.find((r) => r.stops.some((s) => s.requestId === id))?.vehicleId;

/** Puts the request on the vehicle through the board unless it is there already; the plan after. */
// biome-ignore lint/suspicious/noExplicitAny: the plan JSON, read field by field
async function place(plan: any, requestId: string, vehicleId: VehicleId): Promise<any> {
  if (vehicleOf(plan, requestId) === vehicleId) return plan;
  const res = await call(apiEvent('POST', `${PLAN}/assign`, { version: plan.version, requestId, vehicleId }));
  expect(res.status).toBe(200);
  return res.body;
}

describe('the board through the API on DynamoDB Local', () => {
  it('moves a request to another vehicle on a published plan: exactly one route SMS to each of the two drivers whose routes changed, none to the other', async () => {
    const [a, b, c, d] = [await ride('08:00'), await ride('10:00'), await ride('13:00'), await ride('15:00')];
    const planned = await planAndWait(call, PLAN, { seconds: 1 });
    expect(planned.status).toBe(200);
    // the day laid out by hand: a and b on taxi1, c on taxi2, d on taxi3
    let plan = planned.body;
    for (const [id, v] of [
      [a, 'taxi1'],
      [b, 'taxi1'],
      [c, 'taxi2'],
      [d, 'taxi3'],
    ] as const)
      plan = await place(plan, id!, v);
    expect(plan.routes.every((r: { inService: boolean }) => r.inService === true)).toBe(true);
    expect(
      plan.routes
        .flatMap((r: { stops: unknown[] }) => r.stops)
        .every((s: { locked: boolean }) => s.locked === false),
    ).toBe(true);
    const published = await call(apiEvent('POST', `${PLAN}/publish`, { version: plan.version }));
    expect(published).toMatchObject({ status: 200, body: { messages: 3 } });
    const v = published.body.plan.version;

    // a stale version is a 409; an infeasible move a 422 with the reason
    expect(
      (await call(apiEvent('POST', `${PLAN}/assign`, { version: v - 1, requestId: a, vehicleId: 'taxi2' })))
        .status,
    ).toBe(409);
    const moved = await call(
      apiEvent('POST', `${PLAN}/assign`, { version: v, requestId: a, vehicleId: 'taxi2' }),
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ version: v + 1, status: 'published' });
    expect(vehicleOf(moved.body, a)).toBe('taxi2');
    expect(vehicleOf(moved.body, b)).toBe('taxi1');
    expect(vehicleOf(moved.body, d)).toBe('taxi3');
    // the answer is the plan as GET returns it
    expect((await call(apiEvent('GET', PLAN))).body).toEqual(moved.body);

    const sms = (await table.outbox.listByHromada('khmilnytska', { limit: 100 })).items.filter(
      (m) => m.kind === 'driver-route' && m.id.includes(`-v${v + 1}-`),
    );
    expect(sms.map((m) => m.to).sort()).toEqual([PHONES.taxi2, PHONES.taxi1].sort());
    // the moved resident's request follows the plan
    expect((await call(apiEvent('GET', `${H}/requests/${a}`))).body.status).toBe('dispatched');
  });

  it('answers the board errors as agreed: 422 with a Ukrainian reason, 400 with the path, 404 for an unknown vehicle', async () => {
    const late = await ride('19:30', 'a late ride the board cannot place');
    const plan = (await call(apiEvent('GET', PLAN))).body;
    const refused = await call(
      apiEvent('POST', `${PLAN}/assign`, { version: plan.version, requestId: late, vehicleId: 'taxi3' }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'unprocessable',
      reason: expect.stringMatching(/авто/),
    });
    const bad = await call(apiEvent('POST', `${PLAN}/locks`, { version: plan.version, requestId: late }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('locked');
    const unknown = await call(
      apiEvent('POST', `${PLAN}/vehicles/nope/service`, { version: plan.version, inService: false }),
    );
    expect(unknown.status).toBe(404);
    const out = await call(
      apiEvent('POST', `${PLAN}/vehicles/taxi3/service`, { version: plan.version, inService: false }),
    );
    expect(out.status).toBe(200);
    expect(out.body.routes.find((r: { vehicleId: string }) => r.vehicleId === 'taxi3')).toMatchObject({
      inService: false,
      stops: [],
    });
  });
});
