import { z } from 'zod';
import { isoInstantSchema, nameSchema, textSchema } from '../common';
import { e164Schema, phoneSchema } from '../phone';

/**
 * A delivery of food or medicine: what is carried, who may receive it and how that is proved, and
 * what the driver saw at the door (welfare). The fields a booking takes are in `parcelSchema` and
 * `handoverSchema`; what the platform records later is in `deliveryStoredFields`.
 */

/**
 * What is carried: `kg` and `litres` are the whole parcel's weight and volume (the vehicle's
 * capacity dimensions), `count` the pieces to hand over; `cold` needs a vehicle's cold box.
 */
export const parcelSchema = z.strictObject({
  kg: z.number().min(0).max(500),
  cold: z.boolean().default(false),
  count: z.number().int().min(1).max(50).default(1),
  litres: z.number().min(0).max(5000).default(0),
});

/**
 * Who may receive the parcel: the resident in person, or a trusted person (a neighbour, a
 * relative) named at booking. With the hromada's `deliveryCodeRequired` rule, the one-time code is
 * sent to the trusted person's phone when given, else to the resident.
 */
export const handoverSchema = z
  .strictObject({
    mode: z.enum(['in-person', 'trusted']),
    trustedName: nameSchema.optional(),
    trustedPhone: phoneSchema({ requireMobile: true }).optional(),
  })
  .refine((h) => h.mode === 'in-person' || h.trustedName !== undefined, {
    message: 'a trusted handover needs trustedName',
    path: ['trustedName'],
  })
  .refine((h) => h.mode === 'trusted' || (h.trustedName === undefined && h.trustedPhone === undefined), {
    message: 'an in-person handover names nobody else',
    path: ['mode'],
  });
export type Handover = z.output<typeof handoverSchema>;

/** As stored (and answered): the trusted phone already E.164. */
export const storedHandoverSchema = z.strictObject({
  mode: z.enum(['in-person', 'trusted']),
  trustedName: nameSchema.optional(),
  trustedPhone: e164Schema.optional(),
});

/** Wrong codes a driver may send for one delivery before the code is blocked (and the dispatcher told). */
export const MAX_WRONG_CODES = 3;

/** What the driver saw at the door, in the dispatcher's and the social worker's words. */
export const welfareOutcomes = ['no-answer', 'unwell', 'needs-help'] as const;
export type WelfareOutcome = (typeof welfareOutcomes)[number];

export const WELFARE_WORDS: Record<WelfareOutcome, string> = {
  'no-answer': 'нема відповіді',
  unwell: 'погано',
  'needs-help': 'потрібна допомога',
};

/** Recorded on the request by the platform (never taken from a booking). */
export const deliveryStoredFields = {
  handover: storedHandoverSchema.optional(),
  /**
   * The one-time handover code, as SHA-256 of `<request id>:<code>` (never the code itself), and
   * the wrong codes sent so far. Only the resident (or trusted person) got the code, by SMS.
   */
  handoverCode: z
    .strictObject({
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      wrongTries: z.number().int().min(0).max(MAX_WRONG_CODES),
    })
    .optional(),
  /** Who received the parcel and how it was proved (set with `done`). */
  handedOver: z
    .strictObject({
      receivedBy: z.enum(['resident', 'trusted']),
      name: nameSchema.optional(),
      proof: z.enum(['code', 'driver', 'dispatcher']),
      at: isoInstantSchema,
    })
    .optional(),
  /** What was seen at the door, by the driver or the dispatcher; the follow-up task it opened. */
  welfare: z
    .strictObject({
      outcome: z.enum(welfareOutcomes),
      note: textSchema(1, 500).optional(),
      by: z.enum(['driver', 'dispatcher']),
      at: isoInstantSchema,
      followUpId: z.string(),
    })
    .optional(),
};

/** The social worker who looks after a resident: told by SMS of a welfare follow-up. */
export const socialWorkerSchema = z.strictObject({
  name: nameSchema,
  phone: phoneSchema({ requireMobile: true }),
});

/** As stored (and answered): the phone already E.164. */
export const storedSocialWorkerSchema = z.strictObject({ name: nameSchema, phone: e164Schema });
