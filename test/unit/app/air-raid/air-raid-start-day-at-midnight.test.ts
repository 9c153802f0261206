/**
 * An alert from Friday 22:00 that lasts into Sunday: its start day (Friday, a 22:15 ride paused on
 * the road) is handed over at Friday's midnight by the poll, like the later days, and from then on
 * Friday's plan is left alone (not rewritten every minute for the rest of the alert).
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { localToUtc } from '../../../../shared/domain/time';
import type { Change } from '../../../../shared/ports/entity-repository';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';
const SUNDAY = '2026-11-29';
const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

async function fridayNightAlert() {
  const { ports, clock, rides } = await airRaidDays(
    [FRIDAY, SATURDAY, SUNDAY],
    [
      { who: 'olena', date: FRIDAY, time: '22:15' },
      { who: 'anna', date: SATURDAY, time: '09:00' },
    ],
  );
  const hromada = async () => (await ports.entities.hromady.get(HROMADA))!;
  clock.at = localToUtc(FRIDAY, '22:00');
  const { alert } = await startAirRaid(ports, await hromada(), AREA, 'dispatcher', 'd');
  expect(alert.effects.routesPaused.length).toBeGreaterThan(0);
  const fridayPlan = (await ports.entities.plans.forDay(HROMADA, FRIDAY))!;
  const commit = ports.entities.commit.bind(ports.entities);
  const planWrites: string[] = [];
  ports.entities.commit = async (changes: Change[]) => {
    for (const c of changes)
      if (c.op === 'update' && c.entity === 'Plan' && c.item.id === fridayPlan.id)
        planWrites.push(clock.at.toISOString());
    return commit(changes);
  };
  return { ports, clock, hromada, alert, planWrites, late: rides[0]!, saturdayRide: rides[1]! };
}

describe('an alert across midnight: its start day at its midnight', () => {
  it('stops shifting the start day once it is over: its plan is not written on later days', async () => {
    const { ports, clock, planWrites } = await fridayNightAlert();
    clock.at = localToUtc(FRIDAY, '23:30');
    await pollAirRaids(ports, NO_FEED);
    expect(planWrites).toHaveLength(1);
    for (const t of ['00:01', '00:02', '12:00']) {
      clock.at = localToUtc(SATURDAY, t);
      await pollAirRaids(ports, NO_FEED);
    }
    for (const t of ['12:00', '12:01']) {
      clock.at = localToUtc(SUNDAY, t);
      await pollAirRaids(ports, NO_FEED);
    }
    expect(planWrites).toHaveLength(1);
  });

  it('hands the start day over at its midnight: the ride on Saturday’s list while the alert lasts, once', async () => {
    const { ports, clock, hromada, alert, late } = await fridayNightAlert();
    clock.at = localToUtc(SATURDAY, '00:01');
    await pollAirRaids(ports, NO_FEED);
    const during = (await ports.entities.airRaids.get(HROMADA, alert.id))!;
    expect(during.endedAt).toBeUndefined();
    expect(during.effects).toMatchObject({ startDayOver: true, toRebook: [late.id], toRebookCount: 1 });
    const saturday = async () => (await ports.entities.alerts.forDay(HROMADA, SATURDAY, undefined)).items;
    expect((await saturday()).filter((a) => a.requestId === late.id)).toHaveLength(1);
    clock.at = localToUtc(SUNDAY, '06:00');
    const ended = await endAirRaid(ports, await hromada(), 'd', { maxIterations: 400, seed: 1 });
    expect(ended.effects).toMatchObject({ startDayOver: true, toRebook: [late.id], toRebookCount: 1 });
    const sunday = (await ports.entities.alerts.forDay(HROMADA, SUNDAY, undefined)).items;
    expect(sunday.filter((a) => a.requestId === late.id)).toEqual([]);
    expect(sunday.find((a) => a.id === `air-raid-${alert.id}-end`)?.text).toContain(
      'день 27.11 минув: не переплановано, заявок перенести 1',
    );
  });
});
