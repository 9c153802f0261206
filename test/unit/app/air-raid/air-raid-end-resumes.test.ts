/**
 * A4: an end interrupted by a fault after the alert is marked ended is finished by the next poll
 * (or «Відбій»), once. A8: one hromada's fault does not keep the poll from the others; the end's
 * write survives a message held between reading the alert and writing its end.
 */
import { describe, expect, it } from 'vitest';
import { endAirRaid } from '../../../../shared/app/air-raid/end-air-raid';
import { pollAirRaids } from '../../../../shared/app/air-raid/poll-air-raids';
import { startAirRaid } from '../../../../shared/app/air-raid/start-air-raid';
import { queueSms } from '../../../../shared/app/queue-sms';
import { createHromada } from '../../../../shared/app/registry';
import { sendOutboxMessage } from '../../../../shared/app/send-outbox-message';
import { sweepOutbox } from '../../../../shared/app/sweep-outbox';
import type { Change } from '../../../../shared/ports/entity-repository';
import { failOnceWhen } from '../../../support/fail-once';
import { FakeClock, HROMADA, memoryPorts, NO_QUIET_HOURS, seedBasics } from '../../../support/fixtures';
import { hromadaOf } from '../../../support/inputs';

const AREA = { level: 'hromada', id: HROMADA } as const;
const NO_FEED = { activeAreas: async () => [] };

async function inAlert() {
  const { ports, clock, sms } = memoryPorts(new FakeClock(new Date('2026-11-24T07:00:00Z')));
  await seedBasics(ports);
  const hromada = (await ports.entities.hromady.get(HROMADA))!;
  const { alert } = await startAirRaid(ports, hromada, AREA, 'dispatcher', 'd');
  await ports.entities.commit([
    queueSms(ports, hromada, {
      id: 'book-1',
      kind: 'booking-confirmation',
      to: '+380671234567',
      text: 'Заявку прийнято',
      subject: 'REQUEST#r1',
      confidential: false,
    }),
  ]);
  expect(await sendOutboxMessage(ports, 'book-1', 1)).toBe('held');
  clock.at = new Date('2026-11-24T07:30:00Z');
  return { ports, clock, sms, hromada, alert };
}

const endItems = async (ports: Awaited<ReturnType<typeof inAlert>>['ports'], id: string) =>
  (await ports.entities.alerts.forDay(HROMADA, '2026-11-24', undefined)).items.filter(
    (a) => a.id === `air-raid-${id}-end`,
  );

describe('an air-raid end that a fault interrupts (A4)', () => {
  it('is finished by the next poll: the held message released once, one end item, the log complete', async () => {
    const { ports, clock, sms, hromada, alert } = await inAlert();
    // storage throttled once, right after the alert is marked ended
    const get = ports.outbox.get.bind(ports.outbox);
    let throttled = false;
    ports.outbox.get = async (id: string) => {
      if (id === 'book-1' && !throttled) {
        throttled = true;
        throw new Error('ProvisionedThroughputExceededException');
      }
      return get(id);
    };
    await expect(endAirRaid(ports, hromada, 'd')).rejects.toThrow(/Throughput/);
    expect(await ports.entities.airRaids.active(HROMADA)).toBeUndefined();
    expect(await endItems(ports, alert.id)).toHaveLength(0);
    // its re-check falls due while the end is unfinished: held again, not sent as written
    clock.at = new Date('2026-11-24T07:46:00Z');
    await sweepOutbox(ports);
    const due = (await ports.outbox.get('book-1'))!;
    expect(await sendOutboxMessage(ports, 'book-1', due.version)).toBe('held');
    expect(sms.sent).toEqual([]);

    expect(await pollAirRaids(ports, NO_FEED)).toMatchObject({ resumed: 1, failures: [] });
    const done = (await ports.entities.airRaids.get(HROMADA, alert.id))!;
    expect(done.ending).toBeUndefined();
    expect(done.effects).toMatchObject({ released: 1, dropped: 0 });
    expect(await endItems(ports, alert.id)).toHaveLength(1);
    const message = (await ports.outbox.get('book-1'))!;
    expect(message).toMatchObject({ status: 'pending' });
    expect(message.heldForAirRaid).toBeUndefined();
    // done: the next poll and a «Відбій» do nothing more
    expect(await pollAirRaids(ports, NO_FEED)).toMatchObject({ resumed: 0 });
    await expect(endAirRaid(ports, hromada, 'd')).rejects.toMatchObject({
      reason: expect.stringMatching(/немає повітряної тривоги/),
    });
    expect((await ports.outbox.get('book-1'))!.version).toBe(message.version);
  });

  it('is finished by the dispatcher’s «Відбій» too', async () => {
    const { ports, hromada, alert } = await inAlert();
    failOnceWhen(ports.entities, (changes) => changes.some((c) => c.op === 'create' && c.entity === 'Alert'));
    await expect(endAirRaid(ports, hromada, 'd')).rejects.toThrow(/Throttling/);
    const ended = await endAirRaid(ports, hromada, 'd');
    expect(ended).toMatchObject({ id: alert.id, effects: { released: 1 } });
    expect(ended.ending).toBeUndefined();
    expect(await endItems(ports, alert.id)).toHaveLength(1);
  });
});

