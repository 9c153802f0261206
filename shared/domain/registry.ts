import { z } from 'zod';
import { storedFields } from './common';
import { depotFields } from './entities/depot';
import { driverFields } from './entities/driver';
import { hromadaFields } from './entities/hromada';
import { providerFields } from './entities/provider';
import { residentFields } from './entities/resident';
import { settlementFields } from './entities/settlement';
import { vehicleFields } from './entities/vehicle';
import { parseOrThrow } from './validation';

/**
 * The registry: the entities a dispatcher keeps up to date (CRUD + listing by hromada).
 * One definition per kind drives validation, storage keys and the API routes.
 */
function kind<const E extends string, const P extends string, F extends z.ZodRawShape>(
  entity: E,
  plural: P,
  fields: F,
) {
  const create = z.strictObject({ id: storedFields.id.optional(), ...fields });
  const patch = z.strictObject({ ...fields, version: z.number().int().positive() }).partial();
  return { entity, plural, fields, create, patch };
}

export const registryKinds = {
  settlements: kind('Settlement', 'settlements', settlementFields),
  depots: kind('Depot', 'depots', depotFields),
  providers: kind('Provider', 'providers', providerFields),
  vehicles: kind('Vehicle', 'vehicles', vehicleFields),
  drivers: kind('Driver', 'drivers', driverFields),
  residents: kind('Resident', 'residents', residentFields),
} as const;

export const hromadaKind = kind('Hromada', 'hromady', hromadaFields);

export type RegistryPlural = keyof typeof registryKinds;
export type RegistryKind = (typeof registryKinds)[RegistryPlural] | typeof hromadaKind;
export type EntityName = RegistryKind['entity'] | 'ServiceRequest' | 'Plan';

/**
 * Parse a partial update. zod's `.partial()` still fills defaults for absent keys, which would
 * silently reset fields; only the keys the caller sent are kept. `version` is required.
 */
export function parsePatch(
  kindDef: RegistryKind,
  input: unknown,
): Record<string, unknown> & { version: number } {
  const parsed = parseOrThrow(kindDef.patch, input, `${kindDef.entity} update`) as Record<string, unknown>;
  if (typeof parsed.version !== 'number') {
    parseOrThrow(z.object({ version: z.number().int().positive() }), input, `${kindDef.entity} update`);
  }
  const sent = new Set(Object.keys(input as object));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) if (sent.has(k)) out[k] = v;
  return out as Record<string, unknown> & { version: number };
}

export function isRegistryPlural(value: string): value is RegistryPlural {
  return Object.hasOwn(registryKinds, value);
}
