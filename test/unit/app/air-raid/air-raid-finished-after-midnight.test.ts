/**
 * An end marked just before midnight (a spread «Відбій» at 23:59, the hromada's alert left for the
 * poll) and finished after it (the poll at 00:00:30): the start day is over by then, so it is
 * handed to the dispatcher (its rides to rebook, its held messages dropped), not re-planned.
 */
import { describe, expect, it } from 'vitest';
import { overAtEnd } from '../../../../shared/app/air-raid/days-over';
import { finishEnd, markAirRaidEnded } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { queueSms } from '../../../../shared/app/queue-sms';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const SATURDAY = '2026-11-28';
const SUNDAY = '2026-11-29';
const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

describe('an end marked at 23:59 and finished at 00:00:30', () => {
  it('hands the start day over (its ride to rebook, its held message dropped) instead of re-planning a day over', async () => {
    const { ports, clock, rides } = await airRaidDays(
      [SATURDAY, SUNDAY],
      [{ who: 'anna', date: SATURDAY, time: '22:45' }],
    );
    const late = rides[0]!;
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    clock.at = localToUtc(SATURDAY, '21:50');
    const { alert } = await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
    await ports.entities.commit([
      queueSms(ports, hromada, {
        id: 'change-late',
        kind: 'change',
        to: '+380671234567',
        text: 'Заявку змінено',
        subject: `REQUEST#${late.id}`,
        confidential: false,
      }),
    ]);
    expect(await sendOutboxMessage(ports, 'change-late', 1)).toBe('held');
    for (const at of ['22:10', '22:40', '23:30']) {
      clock.at = localToUtc(SATURDAY, at);
      await pollAirRaids(ports, NO_FEED);
    }
    clock.at = localToUtc(SATURDAY, '23:59');
    const active = (await ports.entities.airRaids.active(HROMADA))!;
    const ended = await markAirRaidEnded(ports, hromada, active, 'd');
    clock.at = new Date(localToUtc(SUNDAY, '00:00').getTime() + 30_000);
    const done = await finishEnd(ports, hromada, ended, 'd', { maxIterations: 400, seed: 1 });

    expect(done.id).toBe(alert.id);
    expect(done.effects).toMatchObject({ startDayOver: true, toRebook: [late.id], toRebookCount: 1 });
    expect(done.effects.replanError).toBeUndefined();
    expect((await ports.outbox.get('change-late'))?.status).toBe('suppressed');
    const attention = (await ports.entities.alerts.forDay(HROMADA, SUNDAY, undefined)).items;
    expect(attention.some((a) => a.kind === 'air-raid' && a.requestId === late.id)).toBe(true);
    // the end's line counts the message the hand-over dropped, as the console's log does
    expect(done.effects.dropped).toBe(1);
    const end = attention.find((a) => a.kind === 'air-raid' && a.text.startsWith('Відбій'));
    expect(end?.text).toMatch(/скасовано 1$/);
    // a message beyond the alert's list, released by the sender later, reads Saturday as over too
    const over = overAtEnd({ ...done, endedAt: done.endedAt! }, hromada.timeZone);
    expect([SATURDAY, SUNDAY].map((date) => over?.(date))).toEqual([true, false]);
  });

  it('a new alert following at once: the day over handed over, the day it ended on left to the new one', async () => {
    const { ports, clock } = await airRaidDays(
      [SATURDAY, SUNDAY],
      [
        { who: 'anna', date: SATURDAY, time: '22:45' },
        { who: 'olena', date: SUNDAY, time: '08:00' },
      ],
    );
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    clock.at = localToUtc(SATURDAY, '21:50');
    await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
    clock.at = localToUtc(SUNDAY, '07:00');
    const active = (await ports.entities.airRaids.active(HROMADA))!;
    const ended = await markAirRaidEnded(ports, hromada, active, 'd');
    const sunday = (await ports.entities.plans.forDay(HROMADA, SUNDAY))!;
    const done = await finishEnd(ports, hromada, ended, 'd', { newAlertFollows: true });
    expect(done.effects).toMatchObject({ startDayOver: true, replanLeft: true });
    expect((await ports.entities.plans.forDay(HROMADA, SUNDAY))!.version).toBe(sunday.version);
  });
});
