/**
 * An air-raid alert of days or weeks (a frontline oblast: alerts.in.ua reports Luhansk oblast as
 * continuously alerted): set at 22:00, in force 10 days across the night the clocks fall back
 * (25.10.2026) and 30 days across the night they spring forward (29.03.2026). Every later day is
 * held like the first: its routes due inside the alert wait, its drivers on the road are told
 * once that day, its held messages are dropped and its rides handed over once its midnight
 * passed. The alert item stays within its schema's bounds (and far below DynamoDB's 400 KB), no
 * transaction holds more than 100 items, and at the end the day it ended on is re-planned through
 * the checker, every ride accounted for once: rebooked or re-planned.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { runEveryMinute } from '../../../../shared/app/every-minute';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { type AirRaidAlert, airRaidAlertSchema } from '../../../../shared/domain/entities/air-raid-alert';
import { addDays, localToUtc } from '../../../../shared/domain/time';
import type { Change } from '../../../../shared/ports/entity-repository';
import { airRaidDays, type NightRide } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };
const MIN = 60_000;

const ALERTS = [
  { name: '10 days, the clocks falling back', start: '2026-10-19', days: 10 },
  { name: '30 days, the clocks springing forward', start: '2026-03-14', days: 30 },
];

/** A day's car-near held in the alert and then dropped: the eighth later day (past the old bound). */
const NEAR_DAY = 8;

async function weeksInShelter(start: string, length: number) {
  const later = Array.from({ length }, (_, i) => addDays(start, i + 1));
  const end = later.at(-1)!;
  const whole = later.slice(0, -1);
  const rides: NightRide[] = [
    // made before the alert
    { who: 'anna', date: start, time: '18:00' },
    ...whole.flatMap((date): NightRide[] => [
      { who: 'olena', date, time: '09:00' },
      { who: 'anna', date, time: '14:00' },
    ]),
    { who: 'olena', date: end, time: '08:00' },
    { who: 'anna', date: end, time: '10:00' },
  ];
  const { ports, clock, rides: booked } = await airRaidDays([start, ...later], rides);
  let largest = 0;
  const commit = ports.entities.commit.bind(ports.entities);
  ports.entities.commit = async (changes: Change[]) => {
    largest = Math.max(largest, changes.length);
    return commit(changes);
  };
  const hromada = async () => (await ports.entities.hromady.get(HROMADA))!;
  const before = new Map<string, Awaited<ReturnType<typeof ports.entities.plans.forDay>>>();
  for (const date of later) before.set(date, await ports.entities.plans.forDay(HROMADA, date));
  clock.at = localToUtc(start, '22:00');
  const { alert } = await startAirRaid(ports, await hromada(), AREA, 'dispatcher', 'd');
  const seen: AirRaidAlert[] = [];
  const arrivals: Array<{ date: string; at: Date; arrival: number }> = [];
  let near: { id: string; held: string | undefined } | undefined;
  const pickup = async (date: string, requestId: string) =>
    (await ports.entities.plans.forDay(HROMADA, date))!.routes
      .flatMap((r) => r.stops)
      .find((s) => s.requestId === requestId && s.kind === 'pickup')!;
  for (const [i, date] of whole.entries()) {
    const [morning, afternoon] = booked.filter((r) => r.date === date);
    clock.at = localToUtc(date, '08:40');
    await pollAirRaids(ports, NO_FEED);
    if (i + 1 === NEAR_DAY) near = await heldNear(date, morning!.id);
    for (const [time, ride] of [
      ['09:10', morning!],
      ['14:10', afternoon!],
    ] as const) {
      clock.at = localToUtc(date, time);
      await pollAirRaids(ports, NO_FEED);
      arrivals.push({ date, at: clock.at, arrival: Date.parse((await pickup(date, ride.id)).arrival) });
    }
    seen.push((await ports.entities.airRaids.get(HROMADA, alert.id))!);
  }
  // the day it ends on: its 08:00 ride waits; the all-clear at 08:30
  clock.at = localToUtc(end, '08:10');
  await pollAirRaids(ports, NO_FEED);
  arrivals.push({
    date: end,
    at: clock.at,
    arrival: Date.parse((await pickup(end, booked.at(-2)!.id)).arrival),
  });
  const afterClose = (await ports.entities.airRaids.get(HROMADA, alert.id))!;
  clock.at = localToUtc(end, '08:30');
  const ended = await endAirRaid(ports, await hromada(), 'd', { maxIterations: 400, seed: 1 });
  return { ports, alert, ended, seen, arrivals, before, booked, whole, end, near, afterClose, largest };

  /** The morning ride's car-near, queued 5 minutes before its pickup, held by the alert. */
  async function heldNear(date: string, requestId: string) {
    clock.at = new Date(Date.parse((await pickup(date, requestId)).arrival) - 5 * MIN);
    await runEveryMinute(ports);
    const m = (await ports.outbox.listByHromada(HROMADA, { limit: 500 })).items.find(
      (x) => x.kind === 'vehicle-near' && x.subject === `REQUEST#${requestId}`,
    );
    return m && { id: m.id, held: await sendOutboxMessage(ports, m.id, m.version) };
  }
}

