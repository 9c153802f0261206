/**
 * Deliveries on DynamoDB Local: a driver's welfare reply (`1 ПОГАНО`) writes the welfare outcome on
 * the request, the follow-up task, the social worker's SMS, the audit entries and the inbound record
 * in one transaction (all or nothing); the open follow-ups are read from their sparse index, and
 * closing one with a note through the API takes it off that index.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-context';
import { recordWelfare } from '../../shared/app/deliveries/record-welfare';
import { handleInboundSms } from '../../shared/app/handle-inbound-sms';
import { planDay } from '../../shared/app/planning/plan-day';
import { publishPlan } from '../../shared/app/planning/publish-plan';
import { createEntity } from '../../shared/app/registry';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { ConflictError } from '../../shared/domain/errors';
import { registryKinds } from '../../shared/domain/registry';
import { ADMIN, apiEvent, JSON_HEADERS } from '../support/api-events';
import { HROMADA, seedBasics, seedFleet } from '../support/fixtures';
import { bookingOf, fieldsOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

const TUESDAY = '2026-11-24';
const ENGINE = { timeLimitMs: 1e9, maxIterations: 200, seed: 1 };
const WORKER = '+380501112233';

let t: Awaited<ReturnType<typeof freshTable>>;
let clock: FixedClock;
let ports: ReturnType<typeof portsFor>;
let api: (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  t = await freshTable('deliveries');
  clock = new FixedClock(new Date('2026-11-23T10:00:00Z')); // Monday 12:00 in Kyiv
  ports = portsFor(t, clock);
  api = (await import('../../functions/api/handler')).handler as unknown as typeof api;
});

const delivery = (residentId: string, time: string) =>
  bookingOf({
    serviceType: 'delivery',
    residentId,
    date: TUESDAY,
    pickup: { address: 'с. Березна, вул. Шевченка, 12', location: { lat: 49.5611, lon: 27.8452 } },
    requestedTime: { kind: 'pickup', time },
    purpose: 'medical',
    parcel: { kg: 2, cold: false, count: 1, litres: 5 },
    allowOverlap: true,
  });

describe('welfare follow-ups on DynamoDB Local', () => {
  it("a driver's ПОГАНО opens the follow-up and the worker's SMS in one transaction; the note closes it", async () => {
    const resident = await seedBasics(ports, {
      socialWorker: { name: 'Оксана Дяченко', phone: '050 111 22 33' },
    });
    await seedFleet(ports, [
      {
        id: 'van',
        name: 'Доставка',
        plate: 'АВ12ВС',
        services: ['delivery'],
        capacity: { seats: 2, cargoKg: 100, cargoLitres: 200 },
      },
    ]);
    await createEntity(
      ports,
      registryKinds.drivers,
      HROMADA,
      fieldsOf(registryKinds.drivers, { name: 'Василь Бондар', phone: '0934031203', vehicleIds: ['van'] }),
      'test',
    );
    const first = await bookServiceRequest(ports, HROMADA, delivery(resident.id, '10:00'), 'd');
    const second = await bookServiceRequest(ports, HROMADA, delivery(resident.id, '12:00'), 'd');
    const plan = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    await publishPlan(ports, HROMADA, TUESDAY, plan.version, 'd');
    clock.at = new Date('2026-11-24T07:00:00Z'); // Tuesday 09:00
    const stop = plan.routes[0]!.stops.findIndex((s) => s.requestId === first.id) + 1;

    const reply = {
      inboundMessageId: 'in-welfare-1',
      originationNumber: '+380934031203',
      destinationNumber: '+380931112233',
      messageBody: `${stop} погано`,
    };
    expect(await handleInboundSms(ports, reply)).toMatchObject({ outcome: 'welfare-reported' });
    expect(await handleInboundSms(ports, reply)).toEqual({ outcome: 'duplicate' });

    const open = (await t.entities.followUps.list(HROMADA, { open: true })).items;
    expect(open).toHaveLength(1);
    const task = open[0]!;
    expect(task).toMatchObject({ requestId: first.id, outcome: 'unwell', open: true, version: 1 });
    expect(await t.entities.requests.get(HROMADA, first.id)).toMatchObject({
      status: 'dispatched',
      welfare: { outcome: 'unwell', by: 'driver', followUpId: task.id },
    });
    const messages = (await t.outbox.listByHromada(HROMADA, { limit: 200 })).items;
    const toWorker = messages.filter((m) => m.kind === 'follow-up');
    expect(toWorker).toEqual([
      expect.objectContaining({
        to: WORKER,
        text: 'Погано: Ганна Шевчук, с. Березна, вул. Шевченка, 12 (24.11)',
        segments: 1,
      }),
    ]);
    expect(await t.entities.inbound.get('in-welfare-1')).toMatchObject({
      outcome: 'welfare-reported',
      subject: `REQUEST#${first.id}`,
    });
    const audit = (await t.entities.audit.list(HROMADA, { limit: 200 })).items;
    expect(audit.filter((a) => a.action === 'welfare').map((a) => a.itemId)).toEqual([first.id]);
    expect(audit.filter((a) => a.itemType === 'FollowUp').map((a) => a.itemId)).toEqual([task.id]);

    // all or nothing: a welfare change whose transaction fails (its inbound record was already
    // written) leaves no task, no SMS and the request as it was
    const failing = { ...(await t.entities.inbound.get('in-welfare-1'))! };
    const secondNow = (await t.entities.requests.get(HROMADA, second.id))!;
    await expect(
      recordWelfare(
        ports,
        {
          hromadaId: HROMADA,
          requestId: second.id,
          version: secondNow.version,
          outcome: 'needs-help',
          by: 'driver',
        },
        'sms:x',
        [{ op: 'inbound', record: failing }],
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await t.entities.requests.get(HROMADA, second.id))!.welfare).toBeUndefined();
    expect((await t.entities.followUps.list(HROMADA, { open: false })).items).toHaveLength(1);
    expect((await t.outbox.listByHromada(HROMADA, { limit: 200 })).items).toHaveLength(messages.length);

    // the dispatcher closes it with a note, through the API
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await api(apiEvent(method, path, body, JSON_HEADERS, ADMIN), lambdaContext('api'));
      return { status: res.statusCode, body: JSON.parse(res.body ?? 'null') };
    };
    const listed = await call('GET', `/hromady/${HROMADA}/follow-ups?open=true`);
    expect(listed).toMatchObject({ status: 200, body: { items: [{ id: task.id }] } });
    const path = `/hromady/${HROMADA}/follow-ups/${task.id}/close`;
    expect((await call('POST', path, { version: 1 })).status).toBe(400); // a note is required
    expect((await call('POST', path, { version: 9, note: 'Відвідала' })).status).toBe(409);
    const closed = await call('POST', path, { version: 1, note: 'Відвідала, викликали лікаря' });
    expect(closed).toMatchObject({
      status: 200,
      body: { id: task.id, open: false, closeNote: 'Відвідала, викликали лікаря', version: 2 },
    });
    expect((await call('GET', `/hromady/${HROMADA}/follow-ups?open=true`)).body.items).toEqual([]);
    expect((await call('GET', `/hromady/${HROMADA}/follow-ups?open=false`)).body.items).toEqual([
      expect.objectContaining({ id: task.id, open: false }),
    ]);
    expect((await call('POST', path, { version: 2, note: 'ще раз' })).status).toBe(409);
  }, 60_000);
});
