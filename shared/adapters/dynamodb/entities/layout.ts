import type { EntityName } from '../../../domain/registry';
import { type IndexName, TABLE_SCHEMA } from '../table-schema';

/** An item's base key. */
export interface BaseKey {
  pk: string;
  sk: string;
}

/** Every key an item writes: its base key and, by the table schema's attribute names, its indexes'. */
export type ItemKeys = BaseKey & Record<string, string>;

/** The keys an item writes into one index, under that index's own attribute names. */
export function indexKeys(index: IndexName, pk: string, sk: string): Record<string, string> {
  const names = TABLE_SCHEMA.indexes[index];
  return { [names.partitionKey]: pk, [names.sortKey]: sk };
}

/** The partition of one hromada, where its registry items, requests and plans live. */
export const hromadaPk = (hromadaId: string) => `HROMADA#${hromadaId}`;

/**
 * How one entity is laid out in the single table: its base key, the prefix its sort keys share
 * (listing one kind in a hromada, pattern 2) and every key it writes, derived from its fields.
 */
export interface EntityLayout<T> {
  entity: EntityName;
  key(hromadaId: string, id: string): BaseKey;
  skPrefix: string;
  keysOf(item: T): ItemKeys;
}

/** An entity kept in its hromada's partition under `<PREFIX>#<id>`, with no index of its own. */
export function inHromada<T extends { id: string; hromadaId: string }>(
  entity: EntityName,
  prefix: string,
  indexes: (item: T) => Record<string, string> = () => ({}),
): EntityLayout<T> {
  const key = (hromadaId: string, id: string) => ({ pk: hromadaPk(hromadaId), sk: `${prefix}#${id}` });
  return {
    entity,
    key,
    skPrefix: `${prefix}#`,
    keysOf: (item) => ({ ...key(item.hromadaId, item.id), ...indexes(item) }),
  };
}
