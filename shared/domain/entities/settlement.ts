import { z } from 'zod';
import { geoPointSchema, nameSchema, storedFields } from '../common';

export const settlementTypes = ['місто', 'селище', 'село'] as const;

export const settlementFields = {
  name: nameSchema,
  type: z.enum(settlementTypes),
  katottg: z
    .string()
    .regex(/^UA\d{17}$/)
    .optional(),
  /** Starosta district (старостинський округ); null for the centre or where unknown. */
  starostaDistrict: nameSchema.nullable().default(null),
  /**
   * A remote village (the hromada decides, e.g. far from the centre or without a bus): the
   * strategy's share of remote-village residents supplied counts its residents.
   */
  remote: z.boolean().default(false),
  /** Null where no reliable coordinates exist: such a settlement cannot be routed to. */
  location: geoPointSchema.nullable(),
  population: z.number().int().min(0).optional(),
};

export const settlementSchema = z.object({ ...storedFields, ...settlementFields });
export type Settlement = z.infer<typeof settlementSchema>;
