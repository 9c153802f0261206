import { z } from 'zod';
import { storedFields } from './common';
import { describeInputAs } from './described-input';
import { depotFields, depotSchema } from './entities/depot';
import { driverFields, driverSchema } from './entities/driver';
import { hromadaFields, hromadaSchema } from './entities/hromada';
import { placeFields, placeSchema } from './entities/place';
import { providerFields, providerSchema } from './entities/provider';
import { residentFields, residentSchema } from './entities/resident';
import { settlementFields, settlementSchema } from './entities/settlement';
import { vehicleFields, vehicleSchema } from './entities/vehicle';
import { parseOrThrow } from './validation';

/**
 * The registry: the entities a dispatcher keeps up to date (CRUD + listing by hromada).
 * One definition per kind drives validation, storage keys and the API routes; `stored` is the
 * schema of the item as stored (what the storage ports return).
 */
function kind<
  const E extends string,
  const P extends string,
  F extends z.ZodRawShape,
  S extends z.ZodType<{ id: string; hromadaId: string; version: number }>,
>(entity: E, plural: P, fields: F, stored: S) {
  const create = z.strictObject({ id: storedFields.id.optional(), ...fields });
  const patch = z.strictObject({ ...fields, version: z.number().int().positive() }).partial();
  return { entity, plural, fields, create, patch, stored };
}

export const registryKinds = {
  settlements: kind('Settlement', 'settlements', settlementFields, settlementSchema),
  depots: kind('Depot', 'depots', depotFields, depotSchema),
  providers: kind('Provider', 'providers', providerFields, providerSchema),
  vehicles: kind('Vehicle', 'vehicles', vehicleFields, vehicleSchema),
  drivers: kind('Driver', 'drivers', driverFields, driverSchema),
  residents: kind('Resident', 'residents', residentFields, residentSchema),
  places: kind('Place', 'places', placeFields, placeSchema),
} as const;

export const hromadaKind = kind('Hromada', 'hromady', hromadaFields, hromadaSchema);

export type RegistryPlural = keyof typeof registryKinds;
export type RegistryKind = (typeof registryKinds)[RegistryPlural] | typeof hromadaKind;
export type EntityName =
  | RegistryKind['entity']
  | 'ServiceRequest'
  | 'Plan'
  | 'FollowUp'
  | 'Alert'
  | 'AirRaidAlert'
  | 'StandingOrder'
  | 'CaseStop'
  | 'DangerZone'
  | 'ServiceAgreement'
  | 'TourVisit'
  | 'Tour'
  | 'TourJob'
  | 'TourJobGuard';

/** An item of one kind as stored (and as the storage ports return it, parsed). */
export type RegistryItem<K extends RegistryKind = RegistryKind> = z.output<K['stored']>;

/** A parsed partial update: only the keys the caller sent, and the version they read. */
export type RegistryPatch = Record<string, unknown> & { version: number };

/** What creating one kind takes, parsed. */
export type RegistryFields<K extends RegistryKind = RegistryKind> = z.output<K['create']>;

/**
 * The body of a partial update, as a schema a route declares. zod's `.partial()` still fills
 * defaults for absent keys, which would silently reset fields; only the keys the caller sent are
 * kept. `version` is required (checked after the fields, so a bad field is reported first).
 */
export function patchSchema(kindDef: RegistryKind) {
  const parse = z.unknown().transform((input, ctx): RegistryPatch => {
    const fields = kindDef.patch.safeParse(input);
    const version = fields.success ? versionSchema.safeParse(input) : undefined;
    const failed = !fields.success ? fields.error : version && !version.success ? version.error : undefined;
    if (failed) {
      for (const issue of failed.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, input });
      return z.NEVER;
    }
    const sent = new Set(Object.keys(input as object));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields.data ?? {})) if (sent.has(k)) out[k] = v;
    return out as RegistryPatch;
  });
  return describeInputAs(parse, patchBodyOf(kindDef));
}

/**
 * What a partial update accepts, for the API description: every field optional with no default
 * (an absent key keeps its value), `version` required.
 */
function patchBodyOf(kindDef: RegistryKind) {
  const fields: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(kindDef.fields as Record<string, z.ZodType>)) {
    const withoutDefault = field instanceof z.ZodDefault ? (field.removeDefault() as z.ZodType) : field;
    fields[name] = withoutDefault.optional();
  }
  return z.strictObject({ ...fields, version: z.number().int().positive() });
}

const versionSchema = z.object({ version: z.number().int().positive() });

/** Parse what creating one kind takes, outside a route (scripts, tests): a 400 if bad. */
export function parseFields<K extends RegistryKind>(kindDef: K, input: unknown): RegistryFields<K> {
  return parseOrThrow(kindDef.create, input, kindDef.entity) as RegistryFields<K>;
}

/** Parse a partial update outside a route (scripts, tests): a 400 with the zod paths if bad. */
export function parsePatch(kindDef: RegistryKind, input: unknown): RegistryPatch {
  return parseOrThrow(patchSchema(kindDef), input, `${kindDef.entity} update`);
}

export function isRegistryPlural(value: string): value is RegistryPlural {
  return Object.hasOwn(registryKinds, value);
}
