import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { MAX_SEND_ATTEMPTS, type OutboxMessage } from '../../domain/entities/outbox-message';
import { ConflictError } from '../../domain/errors';
import { EMPTY_SMS_MONTH, type SmsMonthCounter, type SpendReservation } from '../../domain/sms-spend';
import type { Page, PageRequest } from '../../ports/entity-repository';
import type { OutboxRepository, Reservation } from '../../ports/outbox-repository';
import { CursorSealer, listingScope, pageLimit } from './cursor';
import {
  smsMonthTtl as monthTtl,
  OPEN_OUTBOX_INDEX_PK,
  openOutboxIndexKeys,
  outboxKey,
  smsDayKey,
  smsMonthKey,
  withoutKeys,
} from './keys';
import { INDEX, indexPkEquals } from './table-schema';

const NAMES = { '#s': 'status', '#v': 'version' };

/**
 * The outbox's state changes, each one conditional update. Open messages (pending, sending) carry
 * the sparse `gsi2` keys of the sweeper's index; a final status removes them.
 */
export class DynamoDbOutboxRepository implements OutboxRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Seals the cursors it hands out; the default's cursors die with the process. */
    private readonly cursors: CursorSealer = CursorSealer.ephemeral(),
  ) {}

  async get(id: string): Promise<OutboxMessage | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: outboxKey(id), ConsistentRead: true }),
    );
    return out.Item ? (withoutKeys(out.Item) as OutboxMessage) : undefined;
  }

  async claim(id: string, version: number, leaseUntil: string): Promise<OutboxMessage | undefined> {
    const open = openOutboxIndexKeys(leaseUntil, id);
    const out = await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(id),
        UpdateExpression:
          'SET #s = :sending, attempts = attempts + :one, #v = #v + :one, dueAt = :due, gsi2pk = :gpk, gsi2sk = :gsk',
        ConditionExpression: '#s = :pending AND #v = :version',
        ExpressionAttributeNames: NAMES,
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':version': version,
          ':one': 1,
          ':due': leaseUntil,
          ':gpk': open.gsi2pk,
          ':gsk': open.gsi2sk,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out?.Attributes ? (withoutKeys(out.Attributes) as OutboxMessage) : undefined;
  }

  async reserveSegments(
    claimed: OutboxMessage,
    date: string,
    cap: number,
    spend: SpendReservation,
  ): Promise<Reservation> {
    if (claimed.reservedOn) return 'already-reserved';
    if (claimed.segments > cap) return 'over-cap';
    if (spend.capMicroUsd !== undefined && spend.costMicroUsd > spend.capMicroUsd) return 'over-spend-cap';
    try {
      // The budget and the message's note that it paid change together: a retry after a crash
      // between the two would otherwise pay twice (or send unpaid).
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: smsDayKey(claimed.hromadaId, date),
                UpdateExpression:
                  'ADD #seg :n SET #entity = :entity, expiresAt = if_not_exists(expiresAt, :ttl)',
                ConditionExpression: 'attribute_not_exists(#seg) OR #seg <= :room',
                ExpressionAttributeNames: { '#seg': 'segments', '#entity': 'entity' },
                ExpressionAttributeValues: {
                  ':n': claimed.segments,
                  ':room': cap - claimed.segments,
                  ':entity': 'SmsDayCounter',
                  ':ttl': Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + 400 * 86400,
                },
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: outboxKey(claimed.id),
                UpdateExpression: 'SET reservedOn = :date',
                ConditionExpression: '#s = :sending AND #v = :version AND attribute_not_exists(reservedOn)',
                ExpressionAttributeNames: NAMES,
                ExpressionAttributeValues: {
                  ':date': date,
                  ':sending': 'sending',
                  ':version': claimed.version,
                },
              },
            },
            { Update: this.monthSpend(claimed, spend) },
          ],
        }),
      );
      return 'reserved';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const [budget, message, month] = error.CancellationReasons ?? [];
      if (message?.Code === 'ConditionalCheckFailed') throw lostClaim(claimed);
      if (budget?.Code === 'ConditionalCheckFailed') return 'over-cap';
      if (month?.Code === 'ConditionalCheckFailed') return 'over-spend-cap';
      throw error;
    }
  }

  /** The month's counter gains this message's segments and estimated cost, within the cap. */
  private monthSpend(claimed: OutboxMessage, spend: SpendReservation) {
    const capped = spend.capMicroUsd !== undefined;
    return {
      TableName: this.tableName,
      Key: smsMonthKey(claimed.hromadaId, spend.month),
      UpdateExpression:
        'ADD #seg :n, estimatedMicroUsd :cost SET #entity = :entity, expiresAt = if_not_exists(expiresAt, :ttl)',
      ...(capped
        ? { ConditionExpression: 'attribute_not_exists(estimatedMicroUsd) OR estimatedMicroUsd <= :room' }
        : {}),
      ExpressionAttributeNames: { '#seg': 'segments', '#entity': 'entity' },
      ExpressionAttributeValues: {
        ':n': claimed.segments,
        ':cost': spend.costMicroUsd,
        ':entity': 'SmsMonthCounter',
        ':ttl': monthTtl(spend.month),
        ...(capped ? { ':room': spend.capMicroUsd! - spend.costMicroUsd } : {}),
      },
    };
  }

  async recordHeldBack(hromadaId: string, month: string, cap: 'daily' | 'monthly'): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: smsMonthKey(hromadaId, month),
        UpdateExpression: 'ADD #held :one SET #entity = :entity, expiresAt = if_not_exists(expiresAt, :ttl)',
        ExpressionAttributeNames: {
          '#held': cap === 'daily' ? 'heldBackDaily' : 'heldBackMonthly',
          '#entity': 'entity',
        },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'SmsMonthCounter', ':ttl': monthTtl(month) },
      }),
    );
  }

  async smsMonth(hromadaId: string, month: string): Promise<SmsMonthCounter> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: smsMonthKey(hromadaId, month), ConsistentRead: true }),
    );
    const item = (out.Item ?? {}) as Partial<SmsMonthCounter>;
    return {
      segments: item.segments ?? EMPTY_SMS_MONTH.segments,
      estimatedMicroUsd: item.estimatedMicroUsd ?? 0,
      receiptsMicroUsd: item.receiptsMicroUsd ?? 0,
      heldBackDaily: item.heldBackDaily ?? 0,
      heldBackMonthly: item.heldBackMonthly ?? 0,
    };
  }

  async markSent(claimed: OutboxMessage, providerMessageId: string, at: string): Promise<void> {
    const out = await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(claimed.id),
        UpdateExpression:
          'SET #s = :sent, providerMessageId = :pid, sentAt = :at, #v = #v + :one REMOVE dueAt, gsi2pk, gsi2sk',
        ConditionExpression: '#s = :sending AND #v = :version',
        ExpressionAttributeNames: NAMES,
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':sending': 'sending',
          ':version': claimed.version,
          ':pid': providerMessageId,
          ':at': at,
          ':one': 1,
        },
      }),
    );
    if (!out) throw lostClaim(claimed);
  }

  async markFailed(claimed: OutboxMessage, error: string, retryable: boolean, dueAt: string): Promise<void> {
    // A retryable failure goes back to pending (the stream sees the change and tries again)
    // until MAX_SEND_ATTEMPTS; then it is failed for good and shows up for the dispatcher.
    const again = retryable && claimed.attempts < MAX_SEND_ATTEMPTS;
    const out = await this.conditional(this.transition(claimed, again ? 'pending' : 'failed', error, dueAt));
    if (!out) throw lostClaim(claimed);
  }

  async listDue(now: string, limit: number): Promise<OutboxMessage[]> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.openMessages,
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :now',
        ExpressionAttributeValues: { ':pk': OPEN_OUTBOX_INDEX_PK, ':now': `${now}#~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => withoutKeys(i) as OutboxMessage);
  }

  async takeBack(seen: OutboxMessage, reason: string, dueAt: string | undefined): Promise<boolean> {
    const out = await this.conditional(
      this.transition(seen, dueAt ? 'pending' : 'failed', reason, dueAt ?? seen.createdAt),
    );
    return out !== undefined;
  }

  async listByHromada(hromadaId: string, page?: PageRequest): Promise<Page<OutboxMessage>> {
    const listing = {
      IndexName: INDEX.messageLog,
      KeyConditionExpression: indexPkEquals(INDEX.messageLog),
      ExpressionAttributeValues: { ':pk': `OUTBOX#${hromadaId}` },
      ScanIndexForward: false,
    };
    const scope = listingScope(listing);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...listing,
        Limit: pageLimit(page?.limit),
        ExclusiveStartKey: await this.cursors.open(page?.cursor, scope),
      }),
    );
    const next = await this.cursors.seal(out.LastEvaluatedKey, scope);
    return {
      items: (out.Items ?? []).map((i) => withoutKeys(i) as OutboxMessage),
      ...(next ? { next } : {}),
    };
  }

  /** `seen` (at its version) → pending due at `dueAt`, or → failed (leaves the open index). */
  private transition(seen: OutboxMessage, next: 'pending' | 'failed', error: string, dueAt: string) {
    const open = openOutboxIndexKeys(dueAt, seen.id);
    return new UpdateCommand({
      TableName: this.tableName,
      Key: outboxKey(seen.id),
      UpdateExpression:
        next === 'pending'
          ? 'SET #s = :next, #e = :error, #v = #v + :one, dueAt = :due, gsi2pk = :gpk, gsi2sk = :gsk'
          : 'SET #s = :next, #e = :error, #v = #v + :one REMOVE dueAt, gsi2pk, gsi2sk',
      ConditionExpression: '#s = :was AND #v = :version',
      ExpressionAttributeNames: { ...NAMES, '#e': 'error' },
      ExpressionAttributeValues: {
        ':next': next,
        ':was': seen.status,
        ':version': seen.version,
        ':error': error.slice(0, 500),
        ':one': 1,
        ...(next === 'pending' ? { ':due': dueAt, ':gpk': open.gsi2pk, ':gsk': open.gsi2sk } : {}),
      },
    });
  }

  /** Send a conditional update; undefined when its condition failed. */
  private async conditional(command: UpdateCommand) {
    try {
      return await this.doc.send(command);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}

/** The sweeper took the message back while this sender held it (it ran past its lease). */
function lostClaim(claimed: OutboxMessage): ConflictError {
  return new ConflictError(`Message ${claimed.id} is no longer claimed by this sender (lease passed)`);
}
