import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../common';
import { e164Schema } from '../phone';

export const outboxKinds = [
  'booking-confirmation',
  'reminder',
  'vehicle-near',
  'change',
  'cancellation',
  'driver-route',
  'help',
] as const;
export type OutboxKind = (typeof outboxKinds)[number];

/** After this many attempts a retryable send failure becomes final. */
export const MAX_SEND_ATTEMPTS = 5;

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
  createdAt: isoInstantSchema,
  sentAt: isoInstantSchema.optional(),
  providerMessageId: z.string().optional(),
  error: z.string().max(500).optional(),
  version: z.number().int().positive(),
  expiresAt: z.number().int(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
