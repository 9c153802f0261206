import { dueAtFor } from '../domain/entities/outbox-message';
import { localDate } from '../domain/time';
import type { Ports } from '../ports/ports';

export type SendOutcome = 'sent' | 'already-handled' | 'retry-later' | 'failed' | 'over-cap' | 'held';

/**
 * Send one outbox message: claim it (pending → sending, conditional on its version, with a lease),
 * spend from the hromada's daily segment budget once, publish, record the outcome. A retried
 * stream record finds it already claimed or sent and does nothing. A sender that dies after its
 * claim leaves the message `sending` until the lease ends; then `sweepOutbox` takes it back and it
 * is sent again (at least once; see docs/operations.md for the duplicate window). A message held
 * for the quiet hours (`heldUntil` still ahead) is left as it is.
 * Throws only on storage faults, so the stream record is retried.
 */
export async function sendOutboxMessage(
  ports: Pick<Ports, 'outbox' | 'entities' | 'sms' | 'clock'>,
  id: string,
  version: number,
): Promise<SendOutcome> {
  // held for the quiet hours: not claimed; the sweeper gives it a new version when they end
  const seen = await ports.outbox.get(id);
  if (seen?.heldUntil && Date.parse(seen.heldUntil) > ports.clock.now().getTime()) return 'held';
  const claimed = await ports.outbox.claim(id, version, dueAtFor('sending', ports.clock.now()));
  if (!claimed) return 'already-handled';

  const hromada = await ports.entities.hromady.get(claimed.hromadaId);
  const cap = hromada ? hromada.rules.dailySmsSegmentCap : 0;
  const day = localDate(ports.clock.now());
  if ((await ports.outbox.reserveSegments(claimed, day, cap)) === 'over-cap') {
    const reason = `daily SMS cap of ${cap} segments reached`;
    await ports.outbox.markFailed(claimed, reason, false, ports.clock.now().toISOString());
    return 'over-cap';
  }

  const result = await ports.sms.send({
    to: claimed.to,
    text: claimed.text,
    reference: claimed.id,
    ...(claimed.senderId ? { senderId: claimed.senderId } : {}),
  });
  if (result.ok) {
    await ports.outbox.markSent(claimed, result.providerMessageId, ports.clock.now().toISOString());
    return 'sent';
  }
  await ports.outbox.markFailed(
    claimed,
    result.error,
    result.retryable,
    dueAtFor('pending', ports.clock.now()),
  );
  return result.retryable ? 'retry-later' : 'failed';
}
