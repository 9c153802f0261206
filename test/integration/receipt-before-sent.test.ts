import { beforeAll, describe, expect, it } from 'vitest';
import { recordSmsReceipt } from '../../shared/app/record-sms-receipt';
import { sendOutboxMessage } from '../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../shared/app/service-requests';
import { sweepOutbox } from '../../shared/app/sweep-outbox';
import type { SmsSender, SmsToSend } from '../../shared/ports/sms-sender';
import { HROMADA, seedBasics, taxiRequest, withRules } from '../support/fixtures';
import { bookingOf } from '../support/inputs';
import { FixedClock, freshTable, portsFor } from './support';

/**
 * Found by the crash run (scripts/crash-publish.ts, seed 13): the carrier's receipt for an SMS can
 * be recorded before its sender records `sent` — the sender is slow, or was killed right after the
 * provider took the SMS. The receipt rewrote the message still `sending`, without its place on the
 * sweeper's index and at a new version: the sender's `sent` then lost its claim, and the sweeper
 * never saw the message again. It stayed `sending` for good.
 */
let t: Awaited<ReturnType<typeof freshTable>>;
const clock = new FixedClock(new Date('2026-11-23T10:00:00Z'));
let residentId: string;

beforeAll(async () => {
  t = await freshTable('receipt-first');
  const ports = portsFor(t, clock);
  residentId = (await seedBasics(ports)).id;
  await withRules(ports, { monthlyRideQuota: 100 });
});

/** A provider whose delivery receipt is recorded before `send` returns to the sender. */
class ReceiptFirstSender implements SmsSender {
  readonly sent: SmsToSend[] = [];
  constructor(private readonly ports: ReturnType<typeof portsFor>) {}
  async send(message: SmsToSend) {
    this.sent.push(message);
    await recordSmsReceipt(this.ports, {
      outboxId: message.reference!,
      providerMessageId: `p-${this.sent.length}`,
      messageStatus: 'DELIVERED',
      isFinal: true,
      at: clock.now().toISOString(),
    });
    return { ok: true as const, providerMessageId: `p-${this.sent.length}` };
  }
}

describe('a delivery receipt recorded before the sender records sent', () => {
  it('the message ends sent (not stuck sending), and is never sent again', async () => {
    const ports = portsFor(t, clock);
    const request = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(residentId)), 'd');
    const id = `book-${request.id}`;
    const sms = new ReceiptFirstSender(ports);
    const first = await t.outbox.get(id);
    await sendOutboxMessage({ ...ports, sms }, id, first!.version).catch(
      () => 'the stream retries the record',
    );

    const after = (await t.outbox.get(id))!;
    expect(after).toMatchObject({ status: 'sent', delivery: { status: 'delivered' } });
    // the stream retrying its record, and the sweeper long after the lease: nothing more
    await sendOutboxMessage({ ...ports, sms }, id, first!.version);
    const later = new FixedClock(new Date(clock.now().getTime() + 10 * 60_000));
    await sweepOutbox({ ...ports, clock: later });
    expect((await t.outbox.get(id))!.status).toBe('sent');
    expect(sms.sent).toHaveLength(1);
  });

  it('a receipt for a claim the sweeper already took back marks it sent: the stream does not send it again', async () => {
    const ports = portsFor(t, clock);
    const request = await bookServiceRequest(
      ports,
      HROMADA,
      bookingOf(taxiRequest(residentId, '2026-11-25')),
      'd',
    );
    const id = `book-${request.id}`;
    const pending = (await t.outbox.get(id))!;
    // a sender claimed it, the provider took the SMS, and the sender died before recording it
    await t.outbox.claim(id, pending.version, new Date(clock.now().getTime() + 60_000).toISOString());
    const later = new FixedClock(new Date(clock.now().getTime() + 2 * 60_000));
    expect((await sweepOutbox({ ...ports, clock: later })).requeued).toBe(1);
    const requeued = (await t.outbox.get(id))!;
    expect(requeued.status).toBe('pending');
    // the carrier's receipt for that first SMS arrives before the stream sends it again
    await recordSmsReceipt(ports, {
      outboxId: id,
      providerMessageId: 'p-first',
      messageStatus: 'DELIVERED',
      isFinal: true,
      at: later.now().toISOString(),
    });
    const sms = new ReceiptFirstSender(ports);
    expect(await sendOutboxMessage({ ...ports, clock: later, sms }, id, requeued.version)).toBe(
      'already-handled',
    );
    expect(sms.sent).toHaveLength(0);
    expect(await t.outbox.get(id)).toMatchObject({ status: 'sent', delivery: { status: 'delivered' } });
    expect(
      (await t.outbox.listDue(new Date(later.now().getTime() + 3_600_000).toISOString(), 50)).map(
        (m) => m.id,
      ),
    ).not.toContain(id);
  });
});
