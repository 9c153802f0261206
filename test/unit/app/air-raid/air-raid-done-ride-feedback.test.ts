/**
 * An alert across midnight hands its start day over: the held messages about that day's rides not
 * made are dropped (the dispatcher calls), but a message about a ride that was done (the feedback
 * request after a 20:00 ride) is not the alert's loss: it goes on at the end.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { queueSms } from '../../../../shared/app/queue-sms';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { localToUtc } from '../../../../shared/domain/time';
import { airRaidDays } from '../../../support/air-raid-days';
import { HROMADA } from '../../../support/fixtures';

const FRIDAY = '2026-11-27';
const SATURDAY = '2026-11-28';
const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

async function feedbackHeld(pollAtMidnight: boolean) {
  const { ports, clock, rides } = await airRaidDays(
    [FRIDAY, SATURDAY],
    [{ who: 'anna', date: FRIDAY, time: '20:00' }],
  );
  const hromada = async () => (await ports.entities.hromady.get(HROMADA))!;
  const ride = (await ports.entities.requests.get(HROMADA, rides[0]!.id))!;
  await ports.entities.commit([
    {
      op: 'update',
      entity: 'ServiceRequest',
      item: { ...ride, status: 'done', version: ride.version + 1 },
      expectedVersion: ride.version,
    },
  ]);
  clock.at = localToUtc(FRIDAY, '22:00');
  await startAirRaid(ports, await hromada(), AREA, 'dispatcher', 'd');
  await ports.entities.commit([
    queueSms(ports, await hromada(), {
      id: 'feedback-1',
      kind: 'feedback',
      to: '+380671234567',
      text: 'Як пройшла поїздка? Відповідь 1-5',
      subject: `REQUEST#${ride.id}`,
      confidential: false,
    }),
  ]);
  expect(await sendOutboxMessage(ports, 'feedback-1', 1)).toBe('held');
  if (pollAtMidnight) {
    clock.at = localToUtc(SATURDAY, '00:01');
    await pollAirRaids(ports, NO_FEED);
  }
  clock.at = localToUtc(SATURDAY, '06:00');
  const ended = await endAirRaid(ports, await hromada(), 'd', { maxIterations: 400, seed: 1 });
  return { ended, message: (await ports.outbox.get('feedback-1'))! };
}

describe('a held message about a ride that was done, on a start day handed over', () => {
  it.each([
    { when: 'handed over at its midnight', poll: true },
    { when: 'handed over at the end', poll: false },
  ])('goes on at the end ($when)', async ({ poll }) => {
    const { ended, message } = await feedbackHeld(poll);
    expect(ended.effects).toMatchObject({ startDayOver: true, toRebookCount: 0 });
    expect(message.status).not.toBe('suppressed');
    expect(message.heldForAirRaid).toBeUndefined();
    expect(ended.effects).toMatchObject({ released: 1, dropped: 0 });
  });
});