describe('the poll and the end under contention (A8)', () => {
  it('a fault in one hromada is counted; the others are polled', async () => {
    const { ports, clock } = memoryPorts(new FakeClock(new Date('2026-11-24T07:00:00Z')));
    await seedBasics(ports);
    await createHromada(
      ports,
      hromadaOf({ id: 'aaa', name: 'Інша громада', rules: { quietHours: NO_QUIET_HOURS } }),
      'test',
    );
    clock.at = new Date('2026-11-24T07:01:00Z');
    // the other hromada's start fails (storage throttled)
    const commit = ports.entities.commit.bind(ports.entities);
    ports.entities.commit = async (changes: Change[]) => {
      if (changes.some((c) => c.op === 'create' && c.entity === 'AirRaidAlert' && c.item.hromadaId === 'aaa'))
        throw new Error('ThrottlingException');
      return commit(changes);
    };
    const both = { activeAreas: async () => [AREA, { level: 'hromada' as const, id: 'aaa' }] };
    const run = await pollAirRaids(ports, both);
    expect(run).toMatchObject({ started: 1, failures: [{ hromadaId: 'aaa', error: 'ThrottlingException' }] });
    expect(await ports.entities.airRaids.active(HROMADA)).toBeDefined();
  });

  it('a message held between reading the alert and writing its end: the end is written, the message released', async () => {
    const { ports, hromada, alert } = await inAlert();
    const h = (await ports.entities.hromady.get(HROMADA))!;
    await ports.entities.commit([
      queueSms(ports, h, {
        id: 'near-2',
        kind: 'reminder',
        to: '+380671234567',
        text: 'Нагадування',
        subject: 'REQUEST#r2',
        confidential: false,
      }),
    ]);
    const commit = ports.entities.commit.bind(ports.entities);
    let raced = false;
    ports.entities.commit = async (changes: Change[]) => {
      const ending = changes.some((c) => c.op === 'update' && c.entity === 'AirRaidAlert' && c.item.endedAt);
      if (ending && !raced) {
        raced = true;
        // the sender holds a message first (it bumps the alert's version)
        expect(await sendOutboxMessage(ports, 'near-2', 1)).toBe('held');
      }
      return commit(changes);
    };
    const ended = await endAirRaid(ports, hromada, 'd');
    expect(ended).toMatchObject({ id: alert.id, effects: { heldCount: 2, released: 2 } });
    expect((await ports.outbox.get('near-2'))!.heldForAirRaid).toBeUndefined();
  });

  it('two ends at once: one ends it, the other gets 409 with the Ukrainian reason', async () => {
    const { ports, hromada, alert } = await inAlert();
    const commit = ports.entities.commit.bind(ports.entities);
    let raced = false;
    ports.entities.commit = async (changes: Change[]) => {
      const ending = changes.some((c) => c.op === 'update' && c.entity === 'AirRaidAlert' && c.item.endedAt);
      if (ending && !raced) {
        raced = true;
        await endAirRaid(ports, hromada, 'other-dispatcher');
      }
      return commit(changes);
    };
    await expect(endAirRaid(ports, hromada, 'd')).rejects.toMatchObject({
      reason: expect.stringMatching(/немає повітряної тривоги/),
    });
    expect(await ports.entities.airRaids.get(HROMADA, alert.id)).toMatchObject({
      endedBy: 'other-dispatcher',
    });
  });
});