describe.each(ALERTS)('an air-raid alert of $name', ({ start, days }) => {
  let run: Awaited<ReturnType<typeof weeksInShelter>>;
  beforeAll(async () => {
    run = await weeksInShelter(start, days);
  }, 300_000);

  it("holds every later day's routes due inside it, however long it lasts", () => {
    expect(run.arrivals).toHaveLength(2 * run.whole.length + 1);
    // each ride due inside the alert waits: planned no earlier than the minute the poll held it
    for (const { at, arrival } of run.arrivals) expect(arrival).toBeGreaterThanOrEqual(at.getTime());
  });

  it('tells the driver of each route on the road once a day, every day', async () => {
    const messages = (await run.ports.outbox.listByHromada(HROMADA, { limit: 1000 })).items;
    for (const date of [...run.whole, run.end]) {
      const plan = run.before.get(date)!;
      const vehicles = plan.routes.filter((r) => r.stops.length > 0).map((r) => r.vehicleId);
      const told = messages.filter(
        (m) => m.kind === 'air-raid' && m.id.startsWith(`air-raid-${run.alert.id}-${date}-`),
      );
      expect(told.map((m) => m.id).sort(), date).toEqual(
        vehicles.map((v) => `air-raid-${run.alert.id}-${date}-${v}`).sort(),
      );
    }
    const all = messages.filter((m) => m.kind === 'air-raid').length;
    const effects = run.ended.effects;
    expect(effects.driversTold.length + (effects.driversToldEarlier ?? 0)).toBe(all);
  });

  it('drops a held car-near once its day is over, before the end', async () => {
    expect(run.near?.held).toBe('held');
    const closed = run.seen[NEAR_DAY]!;
    expect(closed.effects.held).not.toContain(run.near!.id);
    expect(closed.effects.days?.find((d) => d.date === run.whole[NEAR_DAY - 1])).toMatchObject({
      wholeDay: true,
      dropped: 1,
    });
    expect(await run.ports.outbox.get(run.near!.id)).toMatchObject({ status: 'suppressed' });
  });

  it('keeps the alert item bounded, each transaction within 100 items', () => {
    for (const alert of [...run.seen, run.afterClose, run.ended]) {
      expect(airRaidAlertSchema.safeParse(alert).success).toBe(true);
      expect(JSON.stringify(alert).length).toBeLessThan(40_000);
    }
    expect(run.largest).toBeLessThanOrEqual(100);
    const folded = run.whole.length - 6;
    expect(run.ended.effects.earlier).toEqual({
      days: folded,
      from: run.whole[0],
      through: run.whole[folded - 1],
      stopsShifted: expect.any(Number),
      toRebookCount: 2 * folded,
      dropped: folded >= NEAR_DAY ? 1 : 0,
    });
    expect(run.ended.effects.days?.map((d) => d.date)).toEqual([...run.whole.slice(folded), run.end]);
  });

  it('re-plans the day it ended on through the checker; every ride rebooked or re-planned, once', async () => {
    const { ports, ended, booked, whole, end } = run;
    const plan = (await ports.entities.plans.forDay(HROMADA, end))!;
    const last = ended.effects.days?.find((d) => d.date === end);
    expect(last?.replanError).toBeUndefined();
    expect(last?.replanVersion).toBe(plan.version);
    expect(plan.unassigned).toEqual([]);
    const rebook: string[] = [];
    for (const date of [start, ...whole, end])
      for (const a of (await ports.entities.alerts.forDay(HROMADA, date, undefined)).items)
        if (a.kind === 'air-raid' && a.requestId) rebook.push(a.requestId);
    const planned = plan.routes.flatMap((r) => r.stops.map((s) => s.requestId));
    const wholeRides = booked.filter((r) => whole.includes(r.date)).map((r) => r.id);
    expect([...rebook].sort()).toEqual([...wholeRides].sort());
    expect(new Set(planned)).toEqual(new Set(booked.filter((r) => r.date === end).map((r) => r.id)));
    for (const id of wholeRides)
      expect((await ports.entities.requests.get(HROMADA, id))?.status).not.toBe('cancelled');
    const line = (await ports.entities.alerts.forDay(HROMADA, end, undefined)).items.find((a) =>
      a.text.startsWith('Відбій'),
    );
    const first = `${whole[0]!.slice(8, 10)}.${whole[0]!.slice(5, 7)}`;
    const lastWhole = `${whole.at(-1)!.slice(8, 10)}.${whole.at(-1)!.slice(5, 7)}`;
    expect(line?.text).toContain(
      `${whole.length} днів (${first}–${lastWhole}) увесь час під тривогою: не переплановано, заявок перенести ${wholeRides.length}`,
    );
  });
});
