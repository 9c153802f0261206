import { markWritten, refuseLateWrite } from '../../domain/answer-deadline';
import { BUSY_RESIDENT_DAY_REASON } from '../../domain/concurrent-change';
import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { CaseBooking } from '../../domain/entities/case-stop';
import type { IdempotencyRecord } from '../../domain/entities/idempotency-record';
import { type ImportJob, importJobSchema } from '../../domain/entities/import-job';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { OutboxMessage } from '../../domain/entities/outbox-message';
import type { ResidentDay } from '../../domain/entities/resident-day';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import type { EntityName } from '../../domain/registry';
import { EMPTY_SMS_MONTH, type SmsMonthCounter } from '../../domain/sms-spend';
import { type EntityOf, parseRegistryItem, parseStored } from '../../domain/stored-entities';
import type { Change, EntityRepository, StoredEntity } from '../../ports/entity-repository';
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
  Page,
  PageRequest,
  PeopleStore,
  PlanStore,
  RegistryStore,
  RequestStore,
  ResidentDayStore,
  StandingOrderStore,
} from '../../ports/stores';
import { withReportDays } from '../report-day-changes';
import { MemoryCaseBookings } from './memory-case-bookings';
import { MemoryReportDays } from './memory-report-days';
import { memoryTourStores } from './memory-tour-stores';

/**
 * In-memory twin of DynamoDbEntityRepository for unit tests: same conditions, same atomicity,
 * and, like it, every entity read is parsed with its schema.
 */
export class MemoryEntityRepository implements EntityRepository {
  readonly items = new Map<string, StoredEntity & { entity: EntityName }>();
  readonly outbox = new Map<string, OutboxMessage>();
  /** SMS month counters by `<hromada>|<YYYY-MM>` (the outbox's reservations and the receipts). */
  readonly smsMonths = new Map<string, SmsMonthCounter>();

  /** Add to a hromada's SMS month counter. */
  addToSmsMonth(hromadaId: string, month: string, add: Partial<SmsMonthCounter>): void {
    const key = `${hromadaId}|${month}`;
    const counter = { ...EMPTY_SMS_MONTH, ...this.smsMonths.get(key) };
    for (const [field, amount] of Object.entries(add) as [keyof SmsMonthCounter, number][]) {
      counter[field] += amount;
    }
    this.smsMonths.set(key, counter);
  }
  readonly auditEntries: AuditEntry[] = [];
  readonly inboundRecords = new Map<string, InboundSms>();
  readonly once = new Map<string, number>();
  readonly idempotencyRecords = new Map<string, IdempotencyRecord>();
  readonly importJobItems = new Map<string, ImportJob>();
  readonly residentDayGuards = new Map<string, ResidentDay>();
  readonly caseBookingItems = new MemoryCaseBookings();
  readonly reportDays = new MemoryReportDays();
  readonly tours = memoryTourStores(this.items);

  private key(entity: EntityName, hromadaId: string, id: string): string {
    return entity === 'Hromada' ? `Hromada|${id}|${id}` : `${entity}|${hromadaId}|${id}`;
  }

  /** One item as stored, without its item type. */
  private raw(entity: EntityName, hromadaId: string, id: string): StoredEntity | undefined {
    const found = this.items.get(this.key(entity, hromadaId, id));
    if (!found) return undefined;
    const { entity: _e, ...item } = structuredClone(found);
    return item;
  }

  private getEntity<E extends EntityName>(entity: E, hromadaId: string, id: string): EntityOf<E> | undefined {
    const found = this.raw(entity, hromadaId, id);
    return found && parseStored(entity, found);
  }

  /** One kind's items (of one hromada), by id, as stored. */
  private all(entity: EntityName, hromadaId?: string): StoredEntity[] {
    return [...this.items.values()]
      .filter((i) => i.entity === entity && (hromadaId === undefined || i.hromadaId === hromadaId))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(({ entity: _e, ...i }) => structuredClone(i) as StoredEntity);
  }

  private requestsOf(hromadaId: string) {
    return this.all('ServiceRequest', hromadaId).map((r) => parseStored('ServiceRequest', r));
  }

  readonly hromady: HromadaStore = {
    get: async (id) => this.getEntity('Hromada', id, id),
    list: async (page) =>
      paginate(
        this.all('Hromada').map((h) => parseStored('Hromada', h)),
        page,
      ),
  };

