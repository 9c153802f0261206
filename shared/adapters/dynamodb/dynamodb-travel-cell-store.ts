import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TravelCell, TravelCellStore } from '../cached-travel-times/travel-cell-store';
import { TABLE_SCHEMA } from './table-schema';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL } = TABLE_SCHEMA;

/** BatchGetItem takes at most 100 keys, BatchWriteItem 25 items. */
const GET_BATCH = 100;
const WRITE_BATCH = 25;
/** Batches in flight at once. */
const PARALLEL = 4;
/** Rounds for the items DynamoDB leaves unprocessed (throttling), with backoff. */
const ROUNDS = 5;

export interface TravelCellStoreSettings {
  /** How long a cell lives (roads change; the default: 30 days). */
  ttlDays?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Travel cells in the single table (docs/data-model.md, "Travel times cache"): one item per
 * profile, origin and destination, pk `TRAVEL#<profile>#<lat>,<lon>` and sk `TO#<lat>,<lon>`
 * (5 decimals), `durationS`, `distanceM` and `expiresAt` (TTL). Read with BatchGetItem by exact
 * keys, written with BatchWriteItem; nothing else reads them.
 */
export class DynamoDbTravelCellStore implements TravelCellStore {
  private readonly ttlSeconds: number;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    settings: TravelCellStoreSettings = {},
  ) {
    this.ttlSeconds = (settings.ttlDays ?? 30) * 86_400;
    this.now = settings.now ?? (() => new Date());
    this.sleep = settings.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async get(keys: string[]): Promise<Map<string, TravelCell>> {
    const found = new Map<string, TravelCell>();
    const nowS = Math.floor(this.now().getTime() / 1000);
    await inParallel(chunks(keys, GET_BATCH), async (batch) => {
      let pending: Record<string, unknown>[] = batch.map(itemKey);
      for (let round = 0; pending.length > 0; round++) {
        if (round >= ROUNDS) throw new Error('DynamoDB left travel-cell reads unprocessed');
        if (round > 0) await this.sleep(50 * 2 ** round);
        const res = await this.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table]: {
                Keys: pending,
                ProjectionExpression: `${PK}, ${SK}, durationS, distanceM, ${TTL}`,
              },
            },
          }),
        );
        for (const item of res.Responses?.[this.table] ?? []) {
          // TTL deletes lag by up to days: an expired item is a miss
          if (typeof item[TTL] === 'number' && item[TTL] <= nowS) continue;
          found.set(keyOf(item), { duration: item.durationS as number, distance: item.distanceM as number });
        }
        pending = (res.UnprocessedKeys?.[this.table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    });
    return found;
  }

  async put(cells: Array<[string, TravelCell]>): Promise<void> {
    const expiresAt = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    await inParallel(chunks(cells, WRITE_BATCH), async (batch) => {
      let pending = batch.map(([key, cell]) => ({
        PutRequest: {
          Item: {
            ...itemKey(key),
            entity: 'TravelCell',
            durationS: cell.duration,
            distanceM: cell.distance,
            [TTL]: expiresAt,
          },
        },
      }));
      for (let round = 0; pending.length > 0; round++) {
        if (round >= ROUNDS) throw new Error('DynamoDB left travel-cell writes unprocessed');
        if (round > 0) await this.sleep(50 * 2 ** round);
        const res = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = (res.UnprocessedItems?.[this.table] as typeof pending | undefined) ?? [];
      }
    });
  }
}

/** `profile|from|to` (cellKey) → the item's key. */
function itemKey(key: string): Record<string, string> {
  const [profile, from, to] = key.split('|');
  return { [PK]: `TRAVEL#${profile}#${from}`, [SK]: `TO#${to}` };
}

function keyOf(item: Record<string, unknown>): string {
  const [, profile, from] = String(item[PK]).split('#');
  return `${profile}|${from}|${String(item[SK]).slice('TO#'.length)}`;
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

async function inParallel<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}
