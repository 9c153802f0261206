import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BUSY_ITEM_REASON, BUSY_RESIDENT_DAY_REASON } from '../../domain/concurrent-change';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Change } from '../../ports/entity-repository';
import { caseBookingTransactItem, explainCaseBooking } from './case-booking-items';
import {
  auditKey,
  entityKey,
  idempotencyKey,
  importJobKey,
  importJobTtl,
  inboundIndexKeys,
  inboundKey,
  keysOf,
  onceKey,
  openOutboxIndexKeys,
  outboxIndexKeys,
  outboxKey,
  residentDayKey,
  smsMonthKey,
  smsMonthTtl,
} from './keys';
import { reportDayUpdate } from './report-day-items';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/*
 * The unit of work's writes: each change of a change set becomes one item of a single
 * TransactWriteItems, with its condition spelled out. See docs/data-model.md, patterns 9, 10.
 */

type Condition = Omit<NonNullable<TransactItem['Put']>, 'TableName' | 'Item'>;

/** The item is new (its id was never written). */
const IS_NEW: Condition = { ConditionExpression: 'attribute_not_exists(pk)' };
/** A hold or record that is free, or whose time has passed (TTL deletion is lazy). */
const FREE_OR_EXPIRED = (nowS: number): Condition => ({
  ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
  ExpressionAttributeValues: { ':now': nowS },
});
/** Still at the version the writer read. */
const AT_VERSION = (expected: number, { mustExist }: { mustExist: boolean }): Condition => ({
  ConditionExpression: `${mustExist ? 'attribute_exists(pk) AND ' : ''}#v = :expected`,
  ExpressionAttributeNames: { '#v': 'version' },
  ExpressionAttributeValues: { ':expected': expected },
});
/** A failed condition returns the item as it is, for the 409's current version. */
const REPORT_CURRENT: Condition = { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' };

/** One change of a change set, as an item of TransactWriteItems with its condition. */
export function toTransactItem(TableName: string, change: Change): TransactItem {
  if (change.op === 'delete') {
    const Key = entityKey(change.entity, change.hromadaId, change.id);
    return {
      Delete: {
        TableName,
        Key,
        ...AT_VERSION(change.expectedVersion, { mustExist: true }),
        ...REPORT_CURRENT,
      },
    };
  }
  if (change.op === 'check') {
    const Key = entityKey(change.entity, change.hromadaId, change.id);
    const { ConditionExpression, ...rest } = AT_VERSION(change.expectedVersion, { mustExist: true });
    return {
      ConditionCheck: {
        TableName,
        Key,
        ConditionExpression: ConditionExpression ?? '',
        ...rest,
        ...REPORT_CURRENT,
      },
    };
  }
  if (change.op === 'idempotency-forget') {
    if (!change.record)
      throw new Error('idempotency-forget without its record is dropped before the transaction');
    const r = change.record;
    return {
      Delete: {
        TableName,
        Key: idempotencyKey(r.hromadaId, r.caller, r.key),
        ConditionExpression: 'attribute_exists(pk) AND requestHash = :hash',
        ExpressionAttributeValues: { ':hash': r.requestHash },
      },
    };
  }
  if (change.op === 'sms-month') return { Update: smsMonthAdd(TableName, change) };
  if (change.op === 'report-day') return { Update: reportDayUpdate(TableName, change.delta) };
  if (change.op === 'case-slot-take' || change.op === 'case-slot-free' || change.op === 'case-booking')
    return caseBookingTransactItem(TableName, change);
  const [Item, condition] = putOf(change);
  return { Put: { TableName, Item, ...condition } };
}

/** A counter update: ADD each amount (names are the counter's own fields, never input). */
function smsMonthAdd(TableName: string, change: Extract<Change, { op: 'sms-month' }>) {
  const fields = Object.entries(change.add).filter(([, amount]) => amount !== undefined && amount !== 0);
  const names = Object.fromEntries(fields.map(([field], i) => [`#f${i}`, field]));
  const values = Object.fromEntries(fields.map(([, amount], i) => [`:a${i}`, amount]));
  const adds = fields.map((_, i) => `#f${i} :a${i}`).join(', ');
  return {
    TableName,
    Key: smsMonthKey(change.hromadaId, change.month),
    UpdateExpression: `${adds ? `ADD ${adds} ` : ''}SET #entity = :entity, expiresAt = if_not_exists(expiresAt, :ttl)`,
    ExpressionAttributeNames: { ...names, '#entity': 'entity' },
    ExpressionAttributeValues: { ...values, ':entity': 'SmsMonthCounter', ':ttl': smsMonthTtl(change.month) },
  };
}

/** The item a change puts, with its storage keys and item type, and the condition it is put on. */
function putOf(
  change: Exclude<
    Change,
    {
      op:
        | 'delete'
        | 'check'
        | 'idempotency-forget'
        | 'sms-month'
        | 'report-day'
        | 'case-slot-take'
        | 'case-slot-free'
        | 'case-booking';
    }
  >,
): [Record<string, unknown>, Condition] {
  switch (change.op) {
    case 'create':
    case 'update': {
      const item = { ...change.item, ...keysOf(change.entity, change.item), entity: change.entity };
      return change.op === 'create'
        ? [item, { ...IS_NEW, ...REPORT_CURRENT }]
        : [item, { ...AT_VERSION(change.expectedVersion, { mustExist: true }), ...REPORT_CURRENT }];
    }
    case 'outbox': {
      const m = change.message;
      const open = m.dueAt ? openOutboxIndexKeys(m.dueAt, m.id) : {};
      const keys = { ...outboxKey(m.id), ...outboxIndexKeys(m.hromadaId, m.createdAt, m.id), ...open };
      return [{ ...m, ...keys, entity: 'OutboxMessage' }, IS_NEW];
    }
    case 'outbox-final': {
      const m = change.message;
      // a message still open (held or released by an air-raid alert) stays in the sweeper's index
      const open = m.dueAt ? openOutboxIndexKeys(m.dueAt, m.id) : {};
      const keys = { ...outboxKey(m.id), ...outboxIndexKeys(m.hromadaId, m.createdAt, m.id), ...open };
      return [
        { ...m, ...keys, entity: 'OutboxMessage' },
        { ...AT_VERSION(change.expectedVersion, { mustExist: true }), ...REPORT_CURRENT },
      ];
    }
    case 'inbound': {
      const r = change.record;
      const keys = { ...inboundKey(r.id), ...inboundIndexKeys(r.hromadaId, r.receivedAt, r.id) };
      return [{ ...r, ...keys, entity: 'InboundSms' }, IS_NEW];
    }
    case 'once':
      return [
        { ...onceKey(change.key), entity: 'Once', expiresAt: change.untilS },
        FREE_OR_EXPIRED(change.nowS),
      ];
    case 'idempotency': {
      const r = change.record;
      const keys = idempotencyKey(r.hromadaId, r.caller, r.key);
      return [{ ...r, ...keys, entity: 'IdempotencyRecord' }, FREE_OR_EXPIRED(change.nowS)];
    }
    case 'import-job': {
      const j = change.job;
      const item = {
        ...j,
        ...importJobKey(j.hromadaId, j.id),
        entity: 'ImportJob',
        expiresAt: importJobTtl(j.createdAt),
      };
      const v = change.expectedVersion;
      return [item, v === undefined ? IS_NEW : { ...AT_VERSION(v, { mustExist: true }), ...REPORT_CURRENT }];
    }
    case 'idempotency-answer': {
      const r = change.record;
      const keys = idempotencyKey(r.hromadaId, r.caller, r.key);
      const sameRequest: Condition = {
        ConditionExpression: 'attribute_exists(pk) AND requestHash = :hash',
        ExpressionAttributeValues: { ':hash': r.requestHash },
      };
      return [{ ...r, ...keys, entity: 'IdempotencyRecord' }, sameRequest];
    }
    case 'resident-day': {
      const d = change.day;
      const item = { ...d, ...residentDayKey(d.hromadaId, d.residentId, d.date), entity: 'ResidentDay' };
      const v = change.expectedVersion;
      return [item, v === undefined ? IS_NEW : AT_VERSION(v, { mustExist: false })];
    }
    case 'audit': {
      const a = change.entry;
      return [{ ...a, ...auditKey(a.hromadaId, a.at, a.id), entity: 'AuditEntry' }, IS_NEW];
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
      return new ConflictError('Another change to the same item is in progress; try again', undefined, {
        reason: BUSY_ITEM_REASON,
      });
    }
    if (reason.Code !== 'ConditionalCheckFailed') continue;
    const old = reason.Item as Record<string, { N?: string }> | undefined;
    const current = old?.version?.N ? Number(old.version.N) : undefined;
    switch (change.op) {
      case 'create':
        return new ConflictError(`${change.entity} ${change.item.id} already exists`, current);
      case 'update':
      case 'delete':
      case 'check': {
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
      case 'outbox-final':
        return new ConflictError(`Message ${change.message.id} changed meanwhile`, current);
      case 'audit':
        return new ConflictError(`Audit entry ${change.entry.id} already exists`);
      case 'inbound':
        return new ConflictError(`Inbound message ${change.record.id} was already handled`);
      case 'once':
        return new ConflictError(`${change.key} is held until ${change.untilS}`);
      case 'idempotency':
        return new ConflictError(`Idempotency-Key ${change.record.key} is already used`);
      case 'import-job':
        return new ConflictError(`Import job ${change.job.id} changed meanwhile`, current);
      case 'idempotency-answer':
      case 'idempotency-forget':
        return new ConflictError(`Idempotency-Key ${change.record?.key} no longer holds this request`);
      case 'resident-day':
        return new ConflictError(
          `The bookings of resident ${change.day.residentId} on ${change.day.date} were changed by someone else`,
          undefined,
          { reason: BUSY_RESIDENT_DAY_REASON },
        );
      case 'case-slot-take':
      case 'case-slot-free':
      case 'case-booking':
        return explainCaseBooking(change);
    }
  }
  return error;
}
