import { z } from 'zod';
import type { SmsReceipt } from '../../shared/domain/sms-receipt';
import { snsRecordSchema } from './inbound-sms';

/**
 * An SMS event of AWS End User Messaging SMS, as its configuration set's event destination
 * publishes it to the receipts SNS topic (the record's `Message` is this JSON, as a string).
 * Fields we do not use are allowed through.
 */
export const smsEventSchema = z.looseObject({
  eventType: z.string().regex(/^TEXT_/),
  eventTimestamp: z.number().int().positive(),
  isFinal: z.boolean(),
  messageId: z.string().min(1),
  messageStatus: z.string().min(1),
  messageStatusDescription: z.string().optional(),
  totalMessageParts: z.number().int().min(0).optional(),
  totalMessagePrice: z.number().min(0).optional(),
  /** What the send put in `Context`: our outbox id. */
  context: z.looseObject({ outboxId: z.string().min(1) }),
});

/** The receipt an SMS event carries. */
export function receiptOf(event: z.infer<typeof smsEventSchema>): SmsReceipt {
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

/**
 * One SNS record of the receipts topic, decoded: the receipt, or `undefined` when the message is
 * not an SMS event of ours (voice, MMS, a send without our context): retrying cannot fix that.
 */
export const smsReceiptRecordSchema = snsRecordSchema.transform((record) => {
  let json: unknown;
  try {
    json = JSON.parse(record.Sns.Message);
  } catch {
    json = undefined;
  }
  const event = smsEventSchema.safeParse(json);
  return { snsMessageId: record.Sns.MessageId, receipt: event.success ? receiptOf(event.data) : undefined };
});
