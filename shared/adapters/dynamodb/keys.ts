import type { EntityName } from '../../domain/registry';
import type { EntityOf } from '../../domain/stored-entities';
import { airRaidAlertLayout } from './entities/air-raid-alert';
import { alertLayout } from './entities/alert';
import { caseStopLayout } from './entities/case-stop';
import { dangerZoneLayout } from './entities/danger-zone';
import { followUpLayout } from './entities/follow-up';
import { hromadaLayout } from './entities/hromada';
import type { BaseKey, EntityLayout, ItemKeys } from './entities/layout';
import { driverLayout, residentLayout } from './entities/people';
import { planLayout } from './entities/plan';
import { depotLayout, providerLayout, settlementLayout, vehicleLayout } from './entities/registry-items';
import { serviceRequestLayout } from './entities/service-request';
import { placeLayout, standingOrderLayout } from './entities/taxi';
import {
  serviceAgreementLayout,
  tourJobGuardLayout,
  tourJobLayout,
  tourLayout,
  tourVisitLayout,
} from './entities/tours';
import { TABLE_SCHEMA } from './table-schema';

/**
 * The index of the single table's keys. Each entity declares its own key and the indexes it
 * writes, named after their access patterns, in `entities/<entity>.ts`; see docs/data-model.md.
 */
export const entityLayouts: { [E in EntityName]: EntityLayout<EntityOf<E>> } = {
  Hromada: hromadaLayout,
  Settlement: settlementLayout,
  Depot: depotLayout,
  Provider: providerLayout,
  Vehicle: vehicleLayout,
  Driver: driverLayout,
  Resident: residentLayout,
  ServiceRequest: serviceRequestLayout,
  Plan: planLayout,
  FollowUp: followUpLayout,
  Alert: alertLayout,
  AirRaidAlert: airRaidAlertLayout,
  Place: placeLayout,
  StandingOrder: standingOrderLayout,
  CaseStop: caseStopLayout,
  DangerZone: dangerZoneLayout,
  ServiceAgreement: serviceAgreementLayout,
  TourVisit: tourVisitLayout,
  Tour: tourLayout,
  TourJob: tourJobLayout,
  TourJobGuard: tourJobGuardLayout,
};

/** The base key of one stored entity. */
export function entityKey(entity: EntityName, hromadaId: string, id: string): BaseKey {
  return entityLayouts[entity].key(hromadaId, id);
}

/** The keys (base and index) of a stored entity, derived from its fields by its layout. */
export function keysOf(entity: EntityName, item: Record<string, unknown>): ItemKeys {
  return (entityLayouts[entity] as EntityLayout<Record<string, unknown>>).keysOf(item);
}

export { alertsByDay } from './entities/alert';
export { auditKey, auditPk } from './entities/audit-entry';
export { caseBookingKey, caseSlotKey, caseStopBookings, caseStopsByDate } from './entities/case-stop';
export { openFollowUps } from './entities/follow-up';
export {
  idempotencyKey,
  importJobKey,
  importJobTtl,
  onceKey,
  residentDayKey,
  smsDayKey,
  smsMonthKey,
  smsMonthTtl,
} from './entities/guards';
export { hromadyByName } from './entities/hromada';
export { inboundIndexKeys, inboundKey, inboundLog } from './entities/inbound-sms';
export { type BaseKey, hromadaPk, type ItemKeys } from './entities/layout';
export {
  messageLog,
  OPEN_OUTBOX_INDEX_PK,
  openOutboxIndexKeys,
  outboxIndexKeys,
  outboxKey,
} from './entities/outbox-message';
export { peopleByPhone } from './entities/people';
export { requestsByDay, tripsByResident } from './entities/service-request';

/** The storage attributes of an item: the table's and the indexes' keys, and the item type. */
export const KEY_ATTRIBUTES = [
  TABLE_SCHEMA.partitionKey,
  TABLE_SCHEMA.sortKey,
  ...Object.values(TABLE_SCHEMA.indexes).flatMap((i) => [i.partitionKey, i.sortKey]),
  'entity',
];

/** Strip storage attributes to get the domain object back. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete out[k];
  return out;
}
