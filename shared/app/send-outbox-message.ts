import { hromadaSchema } from '../domain/entities/hromada';
import { localDate } from '../domain/time';
import type { Ports } from './deps';

export type SendOutcome = 'sent' | 'already-handled' | 'retry-later' | 'failed' | 'over-cap';

/**
 * Send one outbox message at most once: claim it (pending → sending, conditional on its
 * version), spend from the hromada's daily segment budget, publish, record the outcome.
 * A retried stream record finds it already claimed or sent and does nothing.
 * Throws only on storage faults, so the stream record is retried.
 */
export async function sendOutboxMessage(
  ports: Pick<Ports, 'outbox' | 'entities' | 'sms' | 'clock'>,
  id: string,
  version: number,
): Promise<SendOutcome> {
  const claimed = await ports.outbox.claim(id, version, ports.clock.now().toISOString());
  if (!claimed) return 'already-handled';

  const hromadaItem = await ports.entities.get('Hromada', claimed.hromadaId, claimed.hromadaId);
  const cap = hromadaItem ? hromadaSchema.parse(hromadaItem).rules.dailySmsSegmentCap : 0;
  const day = localDate(ports.clock.now());
  if (!(await ports.outbox.reserveSegments(claimed.hromadaId, day, claimed.segments, cap))) {
    await ports.outbox.markFailed(claimed, `daily SMS cap of ${cap} segments reached`, false);
    return 'over-cap';
  }

  const result = await ports.sms.send({
    to: claimed.to,
    text: claimed.text,
    ...(claimed.senderId ? { senderId: claimed.senderId } : {}),
  });
  if (result.ok) {
    await ports.outbox.markSent(claimed.id, result.providerMessageId, ports.clock.now().toISOString());
    return 'sent';
  }
  await ports.outbox.markFailed(claimed, result.error, result.retryable);
  return result.retryable ? 'retry-later' : 'failed';
}
