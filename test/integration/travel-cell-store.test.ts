import { describe, expect, it } from 'vitest';
import { cellKey } from '../../shared/adapters/cached-travel-times/travel-cell-store';
import { DynamoDbTravelCellStore } from '../../shared/adapters/dynamodb/dynamodb-travel-cell-store';
import { freshTable } from './support';

describe('travel times cached in the table', () => {
  it('stores cells in batches and reads them back by key (more than one BatchGetItem), expired ones missing', async () => {
    const { tableName, doc } = await freshTable('travel');
    let now = new Date('2026-11-23T10:00:00Z');
    const store = new DynamoDbTravelCellStore(doc, tableName, { ttlDays: 30, now: () => now });
    const cells = Array.from({ length: 130 }, (_, i): [string, { duration: number; distance: number }] => [
      cellKey('driving-car', '49.55618,27.94912', `49.${String(i).padStart(5, '0')},27.84392`),
      { duration: 600 + i, distance: 9000 + i },
    ]);
    await store.put(cells);
    const found = await store.get([
      ...cells.map(([k]) => k),
      cellKey('driving-hgv', '1.00000,1.00000', '2.00000,2.00000'),
    ]);
    expect(found.size).toBe(130);
    expect(found.get(cells[129]![0])).toEqual({ duration: 729, distance: 9129 });

    // 31 days later the TTL has passed: a miss even before DynamoDB deletes the item
    now = new Date('2026-12-24T10:00:00Z');
    expect((await store.get([cells[0]![0]])).size).toBe(0);
  });
});
