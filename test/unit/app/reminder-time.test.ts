import { describe, expect, it } from 'vitest';
import { queueReminders, reminderDates } from '../../../shared/app/queue-reminders';
import { updateEntity } from '../../../shared/app/registry';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { hromadaKind } from '../../../shared/domain/registry';
import { FakeClock, HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf, patchOf } from '../../support/inputs';

const hromadaAt = (reminderTime: string) =>
  ({ timeZone: 'Europe/Kyiv', rules: { reminderTime } }) as Parameters<typeof reminderDates>[0];

describe("the hromada's reminder time", () => {
  it('is due from the reminder time for two hours, for the next day, across midnight too', () => {
    expect(reminderDates(hromadaAt('19:30'), new Date('2026-11-23T17:29:00Z'))).toEqual([]); // 19:29
    expect(reminderDates(hromadaAt('19:30'), new Date('2026-11-23T17:30:00Z'))).toEqual(['2026-11-24']);
    expect(reminderDates(hromadaAt('19:30'), new Date('2026-11-23T19:29:00Z'))).toEqual(['2026-11-24']);
    expect(reminderDates(hromadaAt('19:30'), new Date('2026-11-23T19:30:00Z'))).toEqual([]); // 21:30
    // 23:30 the evening before: at 00:15 the reminders for today are still due
    expect(reminderDates(hromadaAt('23:30'), new Date('2026-11-23T22:15:00Z'))).toEqual(['2026-11-24']);
  });

  it('the 15-minute schedule queues nothing before it, each reminder once after it', async () => {
    const clock = new FakeClock(new Date('2026-11-23T10:00:00Z'));
    const { ports, entities } = memoryPorts(clock);
    const anna = await seedBasics(ports);
    const hromada = (await ports.entities.hromady.get(HROMADA))!;
    const rules = { ...hromada.rules, reminderTime: '19:30' };
    await updateEntity(
      ports,
      hromadaKind,
      HROMADA,
      HROMADA,
      patchOf(hromadaKind, { version: 1, rules }),
      't',
    );
    await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id, '2026-11-24', '09:00')), 'd');
    const reminders = () => [...entities.outbox.values()].filter((m) => m.kind === 'reminder');

    clock.at = new Date('2026-11-23T16:00:00Z'); // 18:00 Kyiv: the old fixed time, not this hromada's
    expect(await queueReminders(ports)).toMatchObject({ hromady: 1, due: 0, queued: 0 });
    clock.at = new Date('2026-11-23T17:30:00Z'); // 19:30
    expect(await queueReminders(ports)).toMatchObject({ due: 1, queued: 1, alreadyQueued: 0 });
    clock.at = new Date('2026-11-23T17:45:00Z');
    expect(await queueReminders(ports)).toMatchObject({ due: 1, queued: 0, alreadyQueued: 1 });
    expect(reminders().map((m) => m.id)).toHaveLength(1);
  });
});
