/**
 * An air-raid alert set after midnight while a route of the day before is still on the road (a
 * late ride running past midnight): that day's route is paused like a route under way at any
 * start (its driver told, its stops shifted; when the day is over at the end, its ride is handed
 * to the dispatcher to rebook),
 * and the day it was set on is held and re-planned as a later day. The dispatcher's «Тривога» and
 * the feed start it alike.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const SATURDAY = '2026-11-28';
const SUNDAY = '2026-11-29';
const AREA = { level: 'hromada', id: HROMADA } as const;

/** Saturday's 22:45 ride runs late: its drop-off is due at `dropoff` on Sunday (00:20). */
async function lateNight(dropoff = '00:20', sundayRide = '06:10') {
  const d = await airRaidDays(
    [SATURDAY, SUNDAY],
    [
      { who: 'anna', date: SATURDAY, time: '22:45' },
      { who: 'olena', date: SUNDAY, time: sundayRide },
    ],
  );
  const plan = (await d.ports.entities.plans.forDay(HROMADA, SATURDAY))!;
  const route = plan.routes.find((r) => r.stops.length > 0)!;
  const last = route.stops[route.stops.length - 1]!;
  const by = localToUtc(SUNDAY, dropoff).getTime() - Date.parse(last.arrival);
  const later = (iso: string) => new Date(Date.parse(iso) + by).toISOString();
  const stops = route.stops.map((s, i) =>
    i === route.stops.length - 1 ? { ...s, arrival: later(s.arrival), departure: later(s.departure) } : s,
  );
  await d.ports.entities.commit([
    {
      op: 'update',
      entity: 'Plan',
      item: {
        ...plan,
        routes: plan.routes.map((r) => (r === route ? { ...r, stops } : r)),
        version: plan.version + 1,
      },
      expectedVersion: plan.version,
    },
  ]);
  d.clock.at = localToUtc(SUNDAY, '00:05');
  return { ...d, vehicleId: route.vehicleId, dropoff: last.requestId };
}

type Night = Awaited<ReturnType<typeof lateNight>>;
const hromadaOf = async (d: Night) => (await d.ports.entities.hromady.get(HROMADA))!;
const dropoffAt = async (d: Night) => {
  const plan = (await d.ports.entities.plans.forDay(HROMADA, SATURDAY))!;
  const stop = plan.routes.flatMap((r) => r.stops).filter((s) => s.requestId === d.dropoff)[1]!;
  return Date.parse(stop.arrival);
};

