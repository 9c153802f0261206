import { z } from 'zod';
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

/**
 * One SNS record of the receipts topic, decoded: the SMS event, or `undefined` when the message is
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
  return { snsMessageId: record.Sns.MessageId, event: event.success ? event.data : undefined };
});

export type SmsEvent = z.infer<typeof smsEventSchema>;
