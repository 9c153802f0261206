import { describe, expect, it } from 'vitest';
import { sendOutboxMessage } from '../../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { sweepOutbox } from '../../../shared/app/sweep-outbox';
import { holdUntil, quietHoursEnd } from '../../../shared/domain/quiet-hours';
import { FakeClock, HROMADA, memoryPorts, seedBasics, taxiRequest, withRules } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

const rules = { quietHours: { from: '21:00', to: '08:00' } };
const KYIV = 'Europe/Kyiv';
const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('end at the next local 08:00 from the evening, the same morning after midnight; none by day', () => {
    expect(quietHoursEnd(rules, at('2026-11-23T20:00:00Z'), KYIV)?.toISOString()).toBe(
      '2026-11-24T06:00:00.000Z',
    );
    expect(quietHoursEnd(rules, at('2026-11-24T03:00:00Z'), KYIV)?.toISOString()).toBe(
      '2026-11-24T06:00:00.000Z',
    );
    expect(quietHoursEnd(rules, at('2026-11-24T06:00:00Z'), KYIV)).toBeUndefined();
    expect(quietHoursEnd(rules, at('2026-11-24T18:59:00Z'), KYIV)).toBeUndefined();
    // summer time: 08:00 Kyiv is 05:00 UTC
    expect(quietHoursEnd(rules, at('2026-07-01T20:00:00Z'), KYIV)?.toISOString()).toBe(
      '2026-07-02T05:00:00.000Z',
    );
  });

  it('hold a reminder or a confirmation; a driver route, a reply, or news of a ride soon after go at once', () => {
    const night = at('2026-11-23T20:00:00Z'); // 22:00 Kyiv
    const end = '2026-11-24T06:00:00.000Z';
    expect(
      holdUntil(rules, KYIV, night, { kind: 'reminder', tripStart: '2026-11-25T07:00:00Z' })?.toISOString(),
    ).toBe(end);
    expect(holdUntil(rules, KYIV, night, { kind: 'driver-route' })).toBeUndefined();
    expect(holdUntil(rules, KYIV, night, { kind: 'change', urgent: true })).toBeUndefined();
    // a cancellation of tomorrow's 09:00 ride (within 2 h of the end of the quiet hours)
    expect(
      holdUntil(rules, KYIV, night, { kind: 'cancellation', tripStart: '2026-11-24T07:00:00Z' }),
    ).toBeUndefined();
    expect(holdUntil(rules, KYIV, at('2026-11-24T10:00:00Z'), { kind: 'reminder' })).toBeUndefined();
  });

  it('a booking confirmation queued at 22:00 is held, not sent, then released and sent once at 08:00', async () => {
    const clock = new FakeClock(at('2026-11-23T20:00:00Z'));
    const { ports, sms, entities } = memoryPorts(clock);
    const anna = await seedBasics(ports);
    await withRules(ports, { quietHours: { from: '21:00', to: '08:00' } });
    const ride = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(anna.id, '2026-11-25')), 'd');
    const id = `book-${ride.id}`;
    const queued = entities.outbox.get(id)!;
    expect(queued).toMatchObject({
      status: 'pending',
      heldUntil: '2026-11-24T06:00:00.000Z',
      dueAt: '2026-11-24T06:00:00.000Z',
    });
    expect(await sendOutboxMessage(ports, id, queued.version)).toBe('held');
    clock.at = at('2026-11-24T05:59:00Z');
    expect(await sweepOutbox(ports)).toMatchObject({ released: 0, nudged: 0 });
    expect(sms.sent).toHaveLength(0);
    clock.at = at('2026-11-24T06:00:00Z');
    expect(await sweepOutbox(ports)).toMatchObject({ released: 1, nudged: 0 });
    const released = entities.outbox.get(id)!;
    expect(await sendOutboxMessage(ports, id, released.version)).toBe('sent');
    expect(await sendOutboxMessage(ports, id, released.version)).toBe('already-handled');
    expect(await sweepOutbox(ports)).toMatchObject({ released: 0, nudged: 0, requeued: 0 });
    expect(sms.sent).toHaveLength(1);
  });
});
