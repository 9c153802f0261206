import { z } from 'zod';

export const idSchema = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'letters, digits, _ or -, up to 64');
export const isoInstantSchema = z.iso.datetime({ offset: false });
export const localDateSchema = z.iso.date();
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

/**
 * Characters free text never holds: C0 and C1 controls and DEL (NUL, escape, tab, newline…),
 * lone surrogates (not valid Unicode, garbled in SMS), line/paragraph separators, and the bidi
 * controls (marks, embeddings, overrides, isolates) that make a name or an address read
 * differently from what is stored, on the console and in drivers' SMS.
 */
const FORBIDDEN_IN_TEXT = /[\p{Cc}\p{Cs}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Free text a dispatcher types (names, addresses, districts, plates): trimmed, NFC-normalised
 * (so the same name is stored as the same code points, whatever keyboard typed it), and
 * refused with the field's path when it holds a character from FORBIDDEN_IN_TEXT. All of it is
 * single-line: no entity has a multi-line note today; one that does should allow `\n` only.
 * Lengths count UTF-16 code units after normalisation.
 */
export function textSchema(min: number, max: number) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .refine((s) => !FORBIDDEN_IN_TEXT.test(s), {
      message: 'control, line-break or bidi-control characters are not allowed',
    })
    .min(min)
    .max(max);
}

export const nameSchema = textSchema(1, 120);

/** WGS84 point. Ukraine lies within roughly 44–53 N, 22–41 E; anything else is a typo. */
export const geoPointSchema = z.strictObject({
  lat: z.number().min(44).max(53),
  lon: z.number().min(22).max(41),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

export const addressSchema = textSchema(3, 200);

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
