import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../common';
import { e164Schema } from '../phone';
import { deliveryStatuses } from '../sms-receipt';

export const outboxKinds = [
  'booking-confirmation',
  'reminder',
  'vehicle-near',
  'change',
  'cancellation',
  'driver-route',
  'help',
  /** A delivery's one-time handover code, to the resident or the trusted person. */
  'handover-code',
  /** A welfare follow-up task, to the social worker. */
  'follow-up',
  /** feat-told: after a trip or visit, asking for a rating from 1 to 5. */
  'feedback',
  /** An air-raid alert told to a driver on the road (shared/app/air-raid/). */
  'air-raid',
] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** After this many attempts a retryable send failure (or a lost claim) becomes final. */
export const MAX_SEND_ATTEMPTS = 5;

/**
 * How long a sender may hold a claimed message before the sweeper takes it back. Longer than the
 * send-sms function's timeout (infra asserts it), so a live sender is never overtaken: a claim
 * still `sending` after its lease belongs to a sender that crashed or was killed.
 */
export const SEND_LEASE_SECONDS = 60;

/**
 * How long a pending message may wait for the stream before the sweeper nudges it (a new version,
 * so the stream delivers it again): covers stream records lost to a crash, a disabled mapping or a
 * local platform that was down.
 */
export const PENDING_GRACE_SECONDS = 120;

/**
 * How long past its lease a claim waits for the provider's receipt before the sweeper sends it
 * again, when the sender's provider reports accepted SMS by our reference (`SmsSender`'s
 * `receiptsByReference`). A sender killed after the provider accepted the SMS but before it
 * recorded `sent` leaves a claim that only a receipt can settle: End User Messaging's first event
 * (TEXT_QUEUED/TEXT_PENDING) comes within seconds, and this covers it plus the first of Lambda's
 * asynchronous retries of the receipts function (about a minute), or the local carrier catching
 * up from its checkpoint after a restart. The price: a sender that died BEFORE the provider call
 * has its message sent lease + grace (3 min) after its claim instead of lease (1 min).
 */
export const RECEIPT_GRACE_SECONDS = 120;

/**
 * When the sweeper should next look at a message in `status`, from `now`. A claim (`sending`)
 * is due at the end of its lease, or of its lease and the receipt grace when `awaitReceipt`.
 */
export function dueAtFor(status: 'pending' | 'sending', now: Date, awaitReceipt = false): string {
  const seconds =
    status === 'sending'
      ? SEND_LEASE_SECONDS + (awaitReceipt ? RECEIPT_GRACE_SECONDS : 0)
      : PENDING_GRACE_SECONDS;
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;

/**
 * A message that must go out, written in the same transaction as the change that caused it.
 * The stream consumer (functions/send-sms) claims it, sends it once and records the outcome.
 */
export const outboxMessageSchema = z.object({
  id: idSchema,
  hromadaId: idSchema,
  kind: z.enum(outboxKinds),
  to: e164Schema,
  text: z.string().min(1).max(1000),
  /** Sender ID override (neutral sender for confidential cases). */
  senderId: z.string().optional(),
  /** What caused it, e.g. `REQUEST#01J…`. Never an address or purpose. */
  subject: z.string().max(120),
  segments: z.number().int().min(1),
  status: z.enum(outboxStatuses),
  attempts: z.number().int().min(0),
  /**
   * While the message is open (pending or sending): when the sweeper takes it back if nothing
   * happened — a pending message's stream grace, a sending message's lease end. Absent once final.
   */
  dueAt: isoInstantSchema.optional(),
  /**
   * Held for the hromada's quiet hours: not sent before this instant (the stream leaves it;
   * `dueAt` is the same instant, so the sweeper releases it then). Absent: sent at once.
   */
  heldUntil: isoInstantSchema.optional(),
  /** The local day whose SMS budget paid for it (reserved once, whatever the retries). */
  reservedOn: z.iso.date().optional(),
  createdAt: isoInstantSchema,
  sentAt: isoInstantSchema.optional(),
  providerMessageId: z.string().optional(),
  /**
   * What the carrier said after the provider accepted it (End User Messaging receipts; SNS gives
   * none). `pending` until a final receipt; a final one is never overwritten.
   */
  delivery: z
    .strictObject({
      status: z.enum(deliveryStatuses),
      /** The provider's status word, e.g. DELIVERED, UNREACHABLE, TTL_EXPIRED. */
      carrierStatus: z.string().max(60),
      description: z.string().max(300).optional(),
      priceUsd: z.number().min(0).optional(),
      parts: z.number().int().min(1).optional(),
      at: isoInstantSchema,
    })
    .optional(),
  /** Held while an air-raid alert lasts (shared/app/air-raid/hold-for-air-raid.ts): the alert's id. */
  heldForAirRaid: idSchema.optional(),
  /** A second try of a failed driver route: the id of the message it repeats. */
  resendOf: idSchema.optional(),
  error: z.string().max(500).optional(),
  version: z.number().int().positive(),
  expiresAt: z.number().int(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
