import { z } from 'zod';
import { idSchema, isoInstantSchema } from '../common';
import { e164Schema } from '../phone';

export const inboundOutcomes = [
  'confirmed',
  'cancelled',
  'opted-out',
  'opted-in',
  'driver-report',
  'stop-on-board',
  'stop-done',
  'stop-no-show',
  'nothing-to-act-on',
  'help-sent',
  'ignored',
  /** A caller on the phone line asked to be called back (the dispatcher's to-do). */
  'callback-requested',
  /** Deliveries (docs/services/deliveries.md): a wrong or missing handover code; a welfare report. */
  'code-refused',
  'welfare-reported',
  /** feat-told: a rating 1–5 stored on the request it was asked about. */
  'feedback-rated',
  /** feat-told: text after a rating, passed to the dispatcher as a complaint alert. */
  'complaint',
  /** ДОДОМУ: the resident's will-call return of today was activated. */
  'return-activated',
  /** Mobile case: a slot booked or moved (ЗАПИС), given back (ВІДМОВА), or not (taken, full). */
  'case-booked',
  'case-cancelled',
  'case-refused',
] as const;

/**
 * A reply received by SMS, kept so that it is acted on once (its id is the carrier's
 * inboundMessageId) and so that dispatchers can read what came in and call back. A call-back asked
 * for on the phone line is kept here too (id `call-<Connect ContactId>`, outcome
 * `callback-requested`): the dispatcher's one list of what residents sent or asked.
 */
export const inboundSmsSchema = z.object({
  id: idSchema,
  hromadaId: idSchema,
  receivedAt: isoInstantSchema,
  from: e164Schema,
  /** As received, at most one long SMS. */
  text: z.string().max(1600),
  command: z.string(),
  outcome: z.enum(inboundOutcomes),
  /** The request or resident it acted on, e.g. `REQUEST#01J…`. */
  subject: z.string().max(120).optional(),
  expiresAt: z.number().int(),
});
export type InboundSms = z.infer<typeof inboundSmsSchema>;
