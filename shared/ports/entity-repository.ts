import type { AuditEntry } from '../domain/entities/audit-entry';
import type { IdempotencyRecord } from '../domain/entities/idempotency-record';
import type { InboundSms } from '../domain/entities/inbound-sms';
import type { OutboxMessage } from '../domain/entities/outbox-message';
import type { ResidentDay } from '../domain/entities/resident-day';
import type { ServiceRequest } from '../domain/entities/service-request';
import type { EntityName } from '../domain/registry';

/** Every stored entity has these. */
export interface StoredEntity {
  id: string;
  hromadaId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}

/**
 * One atomic change set. The adapter writes all of it or none of it (DynamoDB
 * TransactWriteItems); a failed condition becomes a ConflictError, a missing item NotFoundError.
 */
export type Change =
  | { op: 'create'; entity: EntityName; item: StoredEntity }
  | { op: 'update'; entity: EntityName; item: StoredEntity; expectedVersion: number }
  | { op: 'delete'; entity: EntityName; hromadaId: string; id: string; expectedVersion: number }
  /** Created once: a second write of the same id is a no-op failure (ConflictError). */
  | { op: 'outbox'; message: OutboxMessage }
  | { op: 'audit'; entry: AuditEntry }
  /** A received SMS, acted on once: a second write of the same id fails (ConflictError). */
  | { op: 'inbound'; record: InboundSms }
  /**
   * At most once per window: succeeds if `key` is free or its previous window ended before
   * `nowS`; holds it until `untilS` (epoch seconds). Used to rate-limit replies.
   */
  | { op: 'once'; key: string; nowS: number; untilS: number }
  /**
   * An Idempotency-Key's record: succeeds if the key is free in its scope or its record expired
   * before `nowS`; otherwise the whole change set fails (ConflictError).
   */
  | { op: 'idempotency'; record: IdempotencyRecord; nowS: number }
  /**
   * The resident-day guard: created if `expectedVersion` is absent (fails if it exists),
   * else replaced only if its version is still `expectedVersion` (ConflictError otherwise).
   */
  | { op: 'resident-day'; day: ResidentDay; expectedVersion?: number };

/** A resident or driver found by phone number. */
export interface PhoneMatch {
  entity: 'Resident' | 'Driver';
  item: StoredEntity;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page. */
  next?: string;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface EntityRepository {
  get(entity: EntityName, hromadaId: string, id: string): Promise<StoredEntity | undefined>;
  list(entity: EntityName, hromadaId: string, page?: PageRequest): Promise<Page<StoredEntity>>;
  listHromady(page?: PageRequest): Promise<Page<StoredEntity>>;
  /** Residents and drivers with this E.164 number, across entities of the hromada. */
  findByPhone(hromadaId: string, e164: string): Promise<PhoneMatch[]>;
  listRequestsByDate(hromadaId: string, date: string): Promise<ServiceRequest[]>;
  listRequestsByResident(
    hromadaId: string,
    residentId: string,
    page?: PageRequest,
  ): Promise<Page<ServiceRequest>>;
  listAudit(hromadaId: string, page?: PageRequest): Promise<Page<AuditEntry>>;
  getInbound(id: string): Promise<InboundSms | undefined>;
  listInbound(hromadaId: string, page?: PageRequest): Promise<Page<InboundSms>>;
  /** The record of an Idempotency-Key in its scope (consistent read), expired or not. */
  getIdempotency(hromadaId: string, caller: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** A resident's booking guard for one service date (consistent read). */
  getResidentDay(hromadaId: string, residentId: string, date: string): Promise<ResidentDay | undefined>;
  commit(changes: Change[]): Promise<void>;
}
