import type { SmsEvent } from '../../events/contracts/sms-receipt';
import type { SmsReceipt } from '../../shared/domain/sms-receipt';

/** The receipt an End User Messaging SMS event carries. */
export function receiptOf(event: SmsEvent): SmsReceipt {
  return {
    outboxId: event.context.outboxId,
    providerMessageId: event.messageId,
    messageStatus: event.messageStatus,
    ...(event.messageStatusDescription ? { description: event.messageStatusDescription } : {}),
    isFinal: event.isFinal,
    ...(event.totalMessagePrice !== undefined ? { priceUsd: event.totalMessagePrice } : {}),
    ...(event.totalMessageParts ? { parts: event.totalMessageParts } : {}),
    at: new Date(event.eventTimestamp).toISOString(),
  };
}
