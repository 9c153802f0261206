import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_SEND_ATTEMPTS, type OutboxMessage } from '../../domain/entities/outbox-message';
import type { Page, PageRequest } from '../../ports/entity-repository';
import type { OutboxRepository } from '../../ports/outbox-repository';
import { CursorSealer, listingScope, pageLimit } from './cursor';
import { outboxKey, smsDayKey, withoutKeys } from './keys';

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

  async claim(id: string, version: number, at: string): Promise<OutboxMessage | undefined> {
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKey(id),
          UpdateExpression: 'SET #s = :sending, attempts = attempts + :one, #v = #v + :one, claimedAt = :at',
          ConditionExpression: '#s = :pending AND #v = :version',
          ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':version': version,
            ':one': 1,
            ':at': at,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return withoutKeys(out.Attributes ?? {}) as OutboxMessage;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async markSent(id: string, providerMessageId: string, at: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(id),
        UpdateExpression: 'SET #s = :sent, providerMessageId = :pid, sentAt = :at, #v = #v + :one',
        ConditionExpression: '#s = :sending',
        ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':sending': 'sending',
          ':pid': providerMessageId,
          ':at': at,
          ':one': 1,
        },
      }),
    );
  }

  async markFailed(claimed: OutboxMessage, error: string, retryable: boolean): Promise<void> {
    // A retryable failure goes back to pending (the stream sees the change and tries again)
    // until MAX_SEND_ATTEMPTS; then it is failed for good and shows up for the dispatcher.
    const next = retryable && claimed.attempts < MAX_SEND_ATTEMPTS ? 'pending' : 'failed';
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(claimed.id),
        UpdateExpression: 'SET #s = :next, #e = :error, #v = #v + :one',
        ConditionExpression: '#s = :sending',
        ExpressionAttributeNames: { '#s': 'status', '#v': 'version', '#e': 'error' },
        ExpressionAttributeValues: {
          ':next': next,
          ':sending': 'sending',
          ':error': error.slice(0, 500),
          ':one': 1,
        },
      }),
    );
  }

  async markSuppressed(id: string, reason: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(id),
        UpdateExpression: 'SET #s = :suppressed, #e = :reason, #v = #v + :one',
        ConditionExpression: '#s = :sending',
        ExpressionAttributeNames: { '#s': 'status', '#v': 'version', '#e': 'error' },
        ExpressionAttributeValues: {
          ':suppressed': 'suppressed',
          ':sending': 'sending',
          ':reason': reason,
          ':one': 1,
        },
      }),
    );
  }

  async reserveSegments(hromadaId: string, date: string, segments: number, cap: number): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: smsDayKey(hromadaId, date),
          UpdateExpression: 'ADD #seg :n SET #entity = :entity, expiresAt = if_not_exists(expiresAt, :ttl)',
          ConditionExpression: 'attribute_not_exists(#seg) OR #seg <= :room',
          ExpressionAttributeNames: { '#seg': 'segments', '#entity': 'entity' },
          ExpressionAttributeValues: {
            ':n': segments,
            ':room': cap - segments,
            ':entity': 'SmsDayCounter',
            ':ttl': Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + 400 * 86400,
          },
        }),
      );
      return segments <= cap;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async listByHromada(hromadaId: string, page?: PageRequest): Promise<Page<OutboxMessage>> {
    const listing = {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
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
}
