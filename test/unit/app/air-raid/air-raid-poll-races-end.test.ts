/**
 * A poll racing «Відбій»: a step that meets a conflict reads the alert back, and finds it ended.
 * The steps after it must not hold that alert's routes any more: the re-plan at the end has just
 * published the day, and a hold would move its stops again.
 */
import { describe, expect, it } from 'vitest';
import { closeDaysOver } from '../../../../shared/app/air-raid/days-over';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { holdDueRoutes } from '../../../../shared/app/air-raid/hold-due-routes';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const SATURDAY = '2026-11-28';
const SUNDAY = '2026-11-29';
const AREA = { level: 'hromada', id: HROMADA } as const;

describe('a poll that reads back an alert ended meanwhile', () => {
  it('moves no stop of the plan the end has just published', async () => {
    const { ports, clock } = await airRaidDays(
      [SATURDAY, SUNDAY],
      [{ who: 'olena', date: SUNDAY, time: '06:10' }],
    );
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    clock.at = localToUtc(SATURDAY, '23:00');
    await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
    clock.at = localToUtc(SUNDAY, '07:00');
    const ended = await endAirRaid(ports, hromada, 'd', { maxIterations: 400, seed: 1 });
    expect(ended.effects.days?.[0]?.replanVersion).toBeDefined();
    const published = (await ports.entities.plans.forDay(HROMADA, SUNDAY))!;
    // the poll's read-back, a minute after the re-plan's first stop was due
    const first = published.routes.flatMap((r) => r.stops)[0]!;
    clock.at = new Date(Date.parse(first.arrival) + 20 * 60_000);
    const after = await holdDueRoutes(ports, hromada, await closeDaysOver(ports, hromada, ended));
    expect(after.version).toBe(ended.version);
    expect((await ports.entities.plans.forDay(HROMADA, SUNDAY))!.version).toBe(published.version);
  });
});
