import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Change } from '../../ports/entity-repository';
import {
  auditKey,
  entityKey,
  idempotencyKey,
  inboundIndexKeys,
  inboundKey,
  keysOf,
  onceKey,
  openOutboxIndexKeys,
  outboxIndexKeys,
  outboxKey,
  residentDayKey,
} from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/*
 * The unit of work's writes: each change of a change set becomes one item of a single
 * TransactWriteItems, with its condition spelled out (create: the item is new; update and delete:
 * the version the writer read; guards: free or expired). See docs/data-model.md, patterns 9, 10.
 */

/** One change of a change set, as an item of TransactWriteItems with its condition. */
export function toTransactItem(TableName: string, change: Change): TransactItem {
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
export function explainCancellation(error: TransactionCanceledException, changes: Change[]): Error {
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
