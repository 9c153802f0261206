import type { Hromada } from '../domain/entities/hromada';
import { dueAtFor, type OutboxKind, type OutboxMessage } from '../domain/entities/outbox-message';
import { holdUntil } from '../domain/quiet-hours';
import { expiresAfterDays } from '../domain/retention';
import { countSegments } from '../messaging/segments';
import type { Ports } from '../ports/ports';

export interface SmsToQueue {
  /** Derived from what caused it (`book-<request>`, `route-<date>-<vehicle>-v<n>-<part>`), so a retried write is refused instead of queued twice. */
  id: string;
  kind: OutboxKind;
  /** E.164 */
  to: string;
  text: string;
  /** What caused it, e.g. `REQUEST#01J…`; never an address or purpose. */
  subject: string;
  /** A confidential case: sent from the hromada's neutral sender ID. */
  confidential: boolean;
  /**
   * When the trip it is about starts (its window, UTC): a message about a trip soon after the
   * quiet hours end is not held (shared/domain/quiet-hours.ts).
   */
  tripStart?: string;
  /** A reply to the resident's own SMS or call: goes at once, whatever the hour. */
  urgent?: boolean;
}

/**
 * The outbox write that queues one SMS, to go in the same transaction as the change that caused
 * it; functions/send-sms sends it once the transaction is committed. In the hromada's quiet hours
 * a non-urgent message is held until they end (`heldUntil`): the sweeper releases it then.
 */
export function queueSms(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  sms: SmsToQueue,
): { op: 'outbox'; message: OutboxMessage } {
  const now = ports.clock.now();
  const held = holdUntil(hromada.rules, hromada.timeZone, now, sms);
  const senderId = sms.confidential ? hromada.rules.neutralSenderId : hromada.rules.smsSenderId;
  const message: OutboxMessage = {
    id: sms.id,
    hromadaId: hromada.id,
    kind: sms.kind,
    to: sms.to,
    text: sms.text,
    ...(senderId ? { senderId } : {}),
    subject: sms.subject,
    segments: countSegments(sms.text).segments,
    status: 'pending',
    attempts: 0,
    dueAt: held ? held.toISOString() : dueAtFor('pending', now),
    ...(held ? { heldUntil: held.toISOString() } : {}),
    createdAt: now.toISOString(),
    version: 1,
    expiresAt: expiresAfterDays(now, hromada.rules.retentionDays.messages),
  };
  return { op: 'outbox', message };
}
