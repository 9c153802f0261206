/**
 * A day an air-raid alert lasted wholly is handed over once, whatever fails on the way: a fault
 * while the end hands over the days the poll did not get to leaves the alert in force with the
 * days handed over so far; the next poll hands over the rest, and «Відбій» ends it. Each ride of
 * those days is one item to rebook, no day is handed over twice.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { failOnceWhen } from '../../../support/fail-once';
import { HROMADA } from '../../../support/fixtures';

const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';
const SUNDAY = '2026-11-29';
const MONDAY = '2026-11-30';
const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

describe('the days of a long air-raid alert handed over, under a fault', () => {
  it('hands each whole day over once: a fault mid-way is finished by the next poll', async () => {
    const { ports, clock, rides } = await airRaidDays(
      [FRIDAY, SATURDAY, SUNDAY, MONDAY],
      [
        { who: 'olena', date: SATURDAY, time: '09:00' },
        { who: 'anna', date: SUNDAY, time: '14:00' },
        { who: 'olena', date: MONDAY, time: '10:00' },
      ],
    );
    const hromada = async () => (await ports.entities.hromady.get(HROMADA))!;
    clock.at = localToUtc(FRIDAY, '22:00');
    const { alert } = await startAirRaid(ports, await hromada(), AREA, 'dispatcher', 'd');
    // no poll ran after midnight (the scheduler was down): the end hands the days over itself,
    // and storage is throttled while it writes Sunday's
    failOnceWhen(ports.entities, (changes) =>
      changes.some((c) => c.op === 'audit' && c.entry.changedFields.includes(`effects.days.${SUNDAY}`)),
    );
    clock.at = localToUtc(MONDAY, '06:00');
    await expect(endAirRaid(ports, await hromada(), 'd')).rejects.toThrow(/Throttling/);
    const halfway = (await ports.entities.airRaids.get(HROMADA, alert.id))!;
    expect(halfway.endedAt).toBeUndefined();
    expect(halfway.effects.days?.filter((d) => d.wholeDay).map((d) => d.date)).toEqual([SATURDAY]);

    clock.at = localToUtc(MONDAY, '06:01');
    await pollAirRaids(ports, NO_FEED);
    await pollAirRaids(ports, NO_FEED);
    clock.at = localToUtc(MONDAY, '06:30');
    const ended = await endAirRaid(ports, await hromada(), 'd', { maxIterations: 400, seed: 1 });
    expect(ended.effects.days?.map((d) => [d.date, d.wholeDay ?? false, d.toRebookCount ?? 0])).toEqual([
      [SATURDAY, true, 1],
      [SUNDAY, true, 1],
      [MONDAY, false, 0],
    ]);
    const items = (await ports.entities.alerts.forDay(HROMADA, MONDAY, undefined)).items;
    const rebook = items.filter((a) => a.kind === 'air-raid' && a.requestId).map((a) => a.requestId);
    expect(rebook.sort()).toEqual([rides[0]!.id, rides[1]!.id].sort());
    expect(items.find((a) => a.text.startsWith('Відбій'))?.text).toContain(
      '2 дні (28.11–29.11) увесь час під тривогою: не переплановано, заявок перенести 2',
    );
  });
});
