import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, nameSchema, storedFields, textSchema } from '../common';
import { e164Schema } from '../phone';
import { welfareOutcomes } from './delivery';

/**
 * A follow-up task for a social worker: a driver (or the dispatcher) found a resident who did not
 * answer the door, was unwell or needed help. Opened in the same transaction as the welfare outcome
 * on the request; open until someone closes it with a note of what was done.
 */
export const followUpSchema = z.object({
  ...storedFields,
  requestId: idSchema,
  residentId: idSchema,
  /** The service date of the delivery. */
  date: localDateSchema,
  outcome: z.enum(welfareOutcomes),
  /** What the dispatcher wrote when recording it (never copied into an SMS). */
  note: textSchema(1, 500).optional(),
  /** Who looks into it: the resident's social worker; absent when the resident has none (the dispatcher's). */
  worker: z.strictObject({ name: nameSchema, phone: e164Schema }).optional(),
  open: z.boolean(),
  closedAt: isoInstantSchema.optional(),
  closedBy: z.string().max(200).optional(),
  closeNote: textSchema(1, 500).optional(),
  /** DynamoDB TTL: kept as long as the request it follows (retentionDays.requests). */
  expiresAt: z.number().int(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** Closing a follow-up read at `version`: what was done. */
export const followUpCloseSchema = z.strictObject({
  version: z.number().int().positive(),
  note: textSchema(1, 500),
});