  readonly registry: RegistryStore = {
    get: async (kind, hromadaId, id) => {
      const found = this.raw(kind.entity, hromadaId, id);
      return found && parseRegistryItem(kind, found);
    },
    list: async (kind, hromadaId, page) =>
      paginate(
        this.all(kind.entity, hromadaId).map((i) => parseRegistryItem(kind, i)),
        page,
      ),
  };

  readonly people: PeopleStore = {
    byPhone: async (hromadaId, e164) => [
      ...this.all('Resident', hromadaId)
        .filter((i) => i.phone === e164)
        .map((i) => ({ entity: 'Resident' as const, item: parseStored('Resident', i) })),
      ...this.all('Driver', hromadaId)
        .filter((i) => i.phone === e164)
        .map((i) => ({ entity: 'Driver' as const, item: parseStored('Driver', i) })),
    ],
  };

  readonly requests: RequestStore = {
    get: async (hromadaId, id) => this.getEntity('ServiceRequest', hromadaId, id),
    forDay: async (hromadaId, date) => this.requestsOf(hromadaId).filter((r) => r.date === date),
    byResident: async (hromadaId, residentId, page) =>
      paginate(
        this.requestsOf(hromadaId)
          .filter((r) => r.residentId === residentId)
          .reverse(),
        page,
      ),
    byResidentBetween: async (hromadaId, residentId, from, to) =>
      this.requestsOf(hromadaId)
        .filter((r) => r.residentId === residentId && r.date >= from && r.date <= to)
        .sort((a, b) => `${a.date}#${a.id}`.localeCompare(`${b.date}#${b.id}`)),
  };

  readonly plans: PlanStore = {
    forDay: async (hromadaId, date) => this.getEntity('Plan', hromadaId, date),
  };

  readonly audit: AuditLog = {
    list: async (hromadaId, page) =>
      paginate(
        this.auditEntries
          .filter((a) => a.hromadaId === hromadaId)
          .reverse()
          .map((a) => structuredClone(a)),
        page,
      ),
    append: async (entry) => {
      this.auditEntries.push(structuredClone(entry));
    },
  };

  readonly inbound: InboundLog = {
    get: async (id) => {
      const r = this.inboundRecords.get(id);
      return r ? structuredClone(r) : undefined;
    },
    list: async (hromadaId, page) => {
      const items = [...this.inboundRecords.values()]
        .filter((r) => r.hromadaId === hromadaId)
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
        .map((r) => structuredClone(r));
      return paginate(items, page);
    },
  };

  readonly importJobs: ImportJobStore = {
    get: async (hromadaId, jobId) => {
      const job = this.importJobItems.get(`${hromadaId}|${jobId}`);
      return job && structuredClone(job);
    },
  };

  readonly idempotency: IdempotencyStore = {
    get: async (hromadaId, caller, key) => {
      const r = this.idempotencyRecords.get(idempotencyKeyOf(hromadaId, caller, key));
      return r ? structuredClone(r) : undefined;
    },
  };

  readonly residentDays: ResidentDayStore = {
    get: async (hromadaId, residentId, date) => {
      const d = this.residentDayGuards.get(`${hromadaId}|${residentId}|${date}`);
      return d ? structuredClone(d) : undefined;
    },
  };

  readonly followUps: FollowUpStore = {
    get: async (hromadaId, id) => this.getEntity('FollowUp', hromadaId, id),
    list: async (hromadaId, filter, page) => {
      const all = this.all('FollowUp', hromadaId).map((f) => parseStored('FollowUp', f));
      const open = all
        .filter((f) => f.open)
        .sort((a, b) => `${a.createdAt}#${a.id}`.localeCompare(`${b.createdAt}#${b.id}`));
      return paginate(filter.open ? open : all, page);
    },
  };

  readonly alerts: AlertStore = {
    get: async (hromadaId, id) => this.getEntity('Alert', hromadaId, id),
    forDay: async (hromadaId, date, handled, page) => {
      const items = this.all('Alert', hromadaId)
        .map((a) => parseStored('Alert', a))
        .filter((a) => a.date === date && (handled === undefined || a.handled === handled))
        .sort((a, b) => `${b.at}#${b.id}`.localeCompare(`${a.at}#${a.id}`));
      return paginate(items, page);
    },
  };

