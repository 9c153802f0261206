import { z } from 'zod';
import { addressSchema, geoPointSchema, idSchema, nameSchema, storedFields } from '../common';

/** What a known place is: where residents are taken most often. */
export const placeKinds = [
  'hospital',
  'clinic',
  'dialysis',
  'rehabilitation',
  'cnap',
  'bank',
  'pension-fund',
  'social-services',
  'pharmacy',
  'other',
] as const;

/**
 * A hromada's known place (лікарня, ЦНАП, банк, Пенсійний фонд…): booked by its id instead of an
 * address typed in, so that its address and coordinates are the same on every ride.
 */
export const placeFields = {
  name: nameSchema,
  kind: z.enum(placeKinds),
  address: addressSchema,
  location: geoPointSchema,
  settlementId: idSchema,
};

export const placeSchema = z.object({ ...storedFields, ...placeFields });
export type Place = z.infer<typeof placeSchema>;
