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

/**
 * One SNS record of the inbound topic, its `Message` decoded: the reply, or `undefined` when the
 * message is not JSON or not a reply we understand (retrying cannot fix that: it is dropped).
 * A record that is not an SNS record at all fails to parse (a wiring fault: Lambda retries).
 */
export const inboundSmsRecordSchema = snsRecordSchema.transform((record) => ({
  snsMessageId: record.Sns.MessageId,
  payload: inboundSmsPayloadSchema.safeParse(jsonOrUndefined(record.Sns.Message)).data,
}));

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