  readonly airRaids: AirRaidStore = {
    get: async (hromadaId, id) => this.getEntity('AirRaidAlert', hromadaId, id),
    list: async (hromadaId, page) => paginate(this.airRaidsNewestFirst(hromadaId), page),
    active: async (hromadaId) => {
      const [newest] = this.airRaidsNewestFirst(hromadaId);
      return newest && newest.endedAt === undefined ? newest : undefined;
    },
    newest: async (hromadaId) => this.airRaidsNewestFirst(hromadaId)[0],
  };

  private airRaidsNewestFirst(hromadaId: string) {
    return this.all('AirRaidAlert', hromadaId)
      .map((a) => parseStored('AirRaidAlert', a))
      .sort((a, b) => b.id.localeCompare(a.id));
  }

  readonly standingOrders: StandingOrderStore = {
    get: async (hromadaId, id) => this.getEntity('StandingOrder', hromadaId, id),
    list: async (hromadaId, page) =>
      paginate(
        this.all('StandingOrder', hromadaId).map((o) => parseStored('StandingOrder', o)),
        page,
      ),
  };

  readonly dangerZones: DangerZoneStore = {
    get: async (hromadaId, id) => this.getEntity('DangerZone', hromadaId, id),
    all: async (hromadaId) =>
      this.all('DangerZone', hromadaId)
        .map((z) => parseStored('DangerZone', z))
        .sort((a, b) => a.id.localeCompare(b.id)),
  };

  readonly caseStops: CaseStopStore = {
    get: async (hromadaId, id) => this.getEntity('CaseStop', hromadaId, id),
    between: async (hromadaId, from, to) =>
      this.all('CaseStop', hromadaId)
        .map((s) => parseStored('CaseStop', s))
        .filter((s) => s.date >= from && s.date <= to)
        .sort((a, b) => `${a.date}#${a.from}#${a.id}`.localeCompare(`${b.date}#${b.from}#${b.id}`)),
  };

  readonly caseBookings: CaseBookingStore = {
    forStop: async (hromadaId, stopId) => this.caseBookingItems.forStop(hromadaId, stopId),
    get: async (hromadaId, stopId, residentId): Promise<CaseBooking | undefined> =>
      this.caseBookingItems.get(hromadaId, stopId, residentId),
  };

  /** The conditions DynamoDbEntityRepository puts on idempotency records and resident-day guards. */
  private checkGuards(c: Change): void {
    if (c.op === 'idempotency') {
      const r = c.record;
      const held = this.idempotencyRecords.get(idempotencyKeyOf(r.hromadaId, r.caller, r.key));
      if (held && held.expiresAt >= c.nowS) {
        throw new ConflictError(`Idempotency-Key ${r.key} is already used`);
      }
    }
    if (c.op === 'import-job') {
      const held = this.importJobItems.get(`${c.job.hromadaId}|${c.job.id}`);
      if (c.expectedVersion === undefined ? held !== undefined : held?.version !== c.expectedVersion)
        throw new ConflictError(`Import job ${c.job.id} changed meanwhile`, held?.version);
    }
    if (c.op === 'idempotency-forget' && c.record) {
      const r = c.record;
      const held = this.idempotencyRecords.get(idempotencyKeyOf(r.hromadaId, r.caller, r.key));
      if (held?.requestHash !== r.requestHash)
        throw new ConflictError(`Idempotency-Key ${r.key} no longer holds this request`);
    }
    if (c.op === 'idempotency-answer') {
      const r = c.record;
      const held = this.idempotencyRecords.get(idempotencyKeyOf(r.hromadaId, r.caller, r.key));
      if (held?.requestHash !== r.requestHash)
        throw new ConflictError(`Idempotency-Key ${r.key} no longer holds this request`);
    }
    if (c.op === 'resident-day') {
      const d = c.day;
      const found = this.residentDayGuards.get(`${d.hromadaId}|${d.residentId}|${d.date}`);
      if (found?.version !== c.expectedVersion) {
        throw new ConflictError(
          `The bookings of resident ${d.residentId} on ${d.date} were changed by someone else`,
          found?.version,
          { reason: BUSY_RESIDENT_DAY_REASON },
        );
      }
    }
  }

