import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyHandler } from '../../infra/local/lambda-context';
import { lambdaContext } from '../../infra/local/lambda-context';
import { handleInboundSms } from '../../shared/app/handle-inbound-sms';
import { planDay } from '../../shared/app/planning/plan-day';
import { createEntity } from '../../shared/app/registry';
import { bookServiceRequest, changeRequestStatus } from '../../shared/app/service-requests';
import { createStandingOrder } from '../../shared/app/standing-orders/standing-orders';
import { standingOrderCreateSchema } from '../../shared/domain/entities/standing-order';
import { registryKinds } from '../../shared/domain/registry';
import { parseOrThrow } from '../../shared/domain/validation';
import { loadEvent } from '../support/api-events';
import { HROMADA, RAMP_TAXI, seedBasics, seedFleet } from '../support/fixtures';
import { bookingOf, fieldsOf } from '../support/inputs';
import { HOSPITAL, homeToHospital } from '../unit/app/taxi/support';
import { FixedClock, freshTable, portsFor } from './support';

let t: Awaited<ReturnType<typeof freshTable>>;
let generate: AnyHandler;

beforeAll(async () => {
  t = await freshTable('taxi');
  generate = (await import('../../functions/generate-standing-orders/handler')).handler as AnyHandler;
});

async function hromadaWithHospital(ports: ReturnType<typeof portsFor>) {
  const resident = await seedBasics(ports, {
    mobility: { wheelchair: true, needsRamp: true, escort: false },
  });
  await createEntity(ports, registryKinds.places, HROMADA, fieldsOf(registryKinds.places, HOSPITAL), 'test');
  return resident;
}

type Run = { created: number; existing: number; refused: number };

describe('standing orders on DynamoDB Local', () => {
  it('the daily job run twice creates each ride once, and a cancelled ride is not created again', async () => {
    // the handler runs on the real clock: an order every day from today, a ride at 14:00
    const ports = portsFor(t, new FixedClock(new Date()));
    const resident = await hromadaWithHospital(ports);
    const today = new Date().toISOString().slice(0, 10);
    const order = parseOrThrow(standingOrderCreateSchema, {
      id: 'daily',
      residentId: resident.id,
      pickup: { home: true },
      dropoff: { placeId: 'hospital' },
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      requestedTime: { kind: 'pickup', time: '14:00' },
      return: { mode: 'will-call' },
      from: today,
      purpose: 'medical',
    });
    await createStandingOrder(ports, HROMADA, order, 'd');
    const rides = async () =>
      (await ports.entities.requests.byResident(HROMADA, resident.id, { limit: 100 })).items.filter(
        (r) => r.standingOrderId === 'daily' && !r.returnOf,
      );
    const booked = await rides();
    // 7 days ahead, today's too unless 14:00 has passed in Kyiv
    expect(booked.length).toBeGreaterThanOrEqual(6);
    const event = loadEvent('schedule/generate-standing-orders.json');
    const first = (await generate(event, lambdaContext('generate-standing-orders'))) as Run;
    const second = (await generate(event, lambdaContext('generate-standing-orders'))) as Run;
    expect(first).toMatchObject({ created: 0, existing: booked.length });
    expect(second).toMatchObject({ created: 0, existing: booked.length });
    expect(await rides()).toHaveLength(booked.length);

    const last = booked.sort((a, b) => a.date.localeCompare(b.date)).at(-1)!;
    await changeRequestStatus(ports, HROMADA, last.id, last.version, 'cancelled', 'd', [], 'dispatcher');
    const third = (await generate(event, lambdaContext('generate-standing-orders'))) as Run;
    expect(third.created).toBe(0);
    expect(await ports.entities.requests.get(HROMADA, last.id)).toMatchObject({ status: 'cancelled' });
    expect(await ports.entities.requests.get(HROMADA, `${last.id}-r`)).toMatchObject({ status: 'cancelled' });
    expect(await rides()).toHaveLength(booked.length);
  });
});

describe('a will-call return on DynamoDB Local', () => {
  it('ДОДОМУ activates it once and inserts it into the day under way', async () => {
    const t2 = await freshTable('taxi-home');
    // Monday 07:30 in Kyiv: a same-day ride at 09:00 is booked with the hour's notice the rules ask
    const clock = new FixedClock(new Date('2026-11-23T05:30:00Z'));
    const ports = portsFor(t2, clock);
    const resident = await hromadaWithHospital(ports);
    await seedFleet(ports, [RAMP_TAXI]);
    const body = homeToHospital(
      resident.id,
      { requestedTime: { kind: 'pickup', time: '09:00' }, return: { mode: 'will-call' } },
      '2026-11-23',
    );
    const out = await bookServiceRequest(ports, HROMADA, bookingOf(body), 'd');
    const first = await planDay(ports, HROMADA, '2026-11-23', 'd', { timeLimitMs: 1e9, maxIterations: 100 });
    expect(first.routes.flatMap((r) => r.stops.map((s) => s.requestId))).toEqual([out.id, out.id]);

    clock.at = new Date('2026-11-23T09:00:00Z'); // 11:00 in Kyiv: the resident sends ДОДОМУ
    const sms = {
      inboundMessageId: 'home-1',
      originationNumber: '+380671234567',
      destinationNumber: '+380931112233',
      messageBody: 'Додому',
    };
    expect(await handleInboundSms(ports, sms)).toEqual({ outcome: 'return-activated', hromadaId: HROMADA });
    expect(await handleInboundSms(ports, sms)).toEqual({ outcome: 'duplicate' });

    const back = await ports.entities.requests.get(HROMADA, `${out.id}-r`);
    expect(back).toMatchObject({
      awaitingCall: false,
      requestedTime: { kind: 'pickup', time: '11:20' },
      window: { start: '2026-11-23T09:20:00.000Z', end: '2026-11-23T09:50:00.000Z' },
    });
    const plan = await ports.entities.plans.forDay(HROMADA, '2026-11-23');
    expect(plan?.version).toBe(2);
    expect(plan?.routes.flatMap((r) => r.stops.map((s) => s.requestId))).toContain(back!.id);
    const messages = (await t2.outbox.listByHromada(HROMADA)).items;
    expect(messages.filter((m) => m.id.startsWith('return-')).map((m) => m.text)).toEqual([
      'Соцтаксі додому 23.11: авто між 11:20-11:50. Скасувати: НІ',
    ]);
  });
});
