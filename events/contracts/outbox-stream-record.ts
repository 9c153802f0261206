import { z } from 'zod';

/**
 * What functions/send-sms accepts: a DynamoDB stream record whose new image is an outbox message
 * that is pending (the event source mapping filters on the same fields).
 */
export const outboxImageSchema = z.object({
  entity: z.literal('OutboxMessage'),
  id: z.string().min(1),
  status: z.literal('pending'),
  version: z.number().int().positive(),
});

export const streamRecordSchema = z.object({
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.object({
    SequenceNumber: z.string(),
    NewImage: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** The event-source-mapping filter (CDK) and the local stream poller use this same pattern. */
export const outboxFilterPattern = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { entity: { S: ['OutboxMessage'] }, status: { S: ['pending'] } } },
} as const;