  async commit(given: Change[]): Promise<void> {
    refuseLateWrite(); // a call past its answer's deadline writes nothing (domain/answer-deadline.ts)
    const changes = withReportDays(given);
    // Check every condition first, then apply: all or nothing.
    this.caseBookingItems.check(changes);
    for (const c of changes) {
      this.checkGuards(c);
      if (c.op === 'create' && this.items.has(this.key(c.entity, c.item.hromadaId, c.item.id))) {
        throw new ConflictError(`${c.entity} ${c.item.id} already exists`);
      }
      if (c.op === 'update' || c.op === 'delete' || c.op === 'check') {
        const id = c.op === 'update' ? c.item.id : c.id;
        const hromadaId = c.op === 'update' ? c.item.hromadaId : c.hromadaId;
        const found = this.items.get(this.key(c.entity, hromadaId, id));
        if (!found) throw new NotFoundError(c.entity, id);
        if (found.version !== c.expectedVersion) {
          throw new ConflictError(`${c.entity} ${id} was changed by someone else`, found.version);
        }
      }
      if (c.op === 'outbox' && this.outbox.has(c.message.id)) {
        throw new ConflictError(`Message ${c.message.id} is already queued`);
      }
      if (c.op === 'outbox-final') {
        const found = this.outbox.get(c.message.id);
        if (found?.version !== c.expectedVersion) {
          throw new ConflictError(`Message ${c.message.id} changed meanwhile`, found?.version);
        }
      }
      if (c.op === 'inbound' && this.inboundRecords.has(c.record.id)) {
        throw new ConflictError(`Inbound message ${c.record.id} was already handled`);
      }
      if (c.op === 'once' && (this.once.get(c.key) ?? Number.NEGATIVE_INFINITY) >= c.nowS) {
        throw new ConflictError(`${c.key} is held`);
      }
    }
    for (const c of changes) {
      if (c.op === 'create' || c.op === 'update') {
        this.items.set(this.key(c.entity, c.item.hromadaId, c.item.id), {
          ...structuredClone(c.item),
          entity: c.entity,
        });
      } else if (c.op === 'delete') {
        this.items.delete(this.key(c.entity, c.hromadaId, c.id));
      } else if (c.op === 'idempotency-forget') {
        const r = c.record;
        if (r) this.idempotencyRecords.delete(idempotencyKeyOf(r.hromadaId, r.caller, r.key));
      } else if (c.op === 'check') {
        // a condition only: nothing to write
      } else if (c.op === 'outbox' || c.op === 'outbox-final') {
        this.outbox.set(c.message.id, structuredClone(c.message));
      } else if (c.op === 'inbound') {
        this.inboundRecords.set(c.record.id, structuredClone(c.record));
      } else if (c.op === 'once') {
        this.once.set(c.key, c.untilS);
      } else if (c.op === 'import-job') {
        this.importJobItems.set(`${c.job.hromadaId}|${c.job.id}`, importJobSchema.parse(c.job));
      } else if (c.op === 'idempotency' || c.op === 'idempotency-answer') {
        const r = c.record;
        this.idempotencyRecords.set(idempotencyKeyOf(r.hromadaId, r.caller, r.key), structuredClone(r));
      } else if (c.op === 'case-slot-take' || c.op === 'case-slot-free' || c.op === 'case-booking') {
        this.caseBookingItems.apply(c);
      } else if (c.op === 'resident-day') {
        const d = c.day;
        this.residentDayGuards.set(`${d.hromadaId}|${d.residentId}|${d.date}`, structuredClone(d));
      } else if (c.op === 'report-day') {
        this.reportDays.apply(c.delta);
      } else if (c.op === 'sms-month') {
        this.addToSmsMonth(c.hromadaId, c.month, c.add);
      } else {
        this.auditEntries.push(structuredClone(c.entry));
      }
    }
    markWritten(); // the call has changed something: it is not answered "nothing saved" at its close
  }
}

const idempotencyKeyOf = (hromadaId: string, caller: string, key: string) =>
  `${hromadaId}|${encodeURIComponent(caller)}|${key}`;

/** Offsets as cursors; like the DynamoDB adapter, a cursor it did not issue is a 400. */
export function paginate<T>(items: T[], page?: PageRequest): Page<T> {
  const start = page?.cursor ? Number(page.cursor) : 0;
  if (!Number.isSafeInteger(start) || start < 0 || String(start) !== (page?.cursor || '0')) {
    throw new ValidationError('Invalid cursor', [{ path: 'cursor', message: 'not a cursor from this API' }]);
  }
  const limit = Math.min(Math.max(page?.limit ?? 50, 1), 200);
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? String(start + limit) : undefined;
  return { items: slice, ...(next ? { next } : {}) };
}
