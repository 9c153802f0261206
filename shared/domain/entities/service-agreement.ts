import { z } from 'zod';
import { idSchema, isoInstantSchema, localDateSchema, nameSchema, storedFields, textSchema } from '../common';

/**
 * A provider (e.g. a regional social-services centre, обласний ЦСС) working for a hromada under an
 * agreement (договір / меморандум про співпрацю), with the hromada's consent recorded: who gave it
 * and when. Kept in the hromada's partition, one per provider (its id is the provider's id), and
 * created by that hromada's admin only. Without a valid agreement on a date, no visit of the
 * hromada on that date can be put on the provider's tour (docs/services/regional-tours.md).
 */
export const serviceAgreementFields = {
  /** The provider, as registered in its own hromada's registry. */
  providerId: idSchema,
  /** The hromada whose registry holds the provider (the regional centre's home). */
  providerHromadaId: idSchema,
  /** What the provider may do for this hromada. */
  services: z.array(z.enum(['mobile-brigade'])).min(1),
  consent: z.strictObject({
    /** Who gave the hromada's consent: name and position (e.g. `Н. Коваль, міський голова`). */
    by: nameSchema,
    /** When it was given (local date of the decision or signature). */
    on: localDateSchema,
    /** The document: decision or agreement number. */
    document: textSchema(1, 120).optional(),
  }),
  /** First and last local dates the agreement is valid, both included. */
  validFrom: localDateSchema,
  validTo: localDateSchema,
};

export const serviceAgreementCreateSchema = z
  .strictObject(serviceAgreementFields)
  .refine((a) => a.validFrom <= a.validTo, { message: 'validTo is before validFrom', path: ['validTo'] })
  .refine((a) => a.consent.on <= a.validTo, {
    message: 'consent given after the agreement ended',
    path: ['consent', 'on'],
  });
export type ServiceAgreementCreate = z.output<typeof serviceAgreementCreateSchema>;

export const serviceAgreementSchema = z.object({
  ...storedFields,
  ...serviceAgreementFields,
  /** The provider's name when the consent was recorded: a hromada's readers cannot read the provider's registry entry. */
  providerName: nameSchema.optional(),
  /** The admin account that recorded the consent, and when. */
  recordedBy: z.string().min(1).max(200),
  recordedAt: isoInstantSchema,
  /** The hromada withdrew its consent from `from` (local date, included) on (RT13). */
  withdrawn: z
    .object({
      from: localDateSchema,
      at: isoInstantSchema,
      by: z.string().min(1),
      reason: z.string().optional(),
    })
    .optional(),
});
export type ServiceAgreement = z.infer<typeof serviceAgreementSchema>;

/**
 * Whether the agreement lets the provider serve the hromada on this date: consent given by then
 * and not withdrawn from that date on.
 */
export function agreementCovers(agreement: ServiceAgreement | undefined, date: string): boolean {
  return (
    agreement !== undefined &&
    agreement.validFrom <= date &&
    date <= agreement.validTo &&
    agreement.consent.on <= date &&
    (agreement.withdrawn === undefined || date < agreement.withdrawn.from)
  );
}
