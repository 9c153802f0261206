import { beforeAll, describe, expect, it } from 'vitest';
import { endAirRaidByDispatcher, startAirRaidByDispatcher } from '../../shared/app/air-raid/air-raids';
import { endAirRaid } from '../../shared/app/air-raid/end-air-raid';
import { HOLD_RECHECK_MINUTES } from '../../shared/app/air-raid/hold-for-air-raid';
import { pollAirRaids } from '../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../shared/app/air-raid/start-air-raid';
import { planDay } from '../../shared/app/planning/plan-day';
import { publishPlan } from '../../shared/app/planning/publish-plan';
import { createEntity, createHromada } from '../../shared/app/registry';
import { sendOutboxMessage } from '../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { registryKinds } from '../../shared/domain/registry';
import { localToUtc } from '../../shared/domain/time';
import {
  GARAGE,
  HROMADA,
  RAMP_TAXI,
  RecordingSmsSender,
  seedBasics,
  seedFleet,
  taxiRequest,
  withRules,
} from '../support/fixtures';
import { bookingOf, fieldsOf, hromadaOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

const TUESDAY = '2026-11-24';
const ENGINE = { timeLimitMs: 1e9, maxIterations: 300, seed: 1 };
const NO_FEED = { activeAreas: async () => [] };

/** The taxi's driver, Олег Коваль (+380674011201): the one told of the alert. */
const addTaxiDriver = (ports: Parameters<typeof createEntity>[0]) =>
  createEntity(
    ports,
    registryKinds.drivers,
    HROMADA,
    fieldsOf(registryKinds.drivers, { name: 'Олег Коваль', phone: '067 401 12 01', vehicleIds: ['taxi'] }),
    'test',
  );

/** The dispatcher starts an alert over the whole hromada, at the clock's time: the hromada and what started. */
async function startHromadaAlert(ports: Parameters<typeof startAirRaid>[0]) {
  const hromada = (await ports.entities.hromady.get(HROMADA))!;
  const started = await startAirRaid(ports, hromada, { level: 'hromada', id: HROMADA }, 'dispatcher', 'd');
  return { hromada, ...started };
}

let t: Awaited<ReturnType<typeof freshTable>>;
beforeAll(async () => {
  t = await freshTable('air-raid');
});

describe('an air-raid alert on DynamoDB Local', () => {
  it('is found in force, holds a message in the sweeper index, shifts the route, re-plans and releases at the end', async () => {
    const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
    const ports = { ...portsFor(t, clock), sms: new RecordingSmsSender() };
    const anna = await seedBasics(ports);
    await seedFleet(ports, [RAMP_TAXI]);
    await addTaxiDriver(ports);
    const ride = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(anna.id, TUESDAY, '09:00')),
      'd',
      {
        admin: false,
      },
    );
    const draft = await planDay(ports, HROMADA, TUESDAY, 'd', ENGINE);
    const { plan } = await publishPlan(ports, HROMADA, TUESDAY, draft.version, 'd');
    const pickup = plan.routes[0]!.stops.find((s) => s.requestId === ride.id && s.kind === 'pickup')!;

    const start = new Date(Date.parse(pickup.departure) + 60_000);
    clock.at = start;
    const { hromada, alert } = await startHromadaAlert(ports);
    expect(await ports.entities.airRaids.active(HROMADA)).toMatchObject({ id: alert.id });
    expect(await ports.outbox.get(alert.effects.driversTold[0]!.messageId)).toMatchObject({
      to: '+380674011201',
      kind: 'air-raid',
    });

    // the booking's confirmation, delivered now, is held: still pending, due again in the sweeper's index
    const confirmation = (await ports.outbox.get(`book-${ride.id}`))!;
    expect(await sendOutboxMessage(ports, confirmation.id, confirmation.version)).toBe('held');
    const held = (await ports.outbox.get(confirmation.id))!;
    expect(held).toMatchObject({ status: 'pending', heldForAirRaid: alert.id });
    const recheck = start.getTime() + HOLD_RECHECK_MINUTES * 60_000;
    expect(Date.parse(held.heldUntil!)).toBe(recheck);
    const due = await ports.outbox.listDue(new Date(recheck).toISOString(), 50);
    expect(due.map((m) => m.id)).toContain(confirmation.id);

    clock.at = new Date(start.getTime() + 20 * 60_000);
    expect(await pollAirRaids(ports, NO_FEED)).toMatchObject({ shifted: 1 });
    const shifted = (await ports.entities.plans.forDay(HROMADA, TUESDAY))!;
    const dropoff = (p: typeof plan) => p.routes[0]!.stops.find((s) => s.kind === 'dropoff')!;
    expect(Date.parse(dropoff(shifted).arrival) - Date.parse(dropoff(plan).arrival)).toBe(20 * 60_000);

    clock.at = new Date(start.getTime() + 25 * 60_000);
    const ended = await endAirRaid(ports, hromada, 'd', { maxIterations: 300, seed: 1 });
    expect(ended.effects).toMatchObject({ released: 1, dropped: 0, heldCount: 1 });
    expect(ended.effects.replanError).toBeUndefined();
    expect(ended.effects.replanVersion).toBe((await ports.entities.plans.forDay(HROMADA, TUESDAY))!.version);
    expect(await ports.entities.airRaids.active(HROMADA)).toBeUndefined();
    const released = (await ports.outbox.get(confirmation.id))!;
    expect(released.heldUntil).toBeUndefined();
    expect(await sendOutboxMessage(ports, released.id, released.version)).toBe('sent');
    const log = await ports.entities.airRaids.list(HROMADA);
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ id: alert.id, endedAt: clock.at.toISOString() });
  });

  it("across midnight (the spring DST night): holds Sunday, hands Saturday's late ride over, re-plans Sunday", async () => {
    const night = await freshTable('air-raid-night');
    const clock = new FixedClock(localToUtc('2026-03-28', '10:00'));
    const ports = { ...portsFor(night, clock), sms: new RecordingSmsSender() };
    const anna = await seedBasics(ports);
    await withRules(ports, { serviceHours: { from: '05:30', to: '23:59' } });
    await createEntity(ports, registryKinds.depots, HROMADA, fieldsOf(registryKinds.depots, GARAGE), 'test');
    const shifts = [{ days: [6, 7], start: '05:30', end: '23:59' }];
    await createEntity(
      ports,
      registryKinds.vehicles,
      HROMADA,
      fieldsOf(registryKinds.vehicles, { ...RAMP_TAXI, depotId: GARAGE.id, shifts }),
      'test',
    );
    await addTaxiDriver(ports);
    const book = (date: string, time: string) =>
      bookServiceRequest(
        ports,
        HROMADA,
        bookingOf({ override: { reason: 'test: a night ride' }, ...taxiRequest(anna.id, date, time) }),
        'd',
        { admin: true },
      );
    const late = await book('2026-03-28', '22:30');
    const early = await book('2026-03-29', '06:10');
    for (const date of ['2026-03-28', '2026-03-29']) {
      const draft = await planDay(ports, HROMADA, date, 'd', ENGINE);
      await publishPlan(ports, HROMADA, date, draft.version, 'd');
    }
    const saturday = (await ports.entities.plans.forDay(HROMADA, '2026-03-28'))!;
    const pickup = saturday.routes[0]!.stops.find((s) => s.requestId === late.id)!;
    clock.at = new Date(Date.parse(pickup.departure) + 60_000);
    const { hromada, alert } = await startHromadaAlert(ports);
    for (const time of ['00:30', '05:50', '06:30']) {
      clock.at = localToUtc('2026-03-29', time);
      await pollAirRaids(ports, NO_FEED);
    }
    // Sunday's driver told once; Sunday's 06:10 pickup waits, due at 06:30
    expect(await ports.outbox.get(`air-raid-${alert.id}-2026-03-29-taxi`)).toMatchObject({
      kind: 'air-raid',
    });
    const waiting = (await ports.entities.plans.forDay(HROMADA, '2026-03-29'))!;
    const due = waiting.routes[0]!.stops.find((s) => s.requestId === early.id)!;
    expect(due.arrival).toBe(localToUtc('2026-03-29', '06:30').toISOString());

    const end = localToUtc('2026-03-29', '07:00');
    clock.at = end;
    const ended = await endAirRaid(ports, hromada, 'd', { maxIterations: 300, seed: 1 });
    expect(ended.effects).toMatchObject({ startDayOver: true, toRebook: [late.id], toRebookCount: 1 });
    expect(ended.effects.replanError).toBeUndefined();
    const [sunday] = ended.effects.days!;
    expect(sunday).toMatchObject({ date: '2026-03-29' });
    expect(sunday!.replanError).toBeUndefined();
    const replanned = (await ports.entities.plans.forDay(HROMADA, '2026-03-29'))!;
    expect(sunday!.replanVersion).toBe(replanned.version);
    for (const stop of replanned.routes.flatMap((r) => r.stops))
      expect(Date.parse(stop.arrival)).toBeGreaterThanOrEqual(end.getTime());
    expect((await ports.entities.airRaids.list(HROMADA)).items[0]).toMatchObject({
      id: alert.id,
      endedAt: end.toISOString(),
    });
  });
});

