import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, storedFields, textSchema } from '../common';
import { e164Schema } from '../phone';

/**
 * What the dispatcher must look at today (contract 2 of .contracts.md). Other branches add kinds
 * after merge; `complaint` is a resident's text after a feedback rating.
 */
export const alertKinds = [
  'cancel-after-publish',
  'edit-after-publish',
  'driver-problem',
  'no-show',
  'welfare',
  'sms-failed',
  'unassigned',
  'resident-reply',
  'callback',
  'complaint',
  /** An air-raid alert started or ended (shared/app/air-raid/): what the platform did. */
  'air-raid',
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** A note the dispatcher adds when handling an alert. */
export const alertNoteSchema = textSchema(1, 500);

/**
 * One alert. Its id is derived from its cause (`cancel-<request>`, `sms-failed-<message>`), so a
 * retried change never raises it twice; it is written in the same transaction as that change.
 */
export const alertSchema = z.object({
  ...storedFields,
  kind: z.enum(alertKinds),
  /** The local service date it belongs to (the request's date, or today's). */
  date: localDateSchema,
  /** When it was raised (UTC). */
  at: isoInstantSchema,
  /** A Ukrainian one-liner; never an address or a purpose. */
  text: z.string().min(1).max(600),
  requestId: idSchema.optional(),
  vehicleId: idSchema.optional(),
  phone: e164Schema.optional(),
  handled: z.boolean(),
  handledAt: isoInstantSchema.optional(),
  handledBy: z.string().max(200).optional(),
  note: z.string().max(500).optional(),
  /** DynamoDB TTL (epoch seconds): kept as long as the messages (`retentionDays.messages`). */
  expiresAt: z.number().int(),
});
export type Alert = z.infer<typeof alertSchema>;
