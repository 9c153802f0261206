import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { entityKey, keysOf } from '../../shared/adapters/dynamodb/keys';
import { OUTSIDE_THE_DAY } from '../../shared/app/planning/day-points';
import { addDays, localToUtc } from '../../shared/domain/time';
import { apiEvent } from '../support/api-events';
import {
  apiOnFreshTable,
  type Call,
  createDemoHromada,
  createGarageAndTaxi,
  planAndWait,
} from './api-client';

let call: Call;
let t: Awaited<ReturnType<typeof apiOnFreshTable>>['table'];

const H = 'khmilnytska';
const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
const ride = (residentId: string, requestedTime: Record<string, string>) => ({
  serviceType: 'social-taxi',
  residentId,
  date,
  pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
  dropoff: { address: 'м. Хмільник, вул. Монастирська, 71', location: { lat: 49.5603, lon: 27.9571 } },
  requestedTime,
  purpose: 'medical',
});

beforeAll(async () => {
  ({ call, table: t } = await apiOnFreshTable('planning'));
  await createDemoHromada(call, { village: false });
  await createGarageAndTaxi(call);
});

describe('one bad request does not block planning the day (issue 7, defect 2)', () => {
  it('requests planted in the table with times before local midnight are left out with a reason; the rest is planned', async () => {
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
    expect(resident.status).toBe(201);
    const good = await call(
      apiEvent('POST', `/hromady/${H}/requests`, ride(resident.body.id, { kind: 'pickup', time: '09:00' })),
    );
    expect(good.status).toBe(201);
    const stored = (
      await t.doc.send(
        new GetCommand({ TableName: t.tableName, Key: entityKey('ServiceRequest', H, good.body.id) }),
      )
    ).Item!;
    // As another tool (or an older version of this one) might have written them.
    const midnight = localToUtc(date, '00:00');
    const at = (minutes: number) => new Date(midnight.getTime() + minutes * 60_000).toISOString();
    const planted = [
      {
        id: 'pickup-0010',
        requestedTime: { kind: 'pickup', time: '00:10' },
        window: { start: at(-5), end: at(25) },
      },
      {
        id: 'arrive-0030',
        requestedTime: { kind: 'arrive-by', time: '00:30' },
        window: { start: at(-90), end: at(-60) },
      },
      {
        id: 'arrive-0000',
        requestedTime: { kind: 'arrive-by', time: '00:00' },
        window: { start: at(-120), end: at(-90) },
      },
      {
        id: 'next-day',
        requestedTime: { kind: 'pickup', time: '09:00' },
        window: {
          start: localToUtc(addDays(date, 1), '09:00').toISOString(),
          end: localToUtc(addDays(date, 1), '09:30').toISOString(),
        },
      },
    ];
    for (const p of planted) {
      const item = { ...stored, ...p };
      await t.doc.send(
        new PutCommand({
          TableName: t.tableName,
          Item: { ...item, ...keysOf('ServiceRequest', item), entity: 'ServiceRequest' },
        }),
      );
    }

    const plan = await planAndWait(call, `/hromady/${H}/plans/${date}`, { seconds: 0.5 });
    expect(plan.status).toBe(200);
    const routed = plan.body.routes.flatMap((r: { stops: Array<{ requestId: string }> }) =>
      r.stops.map((s) => s.requestId),
    );
    expect(routed).toEqual([good.body.id, good.body.id]);
    const reasons = Object.fromEntries(
      plan.body.unassigned.map((u: { requestId: string; reason: string }) => [u.requestId, u.reason]),
    );
    expect(Object.keys(reasons).sort()).toEqual(['arrive-0000', 'arrive-0030', 'next-day', 'pickup-0010']);
    expect(reasons['arrive-0030']).toBe(OUTSIDE_THE_DAY);
    expect(reasons['arrive-0000']).toBe(OUTSIDE_THE_DAY);
    expect(reasons['next-day']).toBe(OUTSIDE_THE_DAY);
    // partly inside the day: the engine is asked, and says no vehicle is on the road at 00:10
    expect(reasons['pickup-0010']).toMatch(/вікно|не працює/);
  });
});
