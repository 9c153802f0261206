/**
 * A3: only the first MAX_HELD_IDS held message ids are listed on the alert. A message held beyond
 * them is still released or dropped exactly once after the end (by the sender, with the same rule
 * as release-held.ts), never sent as it was written.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { queueSms } from '../../../../shared/app/queue-sms';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { sweepOutbox } from '../../../../shared/app/sweep-outbox';
import { MAX_HELD_IDS } from '../../../../shared/domain/entities/air-raid-alert';
import { FakeClock, HROMADA, memoryPorts, seedBasics } from '../../../support/fixtures';

const AREA = { level: 'hromada', id: HROMADA } as const;

async function alertWithAFullList() {
  const { ports, clock, sms } = memoryPorts(new FakeClock(new Date('2026-11-24T07:00:00Z')));
  await seedBasics(ports);
  const hromada = (await ports.entities.hromady.get(HROMADA))!;
  const { alert } = await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
  // the list is full already: the next held message is only counted
  const full = Array.from({ length: MAX_HELD_IDS }, (_, i) => `listed-${i}`);
  await ports.entities.commit([
    {
      op: 'update',
      entity: 'AirRaidAlert',
      item: {
        ...alert,
        effects: { ...alert.effects, held: full, heldCount: MAX_HELD_IDS },
        version: alert.version + 1,
      },
      expectedVersion: alert.version,
    },
  ]);
  const queue = async (id: string, kind: 'vehicle-near' | 'booking-confirmation', subject: string) => {
    await ports.entities.commit([
      queueSms(ports, hromada, {
        id,
        kind,
        to: '+380671234567',
        text: 'Авто поруч о 09:10',
        subject,
        confidential: false,
      }),
    ]);
    expect(await sendOutboxMessage(ports, id, 1)).toBe('held');
  };
  return { ports, clock, sms, hromada, queue };
}

describe('a message held beyond the alert list (A3)', () => {
  it('"the car is near" of a stop no longer ahead is dropped after the end, never sent stale; a confirmation goes once', async () => {
    const { ports, clock, sms, hromada, queue } = await alertWithAFullList();
    await queue('near-1', 'vehicle-near', 'REQUEST#gone');
    await queue('book-1', 'booking-confirmation', 'REQUEST#gone2');
    expect((await ports.entities.airRaids.active(HROMADA))!.effects).toMatchObject({
      heldCount: MAX_HELD_IDS + 2,
    });
    clock.at = new Date('2026-11-24T07:30:00Z');
    await endAirRaid(ports, hromada, 'd');
    // the sweeper lets the sender look again once the hold's re-check is due
    clock.at = new Date('2026-11-24T07:50:00Z');
    for (let minute = 0; minute < 3; minute++) {
      await sweepOutbox(ports);
      for (const id of ['near-1', 'book-1']) {
        const m = (await ports.outbox.get(id))!;
        if (m.status === 'pending') await sendOutboxMessage(ports, id, m.version);
      }
      clock.at = new Date(clock.now().getTime() + 60_000);
    }
    expect((await ports.outbox.get('near-1'))!.status).toBe('suppressed');
    expect((await ports.outbox.get('book-1'))!.status).toBe('sent');
    expect(sms.sent.map((s) => s.reference)).toEqual(['book-1']);
  });

  it('is counted once however many times its re-check holds it again while the alert lasts (a long alert)', async () => {
    const { ports, clock, queue } = await alertWithAFullList();
    await queue('near-1', 'vehicle-near', 'REQUEST#later');
    for (let recheck = 0; recheck < 4; recheck++) {
      clock.at = new Date(clock.now().getTime() + 16 * 60_000);
      await sweepOutbox(ports);
      const m = (await ports.outbox.get('near-1'))!;
      expect(await sendOutboxMessage(ports, 'near-1', m.version)).toBe('held');
    }
    expect((await ports.entities.airRaids.active(HROMADA))!.effects.heldCount).toBe(MAX_HELD_IDS + 1);
  });
});
