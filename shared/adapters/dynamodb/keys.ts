import type { EntityName } from '../../domain/registry';

/**
 * Every key of the single table is built here and nowhere else. See docs/data-model.md for the
 * access pattern each one serves.
 */
export interface ItemKeys {
  pk: string;
  sk: string;
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

const entityPrefix: Record<EntityName, string> = {
  Hromada: 'HROMADA',
  Settlement: 'SETTLEMENT',
  Depot: 'DEPOT',
  Provider: 'PROVIDER',
  Vehicle: 'VEHICLE',
  Driver: 'DRIVER',
  Resident: 'RESIDENT',
  ServiceRequest: 'REQUEST',
  Plan: 'PLAN',
};

export const hromadaPk = (hromadaId: string) => `HROMADA#${hromadaId}`;

export function entityKey(entity: EntityName, hromadaId: string, id: string): { pk: string; sk: string } {
  if (entity === 'Hromada') return { pk: hromadaPk(id), sk: 'HROMADA' };
  return { pk: hromadaPk(hromadaId), sk: `${entityPrefix[entity]}#${id}` };
}

/** begins_with prefix for listing one kind inside a hromada's partition. */
export function entitySkPrefix(entity: EntityName): string {
  return `${entityPrefix[entity]}#`;
}

export const HROMADY_INDEX_PK = 'HROMADY';
export const phoneIndexPk = (hromadaId: string, e164: string) => `PHONE#${hromadaId}#${e164}`;
export const residentRequestsPk = (hromadaId: string, residentId: string) =>
  `RESIDENT#${hromadaId}#${residentId}`;
export const dayRequestsPk = (hromadaId: string, date: string) => `DAY#${hromadaId}#${date}`;

/** The keys (base and index) of a stored entity, derived from its fields. */
export function keysOf(entity: EntityName, item: Record<string, unknown>): ItemKeys {
  const id = String(item.id);
  const hromadaId = String(item.hromadaId);
  const keys: ItemKeys = entityKey(entity, hromadaId, id);
  if (entity === 'Hromada') {
    keys.gsi1pk = HROMADY_INDEX_PK;
    keys.gsi1sk = `${String(item.name)}#${id}`;
  }
  if ((entity === 'Resident' || entity === 'Driver') && typeof item.phone === 'string') {
    keys.gsi1pk = phoneIndexPk(hromadaId, item.phone);
    keys.gsi1sk = `${entityPrefix[entity]}#${id}`;
  }
  if (entity === 'ServiceRequest') {
    keys.gsi1pk = residentRequestsPk(hromadaId, String(item.residentId));
    keys.gsi1sk = `${String(item.date)}#${id}`;
    keys.gsi2pk = dayRequestsPk(hromadaId, String(item.date));
    keys.gsi2sk = `REQUEST#${id}`;
  }
  return keys;
}

export const outboxKey = (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' });
export const outboxIndexKeys = (hromadaId: string, createdAt: string, id: string) => ({
  gsi1pk: `OUTBOX#${hromadaId}`,
  gsi1sk: `${createdAt}#${id}`,
});
/**
 * Sparse index of open outbox messages (pending or sending), by when the sweeper is due to look
 * at them. The keys are removed when a message becomes final, so the index holds only open ones.
 */
export const OPEN_OUTBOX_INDEX_PK = 'OUTBOX#OPEN';
export const openOutboxIndexKeys = (dueAt: string, id: string) => ({
  gsi2pk: OPEN_OUTBOX_INDEX_PK,
  gsi2sk: `${dueAt}#${id}`,
});
export const auditKey = (hromadaId: string, at: string, id: string) => ({
  pk: `AUDIT#${hromadaId}`,
  sk: `${at}#${id}`,
});
export const inboundKey = (id: string) => ({ pk: `INBOUND#${id}`, sk: 'INBOUND' });
export const inboundIndexKeys = (hromadaId: string, receivedAt: string, id: string) => ({
  gsi1pk: `INBOUND#${hromadaId}`,
  gsi1sk: `${receivedAt}#${id}`,
});
export const onceKey = (key: string) => ({ pk: `ONCE#${key}`, sk: 'ONCE' });
/** An Idempotency-Key's record: scoped by hromada and caller (escaped, so `#` cannot blur them). */
export const idempotencyKey = (hromadaId: string, caller: string, key: string) => ({
  pk: `IDEMPOTENCY#${hromadaId}#${encodeURIComponent(caller)}#${key}`,
  sk: 'IDEMPOTENCY',
});
/** The guard of one resident's bookings on one service date. */
export const residentDayKey = (hromadaId: string, residentId: string, date: string) => ({
  pk: `RESIDENT#${hromadaId}#${residentId}`,
  sk: `DAY#${date}`,
});
export const smsDayKey = (hromadaId: string, date: string) => ({
  pk: hromadaPk(hromadaId),
  sk: `SMSDAY#${date}`,
});

export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'] as const;

/** Strip storage attributes to get the domain object back. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  for (const k of KEY_ATTRIBUTES) delete out[k];
  return out;
}
