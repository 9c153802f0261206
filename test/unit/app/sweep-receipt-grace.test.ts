import { describe, expect, it } from 'vitest';
import { recordSmsReceipt } from '../../../shared/app/record-sms-receipt';
import { sendOutboxMessage } from '../../../shared/app/send-outbox-message';
import { bookServiceRequest } from '../../../shared/app/service-requests';
import { sweepOutbox } from '../../../shared/app/sweep-outbox';
import { RECEIPT_GRACE_SECONDS, SEND_LEASE_SECONDS } from '../../../shared/domain/entities/outbox-message';
import type { SmsSender, SmsToSend } from '../../../shared/ports/sms-sender';
import { FakeClock, HROMADA, memoryPorts, seedBasics, taxiRequest } from '../../support/fixtures';
import { bookingOf } from '../../support/inputs';

/**
 * The duplicate the crash run found (docs/reliability.md, "Crash mid-publish"): the provider took
 * the SMS, and the sender died before it recorded `sent`. With a provider that reports accepted
 * SMS by our reference, the sweeper waits a receipt grace past the lease before sending it again;
 * without one (SNS) it cannot know, and takes the claim back after the lease alone.
 */
class DiesAfterProvider implements SmsSender {
  readonly sent: SmsToSend[] = [];
  constructor(readonly receiptsByReference: boolean) {}
  async send(message: SmsToSend): Promise<never> {
    this.sent.push(message);
    throw new Error('SIGKILL after the provider accepted the SMS');
  }
}

async function orphanedClaim(receiptsByReference: boolean) {
  const clock = new FakeClock();
  const { ports } = memoryPorts(clock);
  const resident = await seedBasics(ports);
  const request = await bookServiceRequest(ports, HROMADA, bookingOf(taxiRequest(resident.id)), 'd');
  const id = `book-${request.id}`;
  const sms = new DiesAfterProvider(receiptsByReference);
  const queued = (await ports.outbox.get(id))!;
  await expect(sendOutboxMessage({ ...ports, sms }, id, queued.version)).rejects.toThrow(/SIGKILL/);
  expect((await ports.outbox.get(id))!.status).toBe('sending');
  const at = (seconds: number) => new FakeClock(new Date(clock.now().getTime() + seconds * 1000));
  return { ports, id, sms, at };
}

describe('the sweeper waits for the receipt of a claim whose sender died after the provider call', () => {
  it('a provider that receipts by reference: not taken back at the end of the lease, only after the grace', async () => {
    const { ports, id, at } = await orphanedClaim(true);
    const justAfterLease = await sweepOutbox({ ...ports, clock: at(SEND_LEASE_SECONDS + 1) });
    expect(justAfterLease.requeued).toBe(0);
    expect((await ports.outbox.get(id))!.status).toBe('sending');

    const afterGrace = await sweepOutbox({
      ...ports,
      clock: at(SEND_LEASE_SECONDS + RECEIPT_GRACE_SECONDS + 1),
    });
    expect(afterGrace.requeued).toBe(1);
    expect((await ports.outbox.get(id))!.status).toBe('pending');
  });

  it('the receipt that comes within the grace settles it: sent, and the sweeper never sends it again', async () => {
    const { ports, id, sms, at } = await orphanedClaim(true);
    await sweepOutbox({ ...ports, clock: at(SEND_LEASE_SECONDS + 1) });
    // End User Messaging's first event for an accepted SMS: queued, not final
    await recordSmsReceipt(ports, {
      outboxId: id,
      providerMessageId: 'eum-1',
      messageStatus: 'QUEUED',
      isFinal: false,
      at: at(SEND_LEASE_SECONDS + 5)
        .now()
        .toISOString(),
    });
    expect(await ports.outbox.get(id)).toMatchObject({
      status: 'sent',
      providerMessageId: 'eum-1',
      delivery: { status: 'pending', carrierStatus: 'QUEUED' },
    });
    const later = await sweepOutbox({ ...ports, clock: at(SEND_LEASE_SECONDS + RECEIPT_GRACE_SECONDS + 60) });
    expect(later).toMatchObject({ requeued: 0, failed: 0 });
    expect(sms.sent).toHaveLength(1);
  });

  it('a provider without receipts by reference (SNS): taken back at the end of the lease, as before', async () => {
    const { ports, id, at } = await orphanedClaim(false);
    expect((await sweepOutbox({ ...ports, clock: at(SEND_LEASE_SECONDS + 1) })).requeued).toBe(1);
    expect((await ports.outbox.get(id))!.status).toBe('pending');
  });
});
