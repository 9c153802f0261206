import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../domain/entities/audit-entry';
import type { IdempotencyRecord } from '../../domain/entities/idempotency-record';
import type { InboundSms } from '../../domain/entities/inbound-sms';
import type { ResidentDay } from '../../domain/entities/resident-day';
import type { ServiceRequest } from '../../domain/entities/service-request';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { EntityName } from '../../domain/registry';
import type {
  Change,
  EntityRepository,
  Page,
  PageRequest,
  PhoneMatch,
  StoredEntity,
} from '../../ports/entity-repository';
import { CursorSealer, listingScope, pageLimit } from './cursor';
import {
  auditKey,
  dayRequestsPk,
  entityKey,
  entitySkPrefix,
  HROMADY_INDEX_PK,
  hromadaPk,
  idempotencyKey,
  inboundIndexKeys,
  inboundKey,
  keysOf,
  onceKey,
  openOutboxIndexKeys,
  outboxIndexKeys,
  outboxKey,
  phoneIndexPk,
  residentDayKey,
  residentRequestsPk,
  withoutKeys,
} from './keys';
import { INDEX, indexPkEquals } from './table-schema';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Single-table repository for the registry, service requests, audit entries and outbox writes. */
export class DynamoDbEntityRepository implements EntityRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Seals the cursors it hands out; the default's cursors die with the process. */
    private readonly cursors: CursorSealer = CursorSealer.ephemeral(),
  ) {}

  async get(entity: EntityName, hromadaId: string, id: string): Promise<StoredEntity | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: entityKey(entity, hromadaId, id),
        ConsistentRead: true,
      }),
    );
    return out.Item ? (withoutKeys(out.Item) as StoredEntity) : undefined;
  }

  async list(entity: EntityName, hromadaId: string, page?: PageRequest): Promise<Page<StoredEntity>> {
    return this.query<StoredEntity>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': hromadaPk(hromadaId), ':prefix': entitySkPrefix(entity) },
      },
      page,
    );
  }

  async listHromady(page?: PageRequest): Promise<Page<StoredEntity>> {
    return this.query<StoredEntity>(
      {
        IndexName: INDEX.hromadyByName,
        KeyConditionExpression: indexPkEquals(INDEX.hromadyByName),
        ExpressionAttributeValues: { ':pk': HROMADY_INDEX_PK },
      },
      page,
    );
  }

  async findByPhone(hromadaId: string, e164: string): Promise<PhoneMatch[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.peopleByPhone,
        KeyConditionExpression: indexPkEquals(INDEX.peopleByPhone),
        ExpressionAttributeValues: { ':pk': phoneIndexPk(hromadaId, e164) },
        Limit: 50,
      }),
    );
    return (out.Items ?? []).map((i) => ({
      entity: i.entity as PhoneMatch['entity'],
      item: withoutKeys(i) as StoredEntity,
    }));
  }

  async listRequestsByDate(hromadaId: string, date: string): Promise<ServiceRequest[]> {
    const items: ServiceRequest[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query<ServiceRequest>(
        {
          IndexName: INDEX.requestsByDay,
          KeyConditionExpression: indexPkEquals(INDEX.requestsByDay),
          ExpressionAttributeValues: { ':pk': dayRequestsPk(hromadaId, date) },
        },
        { limit: 200, cursor },
      );
      items.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return items;
  }

  async listRequestsByResident(
    hromadaId: string,
    residentId: string,
    page?: PageRequest,
  ): Promise<Page<ServiceRequest>> {
    return this.query<ServiceRequest>(
      {
        IndexName: INDEX.tripsByResident,
        KeyConditionExpression: indexPkEquals(INDEX.tripsByResident),
        ExpressionAttributeValues: { ':pk': residentRequestsPk(hromadaId, residentId) },
        ScanIndexForward: false,
      },
      page,
    );
  }

  async listAudit(hromadaId: string, page?: PageRequest): Promise<Page<AuditEntry>> {
    return this.query<AuditEntry>(
      {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': auditKey(hromadaId, '', '').pk },
        ScanIndexForward: false,
      },
      page,
    );
  }

  async getInbound(id: string): Promise<InboundSms | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: inboundKey(id), ConsistentRead: true }),
    );
    return out.Item ? (withoutKeys(out.Item) as InboundSms) : undefined;
  }

  async listInbound(hromadaId: string, page?: PageRequest): Promise<Page<InboundSms>> {
    return this.query<InboundSms>(
      {
        IndexName: INDEX.inboundLog,
        KeyConditionExpression: indexPkEquals(INDEX.inboundLog),
        ExpressionAttributeValues: { ':pk': inboundIndexKeys(hromadaId, '', '').gsi1pk },
        ScanIndexForward: false,
      },
      page,
    );
  }

  async getIdempotency(
    hromadaId: string,
    caller: string,
    key: string,
  ): Promise<IdempotencyRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: idempotencyKey(hromadaId, caller, key),
        ConsistentRead: true,
      }),
    );
    return out.Item ? (withoutKeys(out.Item) as unknown as IdempotencyRecord) : undefined;
  }

  async getResidentDay(
    hromadaId: string,
    residentId: string,
    date: string,
  ): Promise<ResidentDay | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: residentDayKey(hromadaId, residentId, date),
        ConsistentRead: true,
      }),
    );
    return out.Item ? (withoutKeys(out.Item) as unknown as ResidentDay) : undefined;
  }

  async commit(changes: Change[]): Promise<void> {
    if (changes.length === 0) return;
    if (changes.length > 100) throw new RangeError('a transaction holds at most 100 items');
    const input: TransactWriteCommandInput = {
      TransactItems: changes.map((c) => this.toTransactItem(c)),
    };
    try {
      await this.doc.send(new TransactWriteCommand(input));
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw this.explain(error, changes);
      throw error;
    }
  }

  private toTransactItem(change: Change): TransactItem {
    const TableName = this.tableName;
    switch (change.op) {
      case 'create':
        return {
          Put: {
            TableName,
            Item: { ...change.item, ...keysOf(change.entity, change.item), entity: change.entity },
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        };
      case 'update':
        return {
          Put: {
            TableName,
            Item: { ...change.item, ...keysOf(change.entity, change.item), entity: change.entity },
            ConditionExpression: 'attribute_exists(pk) AND #v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':expected': change.expectedVersion },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        };
      case 'delete':
        return {
          Delete: {
            TableName,
            Key: entityKey(change.entity, change.hromadaId, change.id),
            ConditionExpression: 'attribute_exists(pk) AND #v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':expected': change.expectedVersion },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        };
      case 'outbox': {
        const m = change.message;
        return {
          Put: {
            TableName,
            Item: {
              ...m,
              ...outboxKey(m.id),
              ...outboxIndexKeys(m.hromadaId, m.createdAt, m.id),
              ...(m.dueAt ? openOutboxIndexKeys(m.dueAt, m.id) : {}),
              entity: 'OutboxMessage',
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      }
      case 'inbound': {
        const r = change.record;
        return {
          Put: {
            TableName,
            Item: {
              ...r,
              ...inboundKey(r.id),
              ...inboundIndexKeys(r.hromadaId, r.receivedAt, r.id),
              entity: 'InboundSms',
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      }
      case 'once':
        return {
          Put: {
            TableName,
            Item: { ...onceKey(change.key), entity: 'Once', expiresAt: change.untilS },
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': change.nowS },
          },
        };
      case 'idempotency': {
        const r = change.record;
        return {
          Put: {
            TableName,
            Item: { ...r, ...idempotencyKey(r.hromadaId, r.caller, r.key), entity: 'IdempotencyRecord' },
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
            ExpressionAttributeValues: { ':now': change.nowS },
          },
        };
      }
      case 'resident-day': {
        const d = change.day;
        const Item = { ...d, ...residentDayKey(d.hromadaId, d.residentId, d.date), entity: 'ResidentDay' };
        if (change.expectedVersion === undefined) {
          return { Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } };
        }
        return {
          Put: {
            TableName,
            Item,
            ConditionExpression: '#v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':expected': change.expectedVersion },
          },
        };
      }
      case 'audit': {
        const a = change.entry;
        return {
          Put: {
            TableName,
            Item: { ...a, ...auditKey(a.hromadaId, a.at, a.id), entity: 'AuditEntry' },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        };
      }
    }
  }

  /** Turn a cancelled transaction into the domain error of the change that failed. */
  private explain(error: TransactionCanceledException, changes: Change[]): Error {
    const reasons = error.CancellationReasons ?? [];
    for (const [i, reason] of reasons.entries()) {
      const change = changes[i];
      if (!change || !reason.Code || reason.Code === 'None') continue;
      if (reason.Code === 'TransactionConflict') {
        return new ConflictError('Another change to the same item is in progress; try again');
      }
      if (reason.Code !== 'ConditionalCheckFailed') continue;
      const old = reason.Item as Record<string, { N?: string }> | undefined;
      const current = old?.version?.N ? Number(old.version.N) : undefined;
      switch (change.op) {
        case 'create':
          return new ConflictError(`${change.entity} ${change.item.id} already exists`, current);
        case 'update':
        case 'delete': {
          const id = change.op === 'update' ? change.item.id : change.id;
          if (!old) return new NotFoundError(change.entity, id);
          return new ConflictError(
            `${change.entity} ${id} was changed by someone else (version ${current ?? '?'}, ` +
              `you had ${change.expectedVersion}); reload and try again`,
            current,
          );
        }
        case 'outbox':
          return new ConflictError(`Message ${change.message.id} is already queued`);
        case 'audit':
          return new ConflictError(`Audit entry ${change.entry.id} already exists`);
        case 'inbound':
          return new ConflictError(`Inbound message ${change.record.id} was already handled`);
        case 'once':
          return new ConflictError(`${change.key} is held until ${change.untilS}`);
        case 'idempotency':
          return new ConflictError(`Idempotency-Key ${change.record.key} is already used`);
        case 'resident-day':
          return new ConflictError(
            `The bookings of resident ${change.day.residentId} on ${change.day.date} were changed by someone else`,
          );
      }
    }
    return error;
  }

  private async query<T>(input: Omit<QueryCommandInput, 'TableName'>, page?: PageRequest): Promise<Page<T>> {
    const scope = listingScope(input);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...input,
        Limit: pageLimit(page?.limit),
        ExclusiveStartKey: await this.cursors.open(page?.cursor, scope),
      }),
    );
    const next = await this.cursors.seal(out.LastEvaluatedKey, scope);
    return { items: (out.Items ?? []).map((i) => withoutKeys(i) as T), ...(next ? { next } : {}) };
  }
}
