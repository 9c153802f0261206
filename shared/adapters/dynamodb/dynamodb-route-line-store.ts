import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RouteLine } from '../../ports/route-geometry';
import type { RouteLineStore } from '../route-geometry/route-line-store';
import { TABLE_SCHEMA } from './table-schema';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = TABLE_SCHEMA;

/** A line over ~300 KB (DynamoDB's item limit is 400 KB) is not kept. */
const MAX_BYTES = 300_000;

/**
 * Road lines in the single table (docs/data-model.md, pattern ZN4): pk `ROUTELINE#<sha256>`, sk
 * `LINE`, the line as JSON in `line`, `expiresAt` (TTL). Read with a GetItem by its exact key.
 */
export class DynamoDbRouteLineStore implements RouteLineStore {
  private readonly ttlSeconds: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    settings: { ttlDays?: number; now?: () => Date } = {},
    private readonly now: () => Date = settings.now ?? (() => new Date()),
  ) {
    this.ttlSeconds = (settings.ttlDays ?? 30) * 86_400;
  }

  async get(key: string): Promise<RouteLine | undefined> {
    const res = await this.doc.send(new GetCommand({ TableName: this.table, Key: itemKey(key) }));
    const item = res.Item;
    if (!item || typeof item.line !== 'string') return undefined;
    // TTL deletes lag by up to days: an expired item is a miss
    if (typeof item[TTL] === 'number' && item[TTL] <= Math.floor(this.now().getTime() / 1000))
      return undefined;
    return JSON.parse(item.line) as RouteLine;
  }

  async put(key: string, line: RouteLine): Promise<void> {
    const json = JSON.stringify(line);
    if (json.length > MAX_BYTES) return;
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...itemKey(key),
          entity: 'RouteLine',
          line: json,
          [TTL]: Math.floor(this.now().getTime() / 1000) + this.ttlSeconds,
        },
      }),
    );
  }
}

const itemKey = (key: string) => ({ [PK]: `ROUTELINE#${key}`, [SK]: 'LINE' });
