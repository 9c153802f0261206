import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { IdempotencyRecord } from '../../domain/entities/idempotency-record';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { OutboxMessage } from '../../domain/entities/outbox-message';
import type { ResidentDay } from '../../domain/entities/resident-day';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import type { EntityName } from '../../domain/registry';
import type {
  Change,
  EntityRepository,
  Page,
  PageRequest,
  StoredEntity,
} from '../../ports/entity-repository';

/** In-memory twin of DynamoDbEntityRepository for unit tests: same conditions, same atomicity. */
export class MemoryEntityRepository implements EntityRepository {
  readonly items = new Map<string, StoredEntity & { entity: EntityName }>();
  readonly outbox = new Map<string, OutboxMessage>();
  readonly audit: AuditEntry[] = [];
  readonly inbound = new Map<string, InboundSms>();
  readonly once = new Map<string, number>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly residentDays = new Map<string, ResidentDay>();

  private key(entity: EntityName, hromadaId: string, id: string): string {
    return entity === 'Hromada' ? `Hromada|${id}|${id}` : `${entity}|${hromadaId}|${id}`;
  }

  async get(entity: EntityName, hromadaId: string, id: string) {
    const found = this.items.get(this.key(entity, hromadaId, id));
    if (!found) return undefined;
    const { entity: _e, ...item } = structuredClone(found);
    return item as StoredEntity;
  }

  private all(entity: EntityName, hromadaId?: string): StoredEntity[] {
    return [...this.items.values()]
      .filter((i) => i.entity === entity && (hromadaId === undefined || i.hromadaId === hromadaId))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map(({ entity: _e, ...i }) => structuredClone(i) as StoredEntity);
  }

  async list(entity: EntityName, hromadaId: string, page?: PageRequest) {
    return paginate(this.all(entity, hromadaId), page);
  }

  async listHromady(page?: PageRequest) {
    return paginate(this.all('Hromada'), page);
  }

  async findByPhone(hromadaId: string, e164: string) {
    return (['Resident', 'Driver'] as const).flatMap((entity) =>
      this.all(entity, hromadaId)
        .filter((item) => item.phone === e164)
        .map((item) => ({ entity, item })),
    );
  }

  async listRequestsByDate(hromadaId: string, date: string) {
    return this.all('ServiceRequest', hromadaId).filter(
      (r) => r.date === date,
    ) as unknown as ServiceRequest[];
  }

  async listRequestsByResident(hromadaId: string, residentId: string, page?: PageRequest) {
    const items = this.all('ServiceRequest', hromadaId)
      .filter((r) => r.residentId === residentId)
      .reverse() as unknown as ServiceRequest[];
    return paginate(items, page);
  }

  async listAudit(hromadaId: string, page?: PageRequest) {
    return paginate(this.audit.filter((a) => a.hromadaId === hromadaId).reverse(), page);
  }

  async getInbound(id: string) {
    const r = this.inbound.get(id);
    return r ? structuredClone(r) : undefined;
  }

  async listInbound(hromadaId: string, page?: PageRequest) {
    const items = [...this.inbound.values()]
      .filter((r) => r.hromadaId === hromadaId)
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
    return paginate(items, page);
  }

  async getIdempotency(hromadaId: string, caller: string, key: string) {
    const r = this.idempotency.get(idempotencyKeyOf(hromadaId, caller, key));
    return r ? structuredClone(r) : undefined;
  }

  async getResidentDay(hromadaId: string, residentId: string, date: string) {
    const d = this.residentDays.get(`${hromadaId}|${residentId}|${date}`);
    return d ? structuredClone(d) : undefined;
  }

  /** The conditions DynamoDbEntityRepository puts on idempotency records and resident-day guards. */
  private checkGuards(c: Change): void {
    if (c.op === 'idempotency') {
      const r = c.record;
      const held = this.idempotency.get(idempotencyKeyOf(r.hromadaId, r.caller, r.key));
      if (held && held.expiresAt >= c.nowS) {
        throw new ConflictError(`Idempotency-Key ${r.key} is already used`);
      }
    }
    if (c.op === 'resident-day') {
      const d = c.day;
      const found = this.residentDays.get(`${d.hromadaId}|${d.residentId}|${d.date}`);
      if (found?.version !== c.expectedVersion) {
        throw new ConflictError(
          `The bookings of resident ${d.residentId} on ${d.date} were changed by someone else`,
          found?.version,
        );
      }
    }
  }

  async commit(changes: Change[]): Promise<void> {
    // Check every condition first, then apply: all or nothing.
    for (const c of changes) {
      this.checkGuards(c);
      if (c.op === 'create' && this.items.has(this.key(c.entity, c.item.hromadaId, c.item.id))) {
        throw new ConflictError(`${c.entity} ${c.item.id} already exists`);
      }
      if (c.op === 'update' || c.op === 'delete') {
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
      if (c.op === 'inbound' && this.inbound.has(c.record.id)) {
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
      } else if (c.op === 'outbox') {
        this.outbox.set(c.message.id, structuredClone(c.message));
      } else if (c.op === 'inbound') {
        this.inbound.set(c.record.id, structuredClone(c.record));
      } else if (c.op === 'once') {
        this.once.set(c.key, c.untilS);
      } else if (c.op === 'idempotency') {
        const r = c.record;
        this.idempotency.set(idempotencyKeyOf(r.hromadaId, r.caller, r.key), structuredClone(r));
      } else if (c.op === 'resident-day') {
        const d = c.day;
        this.residentDays.set(`${d.hromadaId}|${d.residentId}|${d.date}`, structuredClone(d));
      } else {
        this.audit.push(structuredClone(c.entry));
      }
    }
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