describe('an air-raid alert set after midnight while the day before is on the road', () => {
  it("pauses Saturday's late route at 00:05 Sunday: its driver is told, the ride handed over at the next poll", async () => {
    const d = await lateNight();
    const { alert, started } = await startAirRaid(d.ports, await hromadaOf(d), AREA, 'dispatcher', 'd');
    expect(started).toBe(true);
    expect(alert.date).toBe(SATURDAY);
    expect(alert.effects.routesPaused).toEqual([d.vehicleId]);
    const told = (await d.ports.outbox.listByHromada(HROMADA, { limit: 50 })).items.filter(
      (m) => m.kind === 'air-raid',
    );
    expect(told.map((m) => m.subject)).toEqual([`VEHICLE#${d.vehicleId}`]);
    // the dispatcher sees the start on Sunday's list
    const attention = await d.ports.entities.alerts.forDay(HROMADA, SUNDAY, undefined);
    expect(attention.items.some((a) => a.kind === 'air-raid')).toBe(true);
    const before = await dropoffAt(d);
    d.clock.at = localToUtc(SUNDAY, '00:35');
    await pollAirRaids(d.ports, { activeAreas: async () => [] });
    // Saturday is over: its ride goes to the dispatcher now, its plan is not rewritten every minute
    expect(await dropoffAt(d)).toBe(before);
    const during = (await d.ports.entities.airRaids.get(HROMADA, alert.id))!;
    expect(during.effects).toMatchObject({ startDayOver: true, toRebook: [d.dropoff], toRebookCount: 1 });
    const list = await d.ports.entities.alerts.forDay(HROMADA, SUNDAY, undefined);
    expect(list.items.filter((a) => a.requestId === d.dropoff)).toHaveLength(1);
  });

  it('ends on Sunday morning: Saturday handed over to rebook, Sunday re-planned through the checker', async () => {
    const d = await lateNight();
    await startAirRaid(d.ports, await hromadaOf(d), AREA, 'dispatcher', 'd');
    d.clock.at = localToUtc(SUNDAY, '06:30');
    await pollAirRaids(d.ports, { activeAreas: async () => [] });
    const end = localToUtc(SUNDAY, '07:00');
    d.clock.at = end;
    const ended = await endAirRaid(d.ports, await hromadaOf(d), 'd', { maxIterations: 400, seed: 1 });
    expect(ended.effects).toMatchObject({ startDayOver: true, toRebookCount: 1 });
    expect(ended.effects.replanError).toBeUndefined();
    const [sunday] = ended.effects.days ?? [];
    expect(sunday).toMatchObject({ date: SUNDAY });
    expect(sunday!.replanError).toBeUndefined();
    const plan = (await d.ports.entities.plans.forDay(HROMADA, SUNDAY))!;
    expect(sunday!.replanVersion).toBe(plan.version);
    expect(plan.unassigned).toEqual([]);
    for (const stop of plan.routes.flatMap((r) => r.stops))
      expect(Date.parse(stop.arrival)).toBeGreaterThanOrEqual(end.getTime());
  });

  it('is started the same way by the feed', async () => {
    const d = await lateNight();
    const feed = { activeAreas: async () => [AREA] };
    expect(await pollAirRaids(d.ports, feed)).toMatchObject({ started: 1 });
    expect(await d.ports.entities.airRaids.active(HROMADA)).toMatchObject({
      source: 'feed',
      date: SATURDAY,
      effects: { routesPaused: [d.vehicleId] },
    });
  });

  it("keeps Sunday's stops made before the alert as made (it reached Sunday at its start, not at midnight)", async () => {
    const d = await lateNight('06:50', '05:45');
    const before = (await d.ports.entities.plans.forDay(HROMADA, SUNDAY))!;
    const made = before.routes.flatMap((r) => r.stops).map((s) => s.arrival);
    d.clock.at = localToUtc(SUNDAY, '06:40');
    const { alert } = await startAirRaid(d.ports, await hromadaOf(d), AREA, 'dispatcher', 'd');
    expect(alert.date).toBe(SATURDAY);
    const after = (await d.ports.entities.plans.forDay(HROMADA, SUNDAY))!;
    expect(after.routes.flatMap((r) => r.stops).map((s) => s.arrival)).toEqual(made);
  });

  it("tells a driver on Saturday's late route once, not again at once about the same car's Sunday route", async () => {
    // Saturday's drop-off runs to 06:50 Sunday; the same car's Sunday route sets off at once
    const d = await lateNight('06:50', '07:05');
    const sunday = (await d.ports.entities.plans.forDay(HROMADA, SUNDAY))!;
    expect(sunday.routes.map((r) => r.vehicleId)).toEqual([d.vehicleId]);
    d.clock.at = localToUtc(SUNDAY, '06:40');
    const { alert } = await startAirRaid(d.ports, await hromadaOf(d), AREA, 'dispatcher', 'd');
    await pollAirRaids(d.ports, { activeAreas: async () => [] });
    const told = (await d.ports.outbox.listByHromada(HROMADA, { limit: 50 })).items.filter(
      (m) => m.kind === 'air-raid',
    );
    expect(told.map((m) => m.subject)).toEqual([`VEHICLE#${d.vehicleId}`]);
    expect((await d.ports.entities.airRaids.get(HROMADA, alert.id))?.effects.driversTold).toHaveLength(1);
  });
});
