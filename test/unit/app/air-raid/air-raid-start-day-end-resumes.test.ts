/**
 * An alert from Friday 22:00 to Saturday 06:00 over a late ride (22:15): the start day is handed
 * over (its ride an item on Saturday's list) and a fault cuts the end off right after. The next
 * poll finishes the end: the hand-over is not run again (no «already exists»), the ride is named
 * once, the end's item is written and `ending` removed.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { localToUtc } from '../../../../shared/domain/time';
import type { Change } from '../../../../shared/ports/entity-repository';
import { airRaidDays } from '../../../support/air-raid-days';
import { failOnceWhen } from '../../../support/fail-once';
import { HROMADA } from '../../../support/fixtures';

const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';
const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

async function endCutOff(fails: (changes: Change[]) => boolean) {
  const { ports, clock, rides } = await airRaidDays(
    [FRIDAY, SATURDAY],
    [{ who: 'olena', date: FRIDAY, time: '22:15' }],
  );
  const hromada = async () => (await ports.entities.hromady.get(HROMADA))!;
  clock.at = localToUtc(FRIDAY, '22:00');
  const { alert } = await startAirRaid(ports, await hromada(), AREA, 'dispatcher', 'd');
  failOnceWhen(ports.entities, fails);
  clock.at = localToUtc(SATURDAY, '06:00');
  await expect(endAirRaid(ports, await hromada(), 'd', { maxIterations: 400, seed: 1 })).rejects.toThrow(
    /Throttling/,
  );
  clock.at = localToUtc(SATURDAY, '06:01');
  const run = await pollAirRaids(ports, NO_FEED);
  const after = (await ports.entities.airRaids.get(HROMADA, alert.id))!;
  const list = (await ports.entities.alerts.forDay(HROMADA, SATURDAY, undefined)).items;
  return { run, after, list, late: rides[0]!, alert };
}

describe('an end cut off after the start day was handed over', () => {
  it('is finished by the next poll, the ride named once (a fault on the re-plan step’s record)', async () => {
    const { run, after, list, late, alert } = await endCutOff((changes) =>
      changes.some((c) => c.op === 'audit' && c.entry.changedFields.includes('ending.replan')),
    );
    expect(run.failures).toEqual([]);
    expect(run.resumed).toBe(1);
    expect(after.ending).toBeUndefined();
    expect(after.effects).toMatchObject({ startDayOver: true, toRebook: [late.id], toRebookCount: 1 });
    expect(list.filter((a) => a.requestId === late.id).map((a) => a.id)).toEqual([
      `air-raid-${alert.id}-rebook-${late.id}`,
    ]);
    expect(list.find((a) => a.id === `air-raid-${alert.id}-end`)?.text).toContain(
      'день 27.11 минув: не переплановано, заявок перенести 1',
    );
  });

  it('is finished by the next poll when the hand-over itself failed: its items and mark together', async () => {
    const { run, after, list, late } = await endCutOff((changes) =>
      changes.some((c) => c.op === 'create' && c.entity === 'Alert' && c.item.requestId !== undefined),
    );
    expect(run.failures).toEqual([]);
    expect(after.ending).toBeUndefined();
    expect(after.effects).toMatchObject({ startDayOver: true, toRebookCount: 1 });
    expect(list.filter((a) => a.requestId === late.id)).toHaveLength(1);
  });
});
