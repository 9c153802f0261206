/**
 * An alert across midnight (Friday 22:00) whose end is marked on its later day just before the
 * next midnight (Saturday 23:59, a 23:00–23:30 ride still open; a spread «Відбій» left for the
 * poll) and finished after it (the poll at Sunday 00:00:30): Saturday is over by then, so it is
 * handed to the dispatcher like a day over (its open ride to rebook, its held message dropped),
 * not re-planned (planning refuses a past day), and worded as under the alert until 23:59, not
 * the whole day.
 */
import { describe, expect, it } from 'vitest';
import { effectsWords } from '../../../../console/air-raid-words.js';
import { overAtEnd } from '../../../../shared/app/air-raid/days-over';
import { markAirRaidEnded } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { queueSms } from '../../../../shared/app/queue-sms';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';
const SUNDAY = '2026-11-29';
const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

describe('a later day’s end marked at 23:59 and finished at 00:00:30', () => {
  it('hands that day over (its ride to rebook, its held message dropped) instead of re-planning a day over', async () => {
    const { ports, clock, rides } = await airRaidDays(
      [FRIDAY, SATURDAY, SUNDAY],
      [
        { who: 'anna', date: FRIDAY, time: '22:45' },
        { who: 'olena', date: SATURDAY, time: '23:15' },
      ],
    );
    const [friday, late] = [rides[0]!, rides[1]!];
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    clock.at = localToUtc(FRIDAY, '22:00');
    const { alert } = await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
    for (const [date, at] of [
      [FRIDAY, '22:10'],
      [SATURDAY, '00:01'],
      [SATURDAY, '12:00'],
    ] as const) {
      clock.at = localToUtc(date, at);
      await pollAirRaids(ports, NO_FEED);
    }
    await ports.entities.commit([
      queueSms(ports, hromada, {
        id: 'change-late',
        kind: 'change',
        to: '+380675551234',
        text: 'Заявку змінено',
        subject: `REQUEST#${late.id}`,
        confidential: false,
      }),
    ]);
    expect(await sendOutboxMessage(ports, 'change-late', 1)).toBe('held');
    clock.at = localToUtc(SATURDAY, '23:30');
    await pollAirRaids(ports, NO_FEED);
    // a spread «Відбій» at 23:59: marked, its end left for the next poll
    clock.at = localToUtc(SATURDAY, '23:59');
    await markAirRaidEnded(ports, hromada, (await ports.entities.airRaids.active(HROMADA))!, 'd');
    clock.at = new Date(localToUtc(SUNDAY, '00:00').getTime() + 30_000);
    await pollAirRaids(ports, NO_FEED);
    const done = (await ports.entities.airRaids.get(HROMADA, alert.id))!;

    expect(done.ending).toBeUndefined();
    expect(done.effects).toMatchObject({ startDayOver: true, toRebook: [friday.id] });
    const saturday = done.effects.days?.find((d) => d.date === SATURDAY);
    expect(saturday).toMatchObject({ wholeDay: true, toRebook: [late.id], toRebookCount: 1, dropped: 1 });
    expect(saturday?.until).toBe(localToUtc(SATURDAY, '23:59').toISOString());
    expect(saturday?.replanError).toBeUndefined();
    expect(done.effects.replanError).toBeUndefined();
    expect((await ports.outbox.get('change-late'))?.status).toBe('suppressed');
    // the rebook item on Sunday's list, worded truthfully: until 23:59, not the whole day
    const attention = (await ports.entities.alerts.forDay(HROMADA, SUNDAY, undefined)).items;
    const rebook = attention.find((a) => a.kind === 'air-raid' && a.requestId === late.id);
    expect(rebook?.text).toMatch(/^Тривога до 23:59 28\.11: заявку на 28\.11 23:00–23:30 не виконано/);
    const end = attention.find((a) => a.kind === 'air-raid' && a.text.startsWith('Відбій'));
    expect(end?.text).toContain('день 28.11 під тривогою до 23:59: не переплановано, заявок перенести 1');
    expect(end?.text).not.toContain('увесь');
    const lines = effectsWords(done).join('\n');
    expect(lines).toContain('28.11: під тривогою до 23:59, поїздки не виконано; заявок перенести: 1');
    // a message beyond the alert's list, released by the sender later, reads Saturday as over too
    const over = overAtEnd({ ...done, endedAt: done.endedAt! }, hromada.timeZone);
    expect([FRIDAY, SATURDAY, SUNDAY].map((date) => over?.(date))).toEqual([true, true, false]);
  });
});
