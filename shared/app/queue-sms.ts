import type { Hromada } from '../domain/entities/hromada';
import { dueAtFor, type OutboxKind, type OutboxMessage } from '../domain/entities/outbox-message';
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
}

/**
 * The outbox write that queues one SMS, to go in the same transaction as the change that caused
 * it; functions/send-sms sends it once the transaction is committed.
 */
export function queueSms(
  ports: Pick<Ports, 'clock'>,
  hromada: Hromada,
  sms: SmsToQueue,
): { op: 'outbox'; message: OutboxMessage } {
  const now = ports.clock.now();
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
    dueAt: dueAtFor('pending', now),
    createdAt: now.toISOString(),
    version: 1,
    expiresAt: expiresAfterDays(now, hromada.rules.retentionDays.messages),
  };
  return { op: 'outbox', message };
}
