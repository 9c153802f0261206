import { z } from 'zod';
import {
  addressSchema,
  geoPointSchema,
  idSchema,
  isoInstantSchema,
  nameSchema,
  storedFields,
} from '../common';
import { e164Schema, phoneSchema } from '../phone';
import { residentCategories } from '../resident-categories';
import { socialWorkerSchema, storedSocialWorkerSchema } from './delivery';

/**
 * The person served (отримувач соціальних послуг). Only what the service needs: no birth date,
 * no diagnosis, no document numbers.
 */
export const residentFields = {
  name: nameSchema,
  /** Mobile for SMS; null when the resident has only a landline or no phone. */
  phone: phoneSchema({ requireMobile: true }).nullable(),
  settlementId: idSchema,
  address: addressSchema,
  location: geoPointSchema.nullable(),
  mobility: z
    .strictObject({
      wheelchair: z.boolean().default(false),
      needsRamp: z.boolean().default(false),
      /** An escort may ride along (one free place). */
      escort: z.boolean().default(false),
    })
    .default({ wheelchair: false, needsRamp: false, escort: false }),
  /** Why the resident may use a service (eligibility, `rules.eligibleCategories`). */
  categories: z
    .array(z.enum(residentCategories))
    .max(residentCategories.length)
    .refine((c) => new Set(c).size === c.length, { message: 'categories repeat' })
    .default([]),
  /** Consent to receive SMS (ТАК/СТОП). Without it, no SMS is sent. */
  smsConsent: z.boolean().default(false),
  /**
   * Confidential case (e.g. domestic violence): address and purpose never appear in SMS or on
   * other manifests, and the vehicle carries no other riders.
   */
  confidential: z.boolean().default(false),
  /** The social worker who looks after the resident: told of a welfare follow-up (delivery.ts). */
  socialWorker: socialWorkerSchema.optional(),
  /**
   * A confidential resident who asked for the "car is near" SMS all the same (default: not sent
   * to confidential cases).
   */
  nearNoticeOptIn: z.boolean().default(false),
};

export const residentSchema = z.object({
  ...storedFields,
  ...residentFields,
  phone: e164Schema.nullable(),
  socialWorker: storedSocialWorkerSchema.optional(),
  /** Set by erasure (shared/app/personal-data): the personal fields are placeholders since. */
  erasedAt: isoInstantSchema.optional(),
});
export type Resident = z.infer<typeof residentSchema>;
