import type { z } from 'zod';
import { airRaidAlertSchema } from './entities/air-raid-alert';
import { alertSchema } from './entities/alert';
import { caseStopSchema } from './entities/case-stop';
import { dangerZoneSchema } from './entities/danger-zone';
import { followUpSchema } from './entities/follow-up';
import { planSchema } from './entities/plan';
import { serviceAgreementSchema } from './entities/service-agreement';
import { serviceRequestSchema } from './entities/service-request';
import { standingOrderSchema } from './entities/standing-order';
import { tourSchema } from './entities/tour';
import { tourJobGuardSchema, tourJobSchema } from './entities/tour-job';
import { tourVisitSchema } from './entities/tour-visit';
import {
  type EntityName,
  hromadaKind,
  type RegistryItem,
  type RegistryKind,
  registryKinds,
} from './registry';

/**
 * The schema of each entity as stored: the storage adapters parse every item with it on the way
 * out (once, in one place), so use cases receive typed entities and never re-parse.
 */
export const storedSchemas = {
  Hromada: hromadaKind.stored,
  Settlement: registryKinds.settlements.stored,
  Depot: registryKinds.depots.stored,
  Provider: registryKinds.providers.stored,
  Vehicle: registryKinds.vehicles.stored,
  Driver: registryKinds.drivers.stored,
  Resident: registryKinds.residents.stored,
  Place: registryKinds.places.stored,
  ServiceRequest: serviceRequestSchema,
  Plan: planSchema,
  FollowUp: followUpSchema,
  Alert: alertSchema,
  AirRaidAlert: airRaidAlertSchema,
  StandingOrder: standingOrderSchema,
  CaseStop: caseStopSchema,
  DangerZone: dangerZoneSchema,
  ServiceAgreement: serviceAgreementSchema,
  TourVisit: tourVisitSchema,
  Tour: tourSchema,
  TourJob: tourJobSchema,
  TourJobGuard: tourJobGuardSchema,
} as const satisfies Record<EntityName, z.ZodType>;

/** The stored, parsed type of one entity. */
export type EntityOf<E extends EntityName> = z.output<(typeof storedSchemas)[E]>;

/** An item read from storage, as its entity: a ZodError (a 500) if it is not one. */
export function parseStored<E extends EntityName>(entity: E, item: unknown): EntityOf<E> {
  return storedSchemas[entity].parse(item) as EntityOf<E>;
}

/** An item of one registry kind read from storage, parsed with the kind's stored schema. */
export function parseRegistryItem<K extends RegistryKind>(kind: K, item: unknown): RegistryItem<K> {
  return kind.stored.parse(item) as RegistryItem<K>;
}
