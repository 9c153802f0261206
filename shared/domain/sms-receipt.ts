/**
 * A delivery receipt: what the carrier said about one message after the provider accepted it.
 * End User Messaging SMS sends one or more per message, late (up to 72 h) and possibly twice.
 */
export interface SmsReceipt {
  /** Our outbox id, carried in the send's `Context`. */
  outboxId: string;
  providerMessageId: string;
  /** The provider's status word: DELIVERED, SUCCESSFUL, PENDING, UNREACHABLE, TTL_EXPIRED, … */
  messageStatus: string;
  description?: string;
  /** The provider's word that no later receipt will come for this message. */
  isFinal: boolean;
  priceUsd?: number;
  parts?: number;
  /** When the provider reported it (UTC ISO). */
  at: string;
}

export const deliveryStatuses = ['delivered', 'failed', 'pending'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Reached the handset (DELIVERED), or the carrier took it and reports no further (SUCCESSFUL). */
const REACHED = new Set(['DELIVERED', 'SUCCESSFUL']);

/**
 * End User Messaging's events before the final word (TEXT_QUEUED: accepted and queued for
 * delivery; TEXT_PENDING: being delivered). Each proves the provider took the SMS — a message
 * still open is recorded sent on it (record-sms-receipt.ts) — and says nothing of delivery yet.
 */
const ACCEPTED = new Set(['QUEUED', 'PENDING']);

/**
 * What a receipt means for the dispatcher: delivered, failed (undelivered for good: unreachable,
 * blocked, expired, unknown after 72 h, over the price cap…), or still on its way.
 */
export function deliveryStatusOf(receipt: Pick<SmsReceipt, 'messageStatus' | 'isFinal'>): DeliveryStatus {
  const status = receipt.messageStatus.toUpperCase();
  if (status === 'DELIVERED') return 'delivered';
  if (!receipt.isFinal || ACCEPTED.has(status)) return 'pending';
  return REACHED.has(status) ? 'delivered' : 'failed';
}
