import { z } from 'zod';

export const idSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'letters, digits, _ or -, up to 64');
export const isoInstantSchema = z.iso.datetime({ offset: false });
export const localDateSchema = z.iso.date();
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');
export const nameSchema = z.string().trim().min(1).max(120);

/** WGS84 point. Ukraine lies within roughly 44–53 N, 22–41 E; anything else is a typo. */
export const geoPointSchema = z.strictObject({
  lat: z.number().min(44).max(53),
  lon: z.number().min(22).max(41),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

export const addressSchema = z.string().trim().min(3).max(200);

/** Fields every stored entity has. */
export const storedFields = {
  id: idSchema,
  hromadaId: idSchema,
  version: z.number().int().positive(),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
};

/** Optimistic locking: every update names the version it was based on. */
export const expectedVersion = { version: z.number().int().positive() };
