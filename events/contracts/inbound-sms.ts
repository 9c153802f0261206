import { z } from 'zod';

/**
 * A two-way SMS reply as AWS End User Messaging publishes it to the inbound SNS topic (the SNS
 * record's `Message` is this JSON, as a string).
 */
export const inboundSmsPayloadSchema = z.object({
  originationNumber: z.string().min(3),
  destinationNumber: z.string().min(3),
  messageKeyword: z.string().optional(),
  messageBody: z.string(),
  inboundMessageId: z.string().min(1),
  previousPublishedMessageId: z.string().optional(),
});

export const snsRecordSchema = z.object({
  EventSource: z.literal('aws:sns'),
  Sns: z.object({ MessageId: z.string(), Message: z.string() }),
});
