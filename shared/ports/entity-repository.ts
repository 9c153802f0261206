import type { AuditEntry } from '../domain/entities/audit-entry';
import type { CaseBooking } from '../domain/entities/case-stop';
import type { IdempotencyRecord } from '../domain/entities/idempotency-record';
import type { ImportJob } from '../domain/entities/import-job';
import type { InboundSms } from '../domain/entities/inbound-sms';
import type { OutboxMessage } from '../domain/entities/outbox-message';
import type { ResidentDay } from '../domain/entities/resident-day';
import type { EntityName } from '../domain/registry';
import type { ReportDayDelta } from '../domain/report-day';
import type { SmsMonthCounter } from '../domain/sms-spend';
import type { EntityOf } from '../domain/stored-entities';
import type {
  AirRaidStore,
  AlertStore,
  AuditLog,
  CaseBookingStore,
  CaseStopStore,
  DangerZoneStore,
  FollowUpStore,
  HromadaStore,
  IdempotencyStore,
  ImportJobStore,
  InboundLog,
  PeopleStore,
  PlanStore,
  RegistryStore,
  ReportDayStore,
  RequestStore,
  ResidentDayStore,
  StandingOrderStore,
  TourStores,
} from './stores';

export type { Page, PageRequest, PhoneMatch } from './stores';

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
 * Creating (the id must be new) or replacing (at the version the writer read) one entity, typed by
 * its kind: a write of a ServiceRequest must be a whole ServiceRequest.
 */
export type EntityWrite = {
  [E in EntityName]:
    | { op: 'create'; entity: E; item: EntityOf<E> }
    | { op: 'update'; entity: E; item: EntityOf<E>; expectedVersion: number };
}[EntityName];

/**
 * One atomic change set. The adapter writes all of it or none of it (DynamoDB
 * TransactWriteItems); a failed condition becomes a ConflictError, a missing item NotFoundError.
 */
export type Change =
  | EntityWrite
  | { op: 'delete'; entity: EntityName; hromadaId: string; id: string; expectedVersion: number }
  /**
   * Writes nothing: the whole change set fails unless the entity is still at `expectedVersion`
   * (DynamoDB ConditionCheck), e.g. a tour saved only while the agreements it was planned under
   * are unchanged.
   */
  | { op: 'check'; entity: EntityName; hromadaId: string; id: string; expectedVersion: number }
  /** Created once: a second write of the same id is a no-op failure (ConflictError). */
  | { op: 'outbox'; message: OutboxMessage }
  /**
   * A message already final (sent or failed) gains what happened after, e.g. its delivery
   * receipt; or a pending one is held or released by an air-raid alert (with `dueAt`, it stays in
   * the sweeper's index): replaced only if it is still at `expectedVersion` (ConflictError otherwise).
   */
  | { op: 'outbox-final'; message: OutboxMessage; expectedVersion: number }
  /**
   * Add to a hromada's report day (pattern RP1; no condition: counts only). Not written by use
   * cases: `withReportDays` derives it at commit from the change set's requests and plans.
   */
  | { op: 'report-day'; delta: ReportDayDelta }
  /** Add to a hromada's SMS month counter (no condition: counts only). */
  | { op: 'sms-month'; hromadaId: string; month: string; add: Partial<SmsMonthCounter> }
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
   * The answer added to an Idempotency-Key's record written earlier (without `response`) with the
   * operation's effect: replaced only while the record is there with the same request hash.
   */
  | { op: 'idempotency-answer'; record: IdempotencyRecord }
  /**
   * The call's Idempotency-Key record, forgotten with this change set: the operation undid what it
   * did (a job that could not be started ends failed), so that a retry with the key runs again
   * instead of meeting a 409 `idempotency-in-flight` for a day. Use cases write it without
   * `record`; answerOnce fills in the call's record once written (deleted only while it holds the
   * same request), and drops it when the call has no key or wrote nothing yet.
   */
  | { op: 'idempotency-forget'; record?: IdempotencyRecord }
  /** A CSV import job: created (no `expectedVersion`), else replaced only at `expectedVersion`. */
  | { op: 'import-job'; job: ImportJob; expectedVersion?: number }
  /**
   * The resident-day guard: created if `expectedVersion` is absent (fails if it exists),
   * else replaced only if its version is still `expectedVersion` (ConflictError otherwise).
   */
  | { op: 'resident-day'; day: ResidentDay; expectedVersion?: number }
  /**
   * A mobile-case slot taken: one item per slot, created only if the slot is free, so that a slot
   * is never booked twice however many bookings race for it (ConflictError with a reason).
   */
  | { op: 'case-slot-take'; booking: CaseBooking }
  /** A slot given back: deleted only while it is still this resident's. */
  | { op: 'case-slot-free'; booking: CaseBooking }
  /**
   * A resident's booking at a stop: created if `expectedVersion` is absent (one per resident and
   * stop), else replaced (or deleted) only at `expectedVersion`.
   */
  | { op: 'case-booking'; booking: CaseBooking; expectedVersion?: number; remove?: boolean };

/**
 * The single table: typed reads, one port per area (`./stores`), and one way to write, `commit`,
 * the unit of work: every change set is one transaction with explicit conditions.
 */
export interface EntityRepository {
  readonly hromady: HromadaStore;
  readonly registry: RegistryStore;
  readonly people: PeopleStore;
  readonly requests: RequestStore;
  readonly plans: PlanStore;
  readonly audit: AuditLog;
  readonly inbound: InboundLog;
  readonly idempotency: IdempotencyStore;
  readonly residentDays: ResidentDayStore;
  readonly followUps: FollowUpStore;
  readonly alerts: AlertStore;
  readonly airRaids: AirRaidStore;
  readonly standingOrders: StandingOrderStore;
  readonly caseStops: CaseStopStore;
  readonly caseBookings: CaseBookingStore;
  readonly reportDays: ReportDayStore;
  readonly importJobs: ImportJobStore;
  readonly dangerZones: DangerZoneStore;
  /** Regional tours (RT). */
  readonly tours: TourStores;
  commit(changes: Change[]): Promise<void>;
}
