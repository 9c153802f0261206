import type { OutboxMessage } from '../domain/entities/outbox-message';
import { dueAtFor } from '../domain/entities/outbox-message';
import { ConflictError } from '../domain/errors';
import { DEFAULT_SMS_PRICE_PER_SEGMENT_USD, monthOf, toMicroUsd } from '../domain/sms-spend';
import { localDate } from '../domain/time';
import type { Ports } from '../ports/ports';
import { holdForAirRaid } from './air-raid/hold-for-air-raid';
import { releaseAfterEnd } from './air-raid/release-after-end';
import { raiseSmsFailed } from './alerts/raise-sms-failed';
import { MAX_ATTEMPTS, pause } from './retry';

export type SendOutcome =
  | 'sent'
  | 'already-handled'
  | 'retry-later'
  | 'failed'
  | 'over-cap'
  | 'over-spend-cap'
  | 'held';

/**
 * Send one outbox message: claim it (pending → sending, conditional on its version, with a lease),
 * spend from the hromada's daily segment budget once, publish, record the outcome. A retried
 * stream record finds it already claimed or sent and does nothing. A sender that dies after its
 * claim leaves the message `sending` until the lease ends (and, with a provider that receipts by
 * our reference, a receipt grace more: its receipt records the SMS sent); then `sweepOutbox` takes
 * it back and it is sent again (at least once; see docs/reliability.md for the duplicate window). A message held
 * for the quiet hours (`heldUntil` still ahead) is left as it is; a non-urgent one while an
 * air-raid alert is in force is held.
 * Throws only on storage faults, so the stream record is retried.
 */
export async function sendOutboxMessage(
  ports: Pick<Ports, 'outbox' | 'entities' | 'sms' | 'clock' | 'ids'>,
  id: string,
  version: number,
  pricePerSegmentUsd = DEFAULT_SMS_PRICE_PER_SEGMENT_USD,
): Promise<SendOutcome> {
  // held for the quiet hours: not claimed; the sweeper gives it a new version when they end
  const seen = await ports.outbox.get(id);
  if (seen?.heldUntil && Date.parse(seen.heldUntil) > ports.clock.now().getTime()) return 'held';
  // held for an air-raid alert now over: released or dropped by release-held's rule, once
  if (seen && seen.version === version && (await releaseAfterEnd(ports, seen))) return 'held';
  // an air-raid alert in force holds a non-urgent message (air-raid/hold-for-air-raid.ts)
  if (seen && seen.version === version && (await holdForAirRaid(ports, seen))) return 'held';
  // a provider that receipts by our reference settles a claim whose sender died after the
  // provider call: the sweeper waits for that receipt a grace past the lease (RECEIPT_GRACE_SECONDS)
  const leaseUntil = dueAtFor('sending', ports.clock.now(), ports.sms.receiptsByReference === true);
  const claimed = await ports.outbox.claim(id, version, leaseUntil);
  if (!claimed) return 'already-handled';

  const hromada = await ports.entities.hromady.get(claimed.hromadaId);
  const cap = hromada ? hromada.rules.dailySmsSegmentCap : 0;
  const day = localDate(ports.clock.now());
  const spendCap = hromada?.rules.monthlySmsSpendCapUsd;
  const spend = {
    month: monthOf(day),
    costMicroUsd: toMicroUsd(claimed.segments * pricePerSegmentUsd),
    ...(spendCap !== undefined ? { capMicroUsd: toMicroUsd(spendCap) } : {}),
  };
  const reservation = await ports.outbox.reserveSegments(claimed, day, cap, spend);
  if (reservation === 'over-cap' || reservation === 'over-spend-cap') {
    const reason =
      reservation === 'over-cap'
        ? `daily SMS cap of ${cap} segments reached`
        : `monthly SMS spend cap of ${spendCap} USD reached`;
    await ports.outbox.markFailed(claimed, reason, false, ports.clock.now().toISOString());
    await ports.outbox.recordHeldBack(
      claimed.hromadaId,
      spend.month,
      reservation === 'over-cap' ? 'daily' : 'monthly',
    );
    await raiseSmsFailed(ports, claimed.id);
    return reservation;
  }

  const result = await ports.sms.send({
    to: claimed.to,
    text: claimed.text,
    reference: claimed.id,
    ...(claimed.senderId ? { senderId: claimed.senderId } : {}),
  });
  if (result.ok) {
    await recordSent(ports, claimed, result.providerMessageId);
    return 'sent';
  }
  await ports.outbox.markFailed(
    claimed,
    result.error,
    result.retryable,
    dueAtFor('pending', ports.clock.now()),
  );
  // out of attempts, or refused for good: the dispatcher sees an alert
  await raiseSmsFailed(ports, claimed.id);
  return result.retryable ? 'retry-later' : 'failed';
}

/**
 * The SMS is out: record it, trying again while storage is overloaded or flaky. A message left
 * `sending` here would be taken back after its lease and sent a second time, so this write gets
 * more attempts than any other (each one already the SDK's own retries). A lost claim (someone
 * else changed the message) is not retried: it cannot succeed; it is no fault when the message's
 * delivery receipt already recorded it sent.
 */
async function recordSent(
  ports: Pick<Ports, 'outbox' | 'clock'>,
  claimed: OutboxMessage,
  providerMessageId: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ports.outbox.markSent(claimed, providerMessageId, ports.clock.now().toISOString());
      return;
    } catch (error) {
      // its delivery receipt came first and recorded it sent (record-sms-receipt.ts): done
      if (error instanceof ConflictError && (await ports.outbox.get(claimed.id))?.status === 'sent') return;
      if (error instanceof ConflictError || attempt >= MAX_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}
