import { z } from 'zod';
import { addressSchema, geoPointSchema, idSchema, nameSchema, storedFields } from '../common';

export const depotFields = {
  name: nameSchema,
  address: addressSchema,
  location: geoPointSchema,
  settlementId: idSchema.optional(),
};

export const depotSchema = z.object({ ...storedFields, ...depotFields });
export type Depot = z.infer<typeof depotSchema>;