describe("a dispatcher's oblast alert on DynamoDB Local", () => {
  const OBLAST = 'UA05000000000010236';
  const ids = { origin: 'obl-origin', near: 'obl-near', outside: 'obl-outside' };

  it("starts in each covered hromada (startedFrom on the alert and its audit entry), once however many press at once, and ends there with the origin's «Відбій»", async () => {
    const clock = new FixedClock(new Date('2026-11-24T07:00:00Z'));
    const ports = { ...portsFor(t, clock), sms: new RecordingSmsSender() };
    for (const [key, id] of Object.entries(ids))
      await createHromada(
        ports,
        hromadaOf({
          id,
          name: `Громада ${key}`,
          oblastId: key === 'outside' ? 'UA68000000000099709' : OBLAST,
        }),
        'test',
      );
    const [a, b] = await Promise.all([
      startAirRaidByDispatcher(ports, ids.origin, 'oblast', 'disp-1'),
      startAirRaidByDispatcher(ports, ids.origin, 'oblast', 'disp-2'),
    ]);
    expect(a.alert.id).toBe(b.alert.id);
    for (const id of [ids.origin, ids.near])
      expect((await ports.entities.airRaids.list(id)).items, id).toHaveLength(1);
    expect(await ports.entities.airRaids.active(ids.outside)).toBeUndefined();
    const near = (await ports.entities.airRaids.active(ids.near))!;
    expect(near.startedFrom).toEqual({
      hromadaId: ids.origin,
      hromadaName: 'Громада origin',
      alertId: a.alert.id,
    });
    const audit = (await ports.entities.audit.list(ids.near, { limit: 10 })).items;
    expect(audit.find((e) => e.action === 'air-raid-start')).toMatchObject({ startedFrom: ids.origin });

    clock.at = new Date('2026-11-24T07:30:00Z');
    const ended = await endAirRaidByDispatcher(ports, ids.origin, 'disp-1');
    expect(ended.spread).toEqual({ ended: ['Громада near'], failed: [] });
    expect(await ports.entities.airRaids.active(ids.near)).toBeUndefined();
    expect((await pollAirRaids(ports, NO_FEED)).resumed).toBe(1);
    expect((await ports.entities.airRaids.get(ids.near, near.id))?.ending).toBeUndefined();
  });
});
