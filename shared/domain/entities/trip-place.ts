import { z } from 'zod';
import { addressSchema, geoPointSchema, idSchema, localTimeSchema } from '../common';

/**
 * Where a ride starts or ends, as stored on the request: the address and the point routed to,
 * and, when it was booked as one of the hromada's known places, that place's id.
 */
export const placeSchema = z.strictObject({
  address: addressSchema,
  location: geoPointSchema,
  settlementId: idSchema.optional(),
  placeId: idSchema.optional(),
});
export type TripPlace = z.infer<typeof placeSchema>;

/** The resident's home (their address and location from the registry). */
export const homePlaceSchema = z.strictObject({ home: z.literal(true) });
/** One of the hromada's known places (registry kind `places`). */
export const knownPlaceSchema = z.strictObject({ placeId: idSchema });

/**
 * Where a booking says to pick up or drop off: `{home: true}`, `{placeId}`, or an address with
 * its coordinates. Resolved to a `placeSchema` at booking (shared/app/taxi/resolve-places.ts).
 */
export const tripPlaceInputSchema = z.union([homePlaceSchema, knownPlaceSchema, placeSchema]);
export type TripPlaceInput = z.infer<typeof tripPlaceInputSchema>;

/**
 * A linked return trip asked for at booking: at a fixed pickup time, or when the resident calls
 * (`will-call`: booked now, planned only once activated).
 */
export const returnTripSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('fixed'), time: localTimeSchema }),
  z.strictObject({ mode: z.literal('will-call') }),
]);
export type ReturnTrip = z.infer<typeof returnTripSchema>;
