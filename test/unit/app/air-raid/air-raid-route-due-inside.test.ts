/**
 * A route that had not set off when the alert began, but whose stops fall due inside it (the
 * brigade's 11:00 visit in a 09:00–12:30 alert): it waits for the end instead of counting as made,
 * its driver is told when the route would set off, and the re-plan at the end still has the visit.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { planDay } from '../../../../shared/app/planning/plan-day';
import { publishPlan } from '../../../../shared/app/planning/publish-plan';
import { localToUtc } from '../../../../shared/domain/time';
import { HROMADA } from '../../../support/fixtures';
import { demoDay, ENGINE, stopsOf, TUESDAY } from '../planning/demo-day';

const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

describe('an air-raid alert over a route that had not set off', () => {
  it('holds its stops due inside the alert, tells its driver, and the re-plan keeps the visit', async () => {
    const d = await demoDay();
    await d.driver({ id: 'oleh', name: 'Олег Коваль', phone: '067 401 12 01', vehicleIds: ['taxi'] });
    await d.driver({ id: 'petro', name: 'Петро Бондар', phone: '067 401 12 02', vehicleIds: ['brigade'] });
    const ivan = await d.resident('Іван Гнатюк');
    // a wheelchair ride: only the ramp taxi takes it; the visit is the brigade's car's
    await d.ride(d.anna.id, '09:00', { passengers: { wheelchair: true, escorts: 0 } });
    const visit = await d.visit(ivan.id);
    const draft = await planDay(d.ports, HROMADA, TUESDAY, 'd', ENGINE);
    const { plan } = await publishPlan(d.ports, HROMADA, TUESDAY, draft.version, 'd');
    const visitRoute = stopsOf(plan, visit.id)!.route;
    const hromada = (await d.ports.entities.hromady.get(HROMADA))!;

    // 09:05: the morning ride is on the road; the brigade's 11:00 visit is not (its driver not told)
    d.clock.at = localToUtc(TUESDAY, '09:05');
    const { alert } = await startAirRaid(d.ports, hromada, AREA, 'dispatcher', 'd');
    expect(alert.effects.routesPaused).not.toContain(visitRoute.vehicleId);
    // 10:50: the brigade's car would set off now: its driver is told; 11:40: the visit waits
    d.clock.at = localToUtc(TUESDAY, '10:50');
    await pollAirRaids(d.ports, NO_FEED);
    const toPetro = (await d.ports.outbox.listByHromada(HROMADA, { limit: 100 })).items.filter(
      (m) => m.kind === 'air-raid' && m.subject === `VEHICLE#${visitRoute.vehicleId}`,
    );
    expect(toPetro).toHaveLength(1);
    d.clock.at = localToUtc(TUESDAY, '11:40');
    await pollAirRaids(d.ports, NO_FEED);
    const waiting = (await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!;
    expect(
      Date.parse(stopsOf(waiting, visit.id)!.route.stops[stopsOf(waiting, visit.id)!.idx[0]!]!.arrival),
    ).toBe(d.clock.at.getTime());

    // the end at 12:30: the visit was not made, so the re-plan has it after the end
    const end = localToUtc(TUESDAY, '12:30');
    d.clock.at = end;
    const ended = await endAirRaid(d.ports, hromada, 'd', { maxIterations: 400, seed: 1 });
    expect(ended.effects.replanError).toBeUndefined();
    const after = (await d.ports.entities.plans.forDay(HROMADA, TUESDAY))!;
    const at = stopsOf(after, visit.id)!;
    expect(Date.parse(at.route.stops[at.idx[0]!]!.arrival)).toBeGreaterThanOrEqual(end.getTime());
  });
});
