/**
 * The alert's log and the end's line as a dispatcher reads them: a later day's «до M хв» is the
 * largest shift of one route (not the sum of each minute's largest move), and an alert across
 * midnight names the day it started on.
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
const NO_FEED = { activeAreas: async () => [] };
const MIN = 60_000;

/** Sunday's two rides, each on its own car (taxi: Анна's 06:10, taxi2: Олена's 08:00). */
async function twoCars() {
  const d = await airRaidDays(
    [SATURDAY, SUNDAY],
    [
      { who: 'anna', date: SUNDAY, time: '06:10' },
      { who: 'olena', date: SUNDAY, time: '08:00' },
    ],
  );
  const [anna, olena] = d.rides as [(typeof d.rides)[0], (typeof d.rides)[0]];
  const plan = (await d.ports.entities.plans.forDay(HROMADA, SUNDAY))!;
  const stops = plan.routes.flatMap((r) => r.stops);
  const template = plan.routes[0]!;
  const routes = [
    { ...template, vehicleId: 'taxi', stops: stops.filter((s) => s.requestId === anna.id) },
    { ...template, vehicleId: 'taxi2', stops: stops.filter((s) => s.requestId === olena.id) },
  ];
  await d.ports.entities.commit([
    {
      op: 'update',
      entity: 'Plan',
      item: { ...plan, routes, version: plan.version + 1 },
      expectedVersion: plan.version,
    },
  ]);
  const firstOf = (id: string) => Date.parse(stops.find((s) => s.requestId === id)!.arrival);
  return { ...d, anna, olena, annaAt: firstOf(anna.id), olenaAt: firstOf(olena.id) };
}

describe("the air-raid log's wording", () => {
  it("records a later day's largest shift of one route, and names the start date across midnight", async () => {
    const d = await twoCars();
    const hromada = async () => (await d.ports.entities.hromady.get(HROMADA))!;
    d.clock.at = localToUtc(SATURDAY, '23:00');
    await startAirRaid(d.ports, await hromada(), AREA, 'dispatcher', 'd');
    // Анна's route waits 30 minutes, then her ride is called off (no-show): it waits no more
    d.clock.at = new Date(d.annaAt + 30 * MIN);
    await pollAirRaids(d.ports, NO_FEED);
    const request = (await d.ports.entities.requests.get(HROMADA, d.anna.id))!;
    await d.ports.entities.commit([
      {
        op: 'update',
        entity: 'ServiceRequest',
        item: { ...request, status: 'no-show', version: request.version + 1 },
        expectedVersion: request.version,
      },
    ]);
    // Олена's route waits 20 minutes
    d.clock.at = new Date(d.olenaAt + 20 * MIN);
    await pollAirRaids(d.ports, NO_FEED);
    const alert = (await d.ports.entities.airRaids.active(HROMADA))!;
    expect(alert.effects.days?.[0]).toMatchObject({ date: SUNDAY, shiftedMinutes: 30 });
    const ended = await endAirRaid(d.ports, await hromada(), 'd', { maxIterations: 400, seed: 1 });
    expect(ended.effects.days?.[0]?.shiftedMinutes).toBe(30);
    const attention = (await d.ports.entities.alerts.forDay(HROMADA, SUNDAY, undefined)).items;
    const end = attention.find((a) => a.kind === 'air-raid' && a.text.startsWith('Відбій'));
    expect(end?.text).toMatch(/^Відбій тривоги \(28\.11 23:00–\d\d:\d\d\): /);
  });
});
