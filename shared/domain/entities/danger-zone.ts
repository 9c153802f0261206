import { z } from 'zod';
import { isoInstantSchema, localDateSchema, nameSchema, storedFields, textSchema } from '../common';

/**
 * A danger zone (небезпечна зона) or closed road (перекрита дорога): an area routes must not go
 * through and where no stop is planned. Drawn on the map or uploaded as GeoJSON; kept as a
 * MultiPolygon in WGS84 ([longitude, latitude], as GeoJSON has it), optionally valid only between
 * two local dates. Deactivated, not deleted: the audit keeps who drew what.
 */
export const zoneKinds = ['danger-zone', 'closed-road'] as const;

/** [longitude, latitude] within Ukraine (44–53 N, 22–41 E): a swapped pair is caught. */
const positionSchema = z
  .array(z.number())
  .length(2, 'a position is [longitude, latitude]')
  .refine(([lon = 0, lat = 0]) => lon >= 22 && lon <= 41 && lat >= 44 && lat <= 53, {
    message: 'expected [longitude, latitude] within Ukraine (lon 22–41, lat 44–53)',
  });

/** A closed linear ring: at least 4 positions, the last the same as the first. */
const ringSchema = z
  .array(positionSchema)
  .min(4, 'a ring needs at least 4 positions (the first repeated at the end)')
  .max(1000)
  .refine((r) => r.length < 4 || (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]), {
    message: 'a ring must be closed: its last position the same as its first',
  });

const polygonCoordinates = z.array(ringSchema).min(1).max(20);

export const polygonSchema = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: polygonCoordinates,
});
export const multiPolygonSchema = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(polygonCoordinates).min(1).max(50),
});
export type ZoneGeometry = z.infer<typeof multiPolygonSchema>;

/** What a zone says about itself in a GeoJSON Feature's `properties`. */
export const zonePropertiesSchema = z.object({
  name: nameSchema.optional(),
  kind: z.enum(zoneKinds).default('danger-zone'),
  /** First and last local date it applies (absent: from now on, until deactivated). */
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  note: textSchema(1, 500).optional(),
});

/**
 * One feature. GIS tools add members of their own (QGIS: `fid` in properties, `crs` and `name` on
 * the collection): those are ignored, not refused; only the members below are read.
 */
const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string().max(200), z.number()]).optional(),
  geometry: z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema]),
  properties: zonePropertiesSchema.nullable().optional(),
});
type Feature = z.output<typeof featureSchema>;

/**
 * POST body: one Feature, or a FeatureCollection of up to 40 (an uploaded file; one transaction).
 * One object schema for both (the API description wants an object): `type` says which.
 */
export const zoneUploadSchema = z
  .object({
    type: z.enum(['Feature', 'FeatureCollection']),
    id: featureSchema.shape.id,
    geometry: featureSchema.shape.geometry.optional(),
    properties: featureSchema.shape.properties,
    features: z.array(featureSchema).min(1).max(40).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.type === 'Feature' && !body.geometry)
      ctx.addIssue({ code: 'custom', message: 'a Feature needs its geometry', path: ['geometry'] });
    if (body.type === 'FeatureCollection' && !body.features)
      ctx.addIssue({ code: 'custom', message: 'a FeatureCollection needs its features', path: ['features'] });
    const features =
      body.type === 'Feature'
        ? [{ prefix: [] as (string | number)[], p: body.properties }]
        : (body.features ?? []).map((f, i) => ({ prefix: ['features', i], p: f.properties }));
    for (const { prefix, p } of features)
      if (p?.from && p.to && p.to < p.from)
        ctx.addIssue({
          code: 'custom',
          message: 'to must not be before from',
          path: [...prefix, 'properties', 'to'],
        });
  })
  .transform((body): { features: Feature[] } => ({
    features:
      body.type === 'Feature'
        ? [
            {
              type: 'Feature',
              geometry: body.geometry!,
              ...(body.id !== undefined ? { id: body.id } : {}),
              properties: body.properties ?? null,
            },
          ]
        : (body.features ?? []),
  }));
export type ZoneUpload = z.output<typeof zoneUploadSchema>;

export const dangerZoneSchema = z.object({
  ...storedFields,
  name: nameSchema,
  kind: z.enum(zoneKinds),
  geometry: multiPolygonSchema,
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
  note: textSchema(1, 500).optional(),
  active: z.boolean(),
  deactivatedAt: isoInstantSchema.optional(),
  /** The upload's own feature id, if it had one (to match a re-upload by eye). */
  sourceId: z.string().max(200).optional(),
});
export type DangerZone = z.infer<typeof dangerZoneSchema>;

/** A Polygon as a one-polygon MultiPolygon: zones are stored one way. */
export function asMultiPolygon(g: z.infer<typeof polygonSchema> | ZoneGeometry): ZoneGeometry {
  return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
}

/** In force on a local date: active, and the date within its validity. */
export function zoneInForce(zone: DangerZone, date: string): boolean {
  return zone.active && (!zone.from || zone.from <= date) && (!zone.to || date <= zone.to);
}

/** What the dispatcher reads as a stop's reason when its address lies in a zone. */
export const ADDRESS_IN_ZONE = 'Адреса в небезпечній зоні';
