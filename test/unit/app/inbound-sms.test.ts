import { describe, expect, it } from 'vitest';
import { handleInboundSms } from '../../../shared/app/handle-inbound-sms';
import { followPlan } from '../../../shared/app/planning/follow-plan';
import { createEntity } from '../../../shared/app/registry';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import type { Plan } from '../../../shared/domain/entities/plan';
import { registryKinds } from '../../../shared/domain/registry';
import { HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf, fieldsOf } from '../../support/inputs';

let n = 0;
const sms = (messageBody: string, from = '+380671234567') => ({
  inboundMessageId: `in-${++n}`,
  originationNumber: from,
  destinationNumber: '+380931112233',
  messageBody,
});

async function booked(resident: Record<string, unknown> = {}) {
  const ctx = memoryPorts();
  const r = await seedBasics(ctx.ports, resident);
  const request = await bookServiceRequest(ctx.ports, HROMADA, bookingOf(taxiRequest(r.id)), 'dispatcher');
  return { ...ctx, resident: r, request };
}

describe('replies by SMS', () => {
  it('НІ cancels the next trip, once, however often the carrier delivers it', async () => {
    const { ports, entities, request } = await booked();
    const message = sms('Ні');
    expect(await handleInboundSms(ports, message)).toEqual({ outcome: 'cancelled', hromadaId: HROMADA });
    expect(await handleInboundSms(ports, message)).toEqual({ outcome: 'duplicate' });
    expect((await ports.entities.requests.get(HROMADA, request.id))?.status).toBe('cancelled');
    expect([...entities.outbox.values()].filter((m) => m.kind === 'cancellation')).toHaveLength(1);
    expect(entities.inboundRecords.get(message.inboundMessageId)).toMatchObject({
      outcome: 'cancelled',
      subject: `REQUEST#${request.id}`,
    });
    expect(entities.auditEntries.at(-1)).toMatchObject({ action: 'cancel', actor: 'sms:+38067***4567' });
  });

  it('ТАК confirms and acknowledges in one segment', async () => {
    const { ports, entities, request } = await booked();
    expect((await handleInboundSms(ports, sms('tak'))).outcome).toBe('confirmed');
    expect((await ports.entities.requests.get(HROMADA, request.id))?.status).toBe('confirmed');
    const ack = [...entities.outbox.values()].find((m) => m.id.startsWith('confirm-'));
    expect(ack?.text).toBe('Підтверджено: 24.11 08:45-09:15. Дякуємо!');
  });

  it('says so when there is no trip to act on', async () => {
    const { ports, entities } = await booked();
    await handleInboundSms(ports, sms('НІ'));
    expect((await handleInboundSms(ports, sms('НІ'))).outcome).toBe('nothing-to-act-on');
    expect([...entities.outbox.values()].some((m) => m.text.startsWith('Найближчих поїздок немає'))).toBe(
      true,
    );
  });

  it('СТОП withdraws SMS consent (with one last confirmation) and СТАРТ restores it', async () => {
    const { ports, resident, entities } = await booked();
    expect((await handleInboundSms(ports, sms('STOP'))).outcome).toBe('opted-out');
    expect(
      (await ports.entities.registry.get(registryKinds.residents, HROMADA, resident.id))?.smsConsent,
    ).toBe(false);
    expect([...entities.outbox.values()].at(-1)?.text).toBe('Ви відписались від SMS. Повернути: СТАРТ');
    expect((await handleInboundSms(ports, sms('Старт'))).outcome).toBe('opted-in');
    expect(
      (await ports.entities.registry.get(registryKinds.residents, HROMADA, resident.id))?.smsConsent,
    ).toBe(true);
  });

  it('answers an unreadable text with help at most once an hour', async () => {
    const { ports, entities, clock } = await booked();
    expect((await handleInboundSms(ports, sms('коли приїдете?'))).outcome).toBe('help-sent');
    clock.at = new Date(clock.at.getTime() + 60_000);
    expect((await handleInboundSms(ports, sms('алло'))).outcome).toBe('ignored');
    clock.at = new Date(clock.at.getTime() + 3541_000);
    expect((await handleInboundSms(ports, sms('???'))).outcome).toBe('help-sent');
    expect([...entities.outbox.values()].filter((m) => m.kind === 'help')).toHaveLength(2);
    // Everything that came in stays readable for the dispatcher.
    expect((await entities.inbound.list(HROMADA)).items.map((i) => i.text)).toEqual([
      '???',
      'алло',
      'коли приїдете?',
    ]);
  });

  it('logs a driver report for the dispatcher', async () => {
    const { ports, entities } = await booked();
    await createEntity(
      ports,
      registryKinds.drivers,
      HROMADA,
      fieldsOf(registryKinds.drivers, { name: 'Олег Коваль', phone: '0504021202' }),
      'admin',
    );
    expect((await handleInboundSms(ports, sms('3 NS', '+380504021202'))).outcome).toBe('driver-report');
    expect((await entities.inbound.list(HROMADA)).items[0]).toMatchObject({ command: 'driver 3 no-show' });
  });

  it("applies a driver's report to that stop of today's published route, and logs what it cannot apply", async () => {
    // today is 2026-11-23 (the fake clock); the driver's vehicle has a published plan for today
    const { ports, entities, resident, clock } = await booked();
    clock.at = new Date('2026-11-23T05:00:00Z');
    const ride = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(resident.id, '2026-11-23', '09:00')),
      'd',
    );
    const visit = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf({
        ...taxiRequest(resident.id, '2026-11-23', '11:00'),
        serviceType: 'delivery',
        dropoff: undefined,
      }),
      'd',
    );
    await createEntity(
      ports,
      registryKinds.drivers,
      HROMADA,
      fieldsOf(registryKinds.drivers, { name: 'Олег Коваль', phone: '0504021202', vehicleIds: ['taxi'] }),
      'admin',
    );
    const stop = (requestId: string, kind: 'pickup' | 'dropoff' | 'visit') => ({
      requestId,
      kind,
      arrival: '2026-11-23T07:00:00.000Z',
      departure: '2026-11-23T07:05:00.000Z',
    });
    const plan: Plan = {
      id: '2026-11-23',
      hromadaId: HROMADA,
      version: 2,
      createdAt: clock.at.toISOString(),
      updatedAt: clock.at.toISOString(),
      date: '2026-11-23',
      status: 'published',
      unassigned: [],
      routes: [
        {
          vehicleId: 'taxi',
          stops: [stop(ride.id, 'pickup'), stop(ride.id, 'dropoff'), stop(visit.id, 'visit')],
          distanceM: 1,
          durationS: 1,
        },
      ],
    };
    await ports.entities.commit([{ op: 'create', entity: 'Plan', item: plan }]);
    // publishing moves the plan's requests to dispatched (follow-plan.ts)
    expect(await followPlan(ports, HROMADA, plan)).toBe(2);
    const driver = (text: string) => handleInboundSms(ports, sms(text, '+380504021202'));
    const status = async (id: string) => (await ports.entities.requests.get(HROMADA, id))?.status;

    expect((await driver('1 OK')).outcome).toBe('stop-on-board'); // picked up: the ride goes on
    expect(await status(ride.id)).toBe('on-board');
    expect((await driver('1 OK')).outcome).toBe('driver-report'); // already on board: logged only
    expect((await driver('1 NS')).outcome).toBe('driver-report'); // on board: not a no-show
    expect((await driver('2 ok')).outcome).toBe('stop-done');
    expect(await status(ride.id)).toBe('done');
    expect((await driver('2 OK')).outcome).toBe('driver-report'); // already done: logged only
    expect((await driver('3 НС')).outcome).toBe('stop-no-show');
    expect(await status(visit.id)).toBe('no-show');
    expect((await driver('9 OK')).outcome).toBe('driver-report'); // no such stop
    expect((await driver('3 ?')).outcome).toBe('driver-report');
    const log = (await entities.inbound.list(HROMADA)).items;
    expect(log.find((i) => i.outcome === 'stop-done')).toMatchObject({ subject: `REQUEST#${ride.id}` });
    const audit = (await entities.audit.list(HROMADA)).items.filter((a) => a.action === 'outcome');
    expect(audit.map((a) => a.itemId).sort()).toEqual([ride.id, ride.id, visit.id].sort());
    expect(audit[0]!.actor).toBe('sms:+38050***1202');

    // a draft plan is not the driver's route yet
    await ports.entities.commit([
      { op: 'update', entity: 'Plan', item: { ...plan, version: 3, status: 'draft' }, expectedVersion: 2 },
    ]);
    expect((await driver('1 NS')).outcome).toBe('driver-report');
    expect(await status(ride.id)).toBe('done');
  });

  it('ignores senders it does not know (no reply costs money)', async () => {
    const { ports, entities } = await booked();
    const before = entities.outbox.size;
    expect((await handleInboundSms(ports, sms('НІ', '+380991234567'))).outcome).toBe('unknown-sender');
    expect(entities.outbox.size).toBe(before);
  });

  it("keeps a confidential resident's replies on the neutral sender", async () => {
    const { ports, entities } = await booked({ confidential: true });
    await handleInboundSms(ports, sms('STOP'));
    expect([...entities.outbox.values()].at(-1)?.senderId).toBe('Info');
  });
});
