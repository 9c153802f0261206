import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { EntityName } from '../../domain/registry';
import { type EntityOf, parseStored } from '../../domain/stored-entities';
import type { Page, PageRequest } from '../../ports/stores';
import { type CursorSealer, listingScope, pageLimit } from './cursor';
import { type BaseKey, entityKey, withoutKeys } from './keys';
import { type IndexName, indexPkEquals } from './table-schema';

export type Item = Record<string, unknown>;
export type QueryInput = Omit<QueryCommandInput, 'TableName'>;

/**
 * The single table's reads every store is built from: a consistent GetItem, one page of a query
 * (its cursor sealed for the caller), or every page of a query. Items come back without their
 * storage attributes (pk, sk, index keys, TTL).
 */
export class TableReads {
  constructor(
    protected readonly doc: DynamoDBDocumentClient,
    protected readonly tableName: string,
    private readonly cursors: CursorSealer,
  ) {}

  /** GetItem (consistent read), without its storage attributes. */
  async getItem(key: BaseKey): Promise<Item | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return out.Item ? withoutKeys(out.Item) : undefined;
  }

  /** One entity by its hromada and id (pattern 1), parsed with its schema. */
  async getEntity<E extends EntityName>(
    entity: E,
    hromadaId: string,
    id: string,
  ): Promise<EntityOf<E> | undefined> {
    const found = await this.getItem(entityKey(entity, hromadaId, id));
    return found && parseStored(entity, found);
  }

  /** One page of an index's partition. */
  queryIndex<T>(
    index: IndexName,
    pk: string,
    page: PageRequest | undefined,
    parse: (item: Item) => T,
    order?: { newestFirst: boolean },
  ): Promise<Page<T>> {
    return this.query(
      {
        IndexName: index,
        KeyConditionExpression: indexPkEquals(index),
        ExpressionAttributeValues: { ':pk': pk },
        ...(order?.newestFirst ? { ScanIndexForward: false } : {}),
      },
      page,
      parse,
    );
  }

  /** One page of a query; `next` is a sealed cursor that opens only for the same listing. */
  async query<T>(
    input: QueryInput,
    page: PageRequest | undefined,
    parse: (item: Item) => T,
  ): Promise<Page<T>> {
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
    return { items: (out.Items ?? []).map((i) => parse(withoutKeys(i))), ...(next ? { next } : {}) };
  }

  /** Every page of a query (a partition known to stay small: a day, a stop, a hromada's zones). */
  async queryAll<T>(input: QueryInput, parse: (item: Item) => T): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          ...input,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(out.Items ?? []).map((i) => parse(withoutKeys(i))));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
